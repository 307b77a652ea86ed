"""Secrets (OBS password, tokens, stream keys) in the OS keyring, never in plain files.

Without a usable keyring a secret lives in memory for this run only, and :func:`keyring_status`
says so, so the UI can tell the operator. Every secret that passes through here is registered with
:mod:`controllers.redaction`, so it never reaches a log.
"""

from __future__ import annotations

import logging

import keyring
import keyring.errors
from keyring.backends import fail

from . import redaction

log = logging.getLogger(__name__)
SERVICE = "OnAir"
_memory: dict[str, str] = {}


def keyring_available() -> bool:
    """True when a real OS keyring backend is configured."""
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        return False
    priority = getattr(backend, "priority", 1)
    return bool(priority is None or float(priority) > 0)


def keyring_status() -> str:
    """One sentence for the operator about where secrets are kept."""
    if keyring_available():
        return f"Secrets are kept in the system keyring ({type(keyring.get_keyring()).__name__})."
    return "No system keyring is available: secrets are kept in memory for this session only."


def get_secret(name: str) -> str | None:
    value = _memory.get(name)
    if value is None and keyring_available():
        try:
            value = keyring.get_password(SERVICE, name)
        except keyring.errors.KeyringError as exc:
            log.warning("Keyring read failed for %s: %s", name, exc)
    if value:
        redaction.register(value)
    return value


def set_secret(name: str, value: str, *, remember: bool = True) -> bool:
    """Store a secret; returns True when it went to the OS keyring (persisting across runs)."""
    if value:
        redaction.register(value)
    _memory[name] = value
    if not remember or not keyring_available():
        return False
    try:
        if value:
            keyring.set_password(SERVICE, name, value)
        else:
            delete_secret(name)
        return True
    except keyring.errors.KeyringError as exc:
        log.warning("Keyring write failed for %s: %s", name, exc)
        return False


def delete_secret(name: str) -> None:
    _memory.pop(name, None)
    if keyring_available():
        try:
            keyring.delete_password(SERVICE, name)
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as exc:
            log.warning("Keyring delete failed for %s: %s", name, exc)
