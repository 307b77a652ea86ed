"""``main.py import FILE``: a platform analytics export into a session (formats: tests/data/imports/FORMATS.md)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QCoreApplication

from controllers.review.imports import ImportFailed, import_file
from controllers.sessions.service import database_path
from controllers.sessions.store import StoreError, connect, migrate

EXIT_OK, EXIT_ERROR = 0, 1


def tr(text: str) -> str:
    return QCoreApplication.translate("cli", text)


def parse_start(text: str) -> dt.datetime | None:
    """An ISO 8601 date and time with a UTC offset (``Z`` allowed); None when it is not one."""
    try:
        value = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo is not None else None


def import_command(path: Path, session_id: int | None, start_text: str | None, platform: str | None,
                   out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Import FILE; print the session id on stdout (a summary on stderr); exit 1 with one line on failure."""
    start = None
    if start_text is not None:
        start = parse_start(start_text)
        if start is None:
            err.write(tr("Import failed: --start {value} is not a date and time with a UTC offset "
                         "(e.g. 2026-08-23T20:00:00+08:00).").format(value=start_text) + "\n")
            return EXIT_ERROR
    try:
        db = database_path()
        conn = connect(db)
        try:
            migrate(conn, db)
            outcome = import_file(conn, path, session_id=session_id, start=start, platform=platform)
        finally:
            conn.close()
    except (ImportFailed, StoreError) as exc:
        err.write(tr("Import failed: {reason}").format(reason=exc) + "\n")
        return EXIT_ERROR
    if outcome.created_session:
        summary = tr("Imported {file} ({kind}) into new session {id}: {metrics} metrics, {points} series points, "
                     "{rows} breakdown rows.")
    else:
        summary = tr("Imported {file} ({kind}) into session {id}: {metrics} metrics, {points} series points, "
                     "{rows} breakdown rows.")
    err.write(summary.format(file=outcome.source_name, kind=outcome.kind, id=outcome.session_id,
                             metrics=outcome.metrics, points=outcome.series_points, rows=outcome.breakdowns) + "\n")
    if outcome.replaced:
        err.write(tr("It replaces the earlier import of the same file.") + "\n")
    out.write(f"{outcome.session_id}\n")
    return EXIT_OK
