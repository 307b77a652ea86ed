"""Plain, immutable data the OBS client hands to its listeners (no Qt here)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import Enum


class LinkState(Enum):
    """Where the connection to OBS stands."""

    DISCONNECTED = "disconnected"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"


@dataclass(frozen=True)
class ConnectionStatus:
    """The connection state with its reason (e.g. "wrong password") and retry plan."""

    state: LinkState
    url: str
    reason: str = ""
    retry_in_s: float | None = None
    attempt: int = 0


@dataclass(frozen=True)
class AudioInput:
    """An OBS input that carries audio."""

    name: str
    kind: str
    muted: bool
    volume_db: float


@dataclass(frozen=True)
class OutputState:
    """Stream or record output state."""

    active: bool = False
    reconnecting: bool = False
    paused: bool = False
    path: str | None = None
    #: "starting" or "stopping" while OBS is between states, else "".
    transition: str = ""


@dataclass(frozen=True)
class VideoSettings:
    base_width: int = 0
    base_height: int = 0
    output_width: int = 0
    output_height: int = 0
    fps: float = 0.0


@dataclass(frozen=True)
class ObsSnapshot:
    """Everything OnAir knows about OBS at one moment; scenes are in OBS's UI order (top first)."""

    obs_version: str = ""
    websocket_version: str = ""
    platform: str = ""
    scenes: tuple[str, ...] = ()
    program_scene: str = ""
    preview_scene: str | None = None
    studio_mode: bool = False
    audio_inputs: tuple[AudioInput, ...] = ()
    stream: OutputState = field(default_factory=OutputState)
    record: OutputState = field(default_factory=OutputState)
    video: VideoSettings = field(default_factory=VideoSettings)
    shutting_down: bool = False

    def audio_input(self, name: str) -> AudioInput | None:
        return next((a for a in self.audio_inputs if a.name == name), None)


@dataclass(frozen=True)
class HealthStats:
    """One 1 Hz sample of GetStats + GetStreamStatus, with the bitrate derived from outputBytes."""

    active_fps: float = 0.0
    cpu_usage: float = 0.0
    memory_mb: float = 0.0
    available_disk_mb: float = 0.0
    render_skipped: int = 0
    render_total: int = 0
    encoder_skipped: int = 0
    encoder_total: int = 0
    stream_active: bool = False
    stream_reconnecting: bool = False
    stream_timecode: str = ""
    stream_duration_ms: int = 0
    congestion: float = 0.0
    stream_bytes: int = 0
    network_dropped: int = 0
    network_total: int = 0
    bitrate_kbps: float | None = None
    record_timecode: str = ""
    record_active: bool = False

    @property
    def render_skipped_pct(self) -> float:
        return percent(self.render_skipped, self.render_total)

    @property
    def encoder_skipped_pct(self) -> float:
        return percent(self.encoder_skipped, self.encoder_total)

    @property
    def network_dropped_pct(self) -> float:
        return percent(self.network_dropped, self.network_total)


def percent(part: int, total: int) -> float:
    """``part`` as a percentage of ``total`` (0 when there is no total)."""
    return 100.0 * part / total if total > 0 else 0.0


def bitrate_kbps(prev_bytes: int, prev_time: float, cur_bytes: int, cur_time: float) -> float | None:
    """kbit/s between two outputBytes readings; None when it cannot be known (first sample, reset)."""
    elapsed = cur_time - prev_time
    if elapsed <= 0 or cur_bytes < prev_bytes:
        return None
    return (cur_bytes - prev_bytes) * 8 / 1000 / elapsed


class Level(Enum):
    """Traffic-light level, as OBS's stats dock colours its numbers."""

    OK = "ok"
    WARNING = "warning"
    ERROR = "error"


def frames_level(pct: float) -> Level:
    """Skipped/dropped frames: up to 1 % fine, up to 5 % warning, above that error (OBS stats dock)."""
    if pct > 5.0:
        return Level.ERROR
    if pct > 1.0:
        return Level.WARNING
    return Level.OK


def disk_level(available_mb: float) -> Level:
    """Free disk: under 1 GB error, under 5 GB warning."""
    if available_mb < 1024:
        return Level.ERROR
    if available_mb < 5 * 1024:
        return Level.WARNING
    return Level.OK


def congestion_level(congestion: float) -> Level:
    """Stream congestion 0..1 as OBS's status bar square: green, yellow, red."""
    if congestion >= 0.5:
        return Level.ERROR
    if congestion >= 0.1:
        return Level.WARNING
    return Level.OK


def mul_to_db(mul: float) -> float:
    """Linear amplitude to dBFS (-inf for silence)."""
    return 20.0 * math.log10(mul) if mul > 0 else -math.inf
