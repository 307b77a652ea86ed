"""Logging to a rotating file under the log directory, with secrets redacted."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from . import paths
from .redaction import RedactingFilter


def setup_logging(level: int = logging.INFO, *, console: bool = False) -> Path:
    """Configure the root logger once; returns the log file path."""
    log_file = paths.log_dir() / "onair.log"
    root = logging.getLogger()
    if any(getattr(h, "_onair", False) for h in root.handlers):
        return log_file
    handler: logging.Handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    handler._onair = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    if console:
        stream = logging.StreamHandler()
        stream.addFilter(RedactingFilter())
        stream.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(stream)
    root.setLevel(level)
    logging.getLogger("websocket").setLevel(logging.CRITICAL)
    logging.getLogger("obswebsocket").setLevel(logging.WARNING)
    return log_file
