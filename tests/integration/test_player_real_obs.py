"""The review VideoPlayer on a recording made by a real OBS Studio in the test."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

from tests.conftest import require_system_part
from tests.support.waiting import wait_until
from ui.review.player import VideoPlayer, libvlc_problem

pytestmark = [pytest.mark.real_obs, pytest.mark.gui, pytest.mark.timeout(180)]
SEEK_TOLERANCE_MS = 700
RECORD_SECONDS = 6.0


def _call(client: Any, name: str, **data: Any) -> dict[str, Any]:
    from obswebsocket import requests

    response = client.call(getattr(requests, name)(**data))
    assert response.status, f"{name}({data}) failed: {response.datain}"
    return dict(response.datain)


def record_clip_in_obs(obs: Any, directory: Path) -> Path:
    """Record about RECORD_SECONDS of the Main scene (the test clip) into *directory*; return the file."""
    client = obs.connect()
    try:
        _call(client, "SetProfileParameter", parameterCategory="SimpleOutput", parameterName="FilePath",
              parameterValue=str(directory))
        _call(client, "SetCurrentProgramScene", sceneName="Main")
        time.sleep(0.5)
        _call(client, "StartRecord")
        wait_until(lambda: _call(client, "GetRecordStatus")["outputActive"], 10, "OBS to record", 0.1)
        time.sleep(RECORD_SECONDS)
        output = Path(_call(client, "StopRecord")["outputPath"])
        wait_until(lambda: not _call(client, "GetRecordStatus")["outputActive"], 15, "OBS to stop recording", 0.1)
    finally:
        client.disconnect()
    sizes: list[int] = []

    def settled() -> bool:
        sizes.append(output.stat().st_size if output.is_file() else -1)
        return len(sizes) >= 3 and sizes[-1] > 0 and sizes[-1] == sizes[-2] == sizes[-3]

    wait_until(settled, 10, "the recording to be finalised", 0.2)
    return output


def vlc_clock_drift(qtbot, player: VideoPlayer, target_ms: int, seconds: float) -> list[int]:  # type: ignore[no-untyped-def]
    """Each new get_time() value minus (target + time since now), over *seconds* of playback."""
    asked = time.monotonic()
    last = player.vlc_time_ms()
    drift: list[int] = []
    while time.monotonic() - asked < seconds:
        qtbot.wait(10)
        now_ms = player.vlc_time_ms()
        if now_ms != last:
            last = now_ms
            drift.append(round(now_ms - target_ms - (time.monotonic() - asked) * 1000))
    return drift


def not_uniform(image: QImage) -> bool:
    colours = {image.pixel(x, y) for x in range(0, image.width(), 16) for y in range(0, image.height(), 16)}
    return len(colours) > 4


def test_player_plays_seeks_and_pauses_a_real_obs_recording(qtbot, own_obs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    require_system_part(libvlc_problem())
    recording = record_clip_in_obs(own_obs, tmp_path)
    assert recording.parent == tmp_path, "OBS recorded into the directory the test chose"
    assert recording.suffix == ".mkv"

    player = VideoPlayer(audio_output="dummy")  # not qtbot.addWidget: the test deletes it itself
    player.resize(640, 420)
    player.show()
    try:
        durations: list[int] = []
        positions: list[int] = []
        player.durationChanged.connect(durations.append)
        player.positionChanged.connect(positions.append)
        assert player.load(str(recording))
        qtbot.waitUntil(lambda: durations != [], timeout=5000)
        assert abs(durations[-1] - RECORD_SECONDS * 1000) <= 1500, durations

        player.play()
        qtbot.waitUntil(lambda: player.state() == "playing", timeout=5000)
        qtbot.waitUntil(lambda: player.frame_count() > 0, timeout=5000)
        frames = player.frame_count()
        positions.clear()
        qtbot.wait(1500)
        assert player.frame_count() > frames + 15, "frames keep arriving"
        assert positions == sorted(positions) and positions[-1] - positions[0] >= 1000, "playback moves the cursor"
        assert len(set(positions)) >= 25, "the position is interpolated at ~30 Hz"
        grab = player.grab()
        assert not_uniform(grab.toImage()), "a frame of the recording is painted"
        grab.save("/tmp/player_check.png")

        # get_time() reports a seek target as soon as it is asked, so judge the seek by where libvlc's clock
        # goes next: every later value should be the target plus the time since the seek.
        player.seek(3000)
        assert player.position_ms() == 3000, "the cursor jumps at once"
        drift = vlc_clock_drift(qtbot, player, 3000, seconds=1.5)
        print(f"seek(3000) while playing: get_time() minus expected, per step: {drift} ms")
        assert len(drift) >= 3 and all(abs(d) <= SEEK_TOLERANCE_MS for d in drift), drift
        assert abs(player.position_ms() - player.vlc_time_ms()) <= 600

        player.pause()
        qtbot.waitUntil(lambda: player.state() == "paused", timeout=2000)
        frozen = player.position_ms()
        qtbot.wait(700)
        assert player.position_ms() == frozen, "pause stops the position"
        assert abs(frozen - player.vlc_time_ms()) <= 300

        frames = player.frame_count()
        player.seek(1000)  # paused: libvlc decodes the frame there and stays paused
        qtbot.waitUntil(lambda: player.frame_count() > frames, timeout=3000)
        assert player.state() == "paused" and abs(player.vlc_time_ms() - 1000) <= SEEK_TOLERANCE_MS
        player.play()
        drift = vlc_clock_drift(qtbot, player, 1000, seconds=1.2)
        print(f"seek(1000) while paused, then play: drift per step {drift} ms")
        assert len(drift) >= 2 and all(abs(d) <= SEEK_TOLERANCE_MS for d in drift), drift

        player.release()
    finally:
        player.release()
    player.deleteLater()
    qtbot.wait(200)

    missing = VideoPlayer(audio_output="dummy")
    qtbot.addWidget(missing)
    errors: list[str] = []
    missing.errorOccurred.connect(errors.append)
    assert missing.load(str(tmp_path / "gone.mkv")) is False
    assert errors and "gone.mkv" in errors[0] and "does not exist" in errors[0]
    missing.release()
