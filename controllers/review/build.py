"""``build_review``: one session's indicators, series, events, imports, goals and comparison.

Reads with SQL aggregates and NumPy (no Python loop over chat or samples), so a 12-hour session
(43,200 samples, 300,000 chat messages) builds in a few hundred milliseconds. Read-only: it never
writes to the database. Formulas: docs/REVIEW.md.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from . import indicators as ind
from .goals import effective_goals, evaluate
from .model import REPORT_KEYS, Breakdown, FloatArray, Goal, Light, Outage, Series, SessionReview, TimelineEvent

_SAMPLE_SQL = ("SELECT t, fps, cpu, render_skipped, render_total, encoder_skipped, encoder_total, net_dropped, "
               "net_total, kbps, reconnecting FROM samples WHERE session_id = ? ORDER BY t")
T, FPS, CPU, RS, RT, ES, ET, ND, NT, KBPS, RECON = range(11)

# Per-minute chat counts as one index range count per minute (see controllers/sessions/queries.py:
# twice as fast as GROUP BY over 300,000 messages).
_CHAT_PER_MINUTE_SQL = """
    WITH RECURSIVE span(first, last) AS (SELECT MIN(t), MAX(t) FROM chat_messages WHERE session_id = ?1),
    minutes(minute) AS (SELECT CAST(first / 60 AS INTEGER) * 60.0 FROM span WHERE first IS NOT NULL
                        UNION ALL SELECT minute + 60 FROM minutes, span WHERE minute + 60 <= last),
    counts(minute, messages) AS MATERIALIZED (
        SELECT minute, (SELECT COUNT(*) FROM chat_messages WHERE session_id = ?1 AND t >= minute AND t < minute + 60)
        FROM minutes)
    SELECT minute, messages FROM counts WHERE messages > 0 ORDER BY minute
"""
# One pass over the session's chat: messages and distinct chatters (platform, author id else name).
_CHAT_TOTALS_SQL = """
    SELECT COUNT(*), COUNT(DISTINCT platform || char(31) || COALESCE(NULLIF(author_id, ''), author))
    FROM chat_messages WHERE session_id = ?
"""
_PAID_SQL = """
    SELECT COALESCE(NULLIF(paid_currency, ''), '?'), COUNT(*), SUM(paid_amount)
    FROM chat_messages WHERE session_id = ? AND paid_amount IS NOT NULL GROUP BY 1
"""
_UNITS = {"viewers": "viewers", "chat_per_minute": "msg/min", "bitrate_kbps": "kbit/s", "dropped_frames_pct": "%",
          "cpu": "%", "fps": "fps"}


@dataclass
class _Session:
    id: int
    title: str
    platform: str
    kind: str
    status: str
    started_at: float
    ended_at: float
    notes: str
    recording_path: str | None


@dataclass
class _Computed:
    indicators: dict[str, float | None]
    sources: dict[str, str] = field(default_factory=dict)
    series: dict[str, Series] = field(default_factory=dict)
    events: list[tuple[float, str, str]] = field(default_factory=list)
    outages: list[Outage] = field(default_factory=list)
    obs_outage_s: float | None = None
    paid_amounts: dict[str, float] = field(default_factory=dict)
    paid_currency: str | None = None
    imported: dict[str, float] = field(default_factory=dict)
    imports: list[dict[str, Any]] = field(default_factory=list)


def _session(conn: sqlite3.Connection, session_id: int) -> _Session | None:
    row = conn.execute("SELECT id, title, platform, kind, status, started_at, ended_at, last_seen_at, notes, "
                       "recording_path FROM sessions WHERE id = ?", (session_id,)).fetchone()
    if row is None:
        return None
    sid, title, platform, kind, status, started, ended, last_seen, notes, recording = row
    end = float(ended) if ended is not None else float(last_seen)
    return _Session(int(sid), title or "", platform or "", kind or "", status or "", float(started),
                    max(end, float(started)), notes or "", recording)


def build_review(conn: sqlite3.Connection, session_id: int, *, compare_n: int = 5,
                 templates: Mapping[str, list[Goal]] | None = None) -> SessionReview | None:
    """Everything the review shows for one session; None when there is no such session.

    ``compare_n`` previous sessions (same platform, kind stream, ended) fill ``comparison``;
    ``templates`` overrides the goal templates file (tests).
    """
    session = _session(conn, session_id)
    if session is None:
        return None
    c = _compute(conn, session, full=True)
    goals, goal_source = effective_goals(conn, session.id, session.platform, templates)
    lights: dict[str, Light] = {}
    for key in ("dropped_frames_pct", "encoder_skipped_pct", "render_skipped_pct"):
        colour = ind.light(c.indicators.get(key))
        if colour is not None:
            lights[key] = colour
    from .compare import compare  # late: compare imports this module

    review = SessionReview(
        session_id=session.id, title=session.title, platform=session.platform, kind=session.kind,
        status=session.status, started_at=session.started_at, ended_at=session.ended_at, notes=session.notes,
        recording_path=session.recording_path,
        recording_started_at=ind.recording_start(c.events, session.recording_path),
        indicators=c.indicators, lights=lights, series=c.series,
        events=ind.timeline_events(c.events), outages=c.outages,
        imported=c.imported, imports=c.imports, goals=evaluate(goals, c.indicators),
        comparison=compare(conn, session.id, compare_n) if compare_n > 0 else [],
        sources=c.sources, paid_amounts=c.paid_amounts, paid_currency=c.paid_currency, goal_source=goal_source,
        obs_outage_s=c.obs_outage_s)
    review.breakdowns, review.retention = _breakdowns(conn, session.id)
    return review


def compute_indicators(conn: sqlite3.Connection, session_id: int) -> dict[str, float | None] | None:
    """Only the REPORT_KEYS values (no series, events or goals): the comparison's cheaper path."""
    session = _session(conn, session_id)
    return None if session is None else _compute(conn, session, full=False).indicators


