"""Pure functions behind the review's indicators (docs/REVIEW.md gives every formula).

Inputs are NumPy float64 arrays already loaded from the session database (NULL → NaN) or small
lists of rows; nothing here touches SQLite, Qt or the clock.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from .model import FloatArray, Light, Outage, TimelineEvent

#: OBS samples come at 1 Hz: a longer pause between two samples is a gap (the charts break there).
SAMPLE_GAP_S = 5.0
#: A viewer count stands for at most this long after it was taken (YouTube polls every 30 s).
VIEWER_GAP_S = 120.0
#: Event kinds drawn on the review's time axis.
TIMELINE_KINDS = frozenset({
    "scene", "marker", "obs_disconnected", "obs_reconnected", "stream_reconnecting", "stream_reconnected",
    "stream_resumed", "stream_started", "stream_stopped", "record_started", "record_stopped", "obs_exit",
    "session_expired", "interrupted",
})


def light(pct: float | None) -> Light | None:
    """OBS's stats-dock colour for a frame percentage: ≤ 1 % green, ≤ 5 % yellow, above red."""
    if pct is None or math.isnan(pct):
        return None
    if pct > 5.0:
        return "red"
    if pct > 1.0:
        return "yellow"
    return "green"


def _value(x: float | np.floating | None) -> float | None:
    if x is None:
        return None
    f = float(x)
    return None if math.isnan(f) else f


def nan_mean(v: FloatArray) -> float | None:
    """Mean of the known values (NaN ignored); None when there is none."""
    known = v[~np.isnan(v)]
    return float(known.mean()) if known.size else None


def nan_min(v: FloatArray) -> float | None:
    known = v[~np.isnan(v)]
    return float(known.min()) if known.size else None


def nan_max(v: FloatArray) -> float | None:
    known = v[~np.isnan(v)]
    return float(known.max()) if known.size else None


def nan_percentile(v: FloatArray, q: float) -> float | None:
    """The q-th percentile of the known values, linear interpolation (NumPy's default)."""
    known = v[~np.isnan(v)]
    return float(np.percentile(known, q)) if known.size else None


# -- frame counters ------------------------------------------------------------------------------------

