"""Platform analytics imports (issue 6): every sample format parsed to exact values, zh-TW headers the
same as English ones, malformed files refused with the file named and nothing written, re-import,
sessions made for per-stream exports, and ``main.py import`` exit codes. Samples: tests/data/imports/."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from controllers.review.imports import ImportedData, ImportFileError, ImportSessionError, import_file, parse_export
from controllers.review.imports.values import decimal_mark, parse_clock, parse_date, parse_duration, parse_number
from controllers.review.model import IMPORTED_METRICS, IMPORTED_SERIES
from controllers.sessions.store import connect, migrate

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "imports"
TAIPEI = dt.timezone(dt.timedelta(hours=8))
START = dt.datetime(2026, 8, 23, 20, 0, tzinfo=TAIPEI)           # the launch stream, 20:00 Taipei
T0 = START.timestamp()
LATE = dt.datetime(2026, 8, 23, 23, 48, tzinfo=TAIPEI)           # the Twitch stream that crosses midnight
TABLES = ("sessions", "imports", "imported_metrics", "imported_series", "imported_breakdowns")


def parse(name: str, anchor: dt.datetime | None = START, platform: str | None = None) -> ImportedData:
    return parse_export(name, (DATA / name).read_bytes(), anchor=anchor, platform=platform)


@pytest.fixture(autouse=True)
def taipei_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Dates without a zone are read in the computer's zone: make it Asia/Taipei (UTC+8, no DST)."""
    monkeypatch.setenv("TZ", "Asia/Taipei")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    path = tmp_path / "sessions.sqlite3"
    db = connect(path)
    migrate(db, path)
    yield db
    db.close()


def add_session(db: sqlite3.Connection, started: float = T0, platform: str = "youtube") -> int:
    cursor = db.execute("INSERT INTO sessions (kind, title, platform, status, started_at, ended_at, last_seen_at) "
                        "VALUES ('stream', 'Launch', ?, 'ended', ?, ?, ?)", (platform, started, started + 3600,
                                                                             started + 3600))
    return int(cursor.lastrowid or 0)


def counts(db: sqlite3.Connection) -> dict[str, int]:
    return {t: int(db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]) for t in TABLES}


# -- values ------------------------------------------------------------------------------------------------


def test_numbers_follow_the_files_decimal_mark() -> None:
    assert parse_number("1,234") == 1234.0
    assert parse_number("1,234,567.5") == 1234567.5
    assert parse_number("12.5%") == 12.5
    assert parse_number(" 3 400 ") == 3400.0
    assert parse_number("1.234,5", ",") == 1234.5
    assert parse_number("7.938", ",") == 7938.0
    assert parse_number("31,5", ",") == 31.5
    for placeholder in ("", "—", "--", "-", "N/A"):
        assert parse_number(placeholder) is None
    with pytest.raises(ValueError):
        parse_number("abc")
    assert decimal_mark(["1,234", "12.5"]) == "."
    assert decimal_mark(["7.938", "31,5"]) == ","
    assert decimal_mark(["1.234,56"]) == ","
    assert decimal_mark(["1.234"]) == "." and decimal_mark(["1.234"], ",") == ","
    assert decimal_mark(["1.234", "0.5"], ",") == "."


def test_durations_dates_and_clock_times() -> None:
    assert parse_duration("0:10:14") == 614.0
    assert parse_duration("3:42:10") == 13330.0
    assert parse_duration("4:05") == 245.0
    assert parse_duration("132.8") == 132.8
    assert parse_duration("3h42m10s") == 13330.0
    assert parse_duration("3 小時 42 分 10 秒") == 13330.0
    assert parse_duration("--") is None
    assert parse_date("Sun Aug 23 2026") == dt.date(2026, 8, 23)
    assert parse_date("Aug 23, 2026") == dt.date(2026, 8, 23)
    assert parse_date("2026/8/23") == dt.date(2026, 8, 23)
    assert parse_date("2026年8月23日") == dt.date(2026, 8, 23)
    assert parse_date("08/23/2026") == dt.date(2026, 8, 23)
    assert parse_clock("10:30 AM") == dt.time(10, 30)
    assert parse_clock("12:05 AM") == dt.time(0, 5)
    assert parse_clock("12:00 PM") == dt.time(12, 0)
    assert parse_clock("下午11:50") == dt.time(23, 50)
    with pytest.raises(ValueError):
        parse_clock("25:00")


