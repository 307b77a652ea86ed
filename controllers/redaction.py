"""Keeps secrets out of logs: a logging filter that masks every registered secret value."""

from __future__ import annotations

import logging
import threading

_lock = threading.Lock()
_secrets: set[str] = set()
MASK = "••••••"
_TRACEBACK_FORMATTER = logging.Formatter()


def register(secret: str) -> None:
    """Mask ``secret`` wherever it would appear in a log record from now on."""
    if secret and len(secret) >= 3:
        with _lock:
            _secrets.add(secret)


def forget_all() -> None:
    """Forget every registered secret (tests: one test's secrets must not mask another's text)."""
    with _lock:
        _secrets.clear()


def redact(text: str) -> str:
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        text = text.replace(secret, MASK)
    return text


def mask(secret: str, keep: int = 0) -> str:
    """A display form of a secret: bullets, optionally keeping the last ``keep`` characters."""
    if not secret:
        return ""
    return MASK + (secret[-keep:] if keep and len(secret) > 2 * keep else "")


class RedactingFilter(logging.Filter):
    """Rewrites each record's message with secrets masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            # Handlers format the traceback after filtering; format it here so it can be redacted.
            record.exc_text = _TRACEBACK_FORMATTER.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True