def counter_deltas(part: FloatArray, total: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Per-interval increments of a (skipped, total) counter pair sampled over time.

    Samples where either counter is unknown are left out. A counter that goes down was reset (OBS
    restarted, or the output started again): the increment over that interval is the new reading
    itself (the counter counted up from zero). Frames before the first sample are not counted.
    """
    known = ~(np.isnan(part) | np.isnan(total))
    p, t = part[known], total[known]
    if p.size < 2:
        return np.zeros(0), np.zeros(0)
    dp, dt = np.diff(p), np.diff(t)
    reset = (dp < 0) | (dt < 0)
    dp[reset] = p[1:][reset]
    dt[reset] = t[1:][reset]
    return dp, dt


def frames_pct(part: FloatArray, total: FloatArray) -> float | None:
    """100 · Σ Δskipped / Σ Δtotal over the session; None when no frame was counted."""
    dp, dt = counter_deltas(part, total)
    frames = float(dt.sum())
    return 100.0 * float(dp.sum()) / frames if frames > 0 else None


def frames_pct_series(t: FloatArray, part: FloatArray, total: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Per-interval percentage (at the later sample's time); NaN where no frame was counted."""
    known = ~(np.isnan(part) | np.isnan(total))
    tk = t[known]
    dp, dt = counter_deltas(part, total)
    if not dt.size:
        return np.zeros(0), np.zeros(0)
    with np.errstate(divide="ignore", invalid="ignore"):
        pct = np.where(dt > 0, 100.0 * dp / np.where(dt > 0, dt, 1.0), np.nan)
    return tk[1:].astype(np.float64), pct.astype(np.float64)


# -- series and gaps ------------------------------------------------------------------------------------

def with_gaps(t: FloatArray, v: FloatArray, max_gap: float) -> tuple[FloatArray, FloatArray]:
    """Insert a NaN point halfway into every pause longer than ``max_gap`` so a chart breaks there."""
    if t.size < 2:
        return t.astype(np.float64), v.astype(np.float64)
    where = np.nonzero(np.diff(t) > max_gap)[0]
    if not where.size:
        return t.astype(np.float64), v.astype(np.float64)
    mids = (t[where] + t[where + 1]) / 2.0
    return (np.insert(t, where + 1, mids).astype(np.float64),
            np.insert(v.astype(np.float64), where + 1, np.nan))


# -- viewers ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ViewerStats:
    peak: float | None
    average: float | None          # time-weighted
    hours_watched: float | None    # Σ viewers · Δt / 3600
    known_s: float                 # Σ Δt: how long the counts cover


def cadence_gap(t: FloatArray, max_gap: float) -> float:
    """``max_gap``, or 1.5 × the counts' usual spacing when that is longer (Twitch's stream summary has a
    row every 5 minutes: each row stands for its 5 minutes, not for 120 s)."""
    if t.size < 5:                      # too few counts to tell a cadence from a gap
        return max_gap
    return max(max_gap, 1.5 * float(np.median(np.diff(t))))


def hold_weights(t: FloatArray, end: float, max_gap: float = VIEWER_GAP_S) -> FloatArray:
    """How long each count stands: until the next count (or ``end`` for the last), at most ``max_gap``
    (widened to the counts' own cadence, see :func:`cadence_gap`). Counts after ``end`` weigh 0.
    """
    if not t.size:
        return np.zeros(0)
    max_gap = cadence_gap(t, max_gap)
    nxt = np.append(t[1:], max(end, float(t[-1])))
    nxt = np.minimum(nxt, end)
    weights: FloatArray = np.clip(np.minimum(nxt - t, max_gap), 0.0, None).astype(np.float64)
    return weights


def viewer_stats(t: FloatArray, v: FloatArray, end: float, max_gap: float = VIEWER_GAP_S) -> ViewerStats:
    """Peak, time-weighted average and hours watched of one platform's counts (sample-and-hold).

    With no interval at all (one count taken at ``end``) the average is the plain mean and nothing is
    watched.
    """
    known = ~np.isnan(v)
    t, v = t[known], v[known]
    if not t.size:
        return ViewerStats(None, None, None, 0.0)
    w = hold_weights(t, end, max_gap)
    covered = float(w.sum())
    watched = float((v * w).sum())
    average = watched / covered if covered > 0 else float(v.mean())
    return ViewerStats(float(v.max()), average, watched / 3600.0, covered)


def combined_viewers(by_platform: dict[str, tuple[FloatArray, FloatArray]], end: float,
                     max_gap: float = VIEWER_GAP_S) -> tuple[ViewerStats, FloatArray, FloatArray]:
    """Several platforms' counts (a multistream) as one audience.

    Average and hours watched add up per platform; the peak is the highest sum of the counts standing
    at one moment. Returns the stats and the summed series (NaN where no count stands).
    """
    stats = {p: viewer_stats(t, v, end, max_gap) for p, (t, v) in by_platform.items()}
    stats = {p: s for p, s in stats.items() if s.peak is not None}
    if not stats:
        return ViewerStats(None, None, None, 0.0), np.zeros(0), np.zeros(0)
    if len(stats) == 1:
        (p,) = stats
        t, v = by_platform[p]
        keep = ~np.isnan(v)
        t, v = t[keep], v[keep]
        w = hold_weights(t, end, max_gap)
        st, sv = _hold_series(t, v, w)
        return stats[p], st, sv
    grid = np.unique(np.concatenate([by_platform[p][0][~np.isnan(by_platform[p][1])] for p in stats]))
    total = np.zeros(grid.size)
    standing = np.zeros(grid.size, dtype=bool)
    for p in stats:
        t, v = by_platform[p]
        keep = ~np.isnan(v)
        t, v = t[keep], v[keep]
        w = hold_weights(t, end, max_gap)
        idx = np.searchsorted(t, grid, side="right") - 1
        ok = idx >= 0
        idx_ok = np.where(ok, idx, 0)
        ok &= (grid - t[idx_ok]) < np.maximum(w[idx_ok], 1e-9)
        total += np.where(ok, v[idx_ok], 0.0)
        standing |= ok
    series_v = np.where(standing, total, np.nan)
    st, sv = with_gaps(grid, series_v, max_gap)
    combined = ViewerStats(
        peak=float(total[standing].max()) if standing.any() else None,
        average=sum(s.average for s in stats.values() if s.average is not None),
        hours_watched=sum(s.hours_watched for s in stats.values() if s.hours_watched is not None),
        known_s=max(s.known_s for s in stats.values()))
    return combined, st, sv


def _hold_series(t: FloatArray, v: FloatArray, w: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Counts as a chart series: NaN where a count stopped standing before the next one came."""
    if t.size < 2:
        return t.astype(np.float64), v.astype(np.float64)
    broken = np.nonzero(t[:-1] + w[:-1] < t[1:])[0]
    if not broken.size:
        return t.astype(np.float64), v.astype(np.float64)
    at = t[broken] + w[broken]
    return (np.insert(t, broken + 1, at).astype(np.float64),
            np.insert(v.astype(np.float64), broken + 1, np.nan))


# -- chat -----------------------------------------------------------------------------------------------

def minute_range(start: float, end: float) -> tuple[float, float]:
    """The first and last whole Unix minute (their starts) that overlap ``[start, end)``."""
    first = math.floor(start / 60.0) * 60.0
    last = max(first, math.ceil(end / 60.0) * 60.0 - 60.0)
    return first, last


def per_minute(minutes: Sequence[float], counts: Sequence[float], start: float, end: float
               ) -> tuple[FloatArray, FloatArray]:
    """Counts per whole Unix minute over ``[start, end)`` (see :func:`minute_range`), zero where nothing came.

    ``minutes`` are minute starts (multiples of 60); ``t`` of the result is each minute's start.
    """
    first, last = minute_range(start, end)
    if len(minutes):
        first, last = min(first, float(minutes[0])), max(last, float(minutes[-1]))
    t = np.arange(first, last + 60.0, 60.0, dtype=np.float64)
    v = np.zeros(t.size, dtype=np.float64)
    if len(minutes):
        idx = np.rint((np.asarray(minutes, dtype=np.float64) - first) / 60.0).astype(np.int64)
        v[idx] = np.asarray(counts, dtype=np.float64)
    return t, v


def rate_per_minute(t: FloatArray, v: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Imported per-interval counts (e.g. chat messages per 5 minutes) as a per-minute rate.

    Each row's interval is the median spacing of the rows (60 s when there is one row).
    """
    if not t.size:
        return t, v
    step = float(np.median(np.diff(t))) if t.size > 1 else 60.0
    return t.astype(np.float64), (v * 60.0 / step if step > 0 else v).astype(np.float64)


# -- events and outages -------------------------------------------------------------------------------------

def outages_from_events(events: Iterable[tuple[float, str]], end: float) -> tuple[list[Outage], list[Outage]]:
    """OBS outages and stream reconnections from the session's events (sorted by time).

    An OBS outage runs from ``obs_disconnected`` to the next ``obs_reconnected`` (else the session's
    end); a reconnection from ``stream_reconnecting`` to the next ``stream_reconnected``,
    ``stream_stopped``, ``obs_disconnected`` or ``stream_resumed`` (else the end).
    """
    obs: list[Outage] = []
    reconnecting: list[Outage] = []
    obs_since: float | None = None
    rec_since: float | None = None
    for t, kind in events:
        if kind == "obs_disconnected":
            if rec_since is not None:
                reconnecting.append(Outage(rec_since, t))
                rec_since = None
            if obs_since is None:
                obs_since = t
        elif kind == "obs_reconnected" and obs_since is not None:
            obs.append(Outage(obs_since, t))
            obs_since = None
        elif kind == "stream_reconnecting":
            if rec_since is None:
                rec_since = t
        elif kind in ("stream_reconnected", "stream_stopped", "stream_resumed") and rec_since is not None:
            reconnecting.append(Outage(rec_since, t))
            rec_since = None
    if obs_since is not None:
        obs.append(Outage(obs_since, max(end, obs_since)))
    if rec_since is not None:
        reconnecting.append(Outage(rec_since, max(end, rec_since)))
    return obs, reconnecting


def flagged_seconds(t: FloatArray, flag: FloatArray, max_gap: float = SAMPLE_GAP_S) -> float:
    """Σ Δt to the next sample over samples with the flag set (Δt at most ``max_gap``; the last: 1 s)."""
    if not t.size:
        return 0.0
    dt = np.append(np.diff(t), 1.0)
    dt = np.minimum(dt, max_gap)
    return float(dt[flag > 0].sum())


def timeline_events(events: Iterable[tuple[float, str, str]]) -> list[TimelineEvent]:
    """The events worth drawing on the time axis, labelled with their detail (scene, note, file)."""
    return [TimelineEvent(float(t), kind, detail or "") for t, kind, detail in events if kind in TIMELINE_KINDS]


def recording_start(events: Sequence[tuple[float, str, str]], recording_path: str | None) -> float | None:
    """When OBS began the session's recording: the ``record_started`` before the ``record_stopped``
    that named ``recording_path`` (else the last ``record_started``)."""
    starts = [(t, i) for i, (t, kind, _d) in enumerate(events) if kind == "record_started"]
    if not starts:
        return None
    if recording_path:
        for i in range(len(events) - 1, -1, -1):
            t, kind, detail = events[i]
            if kind == "record_stopped" and detail == recording_path:
                before = [s for s, j in starts if j < i]
                if before:
                    return before[-1]
                break
    return starts[-1][0]


# -- imported metrics -----------------------------------------------------------------------------------

#: Imported metrics that add up across platforms (a multistream); the others are ratios or averages.
ADDITIVE_METRICS = frozenset({
    "views", "unique_viewers", "watch_time_hours", "impressions", "reach", "peak_viewers", "avg_viewers",
    "live_views", "new_followers", "subscribers_gained", "subscribers_lost", "likes", "dislikes", "comments",
    "shares", "chat_messages", "chatters", "minutes_watched", "reactions",
})
#: Ratio metrics and the metric that weighs them when several platforms are combined.
WEIGHTED_BY = {"impressions_ctr_pct": "impressions", "avg_view_duration_s": "views", "avg_watch_time_s": "views"}


def is_additive(metric: str) -> bool:
    """Counts add up across platforms; percentages, averages and durations (``*_pct``, ``avg_*``,
    ``*_s``) do not — except the listed audience figures (a sum of averages is the combined average)."""
    return metric in ADDITIVE_METRICS or not (metric in WEIGHTED_BY or metric.endswith(("_pct", "_s"))
                                              or metric.startswith("avg_"))


def combine_imported(rows: Iterable[tuple[str, str, float]]) -> dict[str, float]:
    """Imported metrics of one session as one set of values.

    ``rows`` are ``(platform, metric, value)`` ordered oldest import first: for one platform the
    newest import of a metric wins (the same numbers exported twice are not counted twice). Across
    platforms counts are summed (:func:`is_additive`), ratios averaged weighted by their base metric
    (plain mean when it is missing).
    """
    latest: dict[tuple[str, str], float] = {}
    for platform, metric, value in rows:
        latest[(platform, metric)] = float(value)
    by_metric: dict[str, dict[str, float]] = {}
    for (platform, metric), value in latest.items():
        by_metric.setdefault(metric, {})[platform] = value
    out: dict[str, float] = {}
    for metric, values in by_metric.items():
        if is_additive(metric) or len(values) == 1:
            out[metric] = float(sum(values.values()))
            continue
        base = WEIGHTED_BY.get(metric)
        weights = {p: latest.get((p, base), 0.0) if base else 0.0 for p in values}
        total = sum(weights.values())
        if total > 0:
            out[metric] = sum(values[p] * weights[p] for p in values) / total
        else:
            out[metric] = sum(values.values()) / len(values)
    return out


def first_known(*values: float | None) -> float | None:
    """The first value that is not None (nor NaN)."""
    for value in values:
        v = _value(value)
        if v is not None:
            return v
    return None