# -- formats -----------------------------------------------------------------------------------------------

STUDIO_METRICS = {"views": 1234.0, "watch_time_hours": 210.5, "subscribers_net": 12.0, "impressions": 15400.0,
                  "impressions_ctr_pct": 4.8, "avg_view_duration_s": 614.0}


@pytest.mark.parametrize("name, title", [("youtube_studio_content.zip", "Launch night live"),
                                         ("youtube_studio_content_zh_TW.zip", "發表會直播")])
def test_youtube_studio_zip(name: str, title: str) -> None:
    data = parse(name, anchor=None)
    assert (data.kind, data.platform, data.title, data.per_stream) == ("youtube_studio", "youtube", title, True)
    assert data.metrics == STUDIO_METRICS            # from the Total / 總計 row ("Thumbnail impressions" too)
    assert data.breakdowns == [("day", "2026-08-23", "views", 1000.0), ("day", "2026-08-24", "views", 234.0)]
    # the publish date (no time) at midnight Taipei; the end adds the video's 3:42:10
    assert data.started_at == dt.datetime(2026, 8, 23, tzinfo=TAIPEI).timestamp()
    assert data.ended_at == data.started_at + 13330
    assert parse(name).started_at == T0              # --start / the session gives the real start


def test_youtube_studio_single_table_and_audience_tables() -> None:
    assert parse("youtube_studio_table_data.csv").metrics == STUDIO_METRICS
    age = parse("youtube_studio_viewer_age.csv").breakdowns
    assert ("age", "18-24", "views_pct", 40.1) in age
    assert ("age", "18-24", "avg_view_duration_s", 750.0) in age
    assert ("age", "35-44", "watch_time_pct", 11.0) in age
    assert len(age) == 16                             # 4 ages × 4 metrics; the Total row is not an age
    gender = parse("youtube_studio_viewer_gender_zh_TW.csv").breakdowns
    assert gender == [("gender", "female", "views_pct", 42.5), ("gender", "female", "watch_time_pct", 40.0),
                      ("gender", "male", "views_pct", 57.0), ("gender", "male", "watch_time_pct", 59.5),
                      ("gender", "user_specified", "views_pct", 0.5),
                      ("gender", "user_specified", "watch_time_pct", 0.5)]
    geo = parse("youtube_studio_geography.csv").breakdowns
    assert [b for b in geo if b[2] == "views"] == [("geography", "TW", "views", 800.0),
                                                    ("geography", "HK", "views", 234.0),
                                                    ("geography", "US", "views", 200.0)]


@pytest.mark.parametrize("name", ["liveViewership_launch.csv", "liveViewership_launch_zh_TW.csv"])
def test_youtube_live_viewership_is_anchored_to_the_start(name: str) -> None:
    data = parse(name)
    assert (data.kind, data.needs_anchor, data.per_stream) == ("youtube_live_viewership", True, True)
    assert data.series == {
        "viewers": [(T0, 12.0), (T0 + 60, 40.0), (T0 + 120, 55.0), (T0 + 240, 61.0)],   # "—" / "--" left out
        "avg_viewers": [(T0, 12.0), (T0 + 60, 26.0), (T0 + 120, 35.7), (T0 + 180, 35.7), (T0 + 240, 42.0)],
    }
    assert (data.started_at, data.ended_at) == (T0, T0 + 240)


