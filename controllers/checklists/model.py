"""Checklist data as plain, typed dataclasses (no Qt, no I/O)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

GROUPS = ("platform", "video", "audio", "network", "scenes", "recording", "maintenance")
KINDS = ("manual", "probe")
SEVERITIES = ("required", "advisory")


class Status(Enum):
    """The outcome of one item in one run."""

    PASS = "pass"
    FAIL = "fail"
    #: The probe itself broke (bad parameters, an unexpected answer): fix the checklist or OnAir.
    ERROR = "error"
    #: The probe could not reach what it checks (OBS disconnected, timed out): never a pass.
    COULD_NOT_CHECK = "could_not_check"
    #: A manual item the operator has not ticked in this run.
    MANUAL = "manual"


class Readiness(Enum):
    READY = "ready"            # every required item passed
    BLOCKED = "blocked"        # a required item failed, errored or could not be checked
    INCOMPLETE = "incomplete"  # nothing required failed, but required manual items are not ticked


@dataclass(frozen=True)
class Title:
    en: str
    zh_TW: str

    def text(self, language: str = "en") -> str:
        return self.zh_TW if language.startswith("zh") and self.zh_TW else self.en


@dataclass(frozen=True)
class Item:
    id: str
    title: Title
    group: str
    required: bool
    kind: str                                  # "manual" | "probe"
    probe: str = ""                            # probe name when kind == "probe"
    params: dict[str, Any] = field(default_factory=dict)
    interval_days: float | None = None         # maintenance items: due this long after the last pass
    timeout_s: float | None = None             # per-item probe timeout (else the run's)
    help: str = ""

    @property
    def automatic(self) -> bool:
        return self.kind == "probe"


@dataclass(frozen=True)
class Checklist:
    id: str
    title: Title
    items: tuple[Item, ...]
    source: str = ""                           # the file it came from

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items if i.id == item_id), None)


@dataclass(frozen=True)
class BitrateRange:
    """Recommended video bitrate for one output height and frame rate (kbit/s)."""

    height: int
    fps: float
    min_kbps: int
    max_kbps: int


@dataclass(frozen=True)
class PlatformProfile:
    id: str
    title: Title
    #: Regular expressions the stream server URL (rtmp_custom) should match.
    ingest_patterns: tuple[str, ...] = ()
    #: OBS's own service names (rtmp_common "service") that mean this platform.
    obs_services: tuple[str, ...] = ()
    #: Allowed output resolutions (width, height); empty: any.
    resolutions: tuple[tuple[int, int], ...] = ()
    #: Allowed frame rates; empty: any.
    fps: tuple[float, ...] = ()
    bitrates: tuple[BitrateRange, ...] = ()
    keyframe_interval_s: float | None = None
    max_keyframe_interval_s: float | None = None
    source: str = ""

    def bitrate_for(self, height: int, fps: float) -> BitrateRange | None:
        """The range for this output height at the nearest listed frame rate ≥ fps (30 → 30, 50 → 60)."""
        rows = [b for b in self.bitrates if b.height == height]
        if not rows:
            return None
        above = [b for b in rows if b.fps + 0.5 >= fps]
        pool = above or rows
        return min(pool, key=lambda b: abs(b.fps - fps) if not math.isnan(fps) else 0)


@dataclass(frozen=True)
class ItemResult:
    item_id: str
    status: Status
    reason: str
    required: bool = True
    automatic: bool = True
    note: str = ""
    duration_ms: int = 0
    #: Machine-readable facts the probe saw (never secrets).
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RunResult:
    checklist_id: str
    platform: str
    started_at: float
    finished_at: float
    results: tuple[ItemResult, ...]
    operator: str = ""
    #: OBS could not be reached at the start of the run, or was lost during it.
    obs_unreachable: bool = False

    @property
    def overall(self) -> Readiness:
        return readiness(self.results)

    def result(self, item_id: str) -> ItemResult | None:
        return next((r for r in self.results if r.item_id == item_id), None)


def readiness(results: tuple[ItemResult, ...] | list[ItemResult]) -> Readiness:
    required = [r for r in results if r.required]
    if any(r.status in (Status.FAIL, Status.ERROR, Status.COULD_NOT_CHECK) for r in required):
        return Readiness.BLOCKED
    if any(r.status is not Status.PASS for r in required):
        return Readiness.INCOMPLETE
    return Readiness.READY
