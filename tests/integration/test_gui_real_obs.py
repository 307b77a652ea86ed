"""The live control panel driving a real OBS Studio 29 under Xvfb (pytest-qt)."""

from __future__ import annotations

import math
import re
import time

import pytest
from PySide6.QtCore import Qt

from controllers.obs.model import LinkState
from controllers.obs.worker import ObsEndpoint
from tests.gui.helpers import answer_next_confirmation, close_window, open_window, wait_connected
from tests.support.real_obs import RtmpSink

pytestmark = [pytest.mark.real_obs, pytest.mark.gui, pytest.mark.timeout(180)]


def endpoint_of(obs, password: str | None = None) -> ObsEndpoint:  # type: ignore[no-untyped-def]
    return ObsEndpoint(obs.host, obs.port, obs.password if password is None else password)


@pytest.fixture
def obs_bare(shared_obs):  # type: ignore[no-untyped-def]
    """A plain obs-websocket-py client on the shared OBS, to act as 'OBS itself'."""
    client = shared_obs.connect()
    client.call(_req("SetCurrentProgramScene", sceneName="Intro"))
    client.call(_req("SetInputMute", inputName="Music", inputMuted=False))
    yield client
    client.disconnect()


def _req(name: str, **data):  # type: ignore[no-untyped-def]
    from obswebsocket import requests

    return getattr(requests, name)(**data)


def program_scene(client) -> str:  # type: ignore[no-untyped-def]
    return str(client.call(_req("GetCurrentProgramScene")).datain["currentProgramSceneName"])


@pytest.fixture
def window(qtbot, shared_obs, obs_bare):  # type: ignore[no-untyped-def]
    win = open_window(qtbot, endpoint_of(shared_obs))
    wait_connected(qtbot, win)
    yield win
    close_window(win)


def test_connects_and_reads_the_whole_state(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    model = window.live.scenes.model
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    assert [model.scene_at(i) for i in range(3)] == ["Intro", "Main", "BRB"]  # OBS's UI order
    assert set(window.live.mixer.strips) == {"Clip", "Music"}
    assert "Connected to OBS 29" in window.indicator.text() or "Connected to OBS 3" in window.indicator.text()


def test_click_switches_program_scene(qtbot, window, obs_bare) -> None:  # type: ignore[no-untyped-def]
    view = window.live.scenes.view
    qtbot.waitUntil(lambda: view.model().rowCount() == 3)
    rect = view.visualRect(view.model().index(1, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: program_scene(obs_bare) == "Main", timeout=5000)
    qtbot.waitUntil(lambda: window.client.snapshot.program_scene == "Main", timeout=5000)


def test_number_keys_switch_scenes_unless_typing(qtbot, window, obs_bare) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    window.live.scenes.view.setFocus()
    qtbot.keyClick(window.live.scenes.view, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: program_scene(obs_bare) == "BRB", timeout=5000)
    qtbot.keyClick(window.live.scenes.view, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: program_scene(obs_bare) == "Intro", timeout=5000)


def test_mute_in_obs_shows_in_onair_and_back(qtbot, window, obs_bare) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: "Music" in window.live.mixer.strips)
    obs_bare.call(_req("SetInputMute", inputName="Music", inputMuted=True))
    qtbot.waitUntil(lambda: window.live.mixer.strips["Music"].mute_button.isChecked(), timeout=3000)
    qtbot.mouseClick(window.live.mixer.strips["Music"].mute_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not obs_bare.call(_req("GetInputMute", inputName="Music")).datain["inputMuted"],
                    timeout=3000)
    qtbot.waitUntil(lambda: not window.live.mixer.strips["Music"].mute_button.isChecked(), timeout=3000)


def test_volume_from_obs_and_meters_move(qtbot, window, obs_bare) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: "Music" in window.live.mixer.strips)
    obs_bare.call(_req("SetInputVolume", inputName="Music", inputVolumeDb=-12.0))
    strip = window.live.mixer.strips["Music"]
    qtbot.waitUntil(lambda: strip.slider.value() == -120, timeout=3000)
    assert strip.db_label.text() == "-12.0 dB"
    meter = strip.meter
    qtbot.waitUntil(lambda: not math.isinf(meter.magnitude_db) and meter.magnitude_db > -60, timeout=5000)
    obs_bare.call(_req("SetInputVolume", inputName="Music", inputVolumeDb=0.0))


def test_program_preview_shows_pictures(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    preview = window.live.preview
    qtbot.waitUntil(lambda: preview.frames_shown >= 2, timeout=8000)
    assert preview.pixmap() is not None and not preview.pixmap().isNull()


def test_health_panel_fills_in(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    fps = window.live.health.values["fps"]
    qtbot.waitUntil(lambda: re.fullmatch(r"\d+\.\d\d", fps.text()) is not None, timeout=5000)
    assert float(fps.text()) > 0
    assert window.live.health.values["disk"].text().endswith("GB")


def test_stream_start_shows_bitrate_then_stop_with_confirmation(qtbot, window, obs_bare, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with RtmpSink() as sink:
        sink.apply_to(obs_bare)
        button = window.live.outputs.stream_button
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.client.snapshot.stream.active, timeout=10000)
        assert button.text() == "Stop streaming"
        bitrate = window.live.health.values["bitrate"]
        qtbot.waitUntil(lambda: re.match(r"[\d,]+ kb/s", bitrate.text()) is not None
                        and float(bitrate.text().split()[0].replace(",", "")) > 0, timeout=10000)
        qtbot.waitUntil(lambda: window.live.outputs.stream_timecode.text() != "00:00:00", timeout=5000)
        answer_next_confirmation(window.live.outputs, yes=False)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        time.sleep(0.5)
        assert obs_bare.call(_req("GetStreamStatus")).datain["outputActive"], "Cancel must not stop the stream"
        answer_next_confirmation(window.live.outputs, yes=True)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not obs_bare.call(_req("GetStreamStatus")).datain["outputActive"], timeout=10000)
        qtbot.waitUntil(lambda: button.text() == "Start streaming" and button.isEnabled(), timeout=5000)


def test_obs_killed_then_back(qtbot, own_obs) -> None:  # type: ignore[no-untyped-def]
    win = open_window(qtbot, endpoint_of(own_obs))
    try:
        wait_connected(qtbot, win)
        own_obs.kill()
        killed_at = time.monotonic()
        qtbot.waitUntil(lambda: "Reconnecting" in win.indicator.text(), timeout=2000)
        assert time.monotonic() - killed_at < 2.0
        assert not win.live.scenes.view.isEnabled()
        own_obs.restart()
        bare = own_obs.connect()
        bare.call(_req("SetCurrentProgramScene", sceneName="BRB"))  # state changed while we were away
        bare.disconnect()
        wait_connected(qtbot, win, timeout=20000)
        qtbot.waitUntil(lambda: win.client.snapshot.program_scene == "BRB", timeout=5000)
        assert win.live.scenes.model.rowCount() == 3
        qtbot.waitUntil(win.live.scenes.view.isEnabled, timeout=5000)
    finally:
        close_window(win)


def test_wrong_password_is_said_and_not_retried(qtbot, shared_obs) -> None:  # type: ignore[no-untyped-def]
    win = open_window(qtbot, endpoint_of(shared_obs, password="not-the-password"))
    try:
        qtbot.waitUntil(lambda: "wrong password" in win.indicator.text(), timeout=10000)
        assert win.client.status.state is LinkState.DISCONNECTED
        qtbot.wait(1500)
        assert win.client.status.state is LinkState.DISCONNECTED  # no retry loop
    finally:
        close_window(win)
