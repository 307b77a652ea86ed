"""The hookup between the review's charts and a video player (``ui.review.player.VideoPlayer``).

Any object with ``load(path) -> bool``, ``seek(ms)``, ``position_ms()``, ``release()`` and the
signals ``positionChanged(int)`` / ``errorOccurred(str)`` will do (tests use a stub). The mapping:
``ms = (t − recording_started_at) · 1000`` and back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtWidgets import QWidget


class Player(Protocol):
    positionChanged: Any
    errorOccurred: Any

    def load(self, path: str) -> bool: ...
    def seek(self, ms: int) -> None: ...
    def position_ms(self) -> int: ...
    def release(self) -> None: ...


PlayerFactory = Callable[[QWidget], Any]


def default_player_factory() -> PlayerFactory | None:
    """``VideoPlayer`` when the player module and python-vlc import; else None (no video pane)."""
    try:
        from .player import VideoPlayer
    except Exception:  # noqa: BLE001 (no libvlc, no python-vlc: the review works without video)
        return None
    return lambda parent: VideoPlayer(parent)


def t_to_ms(t: float, recording_started_at: float) -> int:
    """Chart time (Unix s) → position in the recording (ms)."""
    return int(round((t - recording_started_at) * 1000.0))


def ms_to_t(ms: int, recording_started_at: float) -> float:
    """Position in the recording (ms) → chart time (Unix s)."""
    return recording_started_at + ms / 1000.0