def test_youtube_live_engagement() -> None:
    data = parse("liveEngagements_launch.csv")
    assert data.kind == "youtube_live_engagement"
    assert data.series == {"chat_messages": [(T0, 0.0), (T0 + 60, 14.0), (T0 + 120, 22.0)]}


@pytest.mark.parametrize("name", ["twitch_stream_summary.csv", "twitch_stream_summary_zh_TW.csv"])
def test_twitch_stream_summary_crosses_midnight(name: str) -> None:
    data = parse(name, anchor=LATE)
    t = [dt.datetime(2026, 8, 23, 23, 50, tzinfo=TAIPEI).timestamp() + 300 * i for i in range(4)]
    assert data.kind == "twitch_stream_summary" and data.platform == "twitch"
    assert data.series == {
        "viewers": [(t[0], 10.0), (t[1], 1050.0), (t[2], 20.0), (t[3], 18.0)],    # "Average Viewers", "1,050"
        "live_views": [(t[0], 15.0), (t[1], 40.0), (t[2], 5.0), (t[3], 3.0)],
        "new_followers": [(t[0], 1.0), (t[1], 2.0), (t[2], 0.0), (t[3], 1.0)],
        "chatters": [(t[0], 3.0), (t[1], 7.0), (t[2], 4.0), (t[3], 2.0)],
        "chat_messages": [(t[0], 8.0), (t[1], 25.0), (t[2], 12.0), (t[3], 6.0)],
    }
    assert (data.started_at, data.ended_at) == (t[0], t[3] + 300)
    # a start given in UTC reads the bare times in UTC: 11:50 PM nearest 15:48 UTC is that evening
    utc = parse(name, anchor=LATE.astimezone(dt.UTC))
    assert utc.started_at == dt.datetime(2026, 8, 23, 23, 50, tzinfo=dt.UTC).timestamp()


@pytest.mark.parametrize("name", ["twitch_channel_daily.csv", "twitch_channel_daily_decimal_comma.csv"])
def test_twitch_channel_daily(name: str) -> None:
    data = parse(name)
    assert data.kind == "twitch_channel_daily" and not data.per_stream
    assert data.metrics == {"avg_viewers": 31.5, "peak_viewers": 61.0, "live_views": 410.0, "unique_viewers": 120.0,
                            "new_followers": 14.0, "chat_messages": 880.0, "minutes_watched": 7938.0}
    assert ("day", "2026-08-24", "live_views", 12.0) in data.breakdowns
    assert not [b for b in data.breakdowns if b[1] == "2026-08-24" and b[2] == "avg_viewers"]   # "--" / "—"
    assert len(data.breakdowns) == 3 * 7 - 2


@pytest.mark.parametrize("name, title", [("meta_video.csv", "Launch night live"),
                                         ("meta_video_zh_TW.csv", "發表會直播")])
def test_meta_video(name: str, title: str) -> None:
    data = parse(name, anchor=None)
    assert (data.kind, data.platform, data.title) == ("meta_video", "facebook", title)
    assert data.metrics == {"views": 2345.0, "reach": 1980.0, "watch_time_hours": 86.5, "avg_watch_time_s": 132.8,
                            "reactions": 210.0, "comments": 45.0, "shares": 12.0}
    assert (data.started_at, data.ended_at) == (T0, T0 + 13330)      # "08/23/2026 20:00" + Duration (sec)


def test_meta_posts_picks_the_post_nearest_the_stream() -> None:
    data = parse("meta_posts.csv")
    assert (data.kind, data.title) == ("meta_post", "We are live")
    assert data.metrics == {"reach": 5200.0, "reactions": 340.0, "comments": 66.0, "shares": 21.0}
    with pytest.raises(ImportFileError, match=r"^meta_posts\.csv: the export holds 2 videos or posts"):
        parse("meta_posts.csv", anchor=None)


