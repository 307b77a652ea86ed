"""The review panel's synced player against a session OnAir recorded from a real OBS Studio (issue 6).

Real OBS records (in a rehearsal session) into a folder the test sets through the profile's
``SimpleOutput/FilePath``; OnAir's SessionRecorder, fed by the real ObsWorker, stores the session, its
``record_started`` / ``record_stopped`` events, a marker and the recording's path. The ReviewPanel then
opens that session with the real libvlc player: a mouse click on a chart at time *t* must put libvlc's
``get_time()`` near ``(t − recording_started_at)·1000``, and playback must move the charts' cursor.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from controllers.obs.worker import FanOutListener, ObsEndpoint, ObsWorker
from controllers.sessions.recorder import SessionRecorder
from controllers.sessions.service import database_path, open_for_recording
from controllers.sessions.store import SessionStore
from tests.conftest import require_system_part
from tests.support.waiting import wait_until

pytestmark = [pytest.mark.real_obs, pytest.mark.gui, pytest.mark.timeout(240)]
SEEK_TOLERANCE_MS = 700
RECORD_SECONDS = 8.0


def _call(client: Any, name: str, **data: Any) -> dict[str, Any]:
    from obswebsocket import requests

    response = client.call(getattr(requests, name)(**data))
    assert response.status, f"{name}({data}) failed: {response.datain}"
    return dict(response.datain)


def _events(session_id: int) -> list[tuple[float, str, str]]:
    conn = sqlite3.connect(database_path())
    try:
        return [(float(t), str(k), str(d or "")) for t, k, d in conn.execute(
            "SELECT t, kind, detail FROM events WHERE session_id = ? ORDER BY t, id", (session_id,))]
    finally:
        conn.close()


def _settled(path: Path) -> None:
    sizes: list[int] = []

    def same_size() -> bool:
        sizes.append(path.stat().st_size if path.is_file() else -1)
        return len(sizes) >= 3 and sizes[-1] > 0 and sizes[-1] == sizes[-2] == sizes[-3]

    wait_until(same_size, 15, "the recording to be finalised", 0.2)


def record_session(obs: Any, folder: Path) -> int:
    """Stream and record about RECORD_SECONDS with OnAir's recorder attached; a marker in the middle."""
    client = obs.connect()
    setup = open_for_recording()
    recorder = SessionRecorder(setup.store)
    worker = ObsWorker(ObsEndpoint(obs.host, obs.port, obs.password), FanOutListener([recorder]),
                       poll_interval=1.0, backoff_ceiling=1.0)
    try:
        _call(client, "SetProfileParameter", parameterCategory="SimpleOutput", parameterName="FilePath",
              parameterValue=str(folder))
        _call(client, "SetCurrentProgramScene", sceneName="Main")
        worker.start()
        assert worker.wait_connected(15)
        # A rehearsal session records like a stream session (samples, events, the recording's path);
        # without a stream, OBS's Simple output mode gives the recording its own encoder — sharing the
        # stream's encoder left a header-only file (696 bytes) in about 1 run of 15 under load.
        session_id = recorder.start_rehearsal("review test")
        assert session_id is not None
        _call(client, "StartRecord")
        wait_until(lambda: _call(client, "GetRecordStatus")["outputActive"], 10, "OBS to record", 0.1)
        time.sleep(RECORD_SECONDS / 2)
        assert recorder.add_marker("halfway")
        time.sleep(RECORD_SECONDS / 2)
        _call(client, "StopRecord")
        setup.store.flush()
        wait_until(lambda: "record_stopped" in [k for _t, k, _d in _events(session_id)], 15, "record stop", 0.1)
        assert recorder.end_rehearsal()
        setup.store.flush()
        return session_id
    finally:
        worker.stop()
        recorder.close()
        setup.close()
        client.disconnect()


