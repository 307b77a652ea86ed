"""The review VideoPlayer on a real clip (ffmpeg testsrc): frames, interpolated position, seek, pause, errors."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QPushButton, QSlider

from tests.conftest import require_system_part
from tests.support.media import make_test_clip
from ui.review.player import VideoPlayer, decode_size, format_hms, libvlc_problem

pytestmark = [pytest.mark.gui, pytest.mark.timeout(90)]
SEEK_TOLERANCE_MS = 700


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_system_part(libvlc_problem())
    require_system_part(None if shutil.which("ffmpeg") else "the player tests need ffmpeg to make a clip")
    return make_test_clip(tmp_path_factory.mktemp("player") / "clip.mp4", seconds=10)


@pytest.fixture
def player(qtbot) -> Iterator[VideoPlayer]:  # type: ignore[no-untyped-def]
    widget = VideoPlayer(audio_output="dummy")
    qtbot.addWidget(widget)
    widget.resize(640, 420)
    widget.show()
    yield widget
    widget.release()


def not_uniform(image: QImage) -> bool:
    """More than one colour on a coarse grid of the image."""
    colours = {image.pixel(x, y) for x in range(0, image.width(), 16) for y in range(0, image.height(), 16)}
    return len(colours) > 4


def start(qtbot, player: VideoPlayer, clip: Path) -> None:  # type: ignore[no-untyped-def]
    assert player.load(str(clip))
    player.play()
    qtbot.waitUntil(lambda: player.state() == "playing", timeout=5000)
    qtbot.waitUntil(lambda: player.frame_count() > 0, timeout=5000)


def test_helpers() -> None:
    assert format_hms(0) == "0:00:00"
    assert format_hms(3_725_999) == "1:02:05"
    assert decode_size(1920, 1080) == (1280, 720)
    assert decode_size(640, 360) == (640, 360)
    assert decode_size(720, 576, 16, 15) == (768, 576), "anamorphic video is decoded at its display width"


def test_widgets_have_stable_names_and_the_label_shows_length(qtbot, player: VideoPlayer, clip: Path) -> None:  # type: ignore[no-untyped-def]
    assert player.objectName() == "videoPlayer"
    assert isinstance(player.findChild(QPushButton, "playButton"), QPushButton)
    assert isinstance(player.findChild(QSlider, "positionSlider"), QSlider)
    assert player.findChild(QLabel, "timeLabel").text() == "0:00:00 / 0:00:00"
    assert player.findChild(object, "videoSurface") is player.surface
    durations: list[int] = []
    player.durationChanged.connect(durations.append)
    assert player.load(str(clip))
    qtbot.waitUntil(lambda: durations != [], timeout=5000)
    assert abs(durations[-1] - 10_000) <= 100
    assert player.duration_ms() == durations[-1]
    assert player.findChild(QLabel, "timeLabel").text() == "0:00:00 / 0:00:10"
    assert player.slider.maximum() == player.duration_ms()


def test_play_paints_frames_and_interpolates_between_coarse_vlc_times(qtbot, player: VideoPlayer,  # type: ignore[no-untyped-def]
                                                                      clip: Path) -> None:
    positions: list[int] = []
    player.positionChanged.connect(positions.append)
    start(qtbot, player, clip)
    frames_before = player.frame_count()
    positions.clear()
    vlc_times: set[int] = set()
    deadline = time.monotonic() + 1.5
    while time.monotonic() < deadline:
        qtbot.wait(20)
        vlc_times.add(player.vlc_time_ms())
    assert player.frame_count() > frames_before + 20, "about 30 frames a second reach the GUI"
    assert positions == sorted(positions), "the position never steps back while playing"
    assert positions[-1] - positions[0] >= 1000
    assert len(set(positions)) >= 25, "the 30 Hz clock interpolates"
    assert len(vlc_times) <= 10, "libvlc's get_time() itself moves in coarse steps"
    assert abs(player.position_ms() - player.vlc_time_ms()) <= 600
    image = player.grab().toImage()
    assert not_uniform(image)
    assert player.findChild(QPushButton, "playButton").text() == "Pause"


def test_seek_while_playing_lands_near_the_target(qtbot, player: VideoPlayer, clip: Path) -> None:  # type: ignore[no-untyped-def]
    start(qtbot, player, clip)
    player.seek(6000)
    assert player.position_ms() == 6000, "the cursor jumps at once"
    qtbot.waitUntil(lambda: abs(player.vlc_time_ms() - 6000) <= SEEK_TOLERANCE_MS, timeout=2000)
    qtbot.wait(500)
    assert 6000 <= player.position_ms() <= 6000 + 500 + SEEK_TOLERANCE_MS
    assert abs(player.position_ms() - player.vlc_time_ms()) <= 600
    player.seek(1500)  # backwards too
    qtbot.waitUntil(lambda: abs(player.vlc_time_ms() - 1500) <= SEEK_TOLERANCE_MS, timeout=2000)
    assert player.position_ms() < 3000


def test_pause_freezes_the_position_and_seeking_while_paused_shows_that_frame(qtbot, player: VideoPlayer,  # type: ignore[no-untyped-def]
                                                                                clip: Path) -> None:
    start(qtbot, player, clip)
    qtbot.wait(800)
    player.pause()
    qtbot.waitUntil(lambda: player.state() == "paused", timeout=2000)
    frozen = player.position_ms()
    qtbot.wait(800)
    assert player.position_ms() == frozen
    assert abs(frozen - player.vlc_time_ms()) <= 300
    assert player.findChild(QPushButton, "playButton").text() == "Play"
    frames = player.frame_count()
    player.seek(3000)
    qtbot.waitUntil(lambda: abs(player.vlc_time_ms() - 3000) <= SEEK_TOLERANCE_MS, timeout=2000)
    qtbot.waitUntil(lambda: player.frame_count() > frames, timeout=2000)  # the frame at 3 s is shown
    qtbot.wait(500)
    assert player.state() == "paused"
    assert abs(player.position_ms() - 3000) <= SEEK_TOLERANCE_MS


def test_seek_before_play_applies_when_playback_starts(qtbot, player: VideoPlayer, clip: Path) -> None:  # type: ignore[no-untyped-def]
    assert player.load(str(clip))
    player.seek(5000)
    assert player.position_ms() == 5000
    player.play()
    qtbot.waitUntil(lambda: player.state() == "playing", timeout=5000)
    qtbot.waitUntil(lambda: abs(player.vlc_time_ms() - 5000) <= SEEK_TOLERANCE_MS, timeout=2000)
    assert player.position_ms() >= 4300


def test_space_toggles_playback_and_the_end_can_be_replayed(qtbot, player: VideoPlayer, clip: Path) -> None:  # type: ignore[no-untyped-def]
    states: list[str] = []
    player.stateChanged.connect(states.append)
    assert player.load(str(clip))
    player.setFocus()
    qtbot.keyClick(player, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: player.state() == "playing", timeout=5000)
    qtbot.keyClick(player, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: player.state() == "paused", timeout=2000)
    player.seek(9300)
    player.play()
    qtbot.waitUntil(lambda: player.state() == "ended", timeout=5000)
    assert player.position_ms() == player.duration_ms()
    player.play()
    qtbot.waitUntil(lambda: player.state() == "playing", timeout=5000)
    qtbot.wait(300)
    assert player.position_ms() < 2000, "play after the end starts again from the beginning"
    assert states[:4] == ["playing", "paused", "playing", "ended"]


@pytest.mark.parametrize("kind", ["missing", "empty"])
def test_a_missing_or_empty_file_fails_at_once_with_a_clear_message(player: VideoPlayer, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                      kind: str) -> None:
    require_system_part(libvlc_problem())
    path = tmp_path / "recording.mkv"
    if kind == "empty":
        path.write_bytes(b"")
    errors: list[str] = []
    player.errorOccurred.connect(errors.append)
    assert player.load(str(path)) is False
    assert len(errors) == 1 and str(path) in errors[0]
    assert ("does not exist" if kind == "missing" else "is empty") in errors[0]
    assert player.state() == "error"
    player.play()  # harmless
    assert player.state() == "error"


def test_a_file_that_is_not_video_reports_an_error(qtbot, player: VideoPlayer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    require_system_part(libvlc_problem())
    path = tmp_path / "notes.mkv"
    path.write_text("this is not a video\n" * 50)
    errors: list[str] = []
    player.errorOccurred.connect(errors.append)
    player.load(str(path))
    player.play()
    qtbot.waitUntil(lambda: errors != [], timeout=5000)
    assert str(path) in errors[0]
    assert player.state() == "error"


def test_release_then_delete_is_safe_and_later_calls_are_no_ops(qtbot, clip: Path) -> None:  # type: ignore[no-untyped-def]
    widget = VideoPlayer(audio_output="dummy")
    widget.show()
    start(qtbot, widget, clip)
    widget.release()
    widget.play()
    widget.seek(1000)
    widget.pause()
    assert widget.load(str(clip)) is False
    widget.deleteLater()
    qtbot.wait(200)
    # And a player deleted while playing, without release(), releases libvlc through `destroyed`.
    other = VideoPlayer(audio_output="dummy")
    start(qtbot, other, clip)
    handles = other._vlc
    other.deleteLater()
    qtbot.waitUntil(lambda: handles.player is None and handles.instance is None, timeout=3000)


def test_pause_right_after_play_wins_and_loading_another_file_resets(qtbot, player: VideoPlayer, clip: Path,  # type: ignore[no-untyped-def]
                                                                       tmp_path: Path) -> None:
    assert player.load(str(clip))
    player.play()
    player.pause()  # before the file is even parsed: nothing starts
    qtbot.waitUntil(lambda: player.duration_ms() > 0, timeout=5000)
    qtbot.wait(300)
    assert player.state() == "stopped"
    player.play()
    player.pause()  # before libvlc has started
    qtbot.waitUntil(lambda: player.state() == "paused", timeout=5000)
    qtbot.wait(500)
    assert player.position_ms() < 500 and player.state() == "paused"
    player.toggle()
    qtbot.waitUntil(lambda: player.state() == "playing", timeout=3000)
    qtbot.wait(600)
    other = tmp_path / "other.mp4"
    make_test_clip(other, seconds=4)
    durations: list[int] = []
    player.durationChanged.connect(durations.append)
    assert player.load(str(other))
    assert player.position_ms() == 0 and player.state() == "stopped" and player.current_image() is None
    qtbot.waitUntil(lambda: durations and durations[-1] > 0, timeout=5000)
    assert abs(durations[-1] - 4000) <= 100
    qtbot.wait(300)
    assert player.state() == "stopped" and player.current_image() is None, "no late frame of the old file"
    start(qtbot, player, other)


def test_moving_the_slider_seeks_and_space_on_the_focused_slider_toggles(qtbot, player: VideoPlayer,  # type: ignore[no-untyped-def]
                                                                         clip: Path) -> None:
    start(qtbot, player, clip)
    slider = player.findChild(QSlider, "positionSlider")
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Space)  # the slider ignores Space: it reaches the player
    qtbot.waitUntil(lambda: player.state() == "paused", timeout=2000)
    frames = player.frame_count()
    slider.setSliderPosition(4000)  # a click on the groove / a keyboard step: the value changes
    qtbot.waitUntil(lambda: player.frame_count() > frames, timeout=2000)
    assert abs(player.vlc_time_ms() - 4000) <= SEEK_TOLERANCE_MS
    assert player.findChild(QLabel, "timeLabel").text() == "0:00:04 / 0:00:10"
    qtbot.keyClick(slider, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: player.state() == "playing", timeout=2000)
    qtbot.wait(1000)
    assert 4500 <= player.vlc_time_ms() <= 5000 + SEEK_TOLERANCE_MS