@pytest.mark.parametrize("name", ["meta_daily_views_utf16.csv", "meta_daily_views_zh_TW_utf16be.csv"])
def test_meta_daily_series_utf16_with_sep_line_and_metric_line(name: str) -> None:
    data = parse(name)
    assert data.kind == "meta_daily"
    assert data.breakdowns == [("day", "2026-08-22", "views", 1024.0), ("day", "2026-08-23", "views", 2345.0),
                               ("day", "2026-08-24", "views", 318.0)]
    assert data.metrics == {"views": 2345.0}                # the stream's day


def test_meta_audience_stacked_blocks() -> None:
    data = parse("meta_audience.csv", anchor=None)
    assert data.kind == "meta_audience"
    by = {(d, k): v for d, k, _m, v in data.breakdowns}
    assert {m for _d, _k, m, _v in data.breakdowns} == {"audience_pct"}
    assert by[("age", "18-24")] == 22.6 and by[("age", "65+")] == 4.0
    assert by[("gender", "female")] == 49.0 and by[("gender", "male")] == 51.0
    assert by[("city", "Taipei, Taiwan")] == 35.2 and by[("city", "Kaohsiung, Taiwan")] == 12.4
    assert by[("geography", "Taiwan")] == 78.1 and by[("geography", "Hong Kong")] == 9.3
    assert len(data.breakdowns) == 6 + 2 + 2 + 2


RETENTION_STUDIO = [("retention", "0", "audience_pct", 100.0), ("retention", "0.1", "audience_pct", 71.4),
                    ("retention", "0.25", "audience_pct", 58.2), ("retention", "0.5", "audience_pct", 44.9),
                    ("retention", "0.75", "audience_pct", 36.0), ("retention", "1", "audience_pct", 12.3)]


def test_youtube_analytics_api_retention_report() -> None:
    """elapsedVideoTimeRatio (0..1) × audienceWatchRatio (1.0 = 100 %, above 1 with rewatches) and
    relativeRetentionPerformance (0..1, 0.5 = median) — the API's column names as the header."""
    data = parse("youtube_analytics_retention.csv", anchor=None)
    assert (data.kind, data.platform, data.per_stream, data.metrics, data.series) == (
        "youtube_retention", "youtube", False, {}, {})
    assert [b for b in data.breakdowns if b[2] == "audience_pct"] == [
        ("retention", "0.01", "audience_pct", 112.0), ("retention", "0.25", "audience_pct", 58.3),
        ("retention", "0.5", "audience_pct", 44.91), ("retention", "0.75", "audience_pct", 36.0),
        ("retention", "1", "audience_pct", 12.3)]
    assert [b for b in data.breakdowns if b[2] == "relative_performance"] == [
        ("retention", "0.01", "relative_performance", 0.62), ("retention", "0.25", "relative_performance", 0.55),
        ("retention", "0.5", "relative_performance", 0.5), ("retention", "0.75", "relative_performance", 0.47),
        ("retention", "1", "relative_performance", 0.4)]


@pytest.mark.parametrize("name", ["youtube_studio_audience_retention.csv",
                                  "youtube_studio_audience_retention_zh_TW.csv"])
def test_youtube_studio_audience_retention_chart(name: str) -> None:
    """Video position (%) / 影片位置 (%) → fractions; "71.4%" read as 71.4; the "—" / "--" row left out."""
    data = parse(name, anchor=None)
    assert (data.kind, data.platform) == ("youtube_retention", "youtube")
    assert data.breakdowns == RETENTION_STUDIO


