"""The review panel (offscreen): a real SQLite session built through the store, loaded on the worker,
cards, charts, markers and scenes, chart click → player seek, cursor follows playback, imports,
goals editor round trip, exports."""

from __future__ import annotations

import json
import math
import random
import sqlite3
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QWidget

from controllers.review.model import (
    Breakdown,
    ComparisonRow,
    Goal,
    GoalResult,
    Outage,
    Series,
    SessionReview,
    TimelineEvent,
)
from controllers.sessions.store import SessionStore
from ui.review.review_panel import ReviewPanel

pytestmark = pytest.mark.gui

START = 1_790_000_000.0
SCENES = ("Starting soon", "Main camera", "Gameplay", "Interview", "Be right back", "Gameplay", "Ending")
MARKERS = ((900.0, "Guest joins"), (2400.0, "Giveaway announced"), (4300.0, "Audio glitch — check mic"),
           (6600.0, "Raid from partner channel"))


def make_realistic_session(conn: sqlite3.Connection, *, start: float = START, hours: float = 2.0,
                           title: str = "Launch day stream", seed: int = 7, recording: str | None = None,
                           audience: bool = True, scale: float = 1.0) -> int:
    """A believable stream: ramping viewers, chat bursts, scene switches, markers, a short OBS outage,
    a stream reconnect, a recording, and an imported audience (age, gender, geography, retention)."""
    rng = random.Random(seed)
    n = int(hours * 3600)
    end = start + n
    sid = int(conn.execute(
        "INSERT INTO sessions (kind, title, platform, status, started_at, ended_at, last_seen_at, recording_path, "
        "notes) VALUES ('stream', ?, 'youtube', 'ended', ?, ?, ?, ?, 'Product launch')",
        (title, start, end, end, recording)).lastrowid or 0)
    samples = []
    render = encoder = net = 0
    frames = 0
    outage = (3000, 3060)
    for i in range(n):
        if outage[0] <= i < outage[1]:
            continue
        frames += 60
        render += rng.random() < 0.004
        encoder += rng.random() < 0.002
        net += (rng.random() < 0.3) if 5000 <= i < 5100 else (rng.random() < 0.003)
        kbps = 6000 + rng.gauss(0, 120) - (2500 if 5000 <= i < 5100 else 0)
        cpu = 18 + 6 * math.sin(i / 900) + rng.random() * 4 + (25 if 4000 <= i < 4300 else 0)
        fps = 60.0 - (rng.random() * 3 if 4000 <= i < 4300 else rng.random() * 0.3)
        samples.append((sid, start + i + 0.5, fps, cpu, 900.0, 50_000.0, render, frames, encoder, frames, net,
                        frames, i * 750_000, kbps, 0.0, 1 if 5040 <= i < 5052 else 0, i * 1000))
    conn.executemany(f"INSERT INTO samples VALUES ({','.join('?' * 17)})", samples)
    viewers = []
    for k in range(n // 30):
        x = k * 30 / n
        base = 320 * min(1.0, x * 5) * (1.0 - 0.35 * max(0.0, x - 0.6) / 0.4)
        viewers.append((sid, start + k * 30.0, "youtube", max(0, int(base * scale + rng.gauss(0, 8)))))
    conn.executemany("INSERT INTO viewer_samples VALUES (?, ?, ?, ?)", viewers)
    chat = []
    for j in range(int(6000 * scale)):
        t = rng.random() * n
        if rng.random() < 0.3:
            t = rng.choice([m for m, _ in MARKERS]) + rng.random() * 240
        author = rng.randrange(int(40 * scale) + 5)
        paid = rng.random() < 0.004
        chat.append((sid, start + min(t, n - 1), "youtube", f"m{j}", f"viewer{author}", f"id{author}", "gg",
                     "", 50.0 if paid else None, "TWD" if paid else None))
    chat.sort(key=lambda r: r[1])
    conn.executemany("INSERT INTO chat_messages (session_id, t, platform, message_id, author, author_id, text, "
                     "roles, paid_amount, paid_currency) VALUES (?,?,?,?,?,?,?,?,?,?)", chat)
    events: list[tuple[Any, ...]] = [(sid, start + 1, "stream_started", "", "{}")]
    if recording:
        events.append((sid, start + 5, "record_started", "", "{}"))
        events.append((sid, end - 5, "record_stopped", recording, "{}"))
    for k, name in enumerate(SCENES):
        events.append((sid, start + 2 + k * n / len(SCENES), "scene", name, "{}"))
    for t, note in MARKERS:
        if t < n:
            events.append((sid, start + t, "marker", note, "{}"))
    events += [(sid, start + outage[0], "obs_disconnected", "lost", "{}"),
               (sid, start + outage[1], "obs_reconnected", "60.0 s", json.dumps({"gap_s": 60.0})),
               (sid, start + 5040, "stream_reconnecting", "", "{}"),
               (sid, start + 5052, "stream_reconnected", "", "{}")]
    conn.executemany("INSERT INTO events (session_id, t, kind, detail, data_json) VALUES (?,?,?,?,?)", events)
    if audience:
        imp = int(conn.execute(
            "INSERT INTO imports (session_id, platform, kind, source_name, sha256, imported_at) "
            "VALUES (?, 'youtube', 'youtube_studio', 'Table data.csv', ?, ?)",
            (sid, f"sha{sid}", end + 3600)).lastrowid or 0)
        rows = [("age", k, "views_pct", v) for k, v in (("13-17", 4.1), ("18-24", 31.5), ("25-34", 38.2),
                                                         ("35-44", 15.0), ("45-54", 7.2), ("55-64", 2.8),
                                                         ("65-", 1.2))]
        rows += [("gender", k, "views_pct", v) for k, v in (("male", 63.4), ("female", 35.1),
                                                            ("user_specified", 1.5))]
        rows += [("geography", k, "views_pct", v) for k, v in (("TW", 58.0), ("HK", 12.5), ("US", 9.1),
                                                               ("JP", 6.3), ("MY", 4.4), ("SG", 3.9),
                                                               ("CA", 2.1), ("GB", 1.8))]
        rows += [("retention", f"{p / 20:.2f}", "audience_pct", 100 * math.exp(-p / 20 * 1.3) + rng.random())
                 for p in range(21)]
        conn.executemany("INSERT INTO imported_breakdowns VALUES (?, ?, ?, ?, ?, ?)",
                         [(imp, sid, *r) for r in rows])
        conn.executemany("INSERT INTO imported_metrics VALUES (?, ?, ?, ?)",
                         [(imp, sid, "impressions", 48_200.0), (imp, sid, "impressions_ctr_pct", 6.4),
                          (imp, sid, "views", 3_910.0), (imp, sid, "new_followers", 57.0)])
    return sid


def make_db(path: Path, *, recording: str | None = None, previous: int = 3,
            scale: float = 1.0) -> tuple[SessionStore, int]:
    """A store with ``previous`` earlier sessions (comparison) and the realistic one; goals on it."""
    store = SessionStore(path)

    def build(conn: sqlite3.Connection) -> int:
        for k in range(previous):
            make_realistic_session(conn, start=START - (previous - k) * 7 * 86_400, title=f"Weekly show #{k + 1}",
                                   seed=k, hours=1.5, audience=False, scale=0.6 + 0.15 * k)
        sid = make_realistic_session(conn, recording=recording, scale=scale)
        conn.executemany("INSERT INTO goals (session_id, metric, op, target) VALUES (?, ?, ?, ?)",
                         [(sid, "peak_viewers", ">=", 300.0), (sid, "engagement_rate", ">=", 5.0),
                          (sid, "dropped_frames_pct", "<=", 0.5), (sid, "new_followers", ">=", 80.0)])
        return sid

    return store, store.submit(build).result(timeout=30)


# -- a player stub with the VideoPlayer's interface (tests only) ---------------------------------------------

class StubPlayer(QWidget):
    positionChanged = Signal(int)
    errorOccurred = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loaded: list[str] = []
        self.seeks: list[int] = []
        self.released = False
        self._pos = 0

    def load(self, path: str) -> bool:
        self.loaded.append(path)
        return True

    def play(self) -> None: ...

    def pause(self) -> None: ...

    def seek(self, ms: int) -> None:
        self.seeks.append(ms)
        self._pos = ms

    def position_ms(self) -> int:
        return self._pos

    def release(self) -> None:
        self.released = True


@pytest.fixture
def recording(tmp_path: Path) -> Path:
    path = tmp_path / "2026-09-21 20-00-05.mkv"
    path.write_bytes(b"\x1a\x45\xdf\xa3 not really a video")
    return path


@pytest.fixture
def db(tmp_path: Path, recording: Path):  # type: ignore[no-untyped-def]
    store, sid = make_db(tmp_path / "sessions.sqlite3", recording=str(recording))
    yield store, sid
    store.close()


@pytest.fixture
def panel(qtbot, db, tmp_path):  # type: ignore[no-untyped-def]
    store, _sid = db
    players: list[StubPlayer] = []

    def factory(parent: QWidget) -> StubPlayer:
        players.append(StubPlayer(parent))
        return players[-1]

    qsettings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    widget = ReviewPanel(store, player_factory=factory, qsettings=qsettings, importer=None)
    widget.players = players  # type: ignore[attr-defined]
    qtbot.addWidget(widget)
    widget.resize(1400, 950)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.shutdown()


def open_and_wait(qtbot, panel: ReviewPanel, sid: int) -> SessionReview:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(panel.loaded, timeout=15000) as blocker:
        panel.open_session(sid)
    return blocker.args[0]


# -- tests ---------------------------------------------------------------------------------------------------

def test_loads_on_worker_and_shows_cards(qtbot, panel, db) -> None:  # type: ignore[no-untyped-def]
    _store, sid = db
    panel.refresh_sessions()
    qtbot.waitUntil(lambda: panel.picker.count() == 4, timeout=5000)
    assert panel.picker.itemText(0).endswith("Launch day stream · YouTube · 2:00:00")  # newest first
    panel.open_session(sid)
    assert panel.status.text() == "Loading…"  # the GUI thread did not wait for the build
    qtbot.waitUntil(lambda: panel.review is not None, timeout=15000)
    review = panel.review
    assert panel.header.text().startswith("Launch day stream")
    cards = panel.cards.cards
    assert cards["duration_s"].value.text() == "2:00:00"
    peak = review.indicators["peak_viewers"]
    assert peak is not None and cards["peak_viewers"].value.text() == f"{peak:,.0f}"
    assert cards["chat_messages"].value.text() == f"{review.indicators['chat_messages']:,.0f}"
    assert cards["dropped_frames_pct"].light.property("light") == review.lights["dropped_frames_pct"]
    assert not cards["dropped_frames_pct"].light.isHidden()
    # goal marks beside the values
    met = {r.goal.metric: r.met for r in review.goals}
    assert cards["peak_viewers"].goal_marks() == ("✓" if met["peak_viewers"] else "✗")
    assert cards["new_followers"].goal_marks() == "✗"  # 57 imported < 80
    assert cards["new_followers"].value.text() == "57"
    assert panel.goals.table.rowCount() == 4
    # comparison: three earlier sessions then this one (computed after the review is shown)
    qtbot.waitUntil(lambda: panel.comparison_model.rowCount() == 4, timeout=10000)
    assert "(this session)" in panel.comparison_model.data(panel.comparison_model.index(3, 1))


def test_charts_hold_the_series_events_and_outages(qtbot, panel, db) -> None:  # type: ignore[no-untyped-def]
    _store, sid = db
    review = open_and_wait(qtbot, panel, sid)
    charts = panel.charts
    for key in ("viewers", "chat_per_minute", "bitrate_kbps", "dropped_frames_pct", "cpu", "fps"):
        series = review.series[key]
        x, y = charts.curves[key].getOriginalDataset()
        assert np.array_equal(x, series.t) and np.allclose(y, series.v, equal_nan=True)
    assert len(review.series["bitrate_kbps"].t) >= 7200 - 60
    # shared X axis: zooming one chart zooms all
    charts.plots["cpu"].setXRange(START + 1000, START + 2000, padding=0)
    for plot in charts.plots.values():
        lo, hi = plot.vb.viewRange()[0]
        assert abs(lo - (START + 1000)) < 1 and abs(hi - (START + 2000)) < 1
    qtbot.mouseClick(charts.reset_button, Qt.MouseButton.LeftButton)
    lo, hi = charts.x_range()
    assert lo <= START + 10 and hi >= START + 7190
    # scene switches, markers with notes as tooltips, the outage shaded
    scene_ts = sorted(e.t for e in review.events if e.kind == "scene")
    for key in charts.plots:
        assert list(charts.scene_lines[key].xs) == scene_ts
        markers = charts.marker_lines[key]
        assert [note.split(" — ", 1)[1] for note in markers.notes] == [n for _t, n in MARKERS]
        assert list(markers.xs) == [START + t for t, _n in MARKERS]
        assert markers.note_near(START + 2401, 5).endswith("Giveaway announced")
        assert markers.note_near(START + 2300, 5) is None
        assert [tuple(r.getRegion()) for r in charts.outage_regions[key]] == [(o.start, o.end) for o in review.outages]
    assert any(abs(o.start - (START + 3000)) < 1 for o in review.outages)
    assert "scene: Starting soon" in charts.readout_text(START + 905)
    assert "marker: Guest joins" in charts.readout_text(START + 905)
    assert "scene: Main camera" in charts.readout_text(START + 1100)


def test_chart_click_seeks_the_player_and_cursor_follows_playback(qtbot, panel, db, recording) -> None:  # type: ignore[no-untyped-def]
    _store, sid = db
    review = open_and_wait(qtbot, panel, sid)
    assert review.recording_started_at == pytest.approx(START + 5)
    player = panel.players[0]
    assert player.loaded == [str(recording)] and panel.video_pane.isVisible()
    charts = panel.charts
    qtbot.waitUntil(lambda: charts.view.isVisible() and charts.plots["bitrate_kbps"].vb.width() > 100)
    t = START + 3605.0
    scene_pos = charts.scene_pos_for("bitrate_kbps", t)
    view_pos = charts.view.mapFromScene(scene_pos)
    qtbot.mouseClick(charts.view.viewport(), Qt.MouseButton.LeftButton, pos=view_pos)
    qtbot.waitUntil(lambda: len(player.seeks) == 1)
    per_pixel = (charts.x_range()[1] - charts.x_range()[0]) / charts.plots["bitrate_kbps"].vb.width()
    assert player.seeks[0] == pytest.approx((t - review.recording_started_at) * 1000, abs=2000 * per_pixel + 1000)
    # playback moves the cursor on every chart
    player.positionChanged.emit(120_000)
    expected = review.recording_started_at + 120.0
    for cursor in charts.cursors.values():
        assert cursor.isVisible() and cursor.value() == pytest.approx(expected)
    # a click before the recording started does not seek
    panel._on_moment_clicked(START + 1)
    assert len(player.seeks) == 1 and "before the recording" in panel.status.text()
    panel.shutdown()
    assert player.released


def test_missing_recording_hides_nothing_but_says_so(qtbot, panel, db, recording) -> None:  # type: ignore[no-untyped-def]
    _store, sid = db
    recording.unlink()
    open_and_wait(qtbot, panel, sid)
    assert panel.players == []
    assert "not there any more" in panel.video_note.text()


def drop_files(panel: ReviewPanel, *paths: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                      Qt.KeyboardModifier.NoModifier)
    panel.dropEvent(drop)


def real_importer():  # type: ignore[no-untyped-def]
    from controllers.review.imports import service
    return service.import_file


def test_bad_import_shows_the_error_not_a_traceback(qtbot, panel, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _store, sid = db
    open_and_wait(qtbot, panel, sid)
    imports_before = len(panel.review.imports)
    panel.importer = real_importer()
    bad = tmp_path / "garbage.csv"
    bad.write_text("foo,bar\n1,2\n", encoding="utf-8")
    drop_files(panel, bad)
    qtbot.waitUntil(lambda: panel.error.isVisible(), timeout=10000)
    text = panel.error.text()
    assert text.startswith("Import failed — garbage.csv: ")
    assert "Traceback" not in text and "Error:" not in text
    assert panel.import_button.isEnabled()
    panel.reload()
    qtbot.waitUntil(lambda: panel.status.text().startswith("Loaded"), timeout=10000)
    assert len(panel.review.imports) == imports_before  # nothing partial


def test_dropped_export_is_imported_and_the_review_reloads(qtbot, panel, db) -> None:  # type: ignore[no-untyped-def]
    _store, sid = db
    review = open_and_wait(qtbot, panel, sid)
    panel.importer = real_importer()
    sample = Path(__file__).resolve().parents[1] / "data" / "imports" / "youtube_studio_viewer_age.csv"
    with qtbot.waitSignal(panel.loaded, timeout=15000) as blocker:
        drop_files(panel, sample)
    after = blocker.args[0]
    assert after.session_id == sid and not panel.error.isVisible()
    assert len(after.imports) == len(review.imports) + 1
    assert any(i["source_name"] == sample.name for i in after.imports)
    assert "age" in panel.audience.bars


def test_imported_retention_export_fills_the_retention_chart(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A YouTube Analytics retention report dropped on the panel → build_review's retention → the chart's data."""
    store = SessionStore(tmp_path / "retention.sqlite3")
    sid = store.submit(lambda conn: make_realistic_session(conn, hours=0.2, audience=False)).result(timeout=30)
    panel = ReviewPanel(store, player_factory=None, importer=real_importer())
    qtbot.addWidget(panel)
    panel.resize(1200, 900)
    panel.show()
    try:
        open_and_wait(qtbot, panel, sid)
        assert panel.audience.retention is None and not panel.audience.empty.isHidden()
        sample = Path(__file__).resolve().parents[1] / "data" / "imports" / "youtube_analytics_retention.csv"
        with qtbot.waitSignal(panel.loaded, timeout=15000) as blocker:
            drop_files(panel, sample)
        review = blocker.args[0]
        assert not panel.error.isVisible()
        assert review.retention is not None
        assert review.retention.t.tolist() == [0.01, 0.25, 0.5, 0.75, 1.0]
        assert review.retention.v.tolist() == [112.0, 58.3, 44.91, 36.0, 12.3]  # audienceWatchRatio × 100
        curve = panel.audience.retention
        assert curve is not None and panel.audience.empty.isHidden()
        x, y = curve.getOriginalDataset()
        assert x.tolist() == pytest.approx([1.0, 25.0, 50.0, 75.0, 100.0])  # position in the stream, %
        assert y.tolist() == [112.0, 58.3, 44.91, 36.0, 12.3]
        plot = curve.getViewBox()
        (x0, x1), (y0, y1) = plot.viewRange()
        assert x0 <= 0 and x1 >= 100 and y0 <= 0 and y1 >= 112.0, "rewatches above 100 % stay in view"
    finally:
        panel.shutdown()
        store.close()


def test_goals_editor_round_trip(qtbot, panel, db) -> None:  # type: ignore[no-untyped-def]
    store, sid = db
    open_and_wait(qtbot, panel, sid)
    editor = panel.goals
    editor.metric_box.setCurrentIndex(editor.metric_box.findData("chat_messages"))
    editor.op_box.setCurrentIndex(editor.op_box.findData(">="))
    editor.target.setText("1,000")
    with qtbot.waitSignal(panel.loaded, timeout=15000):
        qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert editor.table.rowCount() == 5
    assert panel.cards.cards["chat_messages"].goal_marks() == "✓"
    # engagement rate is a percentage
    editor.metric_box.setCurrentIndex(editor.metric_box.findData("engagement_rate"))
    editor.target.setText("7.5")
    with qtbot.waitSignal(panel.loaded, timeout=15000):
        qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    conn = store.reader()
    try:
        rows = dict(((m, o), t) for m, o, t in conn.execute(
            "SELECT metric, op, target FROM goals WHERE session_id = ?", (sid,)))
    finally:
        conn.close()
    assert rows[("chat_messages", ">=")] == 1000.0 and rows[("engagement_rate", ">=")] == 7.5
    # remove one
    row = next(r for r in range(editor.table.rowCount())
               if editor.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == ("chat_messages", ">="))
    editor.table.selectRow(row)
    with qtbot.waitSignal(panel.loaded, timeout=15000):
        qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert editor.table.rowCount() == 4
    assert panel.cards.cards["chat_messages"].goal_marks() == ""
    # a bad target is refused with a message
    editor.target.setText("lots")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert "not a number" in editor.message.text()


def test_export_json_and_csv_on_the_worker(qtbot, panel, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _store, sid = db
    open_and_wait(qtbot, panel, sid)
    out = tmp_path / "review.json"
    with qtbot.waitSignal(panel.exported, timeout=15000):
        panel.export("json", out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["session"]["id"] == sid and doc["peak_viewers"] == panel.review.indicators["peak_viewers"]
    folder = tmp_path / "csv"
    folder.mkdir()
    with qtbot.waitSignal(panel.exported, timeout=15000):
        panel.export("csv", folder)
    assert (folder / "indicators.csv").exists()
    assert "Exported to" in panel.status.text()


def test_review_objects_directly_and_splitter_state_kept(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The panel shows a hand-made SessionReview (no database) and remembers its splitters."""
    t = np.arange(START, START + 600, 1.0)
    review = SessionReview(
        session_id=9, title="直播測試", platform="twitch", kind="stream", status="ended", started_at=START,
        ended_at=START + 600, notes="", recording_path=None, recording_started_at=None,
        indicators={"duration_s": 600.0, "peak_viewers": 42.0, "dropped_frames_pct": 6.2},
        lights={"dropped_frames_pct": "red"},
        series={"viewers": Series("viewers", t[::30], np.full(20, 40.0), "viewers")},
        events=[TimelineEvent(START + 60, "marker", "intro <b>done</b>"), TimelineEvent(START + 5, "scene", "Main")],
        outages=[Outage(START + 100, START + 130)],
        breakdowns=[Breakdown("age", "views_pct", (("18-24", 60.0), ("25-34", 40.0)), "twitch")],
        goals=[GoalResult(Goal("peak_viewers", ">=", 50.0), 42.0, False)],
        comparison=[ComparisonRow(3, START - 86400, "Before", {"peak_viewers": 30.0})])
    qsettings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    panel = ReviewPanel(None, qsettings=qsettings, player_factory=None, importer=None)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_review(review)
    assert panel.cards.cards["dropped_frames_pct"].light.property("light") == "red"
    assert panel.cards.cards["peak_viewers"].goal_marks() == "✗"
    assert panel.charts.marker_lines["fps"].notes[0].endswith("intro <b>done</b>")
    assert "age" in panel.audience.bars and panel.audience.retention is None
    assert not panel.video_pane.isVisible()
    assert panel.comparison_model.rowCount() == 2
    panel.splitter.setSizes([300, 300])
    panel.splitter.splitterMoved.emit(300, 1)
    sizes = panel.splitter.sizes()
    panel.shutdown()
    again = ReviewPanel(None, qsettings=qsettings, player_factory=None, importer=None)
    qtbot.addWidget(again)
    again.show()
    assert again.splitter.sizes() == sizes
    again.shutdown()


def test_chart_click_position_maps_back(qtbot, panel, db) -> None:  # type: ignore[no-untyped-def]
    """scene_pos_for/_time_at agree, so the click test above measures the mapping, not the geometry."""
    _store, sid = db
    open_and_wait(qtbot, panel, sid)
    charts = panel.charts
    pos = charts.scene_pos_for("viewers", START + 1234.0)
    assert charts._time_at(pos) == pytest.approx(START + 1234.0, abs=1e-3)
    assert isinstance(charts.view.mapFromScene(pos), QPoint)


def test_main_window_opens_a_sessions_review(qtbot, fake_obs, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Double-click a session (not on its editable title) → the Review dock shows its review; F6 action too."""
    from PySide6.QtWidgets import QMessageBox

    from controllers.obs.worker import ObsEndpoint
    from controllers.settings import Settings
    from ui.app import OnAirApp
    from ui.models.session_list_model import COLUMNS

    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    app = OnAirApp(Settings(), ObsEndpoint("127.0.0.1", fake_obs.port, "secret"), poll_interval=0.2)
    qtbot.addWidget(app.window)
    try:
        app.start()
        window = app.window
        assert window.review_panel is None  # built on first use
        sid = app.recording.store.submit(lambda conn: make_realistic_session(conn, audience=False, scale=0.2)
                                         ).result(timeout=30)
        window.catalog.refresh()
        table = window.sessions_panel.table
        qtbot.waitUntil(lambda: window.sessions_panel.model.rowCount() == 1, timeout=5000)
        index = window.sessions_panel.model.index(0, COLUMNS.index("started"))
        qtbot.waitExposed(window)
        cell = table.visualRect(index).center()
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)  # Qt 6 views need the press first
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
        qtbot.waitUntil(lambda: window.review_panel is not None, timeout=5000)
        qtbot.waitUntil(lambda: window.review_panel.review is not None or bool(window.review_panel.error.text()),
                        timeout=15000)
        assert window.review_panel.error.text() == ""
        panel = window.review_panel
        assert window.review_dock.isVisible() and panel.review.session_id == sid
        assert panel.picker.currentData() == sid
        action = window.findChild(type(window.menuBar().actions()[0]), "actionReview")
        assert action is not None and action.shortcut().toString() == "F6"
        context = table.findChild(type(action), "actionOpenSessionReview")
        assert context is not None
        window.review_dock.hide()
        action.trigger()
        assert window.review_dock.isVisible()
    finally:
        app.shutdown()


def test_real_player_seeks_from_a_chart_and_moves_the_cursor(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The real VideoPlayer (libvlc) on an ffmpeg clip: chart click → get_time near that moment; playback → cursor."""
    import shutil

    from tests.conftest import require_system_part
    from tests.support.media import make_test_clip
    from ui.review import player as player_module
    require_system_part(player_module.libvlc_problem())
    require_system_part(None if shutil.which("ffmpeg") else "needs ffmpeg to make a clip")
    clip = make_test_clip(tmp_path / "recording.mp4", seconds=20)
    store, sid = make_db(tmp_path / "s.sqlite3", recording=str(clip), previous=0, scale=0.2)
    panel = ReviewPanel(store, player_factory=lambda parent: player_module.VideoPlayer(parent, audio_output="dummy"),
                        importer=None)
    qtbot.addWidget(panel)
    panel.resize(1400, 900)
    panel.show()
    try:
        review = open_and_wait(qtbot, panel, sid)
        player = panel.player
        assert isinstance(player, player_module.VideoPlayer) and panel.recording_ok
        rec = review.recording_started_at
        charts = panel.charts
        charts.plots["fps"].setXRange(rec - 5, rec + 25, padding=0)  # the 20 s clip across the chart
        qtbot.waitUntil(lambda: abs(charts.x_range()[0] - (rec - 5)) < 0.5)
        target = rec + 12.0
        pos = charts.view.mapFromScene(charts.scene_pos_for("fps", target))
        qtbot.mouseClick(charts.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        player.play()
        qtbot.waitUntil(lambda: player.state() == "playing" and player.vlc_time_ms() > 0, timeout=10000)
        assert abs(player.vlc_time_ms() - 12_000) < 1500
        first = charts.cursor_t()
        assert first is not None and abs(first - target) < 1.5
        qtbot.waitUntil(lambda: (charts.cursor_t() or 0) > first + 0.8, timeout=5000)  # the cursor follows playback
        assert abs(charts.cursor_t() - (rec + player.position_ms() / 1000)) < 0.3
    finally:
        panel.shutdown()
        store.close()
