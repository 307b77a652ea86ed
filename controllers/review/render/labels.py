"""Report wording (translated in context "report") and value formatting."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from ._qt import tr

Formatter = Callable[[float], str]


def duration(seconds: float) -> str:
    """H:MM:SS."""
    s = round(seconds)
    sign = "-" if s < 0 else ""
    s = abs(s)
    return f"{sign}{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def integer(v: float) -> str:
    return f"{v:,.0f}"


def one(v: float) -> str:
    return f"{v:,.1f}"


def two(v: float) -> str:
    return f"{v:,.2f}"


def pct(v: float) -> str:
    return f"{v:.2f} %" if abs(v) < 10 else f"{v:.1f} %"


def kbps(v: float) -> str:
    return f"{v:,.0f} kbit/s"


def fmt(value: float | None, formatter: Formatter) -> str:
    """``formatter(value)``, or an em dash when there is no value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return formatter(value)


def local_datetime(t: float) -> str:
    """Local date and time with the UTC offset, e.g. 2026-11-28 20:05 (+08:00)."""
    lt = time.localtime(t)
    off = lt.tm_gmtoff
    sign = "+" if off >= 0 else "-"
    off = abs(off)
    return time.strftime("%Y-%m-%d %H:%M", lt) + f" ({sign}{off // 3600:02d}:{off % 3600 // 60:02d})"


def clock(t: float) -> str:
    """Local H:MM:SS."""
    lt = time.localtime(t)
    return f"{lt.tm_hour}:{lt.tm_min:02d}:{lt.tm_sec:02d}"


#: Indicator groups in report order: (group key, indicator keys).
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("health", ("duration_s", "avg_bitrate_kbps", "min_bitrate_kbps", "dropped_frames_pct", "encoder_skipped_pct",
                "render_skipped_pct", "reconnecting_s", "obs_outages", "cpu_mean", "cpu_p95", "fps_mean",
                "fps_min")),
    ("audience", ("peak_viewers", "avg_viewers", "hours_watched", "unique_viewers", "avg_watch_time_s", "views",
                  "reach", "impressions", "impressions_ctr_pct")),
    ("engagement", ("chat_messages", "unique_chatters", "engagement_rate", "paid_messages", "paid_amount",
                    "new_followers")),
)

FORMATS: dict[str, Formatter] = {
    "duration_s": duration, "peak_viewers": integer, "avg_viewers": one, "hours_watched": one,
    "unique_viewers": integer, "avg_watch_time_s": duration, "unique_chatters": integer, "chat_messages": integer,
    "engagement_rate": pct, "paid_messages": integer, "paid_amount": two, "new_followers": integer,
    "avg_bitrate_kbps": kbps, "min_bitrate_kbps": kbps, "dropped_frames_pct": pct, "encoder_skipped_pct": pct,
    "render_skipped_pct": pct, "reconnecting_s": duration, "cpu_mean": pct, "cpu_p95": pct, "fps_mean": one,
    "fps_min": one, "obs_outages": integer, "reach": integer, "impressions": integer, "impressions_ctr_pct": pct,
    "views": integer,
    # imported metrics
    "watch_time_hours": one, "avg_view_duration_s": duration, "live_views": integer, "subscribers_gained": integer,
    "subscribers_lost": integer, "likes": integer, "dislikes": integer, "comments": integer, "shares": integer,
    "chatters": integer, "minutes_watched": integer, "reactions": integer,
}


def formatter(key: str) -> Formatter:
    return FORMATS.get(key, two)


def group_titles() -> dict[str, str]:
    return {"health": tr("Stream health"), "audience": tr("Audience"), "engagement": tr("Engagement")}


def metric_labels() -> dict[str, str]:
    """Labels of report keys and imported metrics."""
    return {
        "duration_s": tr("Duration"),
        "peak_viewers": tr("Peak concurrent viewers"),
        "avg_viewers": tr("Average concurrent viewers"),
        "hours_watched": tr("Hours watched"),
        "unique_viewers": tr("Unique viewers"),
        "avg_watch_time_s": tr("Average watch time"),
        "unique_chatters": tr("Unique chatters"),
        "chat_messages": tr("Chat messages"),
        "engagement_rate": tr("Engagement rate (chatters per average viewer)"),
        "paid_messages": tr("Paid messages"),
        "paid_amount": tr("Paid amount"),
        "new_followers": tr("New followers"),
        "avg_bitrate_kbps": tr("Average bitrate"),
        "min_bitrate_kbps": tr("Minimum bitrate"),
        "dropped_frames_pct": tr("Dropped frames (network)"),
        "encoder_skipped_pct": tr("Skipped frames (encoder)"),
        "render_skipped_pct": tr("Lagged frames (rendering)"),
        "reconnecting_s": tr("Time reconnecting"),
        "cpu_mean": tr("CPU, mean"),
        "cpu_p95": tr("CPU, 95th percentile"),
        "fps_mean": tr("FPS, mean"),
        "fps_min": tr("FPS, minimum"),
        "obs_outages": tr("OBS outages"),
        "reach": tr("Reach"),
        "impressions": tr("Impressions"),
        "impressions_ctr_pct": tr("Impressions click-through rate"),
        "views": tr("Views"),
        "watch_time_hours": tr("Watch time (hours)"),
        "avg_view_duration_s": tr("Average view duration"),
        "live_views": tr("Live views"),
        "subscribers_gained": tr("Subscribers gained"),
        "subscribers_lost": tr("Subscribers lost"),
        "likes": tr("Likes"),
        "dislikes": tr("Dislikes"),
        "comments": tr("Comments"),
        "shares": tr("Shares"),
        "chatters": tr("Chatters"),
        "minutes_watched": tr("Minutes watched"),
        "reactions": tr("Reactions"),
    }


def chart_titles() -> dict[str, str]:
    return {
        "viewers": tr("Concurrent viewers"),
        "chat_per_minute": tr("Chat messages per minute"),
        "bitrate_kbps": tr("Bitrate (kbit/s)"),
        "dropped_frames_pct": tr("Dropped frames (%)"),
        "cpu": tr("CPU usage (%)"),
        "fps": tr("Frames per second"),
    }


def light_labels() -> dict[str, str]:
    return {"green": tr("Good"), "yellow": tr("Warning"), "red": tr("Poor")}


def dimension_labels() -> dict[str, str]:
    return {"age": tr("Viewer age"), "gender": tr("Viewer gender"), "geography": tr("Geography")}


def breakdown_metric_labels() -> dict[str, str]:
    return {"views_pct": tr("share of views"), "watch_time_pct": tr("share of watch time"),
            "audience_pct": tr("share of audience")}


def status_labels() -> dict[str, str]:
    return {"live": tr("live"), "ended": tr("ended"), "interrupted": tr("interrupted")}


def kind_labels() -> dict[str, str]:
    return {"stream": tr("Stream"), "rehearsal": tr("Rehearsal"), "imported": tr("Imported")}


def comparison_labels() -> dict[str, str]:
    """Short column headings of the comparison table."""
    return {"duration_s": tr("Duration"), "peak_viewers": tr("Peak viewers"), "avg_viewers": tr("Avg. viewers"),
            "hours_watched": tr("Hours watched"), "chat_messages": tr("Chat messages"),
            "engagement_rate": tr("Engagement"), "dropped_frames_pct": tr("Dropped frames")}