def test_retention_detection_and_bad_cells() -> None:
    reordered = b"Absolute audience retention (%),Likes,Video position (%)\n80,3,50\n"
    assert parse_export("r.csv", reordered).breakdowns == [("retention", "0.5", "audience_pct", 80.0)]
    bad = "影片位置 (%),絕對觀眾續看率 (%)\n0,100\n50,很多\n".encode()
    with pytest.raises(ImportFileError) as info:
        parse_export("r.csv", bad)
    assert str(info.value) == "r.csv: line 3: '很多' is not a number in column '絕對觀眾續看率 (%)'"
    with pytest.raises(ImportFileError, match=r"^r\.csv: line 2: '101' is not a position from 0 to 100 %"):
        parse_export("r.csv", b"Video position (%),Audience retention (%)\n101,5\n")
    with pytest.raises(ImportFileError, match=r"^r\.csv: line 2: '-0\.5' is a negative share in column"):
        parse_export("r.csv", b"elapsedVideoTimeRatio,audienceWatchRatio\n0.5,-0.5\n")
    with pytest.raises(ImportFileError, match=r"^r\.csv: the export has no rows$"):
        parse_export("r.csv", b"elapsedVideoTimeRatio,audienceWatchRatio\n0.5,\n")


def test_the_review_shows_imported_retention(conn: sqlite3.Connection) -> None:
    from controllers.review.build import build_review

    session = add_session(conn)
    with pytest.raises(ImportFileError, match="import it into a session"):
        import_file(conn, DATA / "youtube_analytics_retention.csv")
    outcome = import_file(conn, DATA / "youtube_analytics_retention.csv", session_id=session)
    assert (outcome.kind, outcome.breakdowns, outcome.metrics, outcome.series_points) == (
        "youtube_retention", 10, 0, 0)
    review = build_review(conn, session)
    assert review is not None and review.retention is not None
    retention = review.retention
    assert (retention.key, retention.unit, retention.source) == ("retention", "%", "import:youtube")
    assert review.retention.t.tolist() == [0.01, 0.25, 0.5, 0.75, 1.0]
    assert review.retention.v.tolist() == [112.0, 58.3, 44.91, 36.0, 12.3]   # audience %, not the relative 0..1
    assert not [b for b in review.breakdowns if b.dimension == "retention"]
    # a newer retention import of the same platform replaces the curve
    import_file(conn, DATA / "youtube_studio_audience_retention_zh_TW.csv", session_id=session)
    review = build_review(conn, session)
    assert review is not None and review.retention is not None
    assert review.retention.t.tolist() == [0.0, 0.1, 0.25, 0.5, 0.75, 1.0]
    assert review.retention.v.tolist() == [100.0, 71.4, 58.2, 44.9, 36.0, 12.3]


def test_canonical_keys_only() -> None:
    for path in DATA.iterdir():
        if path.suffix in (".csv", ".zip"):
            try:
                data = parse(path.name, anchor=LATE if "twitch" in path.name else START)
            except ImportFileError:
                continue
            assert set(data.metrics) <= set(IMPORTED_METRICS), path.name
            assert set(data.series) <= set(IMPORTED_SERIES), path.name


def test_detection_uses_the_header_not_the_file_name() -> None:
    content = (DATA / "twitch_stream_summary.csv").read_bytes()
    assert parse_export("Totals.csv", content, anchor=LATE).kind == "twitch_stream_summary"
    reordered = b"Chat Messages,Timestamp,Live Views,Average Viewers\n8,11:50 PM,15,10\n"
    data = parse_export("x.csv", reordered, anchor=LATE)
    assert data.series["viewers"] == [(dt.datetime(2026, 8, 23, 23, 50, tzinfo=TAIPEI).timestamp(), 10.0)]


# -- malformed files ---------------------------------------------------------------------------------------