def test_chart_click_seeks_a_real_obs_recording_and_playback_moves_the_cursor(qtbot, own_obs, tmp_path):  # type: ignore[no-untyped-def]
    from ui.review import player as player_module
    require_system_part(player_module.libvlc_problem())
    from ui.review.review_panel import ReviewPanel

    folder = tmp_path / "recordings"
    folder.mkdir()
    session_id = record_session(own_obs, folder)
    events = _events(session_id)
    kinds = [k for _t, k, _d in events]
    assert "record_started" in kinds and "record_stopped" in kinds and "marker" in kinds
    (stopped,) = [d for _t, k, d in events if k == "record_stopped"]
    recording = Path(stopped)
    assert recording.parent == folder, "OBS recorded into the folder set through SimpleOutput/FilePath"
    _settled(recording)

    store = SessionStore(database_path())
    panel = ReviewPanel(store, player_factory=lambda parent: player_module.VideoPlayer(parent, audio_output="dummy"),
                        importer=None)
    qtbot.addWidget(panel)
    panel.resize(1400, 900)
    panel.show()
    qtbot.waitExposed(panel)
    try:
        with qtbot.waitSignal(panel.loaded, timeout=20000) as blocker:
            panel.open_session(session_id)
        review = blocker.args[0]
        assert review.recording_path == str(recording)
        rec = review.recording_started_at
        (started_event,) = [t for t, k, _d in events if k == "record_started"]
        (stopped_event,) = [t for t, k, _d in events if k == "record_stopped"]
        assert rec == started_event
        player = panel.player
        assert isinstance(player, player_module.VideoPlayer) and panel.recording_ok
        charts = panel.charts
        (marker_t,) = [t for t, k, _d in events if k == "marker"]
        assert list(charts.marker_lines["fps"].xs) == [marker_t], "the marker is drawn on the charts"
        assert len(charts.curves["fps"].getOriginalDataset()[0]) >= 4, "OBS's samples are charted"

        try:
            qtbot.waitUntil(lambda: player.duration_ms() > 0, timeout=10000)
        except qtbot.TimeoutError:
            pytest.fail(f"no duration: state {player.state()}, note {panel.video_note.text()!r}, "
                        f"parsed status {player._vlc.media.get_parsed_status() if player._vlc.media else None}, "
                        f"size {recording.stat().st_size}")
        span_ms = (stopped_event - started_event) * 1000
        print(f"recording {player.duration_ms()} ms long; record_started→record_stopped {span_ms:.0f} ms")
        assert abs(player.duration_ms() - span_ms) <= 1500

        # start and pause, so libvlc has an input; then click the chart (a real mouse click on the canvas)
        player.play()
        qtbot.waitUntil(lambda: player.state() == "playing" and player.vlc_time_ms() >= 0, timeout=10000)
        player.pause()
        qtbot.waitUntil(lambda: player.state() == "paused", timeout=5000)
        qtbot.waitUntil(lambda: charts.plots["fps"].vb.width() > 300, timeout=5000)

        def click_at(t: float) -> None:
            pos = charts.view.mapFromScene(charts.scene_pos_for("fps", t))
            qtbot.mouseClick(charts.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)

        target = rec + 5.0
        expected_ms = (target - rec) * 1000
        frames = player.frame_count()
        before = player.vlc_time_ms()
        click_at(target)
        assert charts.cursor_t() == pytest.approx(target, abs=0.1), "the cursor jumps to the clicked moment"
        seen: list[tuple[int, int]] = []

        def landed() -> bool:
            seen.append((player.vlc_time_ms(), player.frame_count() - frames))
            return abs(seen[-1][0] - expected_ms) <= SEEK_TOLERANCE_MS

        try:
            qtbot.waitUntil(landed, timeout=2000)
        except qtbot.TimeoutError:
            pytest.fail(f"get_time() before the click {before} ms; (get_time, new frames) after it: {seen[::10]}")
        print(f"paused click at +5.000 s: get_time() {player.vlc_time_ms()} ms, position {player.position_ms()} ms")
        assert abs(player.position_ms() - expected_ms) <= SEEK_TOLERANCE_MS
        assert player.state() == "paused"
        qtbot.waitUntil(lambda: player.frame_count() > frames, timeout=8000)  # the frame there is shown

        # playback moves the cursor across the charts
        player.play()
        qtbot.waitUntil(lambda: player.state() == "playing", timeout=5000)
        xs: list[float] = []
        for _ in range(6):
            qtbot.wait(250)
            x = charts.cursor_t()
            assert x is not None
            xs.append(x)
        print(f"cursor while playing (s after the recording started): {[round(x - rec, 2) for x in xs]}")
        assert xs == sorted(xs) and xs[-1] - xs[0] >= 1.0, xs
        assert abs(charts.cursor_t() - (rec + player.position_ms() / 1000)) < 0.3
        assert abs(player.position_ms() - player.vlc_time_ms()) <= 600

        # a click while playing: libvlc's clock goes on from the clicked moment
        target = rec + 2.0
        click_at(target)
        asked = time.monotonic()
        last = player.vlc_time_ms()
        drift: list[int] = []
        while time.monotonic() - asked < 2.0:
            qtbot.wait(10)
            now_ms = player.vlc_time_ms()
            if now_ms != last:
                last = now_ms
                drift.append(round(now_ms - 2000 - (time.monotonic() - asked) * 1000))
        print(f"click at +2.000 s while playing: get_time() minus expected, per step: {drift} ms")
        assert len(drift) >= 2 and all(abs(d) <= SEEK_TOLERANCE_MS for d in drift), drift
    finally:
        panel.shutdown()
        store.close()
