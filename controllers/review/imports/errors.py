"""Errors of the analytics imports: every message names the file (or the session) and the problem."""

from __future__ import annotations


class ImportFailed(Exception):
    """An import did not happen; nothing was written."""


class ImportFileError(ImportFailed):
    """The file cannot be imported: ``str(exc)`` is ``"<file name>: <problem>"``."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class ImportSessionError(ImportFailed):
    """The session to import into does not exist (or the arguments do not fit the file)."""