MALFORMED = {
    "bad_number_twitch.csv": "bad_number_twitch.csv: line 3: 'abc' is not a number in column 'Average Viewers'",
    "truncated_viewership.csv": "truncated_viewership.csv: line 4: the row has 2 of 3 columns (is the file cut short?)",
    "retention_position_out_of_range.csv": "retention_position_out_of_range.csv: line 4: '1.25' is not a position "
                                           "from 0 to 1 in column 'elapsedVideoTimeRatio'",
    "unknown_header.csv": "unknown_header.csv: not a recognised YouTube, Twitch or Meta export "
                          "(header: Order ID, Customer, Amount)",
    "empty.csv": "empty.csv: the file is empty",
    "binary_junk.csv": "binary_junk.csv: not a text file (it is neither UTF-8 nor UTF-16)",
    "zip_without_tables.zip": "zip_without_tables.zip: the zip holds no YouTube Studio tables (members: notes.csv)",
    "damaged.zip": "damaged.zip: the zip file is damaged (File is not a zip file)",
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_files_name_the_file_and_write_nothing(conn: sqlite3.Connection, name: str) -> None:
    session = add_session(conn)
    before = counts(conn)
    with pytest.raises(ImportFileError) as info:
        import_file(conn, DATA / name, session_id=session, start=LATE)
    assert str(info.value) == MALFORMED[name]
    assert info.value.path == name
    assert counts(conn) == before


def test_a_write_failure_rolls_back_everything(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TRIGGER no_breakdowns BEFORE INSERT ON imported_breakdowns "
                 "BEGIN SELECT RAISE(ABORT, 'disk says no'); END")
    before = counts(conn)
    with pytest.raises(sqlite3.IntegrityError, match="disk says no"):
        import_file(conn, DATA / "youtube_studio_content.zip")    # would make a session, then fail
    assert counts(conn) == before
    assert not conn.in_transaction


def test_wrong_platform_and_bad_arguments(conn: sqlite3.Connection) -> None:
    with pytest.raises(ImportFileError, match=r"^twitch_stream_summary\.csv: not a recognised"):
        import_file(conn, DATA / "twitch_stream_summary.csv", start=LATE, platform="youtube")
    with pytest.raises(ImportSessionError, match="Session 99 does not exist"):
        import_file(conn, DATA / "meta_video.csv", session_id=99)
    with pytest.raises(ImportSessionError, match="UTC offset"):
        import_file(conn, DATA / "meta_video.csv", start=dt.datetime(2026, 8, 23, 20, 0))
    with pytest.raises(ImportFileError, match=r"^missing\.csv: cannot be read"):
        import_file(conn, DATA / "missing.csv")
    assert counts(conn)["imports"] == 0


# -- the service -------------------------------------------------------------------------------------------


def test_per_stream_export_without_a_session_creates_one(conn: sqlite3.Connection) -> None:
    outcome = import_file(conn, DATA / "meta_video.csv")
    assert outcome.created_session and outcome.kind == "meta_video" and outcome.platform == "facebook"
    row = conn.execute("SELECT kind, title, platform, status, started_at, ended_at FROM sessions WHERE id = ?",
                       (outcome.session_id,)).fetchone()
    assert row == ("imported", "Launch night live", "facebook", "ended", T0, T0 + 13330)
    metrics = dict(conn.execute("SELECT metric, value FROM imported_metrics WHERE session_id = ?",
                                (outcome.session_id,)).fetchall())
    assert metrics == {"views": 2345.0, "reach": 1980.0, "watch_time_hours": 86.5, "avg_watch_time_s": 132.8,
                       "reactions": 210.0, "comments": 45.0, "shares": 12.0}


def test_relative_positions_need_a_session_or_a_start(conn: sqlite3.Connection) -> None:
    with pytest.raises(ImportFileError) as info:
        import_file(conn, DATA / "liveViewership_launch.csv")
    assert str(info.value).startswith("liveViewership_launch.csv: the times are positions in the stream")
    assert "--session ID" in str(info.value) and "--start" in str(info.value)
    assert counts(conn)["sessions"] == 0
    outcome = import_file(conn, DATA / "liveViewership_launch.csv", start=START)
    assert conn.execute("SELECT started_at, ended_at, title FROM sessions WHERE id = ?",
                        (outcome.session_id,)).fetchone() == (T0, T0 + 240, "liveViewership_launch")


def test_import_into_a_session_anchors_to_its_start(conn: sqlite3.Connection) -> None:
    session = add_session(conn, started=T0 + 30)
    outcome = import_file(conn, DATA / "liveViewership_launch.csv", session_id=session)
    assert (outcome.session_id, outcome.created_session, outcome.series_points) == (session, False, 9)
    first = conn.execute("SELECT MIN(t) FROM imported_series WHERE session_id = ?", (session,)).fetchone()[0]
    assert first == T0 + 30


def test_twitch_bare_times_take_the_sessions_date_and_zone(conn: sqlite3.Connection) -> None:
    session = add_session(conn, started=LATE.timestamp(), platform="twitch")
    import_file(conn, DATA / "twitch_stream_summary.csv", session_id=session)
    times = [t for (t,) in conn.execute("SELECT t FROM imported_series WHERE metric = 'viewers' ORDER BY t")]
    assert times == [dt.datetime(2026, 8, 23, 23, 50, tzinfo=TAIPEI).timestamp() + 300 * i for i in range(4)]


def test_channel_exports_need_a_session(conn: sqlite3.Connection) -> None:
    for name in ("twitch_channel_daily.csv", "meta_audience.csv", "meta_daily_views_utf16.csv",
                 "youtube_studio_viewer_age.csv"):
        with pytest.raises(ImportFileError, match=rf"^{name}: this export covers the channel, not one stream"):
            import_file(conn, DATA / name, start=START)
    assert counts(conn)["sessions"] == 0


def test_reimport_replaces_the_earlier_import(conn: sqlite3.Connection) -> None:
    session = add_session(conn)
    first = import_file(conn, DATA / "meta_audience.csv", session_id=session)
    other = import_file(conn, DATA / "twitch_channel_daily.csv", session_id=session)
    again = import_file(conn, DATA / "meta_audience.csv", session_id=session)
    assert (first.replaced, again.replaced, again.breakdowns) == (0, 1, 12)
    assert [r[0] for r in conn.execute("SELECT id FROM imports ORDER BY id")] == [other.import_id, again.import_id]
    assert conn.execute("SELECT COUNT(*) FROM imported_breakdowns WHERE import_id = ?",
                        (first.import_id,)).fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM imported_breakdowns WHERE session_id = ?",
                        (session,)).fetchone()[0] == 12 + 19
    # the same file into another session is a separate import
    second = add_session(conn)
    assert import_file(conn, DATA / "meta_audience.csv", session_id=second).replaced == 0
    assert counts(conn)["imports"] == 3