# -- the computation ------------------------------------------------------------------------------------

def _compute(conn: sqlite3.Connection, s: _Session, *, full: bool) -> _Computed:
    values: dict[str, float | None] = dict.fromkeys(REPORT_KEYS)
    c = _Computed(values)
    values["duration_s"] = s.ended_at - s.started_at
    c.sources["duration_s"] = "session"
    c.events = [(float(t), str(k), str(d or "")) for t, k, d in conn.execute(
        "SELECT t, kind, detail FROM events WHERE session_id = ? ORDER BY t, id", (s.id,))]

    # -- stream health (samples) --
    rows = conn.execute(_SAMPLE_SQL, (s.id,)).fetchall()
    a = np.array(rows, dtype=np.float64) if rows else np.zeros((0, 11))
    if a.size:
        t = a[:, T]
        values["avg_bitrate_kbps"] = ind.nan_mean(a[:, KBPS])
        values["min_bitrate_kbps"] = ind.nan_min(a[:, KBPS])
        values["dropped_frames_pct"] = ind.frames_pct(a[:, ND], a[:, NT])
        values["encoder_skipped_pct"] = ind.frames_pct(a[:, ES], a[:, ET])
        values["render_skipped_pct"] = ind.frames_pct(a[:, RS], a[:, RT])
        values["cpu_mean"] = ind.nan_mean(a[:, CPU])
        values["cpu_p95"] = ind.nan_percentile(a[:, CPU], 95)
        values["fps_mean"] = ind.nan_mean(a[:, FPS])
        values["fps_min"] = ind.nan_min(a[:, FPS])
        for key in ("avg_bitrate_kbps", "min_bitrate_kbps", "dropped_frames_pct", "encoder_skipped_pct",
                    "render_skipped_pct", "cpu_mean", "cpu_p95", "fps_mean", "fps_min"):
            if values[key] is not None:
                c.sources[key] = "obs"
        if full:
            for key, col in (("bitrate_kbps", KBPS), ("cpu", CPU), ("fps", FPS)):
                if not np.isnan(a[:, col]).all():
                    st, sv = ind.with_gaps(t, a[:, col], ind.SAMPLE_GAP_S)
                    c.series[key] = Series(key, st, sv, _UNITS[key], "obs")
            pt, pv = ind.frames_pct_series(t, a[:, ND], a[:, NT])
            if pt.size:
                st, sv = ind.with_gaps(pt, pv, ind.SAMPLE_GAP_S)
                c.series["dropped_frames_pct"] = Series("dropped_frames_pct", st, sv, "%", "obs")
    obs_outages, reconnects = ind.outages_from_events(((t_, k) for t_, k, _d in c.events), s.ended_at)
    c.outages = sorted(obs_outages + reconnects, key=lambda o: o.start)
    if c.events or a.size:
        values["obs_outages"] = float(len(obs_outages))
        c.obs_outage_s = float(sum(o.end - o.start for o in obs_outages))
        c.sources["obs_outages"] = "obs"
    if any(k == "stream_reconnecting" for _t, k, _d in c.events):
        values["reconnecting_s"] = float(sum(o.end - o.start for o in reconnects))
        c.sources["reconnecting_s"] = "obs"
    elif a.size:
        values["reconnecting_s"] = ind.flagged_seconds(a[:, T], np.nan_to_num(a[:, RECON]))
        c.sources["reconnecting_s"] = "obs"

    # -- imports --
    c.imports = [{"id": i, "platform": p, "kind": k, "source_name": n, "imported_at": at} for i, p, k, n, at in
                 conn.execute("SELECT id, platform, kind, source_name, imported_at FROM imports "
                              "WHERE session_id = ? ORDER BY imported_at, id", (s.id,))]
    c.imported = ind.combine_imported(conn.execute(
        "SELECT i.platform, m.metric, m.value FROM imported_metrics m JOIN imports i ON i.id = m.import_id "
        "WHERE m.session_id = ? ORDER BY i.imported_at, i.id", (s.id,)))
    imported_series, kinds = _imported_series(conn, s.id) if c.imports else ({}, {})

    # -- audience: OnAir's own viewer counts, else the platform's totals, else its imported series --
    imp = c.imported
    own = _viewer_samples(conn, s.id)
    stats, vt, vv = ind.combined_viewers(own, s.ended_at)
    series_source = _platforms(own)
    viewer_metric = "viewers" if "viewers" in imported_series else "avg_viewers"
    imported_viewers = imported_series.get(viewer_metric, {})
    istats = ind.ViewerStats(None, None, None, 0.0)
    if not own and imported_viewers:
        istats, vt, vv = ind.combined_viewers(imported_viewers, s.ended_at)
        series_source = "import:" + ",".join(sorted({kinds[(viewer_metric, p)] for p in imported_viewers}))
    minutes = imp.get("minutes_watched")
    _pick(c, "peak_viewers", (stats.peak, "viewers"), (imp.get("peak_viewers"), "import"),
          (istats.peak, series_source))
    _pick(c, "avg_viewers", (stats.average, "viewers"), (imp.get("avg_viewers"), "import"),
          (istats.average, series_source))
    _pick(c, "hours_watched", (stats.hours_watched, "viewers"), (imp.get("watch_time_hours"), "import"),
          (minutes / 60.0 if minutes is not None else None, "import"), (istats.hours_watched, series_source))
    if full and vt.size:
        c.series["viewers"] = Series("viewers", vt, vv, "viewers", series_source)
    _pick(c, "unique_viewers", (imp.get("unique_viewers"), "import"))
    _pick(c, "avg_watch_time_s", (imp.get("avg_view_duration_s"), "import"), (imp.get("avg_watch_time_s"), "import"))
    for key in ("reach", "impressions", "impressions_ctr_pct"):
        _pick(c, key, (imp.get(key), "import"))
    _pick(c, "views", (imp.get("views"), "import"), (imp.get("live_views"), "import"))
    follows = imported_series.get("new_followers")
    _pick(c, "new_followers", (imp.get("new_followers"), "import"),
          (float(sum(float(np.nansum(v)) for _t, v in follows.values())) if follows else None, "import"))

    # -- engagement (chat) --
    messages, chatters = conn.execute(_CHAT_TOTALS_SQL, (s.id,)).fetchone()
    if messages:
        values["chat_messages"], values["unique_chatters"] = float(messages), float(chatters)
        c.sources["chat_messages"] = c.sources["unique_chatters"] = "chat"
        paid = conn.execute(_PAID_SQL, (s.id,)).fetchall()
        c.paid_amounts = {str(cur): float(total or 0.0) for cur, _n, total in paid}
        values["paid_messages"] = float(sum(int(n) for _c, n, _t in paid))
        c.sources["paid_messages"] = "chat"
        if paid:  # the currency with the most paid messages (ties: the larger sum, then the name)
            cur, _n, total = max(paid, key=lambda r: (int(r[1]), float(r[2] or 0.0), str(r[0])))
            values["paid_amount"], c.paid_currency = float(total or 0.0), str(cur)
            c.sources["paid_amount"] = "chat"
        if full:
            per_min = conn.execute(_CHAT_PER_MINUTE_SQL, (s.id,)).fetchall()
            mt, mv = ind.per_minute([m for m, _n in per_min], [n for _m, n in per_min], s.started_at, s.ended_at)
            c.series["chat_per_minute"] = Series("chat_per_minute", mt, mv, "msg/min", "chat")
    else:
        chat_series = imported_series.get("chat_messages")
        _pick(c, "chat_messages", (imp.get("chat_messages"), "import"),
              (float(sum(float(np.nansum(v)) for _t, v in chat_series.values())) if chat_series else None,
               "import"))
        _pick(c, "unique_chatters", (imp.get("chatters"), "import"))
        if full and chat_series:
            (ct, cv), = list(chat_series.values())[:1]
            rt, rv = ind.rate_per_minute(ct, cv)
            c.series["chat_per_minute"] = Series("chat_per_minute", rt, rv, "msg/min", "import")
    chatters_v, avg_v = values["unique_chatters"], values["avg_viewers"]
    if chatters_v is not None and avg_v:
        values["engagement_rate"] = 100.0 * chatters_v / avg_v
        parts = (c.sources.get("unique_chatters", ""), c.sources.get("avg_viewers", ""))
        c.sources["engagement_rate"] = "import" if any(p.startswith("import") for p in parts) else "chat"
    return c


