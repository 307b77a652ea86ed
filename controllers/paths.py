"""Where OnAir keeps its files. ``ONAIR_HOME``, when set, holds every file OnAir writes."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "OnAir"


def _home() -> Path | None:
    value = os.environ.get("ONAIR_HOME")
    return Path(value).expanduser() if value else None


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """Settings (onair.ini)."""
    home = _home()
    return _ensure(home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, False)))


def data_dir() -> Path:
    """Databases, user checklists, exports."""
    home = _home()
    return _ensure(home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, False)))


def log_dir() -> Path:
    home = _home()
    return _ensure(home / "logs" if home else Path(platformdirs.user_log_dir(APP_NAME, False)))


def settings_file() -> Path:
    return config_dir() / "onair.ini"