def test_the_review_reads_an_imported_session(conn: sqlite3.Connection) -> None:
    from controllers.review.build import build_review

    session = import_file(conn, DATA / "twitch_stream_summary.csv", start=LATE).session_id
    review = build_review(conn, session)
    assert review is not None
    assert review.kind == "imported" and review.platform == "twitch"
    assert review.indicators["peak_viewers"] == 1050.0
    assert review.indicators["chat_messages"] == 51.0
    assert review.indicators["new_followers"] == 4.0


# -- the command line --------------------------------------------------------------------------------------


def run_cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ONAIR_", "XDG_")) and k != "HOME"}
    env.update({"ONAIR_HOME": str(home), "HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8",
                "LC_ALL": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1", "TZ": "Asia/Taipei"})
    return subprocess.run([sys.executable, "main.py", "--language", "en", "import", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, env=env)


def test_cli_import(tmp_path: Path) -> None:
    home = tmp_path / "home"
    ok = run_cli(home, str(DATA / "twitch_stream_summary.csv"), "--start", "2026-08-23T23:48:00+08:00",
                 "--platform", "twitch")
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout == "1\n"
    assert ok.stderr.startswith("Imported twitch_stream_summary.csv (twitch_stream_summary) into new session 1")
    again = run_cli(home, str(DATA / "twitch_stream_summary.csv"), "--session", "1")
    assert (again.returncode, again.stdout) == (0, "1\n")
    assert "It replaces the earlier import of the same file." in again.stderr
    bad = run_cli(home, str(DATA / "bad_number_twitch.csv"), "--session", "1")
    assert bad.returncode == 1 and bad.stdout == ""
    assert bad.stderr == ("Import failed: bad_number_twitch.csv: line 3: 'abc' is not a number in column "
                          "'Average Viewers'\n")
    start = run_cli(home, str(DATA / "meta_video.csv"), "--start", "tonight")
    assert start.returncode == 1 and start.stderr.startswith("Import failed: --start tonight is not a date")
    channel = run_cli(home, str(DATA / "meta_audience.csv"))
    assert channel.returncode == 1 and "Traceback" not in channel.stderr
    assert channel.stderr.count("\n") == 1
    db = connect(home / "data" / "sessions.sqlite3")
    assert db.execute("SELECT COUNT(*) FROM imports").fetchone()[0] == 1
    assert db.execute("SELECT COUNT(*) FROM sessions").fetchone()[0] == 1
    db.close()


def test_submit_import_runs_on_the_store_writer(tmp_path: Path) -> None:
    from controllers.review.imports import submit_import
    from controllers.sessions.store import SessionStore

    store = SessionStore(tmp_path / "store.sqlite3")
    try:
        outcome = submit_import(store, DATA / "meta_video.csv").result(timeout=10)
        assert outcome.created_session
        failed = submit_import(store, DATA / "empty.csv", session_id=outcome.session_id)
        with pytest.raises(ImportFileError, match=r"^empty\.csv: the file is empty$"):
            failed.result(timeout=10)
    finally:
        store.close()
    db = connect(tmp_path / "store.sqlite3")
    assert counts(db) == {"sessions": 1, "imports": 1, "imported_metrics": 7, "imported_series": 0,
                          "imported_breakdowns": 0}
    db.close()


def test_extra_missing_and_reordered_columns_sep_line_and_utf16_without_bom() -> None:
    # YouTube Studio with extra unknown columns, fewer metrics, and a "sep=;" line
    text = ("sep=;\nContent;Likes;Video title;Unknown column;Views;Average view duration\n"
            "Total;5;;x;1.234;1:00:00\nabc;5;Live;y;1.234;1:00:00\n")
    data = parse_export("t.csv", text.encode(), anchor=START)
    assert data.metrics == {"likes": 5.0, "views": 1234.0, "avg_view_duration_s": 3600.0}
    # "1.234" alone: a thousands point in a ";" file (European Excel), a decimal point in a "," file
    assert parse_export("t.csv", text.replace("sep=;\n", "").encode()).metrics["views"] == 1234.0
    comma = text.replace("sep=;\n", "").replace(";", ",")
    assert parse_export("t.csv", comma.encode()).metrics["views"] == 1.234
    # UTF-16 LE without a BOM, tab-separated
    text16 = "Live stream position (seconds)\tConcurrent viewers\n0\t5\n60\t7\n".encode("utf-16-le")
    assert parse_export("v.csv", text16, anchor=START).series == {"viewers": [(T0, 5.0), (T0 + 60, 7.0)]}


def test_zip_member_names_are_repaired_for_messages() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_samples", DATA / "make_samples.py")
    assert spec is not None and spec.loader is not None
    samples = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(samples)
    broken = samples.STUDIO_TABLE_ZH.replace("210.5", "兩百", 1)   # in the 總計 row, line 2
    archive = samples._zip({"表格資料.csv": broken}, raw_utf8_names=True)
    assert "表格資料".encode() in archive                     # raw UTF-8 name bytes, no UTF-8 flag
    with pytest.raises(ImportFileError) as info:
        parse_export("studio.zip", archive)
    assert str(info.value) == "studio.zip/表格資料.csv: line 2: '兩百' is not a number in column '觀看時間 (小時)'"