def _pick(c: _Computed, key: str, *candidates: tuple[float | None, str]) -> None:
    """The first known candidate value, with where it came from."""
    for value, source in candidates:
        known = ind.first_known(value)
        if known is not None:
            c.indicators[key] = known
            c.sources[key] = source
            return


def _platforms(by_platform: Mapping[str, object]) -> str:
    return ",".join(sorted(by_platform)) or "viewers"


def _viewer_samples(conn: sqlite3.Connection, session_id: int) -> dict[str, tuple[FloatArray, FloatArray]]:
    rows = conn.execute("SELECT platform, t, viewers FROM viewer_samples WHERE session_id = ? ORDER BY platform, t",
                        (session_id,)).fetchall()
    out: dict[str, tuple[FloatArray, FloatArray]] = {}
    if not rows:
        return out
    platforms = [r[0] for r in rows]
    tv = np.array([(r[1], r[2]) for r in rows], dtype=np.float64)
    start = 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or platforms[i] != platforms[start]:
            out[str(platforms[start])] = (tv[start:i, 0], tv[start:i, 1])
            start = i
    return out


def _imported_series(conn: sqlite3.Connection, session_id: int
                     ) -> tuple[dict[str, dict[str, tuple[FloatArray, FloatArray]]], dict[tuple[str, str], str]]:
    """metric → platform → (t, v), from the newest import of that platform that has the metric; and
    (metric, platform) → that import's kind."""
    newest: dict[tuple[str, str], int] = {}
    kinds: dict[tuple[str, str], str] = {}
    for import_id, platform, kind, metric in conn.execute(
            "SELECT DISTINCT s.import_id, i.platform, i.kind, s.metric FROM imported_series s JOIN imports i "
            "ON i.id = s.import_id WHERE s.session_id = ? ORDER BY i.imported_at, i.id", (session_id,)):
        newest[(str(metric), str(platform))] = int(import_id)
        kinds[(str(metric), str(platform))] = str(kind)
    out: dict[str, dict[str, tuple[FloatArray, FloatArray]]] = {}
    for (metric, platform), import_id in newest.items():
        rows = conn.execute("SELECT t, value FROM imported_series WHERE import_id = ? AND metric = ? ORDER BY t",
                            (import_id, metric)).fetchall()
        if rows:
            a = np.array(rows, dtype=np.float64)
            out.setdefault(metric, {})[platform] = (a[:, 0], a[:, 1])
    return out, kinds


