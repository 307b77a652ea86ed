"""build_review on small sessions written into a real SQLite database; every figure worked out by hand."""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from controllers.review import goals as goals_mod
from controllers.review import indicators as ind
from controllers.review.build import build_review, compute_indicators
from controllers.review.compare import previous_sessions
from controllers.review.model import REPORT_KEYS, Goal, Outage
from controllers.sessions.store import connect, migrate

nan = math.nan


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    path = tmp_path / "sessions.sqlite3"
    c = connect(path)
    migrate(c, path)
    yield c
    c.close()


def add_session(conn: sqlite3.Connection, started: float, ended: float | None, *, platform: str = "twitch",
                kind: str = "stream", status: str = "ended", title: str = "", recording: str | None = None) -> int:
    cur = conn.execute("INSERT INTO sessions (kind, title, platform, status, started_at, ended_at, last_seen_at, "
                       "recording_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       (kind, title, platform, status, started, ended, ended if ended is not None else started,
                        recording))
    return int(cur.lastrowid or 0)


def add_samples(conn: sqlite3.Connection, sid: int, rows: list[tuple[Any, ...]]) -> None:
    """rows: (t, fps, cpu, render_skipped, render_total, encoder_skipped, encoder_total, net_dropped,
    net_total, kbps, reconnecting)."""
    conn.executemany("INSERT INTO samples (session_id, t, fps, cpu, render_skipped, render_total, encoder_skipped, "
                     "encoder_total, net_dropped, net_total, kbps, reconnecting) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                     [(sid, *r) for r in rows])


def add_events(conn: sqlite3.Connection, sid: int, rows: list[tuple[float, str, str]]) -> None:
    conn.executemany("INSERT INTO events (session_id, t, kind, detail) VALUES (?,?,?,?)", [(sid, *r) for r in rows])


def add_chat(conn: sqlite3.Connection, sid: int, rows: list[tuple[Any, ...]]) -> None:
    """rows: (t, platform, author, author_id, paid_amount, paid_currency)."""
    conn.executemany("INSERT INTO chat_messages (session_id, t, platform, author, author_id, text, paid_amount, "
                     "paid_currency, data_json) VALUES (?,?,?,?,?,'hi',?,?,?)",
                     [(sid, *r, json.dumps({"kind": "paid" if r[4] else "message"})) for r in rows])


def add_viewers(conn: sqlite3.Connection, sid: int, platform: str, rows: list[tuple[float, int]]) -> None:
    conn.executemany("INSERT INTO viewer_samples VALUES (?,?,?,?)", [(sid, t, platform, v) for t, v in rows])


def add_import(conn: sqlite3.Connection, sid: int, platform: str, kind: str, at: float, *,
               metrics: dict[str, float] | None = None, series: dict[str, list[tuple[float, float]]] | None = None,
               breakdowns: list[tuple[str, str, str, float]] | None = None) -> int:
    iid = int(conn.execute("INSERT INTO imports (session_id, platform, kind, source_name, sha256, imported_at) "
                           "VALUES (?,?,?,?,?,?)", (sid, platform, kind, f"{kind}.csv", f"h{at}", at)).lastrowid or 0)
    conn.executemany("INSERT INTO imported_metrics VALUES (?,?,?,?)",
                     [(iid, sid, m, v) for m, v in (metrics or {}).items()])
    conn.executemany("INSERT INTO imported_series VALUES (?,?,?,?,?)",
                     [(iid, sid, m, t, v) for m, pts in (series or {}).items() for t, v in pts])
    conn.executemany("INSERT INTO imported_breakdowns VALUES (?,?,?,?,?,?)",
                     [(iid, sid, d, k, m, v) for d, k, m, v in (breakdowns or [])])
    return iid


NO_TEMPLATES: dict[str, list[Goal]] = {}


def make_session_a(conn: sqlite3.Connection) -> int:
    """Session A: 1000 → 1020 on Twitch, an OBS outage with a counter reset, chat on two platforms."""
    sid = add_session(conn, 1000.0, 1020.0, recording="/v/a.mkv", title="A")
    add_samples(conn, sid, [
        # t      fps   cpu  rs rt   es  et   nd nt   kbps  recon
        (1001.0, 60.0, 10.0, 0, 100, 0, 100, 1, 50, None, 0),
        (1002.0, 58.0, 20.0, 1, 160, 2, 160, 2, 110, 6000.0, 0),
        (1003.0, 60.0, 30.0, 1, 220, 2, 220, 2, 170, 5000.0, 0),
        # OBS gone 1003.5 → 1008.5 and restarted: every counter starts again from zero
        (1009.0, 30.0, 40.0, 2, 20, 0, 20, 1, 20, 4000.0, 1),
        (1010.0, 60.0, 50.0, 2, 80, 12, 80, 1, 80, 8000.0, 0),
    ])
    add_events(conn, sid, [
        (1000.0, "scene", "Intro"), (1001.5, "record_started", ""), (1002.0, "mute", "Mic"),
        (1003.5, "obs_disconnected", "connection lost"), (1005.0, "marker", "giveaway"),
        (1008.5, "obs_reconnected", "5.0 s"), (1009.0, "stream_reconnecting", ""),
        (1010.5, "stream_reconnected", ""), (1019.0, "record_stopped", "/v/a.mkv"),
    ])
    add_chat(conn, sid, [
        (1000.5, "twitch", "a", "1", None, None),
        (1001.0, "twitch", "A", "1", None, None),     # same id, new display name: same chatter
        (1002.0, "youtube", "a", "1", None, None),    # same id on another platform: another chatter
        (1003.0, "twitch", "b", None, None, None),    # no id: the name counts
        (1004.0, "twitch", "b", None, None, None),
        (1005.0, "youtube", "c", "9", 5.0, "USD"),
        (1006.0, "youtube", "d", "8", 2.0, "USD"),
        (1007.0, "twitch", "e", "7", 100.0, "BITS"),
    ])
    add_viewers(conn, sid, "twitch", [(1000.0, 10), (1004.0, 20), (1006.0, 30)])
    return sid


def test_session_a_stream_health_by_hand(conn: sqlite3.Connection) -> None:
    sid = make_session_a(conn)
    r = build_review(conn, sid, templates=NO_TEMPLATES)
    assert r is not None
    v = r.indicators
    assert set(v) == set(REPORT_KEYS)
    assert v["duration_s"] == 20.0
    # bitrate: the first sample has none; mean(6000, 5000, 4000, 8000) = 23000 / 4
    assert v["avg_bitrate_kbps"] == 5750.0
    assert v["min_bitrate_kbps"] == 4000.0
    # render: deltas 1/60, 0/60, reset → 2/20, 0/60: 3 / 200 = 1.5 %
    assert v["render_skipped_pct"] == pytest.approx(1.5)
    # encoder: 2/60, 0/60, reset (skipped went 2 → 0, total 220 → 20) → 0/20, 12/60: 14 / 200 = 7 %
    assert v["encoder_skipped_pct"] == pytest.approx(7.0)
    # network: 1/60, 0/60, reset → 1/20, 0/60: 2 / 200 = 1 % (the first sample's 1 is before the baseline)
    assert v["dropped_frames_pct"] == pytest.approx(1.0)
    assert r.lights == {"dropped_frames_pct": "green", "encoder_skipped_pct": "red", "render_skipped_pct": "yellow"}
    # cpu 10..50: mean 30; p95 at rank 0.95 · 4 = 3.8 → 40 + 0.8 · (50 − 40) = 48
    assert v["cpu_mean"] == 30.0
    assert v["cpu_p95"] == pytest.approx(48.0)
    # fps (60 + 58 + 60 + 30 + 60) / 5 = 53.6
    assert v["fps_mean"] == pytest.approx(53.6)
    assert v["fps_min"] == 30.0
    # one OBS outage of 5 s; reconnecting from the events 1009 → 1010.5 (the sample flag is not added on top)
    assert v["obs_outages"] == 1.0
    assert r.obs_outage_s == 5.0
    assert v["reconnecting_s"] == 1.5
    assert r.outages == [Outage(1003.5, 1008.5), Outage(1009.0, 1010.5)]
    assert r.recording_started_at == 1001.5
    assert r.recording_path == "/v/a.mkv"
    # the mute is not drawn; the rest is, labelled with its detail
    assert [(e.t, e.kind, e.label) for e in r.events] == [
        (1000.0, "scene", "Intro"), (1001.5, "record_started", ""), (1003.5, "obs_disconnected", "connection lost"),
        (1005.0, "marker", "giveaway"), (1008.5, "obs_reconnected", "5.0 s"), (1009.0, "stream_reconnecting", ""),
        (1010.5, "stream_reconnected", ""), (1019.0, "record_stopped", "/v/a.mkv")]


def test_session_a_series_break_at_the_outage(conn: sqlite3.Connection) -> None:
    r = build_review(conn, make_session_a(conn), templates=NO_TEMPLATES)
    assert r is not None
    bitrate = r.series["bitrate_kbps"]
    # 1003 → 1009 is longer than 5 s: a NaN point halfway (1006) breaks the line
    np.testing.assert_array_equal(bitrate.t, [1001, 1002, 1003, 1006, 1009, 1010])
    np.testing.assert_array_equal(bitrate.v, [nan, 6000, 5000, nan, 4000, 8000])
    assert bitrate.unit == "kbit/s"
    drops = r.series["dropped_frames_pct"]
    # per interval at the later sample: 1/60, 0/60, (gap), reset 1/20, 0/60
    np.testing.assert_array_equal(drops.t, [1002, 1003, 1006, 1009, 1010])
    np.testing.assert_allclose(drops.v, [100 / 60, 0, nan, 5.0, 0])
    np.testing.assert_array_equal(r.series["cpu"].v, [10, 20, 30, nan, 40, 50])
    np.testing.assert_array_equal(r.series["fps"].t, [1001, 1002, 1003, 1006, 1009, 1010])


def test_session_a_audience_and_engagement_by_hand(conn: sqlite3.Connection) -> None:
    r = build_review(conn, make_session_a(conn), templates=NO_TEMPLATES)
    assert r is not None
    v = r.indicators
    # counts 10 @1000, 20 @1004, 30 @1006, session end 1020: held 4 s, 2 s, 14 s
    # Σ v·Δt = 40 + 40 + 420 = 500 viewer-seconds over 20 s
    assert v["peak_viewers"] == 30.0
    assert v["avg_viewers"] == 25.0
    assert v["hours_watched"] == pytest.approx(500 / 3600)
    assert r.sources["avg_viewers"] == "viewers"
    # 8 messages; chatters twitch:1, youtube:1, twitch:b, youtube:9, youtube:8, twitch:7 = 6
    assert v["chat_messages"] == 8.0
    assert v["unique_chatters"] == 6.0
    assert v["engagement_rate"] == pytest.approx(100 * 6 / 25)  # 24 %
    assert r.sources["engagement_rate"] == "chat"
    # paid: USD 5 + 2 (two messages), BITS 100 (one): the scalar is the currency with the most paid messages
    assert v["paid_messages"] == 3.0
    assert r.paid_amounts == {"USD": 7.0, "BITS": 100.0}
    assert r.paid_currency == "USD"
    assert v["paid_amount"] == 7.0
    # no import: the platform-only figures are unknown
    for key in ("unique_viewers", "avg_watch_time_s", "new_followers", "reach", "impressions",
                "impressions_ctr_pct", "views"):
        assert v[key] is None, key
    viewers = r.series["viewers"]
    np.testing.assert_array_equal(viewers.t, [1000, 1004, 1006])
    np.testing.assert_array_equal(viewers.v, [10, 20, 30])
    # all chat falls in the Unix minute 960..1020, the session's only minute
    chat = r.series["chat_per_minute"]
    np.testing.assert_array_equal(chat.t, [960.0])
    np.testing.assert_array_equal(chat.v, [8.0])


def test_chat_per_minute_fills_quiet_minutes_with_zero(conn: sqlite3.Connection) -> None:
    sid = add_session(conn, 1200.0, 1440.0)   # [1200, 1440): minutes 1200, 1260, 1320, 1380
    add_chat(conn, sid, [(1201.0, "twitch", "a", "1", None, None), (1259.9, "twitch", "a", "1", None, None),
                         (1380.0, "twitch", "b", "2", None, None)])
    r = build_review(conn, sid, templates=NO_TEMPLATES)
    assert r is not None
    np.testing.assert_array_equal(r.series["chat_per_minute"].t, [1200, 1260, 1320, 1380])
    np.testing.assert_array_equal(r.series["chat_per_minute"].v, [2, 0, 0, 1])
    # chat but no viewer counts: no engagement rate
    assert r.indicators["unique_chatters"] == 2.0
    assert r.indicators["engagement_rate"] is None


def test_viewer_counts_every_five_minutes_stand_for_five_minutes() -> None:
    # Twitch's stream summary: a row every 300 s (0, 300, …, 1200), session ends at 1500.
    # The cadence (300 s) is longer than the 120 s cap, so each row stands until the next one:
    # weights 300 each (the last 1200 → 1500 too) → 1500 s known; Σ v·w = 300·(10+20+30+40+50) = 45,000
    t = np.array([0.0, 300.0, 600.0, 900.0, 1200.0])
    s = ind.viewer_stats(t, np.array([10.0, 20.0, 30.0, 40.0, 50.0]), 1500.0)
    assert s == ind.ViewerStats(50.0, 30.0, pytest.approx(45_000 / 3600), 1500.0)


def test_viewer_gaps_and_last_count() -> None:
    # counts at 0, 30, 300; end 400; a count stands for at most 120 s:
    # weights min(30, 120) = 30, min(270, 120) = 120, min(100, 120) = 100 → 250 s known
    # Σ v·w = 100·30 + 200·120 + 300·100 = 57,000 → average 228, hours 57,000 / 3600
    s = ind.viewer_stats(np.array([0.0, 30.0, 300.0]), np.array([100.0, 200.0, 300.0]), 400.0)
    assert s == ind.ViewerStats(300.0, 228.0, pytest.approx(57_000 / 3600), 250.0)
    # one count taken at the end: nothing watched, the average is the count itself
    one = ind.viewer_stats(np.array([50.0]), np.array([7.0]), 50.0)
    assert (one.peak, one.average, one.hours_watched, one.known_s) == (7.0, 7.0, 0.0, 0.0)
    # the chart series breaks where a count stopped standing (30 + 120 = 150 < 300)
    stats, t, v = ind.combined_viewers({"youtube": (np.array([0.0, 30.0, 300.0]), np.array([100.0, 200.0, 300.0]))},
                                       400.0)
    np.testing.assert_array_equal(t, [0, 30, 150, 300])
    np.testing.assert_array_equal(v, [100, 200, nan, 300])


def test_multistream_viewers_add_up() -> None:
    # twitch 10 @0, 20 @10; youtube 5 @5; end 20
    # twitch: weights 10, 10 → 300 viewer-s, avg 15; youtube: weight 15 → 75 viewer-s, avg 5
    # standing sums: t0 10, t5 10 + 5 = 15, t10 20 + 5 = 25 → peak 25
    stats, t, v = ind.combined_viewers({"twitch": (np.array([0.0, 10.0]), np.array([10.0, 20.0])),
                                        "youtube": (np.array([5.0]), np.array([5.0]))}, 20.0)
    assert (stats.peak, stats.average) == (25.0, 20.0)
    assert stats.hours_watched == pytest.approx(375 / 3600)
    np.testing.assert_array_equal(t, [0, 5, 10])
    np.testing.assert_array_equal(v, [10, 15, 25])


def test_counter_deltas_and_lights() -> None:
    # 0 → 5 → 2 (reset: the counter counted 2 since) → 4
    dp, dt = ind.counter_deltas(np.array([0.0, 5.0, 2.0, 4.0, nan]), np.array([0.0, 100.0, 50.0, 150.0, 200.0]))
    np.testing.assert_array_equal(dp, [5, 2, 2])
    np.testing.assert_array_equal(dt, [100, 50, 100])
    assert ind.frames_pct(np.array([3.0]), np.array([10.0])) is None  # one sample: no interval
    assert [ind.light(x) for x in (0.0, 1.0, 1.01, 5.0, 5.01, None)] == ["green", "green", "yellow", "yellow",
                                                                            "red", None]


def test_reconnecting_from_sample_flags_without_events(conn: sqlite3.Connection) -> None:
    sid = add_session(conn, 0.0, 10.0)
    # flagged at 1 (Δ 1), 2 (Δ 1) and the last sample 4 (1 s): 3 s
    add_samples(conn, sid, [(float(t), 60.0, 5.0, 0, 60 * t, 0, 60 * t, 0, 60 * t, 6000.0, f)
                            for t, f in enumerate([0, 1, 1, 0, 1])])
    v = compute_indicators(conn, sid)
    assert v is not None
    assert v["reconnecting_s"] == 3.0
    assert v["obs_outages"] == 0.0
    assert v["dropped_frames_pct"] == 0.0


def test_no_data_is_null_not_zero(conn: sqlite3.Connection) -> None:
    sid = add_session(conn, 100.0, None, status="live")
    conn.execute("UPDATE sessions SET last_seen_at = 160 WHERE id = ?", (sid,))
    r = build_review(conn, sid, templates=NO_TEMPLATES)
    assert r is not None
    assert r.ended_at == 160.0 and r.indicators["duration_s"] == 60.0
    assert {k for k, x in r.indicators.items() if x is not None} == {"duration_s"}
    assert r.series == {} and r.lights == {} and r.events == [] and r.goals == []
    assert r.recording_started_at is None and r.retention is None
    assert build_review(conn, 999) is None


def make_imported_session(conn: sqlite3.Connection) -> int:
    """A YouTube stream OnAir recorded without viewer counts or chat; three imports."""
    sid = add_session(conn, 0.0, 180.0, platform="youtube")
    add_import(conn, sid, "youtube", "youtube_live_viewership", 1.0,
               metrics={"views": 500, "peak_viewers": 350},
               series={"viewers": [(0.0, 100), (60.0, 200), (120.0, 300)],
                       "chat_messages": [(0.0, 10), (60.0, 20), (120.0, 30)]})
    add_import(conn, sid, "youtube", "youtube_studio", 2.0,
               metrics={"views": 900, "unique_viewers": 800, "avg_view_duration_s": 300, "impressions": 1000,
                        "impressions_ctr_pct": 4.5, "chatters": 12, "new_followers": 7},
               breakdowns=[("age", "25-34", "views_pct", 40.0), ("age", "18-24", "views_pct", 60.0),
                           ("geography", "US", "views_pct", 30.0), ("geography", "TW", "views_pct", 50.0),
                           ("geography", "JP", "views_pct", 20.0), ("gender", "female", "views_pct", 45.0),
                           ("gender", "male", "views_pct", 55.0), ("retention", "0.5", "audience_pct", 40.0),
                           ("retention", "0", "audience_pct", 100.0), ("retention", "1", "audience_pct", 10.0)])
    add_import(conn, sid, "twitch", "twitch_stream_summary", 3.0, metrics={"views": 100, "new_followers": 3})
    return sid


def test_imported_fallback(conn: sqlite3.Connection) -> None:
    r = build_review(conn, make_imported_session(conn), templates=NO_TEMPLATES)
    assert r is not None
    v = r.indicators
    # the platform's own peak (350) wins over the peak of its per-minute series (300)
    assert v["peak_viewers"] == 350.0 and r.sources["peak_viewers"] == "import"
    # no average among the totals: from the series, 100·60 + 200·60 + 300·60 (the last held to the end)
    assert v["avg_viewers"] == 200.0
    assert v["hours_watched"] == pytest.approx(36_000 / 3600)
    assert r.sources["avg_viewers"] == "import:youtube_live_viewership"
    # views: the newer YouTube import (900) replaces the older (500); Twitch's 100 adds up
    assert v["views"] == 1000.0
    assert v["unique_viewers"] == 800.0 and v["avg_watch_time_s"] == 300.0
    assert v["impressions"] == 1000.0 and v["impressions_ctr_pct"] == 4.5
    assert v["new_followers"] == 10.0
    # chat: no stored chat → the series' sum and the imported chatters; engagement 12 / 200
    assert v["chat_messages"] == 60.0 and v["unique_chatters"] == 12.0
    assert v["engagement_rate"] == pytest.approx(6.0)
    assert r.sources["engagement_rate"] == "import" and r.sources["views"] == "import"
    assert v["paid_messages"] is None
    np.testing.assert_array_equal(r.series["viewers"].v, [100, 200, 300])
    np.testing.assert_array_equal(r.series["chat_per_minute"].v, [10, 20, 30])   # rows a minute apart
    assert [b.dimension for b in r.breakdowns] == ["age", "gender", "geography"]
    assert r.breakdowns[0].rows == (("18-24", 60.0), ("25-34", 40.0))
    assert r.breakdowns[2].rows == (("TW", 50.0), ("US", 30.0), ("JP", 20.0))
    assert r.breakdowns[2].platform == "youtube"
    assert r.retention is not None
    np.testing.assert_array_equal(r.retention.t, [0, 0.5, 1])
    np.testing.assert_array_equal(r.retention.v, [100, 40, 10])
    assert [i["kind"] for i in r.imports] == ["youtube_live_viewership", "youtube_studio", "twitch_stream_summary"]
    assert r.imported["views"] == 1000.0


def test_combine_imported_ratios_weighted() -> None:
    # ctr 4 % of 1000 impressions and 8 % of 3000: (40 + 240) / 4000 = 7 %
    out = ind.combine_imported([("youtube", "impressions", 1000), ("youtube", "impressions_ctr_pct", 4),
                                ("facebook", "impressions", 3000), ("facebook", "impressions_ctr_pct", 8),
                                ("youtube", "avg_view_duration_s", 100), ("facebook", "avg_view_duration_s", 200)])
    assert out["impressions"] == 4000
    assert out["impressions_ctr_pct"] == pytest.approx(7.0)
    assert out["avg_view_duration_s"] == 150.0   # no views to weigh by: plain mean
    assert ind.is_additive("subscribers_net") and ind.is_additive("avg_viewers")
    assert not ind.is_additive("avg_pct_viewed") and not ind.is_additive("avg_watch_time_s")
    # the same platform imported twice: the newer value, not the sum
    assert ind.combine_imported([("twitch", "views", 5), ("twitch", "views", 7)]) == {"views": 7.0}


def test_goals_met_not_met_no_data(conn: sqlite3.Connection) -> None:
    sid = make_session_a(conn)
    for metric, op, target in (("peak_viewers", ">=", 30), ("dropped_frames_pct", "<=", 0.5),
                               ("new_followers", ">=", 50), ("engagement_rate", ">=", 5)):
        goals_mod.set_goal(conn, sid, goals_mod.make_goal(metric, op, target))
    goals_mod.set_goal(conn, sid, goals_mod.make_goal("peak_viewers", ">=", 30))  # same goal again: one row
    r = build_review(conn, sid, templates=NO_TEMPLATES)
    assert r is not None and r.goal_source == "session"
    got = [(g.goal.metric, g.goal.op, g.goal.target, g.actual, g.met) for g in r.goals]
    assert got == [("peak_viewers", ">=", 30.0, 30.0, True),            # 30 ≥ 30
                   ("engagement_rate", ">=", 5.0, pytest.approx(24.0), True),
                   ("new_followers", ">=", 50.0, None, None),           # no data
                   ("dropped_frames_pct", "<=", 0.5, pytest.approx(1.0), False)]
    assert goals_mod.delete_goals(conn, sid, "peak_viewers") == 1
    assert len(goals_mod.list_goals(conn, sid)) == 3
    with pytest.raises(goals_mod.GoalError, match="Unknown metric"):
        goals_mod.make_goal("viewers", ">=", 1)
    with pytest.raises(goals_mod.GoalError, match="operator"):
        goals_mod.make_goal("peak_viewers", ">", 1)
    with pytest.raises(goals_mod.GoalError, match="no session"):
        goals_mod.set_goal(conn, 999, goals_mod.make_goal("peak_viewers", ">=", 1))


def test_goal_templates(conn: sqlite3.Connection, tmp_path: Path) -> None:
    path = tmp_path / "templates.json"
    goals_mod.set_template_goal("twitch", goals_mod.make_goal("peak_viewers", ">=", 300), path)
    goals_mod.set_template_goal("*", goals_mod.make_goal("fps_min", ">=", 50), path)
    templates = goals_mod.load_templates(path)
    sid = make_session_a(conn)
    r = build_review(conn, sid, templates=templates)
    assert r is not None and r.goal_source == "template"
    assert [(g.goal.metric, g.met) for g in r.goals] == [("peak_viewers", False)]   # 30 < 300
    yt = add_session(conn, 0.0, 10.0, platform="youtube")
    assert goals_mod.effective_goals(conn, yt, "youtube", templates) == ([Goal("fps_min", ">=", 50.0)], "template")
    assert goals_mod.adopt_template(conn, sid, "twitch", templates) == [Goal("peak_viewers", ">=", 300.0)]
    assert goals_mod.adopt_template(conn, sid, "twitch", templates) == []   # it has goals now
    assert goals_mod.effective_goals(conn, sid, "twitch", templates)[1] == "session"
    assert goals_mod.delete_template_goals("twitch", None, path) == 1
    assert "twitch" not in goals_mod.load_templates(path)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(goals_mod.GoalError, match="cannot be read"):
        goals_mod.load_templates(path)


def test_comparison_previous_sessions_same_platform(conn: sqlite3.Connection) -> None:
    p1 = add_session(conn, 500.0, 600.0, title="P1")
    p2 = add_session(conn, 700.0, 760.0, title="P2")
    add_session(conn, 800.0, 900.0, kind="rehearsal")                  # not a stream
    add_session(conn, 650.0, 700.0, platform="youtube")                # another platform
    add_session(conn, 900.0, None, status="live")                       # not ended
    add_viewers(conn, p2, "twitch", [(700.0, 40)])
    sid = make_session_a(conn)
    add_session(conn, 2000.0, 2100.0)                                   # later
    assert [p[0] for p in previous_sessions(conn, sid, 5)] == [p2, p1]  # newest first
    r = build_review(conn, sid, compare_n=5, templates=NO_TEMPLATES)
    assert r is not None
    assert [(c.session_id, c.title) for c in r.comparison] == [(p1, "P1"), (p2, "P2")]  # oldest first
    assert r.comparison[0].values["duration_s"] == 100.0
    assert r.comparison[1].values["peak_viewers"] == 40.0
    assert set(r.comparison[1].values) == set(REPORT_KEYS)
    one = build_review(conn, sid, compare_n=1, templates=NO_TEMPLATES)
    assert one is not None and [c.session_id for c in one.comparison] == [p2]
    none = build_review(conn, sid, compare_n=0, templates=NO_TEMPLATES)
    assert none is not None and none.comparison == []
