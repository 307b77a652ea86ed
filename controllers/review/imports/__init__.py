"""Imports of platform analytics exports (YouTube Studio, YouTube live, Twitch, Meta) into a session.

Layers: ``text`` (bytes → tables), ``values`` (cells), ``aliases`` (headers → canonical keys),
``formats`` (detection by header signature, parsing → :class:`ImportedData`), ``service``
(:func:`import_file`: validate everything, then write in one transaction). docs/ARCHITECTURE.md and
tests/data/imports/FORMATS.md.
"""

from .errors import ImportFailed, ImportFileError, ImportSessionError
from .formats import KINDS, PLATFORMS, ImportedData, detect, parse_export
from .service import ImportOutcome, import_file, read_export, submit_import

__all__ = ["KINDS", "PLATFORMS", "ImportFailed", "ImportFileError", "ImportOutcome", "ImportSessionError",
           "ImportedData", "detect", "import_file", "parse_export", "read_export",
           "submit_import"]