def _breakdowns(conn: sqlite3.Connection, session_id: int) -> tuple[list[Breakdown], Series | None]:
    """Age / gender / geography tables (newest import per platform, dimension and metric) and retention."""
    newest: dict[tuple[str, str, str], int] = {}
    for import_id, platform, dimension, metric in conn.execute(
            "SELECT DISTINCT b.import_id, i.platform, b.dimension, b.metric FROM imported_breakdowns b "
            "JOIN imports i ON i.id = b.import_id WHERE b.session_id = ? ORDER BY i.imported_at, i.id",
            (session_id,)):
        newest[(str(platform), str(dimension), str(metric))] = int(import_id)
    breakdowns: list[Breakdown] = []
    retention: Series | None = None
    for (platform, dimension, metric), import_id in sorted(newest.items()):
        rows = [(str(k), float(v)) for k, v in conn.execute(
            "SELECT key, value FROM imported_breakdowns WHERE import_id = ? AND dimension = ? AND metric = ?",
            (import_id, dimension, metric))]
        if dimension == "retention":  # the curve is the audience share; other metrics (relative_performance) are not
            points = sorted((float(k), v) for k, v in rows if _is_number(k))
            if points and retention is None and metric == "audience_pct":
                a = np.array(points, dtype=np.float64)
                retention = Series("retention", a[:, 0], a[:, 1], "%", f"import:{platform}")
            continue
        if dimension == "age":
            rows.sort(key=lambda r: (_age_key(r[0]), r[0]))
        elif dimension in ("day", "date"):
            rows.sort()
        else:
            rows.sort(key=lambda r: (-r[1], r[0]))
        breakdowns.append(Breakdown(dimension, metric, tuple(rows), platform))
    order = {"age": 0, "gender": 1, "geography": 2, "city": 3}
    breakdowns.sort(key=lambda b: (order.get(b.dimension, 4), b.dimension, b.platform, b.metric))
    return breakdowns, retention


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _age_key(key: str) -> float:
    digits = "".join(ch if ch.isdigit() else " " for ch in key).split()
    return float(digits[0]) if digits else float("inf")


__all__ = ["build_review", "compute_indicators", "TimelineEvent"]
