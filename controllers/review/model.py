"""The review's data contract: what ``build_review`` hands to the panel, the reports and the CLI.

Times are Unix seconds (UTC) on one shared axis: the session's samples, events, chat and viewer
counts, and imported series anchored to the session's start. Series are NumPy arrays (float64) so
12-hour sessions (43,200 points) chart without copying.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
Light = Literal["green", "yellow", "red"]

#: Stable keys of the JSON report (docs/REVIEW.md documents each formula). Values may be None
#: when the session has no data for them (e.g. no viewer counts and no import).
REPORT_KEYS: tuple[str, ...] = (
    "duration_s", "peak_viewers", "avg_viewers", "hours_watched", "unique_viewers", "avg_watch_time_s",
    "unique_chatters", "chat_messages", "engagement_rate", "paid_messages", "paid_amount",
    "new_followers", "avg_bitrate_kbps", "min_bitrate_kbps", "dropped_frames_pct", "encoder_skipped_pct",
    "render_skipped_pct", "reconnecting_s", "cpu_mean", "cpu_p95", "fps_mean", "fps_min", "obs_outages",
    "reach", "impressions", "impressions_ctr_pct", "views",
)

#: Unit of each REPORT_KEYS value ("" for counts), for tables and the CSV export.
REPORT_UNITS: dict[str, str] = {
    "duration_s": "s", "peak_viewers": "viewers", "avg_viewers": "viewers", "hours_watched": "h",
    "unique_viewers": "viewers", "avg_watch_time_s": "s", "unique_chatters": "chatters", "chat_messages": "messages",
    "engagement_rate": "%", "paid_messages": "messages", "paid_amount": "currency", "new_followers": "followers",
    "avg_bitrate_kbps": "kbit/s", "min_bitrate_kbps": "kbit/s", "dropped_frames_pct": "%",
    "encoder_skipped_pct": "%", "render_skipped_pct": "%", "reconnecting_s": "s", "cpu_mean": "%", "cpu_p95": "%",
    "fps_mean": "fps", "fps_min": "fps", "obs_outages": "outages", "reach": "accounts", "impressions": "impressions",
    "impressions_ctr_pct": "%", "views": "views",
}

#: Canonical keys of imported scalar metrics (imported_metrics.metric). Importers map every
#: platform's header (English, zh-TW, ...) onto these.
IMPORTED_METRICS: tuple[str, ...] = (
    "views", "unique_viewers", "watch_time_hours", "avg_view_duration_s", "impressions", "impressions_ctr_pct",
    "reach", "peak_viewers", "avg_viewers", "live_views", "new_followers", "subscribers_gained",
    "subscribers_lost", "likes", "dislikes", "comments", "shares", "chat_messages", "chatters",
    "minutes_watched", "reactions", "avg_watch_time_s",
    "subscribers_net",  # YouTube Studio "Subscribers": gained minus lost
)

#: Canonical keys of imported time series (imported_series.metric).
IMPORTED_SERIES: tuple[str, ...] = ("viewers", "avg_viewers", "chat_messages", "chatters", "new_followers",
                                    "live_views", "views")

#: Time series the review charts on the shared axis (Series.key).
CHART_SERIES: tuple[str, ...] = ("viewers", "chat_per_minute", "bitrate_kbps", "dropped_frames_pct", "cpu", "fps")


@dataclass(frozen=True)
class Series:
    key: str                    # one of CHART_SERIES (or an imported series key)
    t: FloatArray               # Unix seconds, ascending
    v: FloatArray               # values; NaN where unknown (e.g. an OBS outage)
    unit: str = ""              # "kbit/s", "%", "viewers", "msg/min", "fps"
    source: str = "obs"         # obs | chat | twitch | youtube | facebook | import:<kind>


@dataclass(frozen=True)
class TimelineEvent:
    t: float
    kind: str                   # scene | marker | obs_disconnected | obs_reconnected | stream_reconnecting | ...
    label: str                  # plain text for the chart tooltip (scene name, marker note)


@dataclass(frozen=True)
class Outage:
    start: float
    end: float                  # OBS gone (obs_disconnected → obs_reconnected) or stream reconnecting


@dataclass(frozen=True)
class Goal:
    metric: str                 # a REPORT_KEYS key
    op: Literal[">=", "<="]
    target: float


@dataclass(frozen=True)
class GoalResult:
    goal: Goal
    actual: float | None
    met: bool | None            # None: no data for the metric


@dataclass(frozen=True)
class Breakdown:
    dimension: str              # age | gender | geography
    metric: str                 # views_pct | watch_time_pct | ...
    rows: tuple[tuple[str, float], ...]   # (key, value), largest first for geography
    platform: str = ""                    # the platform whose export it came from


@dataclass(frozen=True)
class ComparisonRow:
    session_id: int
    started_at: float
    title: str
    values: dict[str, float | None]       # REPORT_KEYS subset


@dataclass
class SessionReview:
    session_id: int
    title: str
    platform: str
    kind: str                             # stream | rehearsal | imported
    status: str
    started_at: float
    ended_at: float
    notes: str
    recording_path: str | None
    recording_started_at: float | None    # when OBS began the recording (record_started event), for the player
    indicators: dict[str, float | None]   # every REPORT_KEYS key present
    lights: dict[str, Light]              # dropped_frames_pct / encoder_skipped_pct / render_skipped_pct
    series: dict[str, Series]             # CHART_SERIES keys that have data
    events: list[TimelineEvent] = field(default_factory=list)
    outages: list[Outage] = field(default_factory=list)
    breakdowns: list[Breakdown] = field(default_factory=list)
    retention: Series | None = None       # t = position as a fraction 0..1 of the stream, v = % audience
    imported: dict[str, float] = field(default_factory=dict)   # IMPORTED_METRICS, summed over imports
    imports: list[dict[str, Any]] = field(default_factory=list)  # id, platform, kind, source_name, imported_at
    goals: list[GoalResult] = field(default_factory=list)
    comparison: list[ComparisonRow] = field(default_factory=list)  # previous N sessions, same platform, oldest first
    # Added by build_review (docs/REVIEW.md):
    sources: dict[str, str] = field(default_factory=dict)  # indicator key → obs | viewers | chat | import[:<kind>]
    paid_amounts: dict[str, float] = field(default_factory=dict)  # currency ("BITS" for Twitch cheers) → sum
    paid_currency: str | None = None      # the currency paid_amount is in (the one with the most paid messages)
    goal_source: str = "none"             # session | template | none: where the evaluated goals came from
    obs_outage_s: float | None = None     # Σ length of the OBS outages (None without samples or events)
