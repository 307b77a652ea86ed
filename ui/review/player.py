"""A python-vlc video player widget for the review panel (recording synced to the timeline).

Frames are decoded by libvlc into a memory buffer (``libvlc_video_set_callbacks`` + RV32) and painted
with QPainter, so the player works on the offscreen platform and on X11 alike (no ``set_xwindow``).

Threads (see docs/ARCHITECTURE.md, threads):

* libvlc's decoder thread calls :class:`_FrameSink` (lock/unlock/display): the finished frame is copied
  into a front buffer under a lock and the GUI is told through a queued signal (at most one pending).
* libvlc's event thread calls :class:`_EventRelay`: it only posts queued signals. Calling libvlc from
  inside an event callback deadlocks, so every libvlc call happens on the GUI thread.
* ``get_time()`` moves in 250–500 ms steps; a 30 Hz QTimer interpolates the position between them and
  re-anchors whenever ``get_time()`` changes.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import threading
import time
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, QRectF, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QColor, QImage, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSlider, QVBoxLayout, QWidget

try:  # python-vlc loads libvlc at import time; a missing libvlc must not break the rest of the UI
    import vlc
except (ImportError, OSError) as exc:  # pragma: no cover - depends on the system
    vlc = None
    _VLC_IMPORT_ERROR = str(exc)
else:
    _VLC_IMPORT_ERROR = ""

__all__ = ["VideoPlayer", "libvlc_problem", "format_hms"]

MAX_DECODE_WIDTH = 1280
TICK_MS = 33
_SEEK_SETTLE_S = 2.0
_PARSE_TIMEOUT_S = 12.0  # parse_with_options gives up after 10 s
_MAX_EXTRAPOLATION_MS = 1000
_BACKWARD_JITTER_MS = 400

# ---- ctypes prototypes (python-vlc's tracks_get() mis-declares libvlc_media_track_t and crashes) -------

_LockCb = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p))
_UnlockCb = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p))
_DisplayCb = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p)


class _Track(ctypes.Structure):
    """The head of libvlc 3's ``libvlc_media_track_t`` (the type-specific part is a union pointer)."""

    _fields_ = [("codec", ctypes.c_uint32), ("original_fourcc", ctypes.c_uint32), ("id", ctypes.c_int),
                ("type", ctypes.c_int), ("profile", ctypes.c_int), ("level", ctypes.c_int),
                ("detail", ctypes.c_void_p)]


class _VideoTrack(ctypes.Structure):
    """The head of ``libvlc_video_track_t``."""

    _fields_ = [("height", ctypes.c_uint), ("width", ctypes.c_uint),
                ("sar_num", ctypes.c_uint), ("sar_den", ctypes.c_uint)]


_TRACK_VIDEO = 1
_TrackArray = ctypes.POINTER(ctypes.POINTER(_Track))

if vlc is not None:
    _set_callbacks = ctypes.CFUNCTYPE(None, ctypes.c_void_p, _LockCb, _UnlockCb, _DisplayCb, ctypes.c_void_p)(
        ("libvlc_video_set_callbacks", vlc.dll))
    _tracks_get = ctypes.CFUNCTYPE(ctypes.c_uint, ctypes.c_void_p, ctypes.POINTER(_TrackArray))(
        ("libvlc_media_tracks_get", vlc.dll))
    _tracks_release = ctypes.CFUNCTYPE(None, _TrackArray, ctypes.c_uint)(("libvlc_media_tracks_release", vlc.dll))


def libvlc_problem() -> str | None:
    """None if python-vlc and libvlc (with its plugins) are usable, else the reason."""
    if vlc is None:
        return f"python-vlc/libvlc is not available: {_VLC_IMPORT_ERROR}"
    instance = vlc.Instance(["--no-xlib", "--quiet"])
    if instance is None:
        return "libvlc could not create an instance (are the VLC plugins installed?)"
    instance.release()
    return None


def format_hms(ms: int) -> str:
    """Milliseconds as H:MM:SS."""
    seconds = max(0, int(ms)) // 1000
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def decode_size(width: int, height: int, sar_num: int = 1, sar_den: int = 1) -> tuple[int, int]:
    """The RV32 decode size: the video's display size scaled to at most MAX_DECODE_WIDTH, even numbers."""
    if sar_num > 0 and sar_den > 0 and sar_num != sar_den:
        width = width * sar_num // sar_den
    if width > MAX_DECODE_WIDTH:
        height = round(height * MAX_DECODE_WIDTH / width)
        width = MAX_DECODE_WIDTH
    return max(2, width & ~1), max(2, height & ~1)


def _video_size(media: Any) -> tuple[int, int] | None:
    """(width, height) of the first video track of a parsed media, or None."""
    tracks = _TrackArray()
    count = _tracks_get(media._as_parameter_, ctypes.byref(tracks))
    try:
        for i in range(count):
            track = tracks[i].contents
            if track.type == _TRACK_VIDEO and track.detail:
                video = ctypes.cast(track.detail, ctypes.POINTER(_VideoTrack)).contents
                if video.width and video.height:
                    return decode_size(video.width, video.height, video.sar_num, video.sar_den)
    finally:
        if count:
            _tracks_release(tracks, count)
    return None


class _Bridge(QObject):
    """Signals emitted on libvlc threads, delivered queued to the GUI thread."""

    frameReady = Signal()
    vlcEvent = Signal(str, int)


class _FrameSink:
    """The decoder-thread side: libvlc decodes into ``back``; display() copies it to ``front``."""

    def __init__(self, bridge: _Bridge) -> None:
        self.bridge = bridge
        self.lock = threading.Lock()
        self.width = self.height = self.pitch = 0
        self.back: ctypes.Array[ctypes.c_char] | None = None
        self.front: ctypes.Array[ctypes.c_char] | None = None
        self.pending = False
        self.decoded = 0
        # The ctypes thunks must live as long as libvlc may call them.
        self.lock_cb = _LockCb(self._lock)
        self.unlock_cb = _UnlockCb(self._unlock)
        self.display_cb = _DisplayCb(self._display)

    def resize(self, width: int, height: int) -> None:
        """New buffers for a new size; only call while libvlc is not decoding (player stopped)."""
        with self.lock:
            self.width, self.height, self.pitch = width, height, width * 4
            self.back = ctypes.create_string_buffer(self.pitch * height)
            self.front = ctypes.create_string_buffer(self.pitch * height)
            self.pending = False

    def _lock(self, _opaque: int | None, planes: Any) -> None:
        planes[0] = ctypes.addressof(self.back) if self.back is not None else None
        return None

    def _unlock(self, _opaque: int | None, _picture: int | None, _planes: Any) -> None:
        return None

    def _display(self, _opaque: int | None, _picture: int | None) -> None:
        with self.lock:
            if self.back is None or self.front is None:
                return
            ctypes.memmove(self.front, self.back, len(self.front))
            self.decoded += 1
            if self.pending:
                return
            self.pending = True
        with contextlib.suppress(RuntimeError):  # the bridge is gone (application shutting down)
            self.bridge.frameReady.emit()

    def take_image(self) -> QImage | None:
        """A deep copy of the newest frame (GUI thread)."""
        with self.lock:
            self.pending = False
            if self.front is None:
                return None
            view = memoryview(self.front).cast("B")
            return QImage(view, self.width, self.height, self.pitch, QImage.Format.Format_RGB32).copy()


_EVENT_NAMES = ("MediaPlayerPlaying", "MediaPlayerPaused", "MediaPlayerStopped", "MediaPlayerEndReached",
                "MediaPlayerEncounteredError", "MediaPlayerLengthChanged")


class _EventRelay:
    """The event-thread side: turn libvlc events into queued signals, never call libvlc."""

    def __init__(self, bridge: _Bridge) -> None:
        self.bridge = bridge

    def __call__(self, event: Any, name: str) -> None:
        value = 0
        if name == "MediaPlayerLengthChanged":
            value = int(event.u.new_length)
        with contextlib.suppress(RuntimeError):
            self.bridge.vlcEvent.emit(name, value)


class _Vlc:
    """libvlc handles, kept apart from the widget so they can be released when it is destroyed."""

    def __init__(self, audio_output: str | None, extra_args: Sequence[str]) -> None:
        args = ["--no-xlib", "--quiet", "--no-video-title-show", "--no-snapshot-preview", *extra_args]
        if audio_output:
            args.append(f"--aout={audio_output}")
        self.instance: Any = vlc.Instance(args) if vlc is not None else None
        self.player: Any = self.instance.media_player_new() if self.instance is not None else None
        self.media: Any = None

    def release(self) -> None:
        """Stop and release the player, media and instance (idempotent; GUI thread)."""
        player, media, instance = self.player, self.media, self.instance
        self.player = self.media = self.instance = None
        if player is not None:
            player.stop()  # joins the decoder: no frame callback runs after this
            player.release()
        if media is not None:
            media.release()
        if instance is not None:
            instance.release()


class _VideoSurface(QWidget):
    """Paints the newest frame, letterboxed, or a hint while there is none."""

    def __init__(self, player: VideoPlayer) -> None:
        super().__init__(player)
        self.setObjectName("videoSurface")
        self._player = player
        self.image: QImage | None = None
        self.painted = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 90)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def sizeHint(self) -> QSize:
        return QSize(640, 360)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(0, 0, 0))
        if self.image is None or self.image.isNull():
            painter.setPen(QColor(160, 160, 160))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._player.placeholder_text())
            painter.end()
            return
        size = self.image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRectF((self.width() - size.width()) / 2, (self.height() - size.height()) / 2,
                        size.width(), size.height())
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, self.image)
        painter.end()
        self.painted += 1


class VideoPlayer(QWidget):
    """Plays one recording with play/pause, a position slider and an H:MM:SS time label.

    Positions are milliseconds. ``stateChanged`` carries "playing", "paused", "stopped", "ended" or
    "error". Call :meth:`release` (closeEvent does) before the widget goes away.
    """

    positionChanged = Signal(int)
    durationChanged = Signal(int)
    stateChanged = Signal(str)
    errorOccurred = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, audio_output: str | None = None,
                 vlc_args: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("videoPlayer")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._bridge = _Bridge()
        self._sink = _FrameSink(self._bridge)
        self._relay = _EventRelay(self._bridge)
        self._bridge.frameReady.connect(self._on_frame, Qt.ConnectionType.QueuedConnection)
        self._bridge.vlcEvent.connect(self._on_vlc_event, Qt.ConnectionType.QueuedConnection)
        self._vlc = _Vlc(audio_output, vlc_args)
        self._path = ""
        self._state = "stopped"
        self._duration = 0
        self._parsed = False
        self._has_input = False  # libvlc has an input thread (playing or paused): set_time works
        self._wants_play = False  # the user's intent: play() sets it, pause() clears it
        self._released = False
        self._pending_seek: int | None = None
        self._anchor_ms = 0  # interpolation anchor: position at _anchor_t
        self._anchor_t = time.monotonic()
        self._clock_running = False
        self._last_vlc_ms = -1
        self._stale_vlc_ms: int | None = None  # get_time() still reports the pre-seek value
        self._seek_deadline = 0.0
        self._position = 0
        self._frames = 0
        self._slider_updating = False
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        # libvlc's MediaParsedChanged can arrive while the status still reads "not parsed" and is not
        # sent again: the parse status is also polled until it settles (seen once in ~20 real-OBS runs)
        self._parse_poll = QTimer(self)
        self._parse_poll.setInterval(100)
        self._parse_poll.timeout.connect(self._poll_parsed)
        self._parse_deadline = 0.0
        if self._vlc.player is not None:
            _set_callbacks(self._vlc.player._as_parameter_, self._sink.lock_cb, self._sink.unlock_cb,
                           self._sink.display_cb, None)
            manager = self._vlc.player.event_manager()
            for name in _EVENT_NAMES:
                manager.event_attach(getattr(vlc.EventType, name), self._relay, name)
        handles = self._vlc
        self.destroyed.connect(lambda *_: handles.release())  # no reference to self: runs after it is gone
        self._build_ui()

    # ---- UI ----------------------------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.surface = _VideoSurface(self)
        self.play_button = QPushButton(self.tr("Play"), self)
        self.play_button.setObjectName("playButton")
        self.play_button.setToolTip(self.tr("Play or pause (Space)"))
        self.play_button.clicked.connect(self.toggle)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("positionSlider")
        self.slider.setRange(0, 0)
        self.slider.setSingleStep(1000)
        self.slider.setPageStep(10000)
        self.slider.setToolTip(self.tr("Position in the recording"))
        self.slider.sliderMoved.connect(lambda value: self._show_time(value))
        self.slider.sliderReleased.connect(lambda: self.seek(self.slider.value()))
        self.slider.valueChanged.connect(self._on_slider_value)
        self.time_label = QLabel(self)
        self.time_label.setObjectName("timeLabel")
        self.time_label.setToolTip(self.tr("Position / length"))
        controls = QHBoxLayout()
        controls.setContentsMargins(4, 2, 4, 2)
        controls.addWidget(self.play_button)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.time_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.surface, 1)
        layout.addLayout(controls)
        self._show_time(0)

    def placeholder_text(self) -> str:
        """What the surface shows while there is no frame."""
        if self._state == "error":
            return self.tr("The video cannot be played")
        return self.tr("No video loaded") if not self._path else self.tr("Press Play to watch the recording")

    def _show_time(self, ms: int) -> None:
        self.time_label.setText(f"{format_hms(ms)} / {format_hms(self._duration)}")

    def _on_slider_value(self, value: int) -> None:
        """Clicks on the groove (page steps) and keyboard steps seek; drags seek on release."""
        if not self._slider_updating and not self.slider.isSliderDown():
            self.seek(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self.toggle()
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.release()
        super().closeEvent(event)

    # ---- public API --------------------------------------------------------------------------------

    def load(self, path: str) -> bool:
        """Open a recording; False (and errorOccurred) if it is missing or cannot be played.

        Missing, empty or unreadable files fail here; a file libvlc cannot parse, or one without a
        video stream, reports errorOccurred shortly after (parsing is asynchronous).
        """
        path = os.fspath(path)
        player = self._vlc.player
        if player is None:
            if self._released:
                return self._fail(self.tr("The video player has been closed."))
            return self._fail(self.tr("Video playback is unavailable: libvlc could not be started."))
        if player.get_state() not in (vlc.State.NothingSpecial, vlc.State.Stopped):
            player.stop()
        self._reset()
        self._path = path
        if not os.path.isfile(path):
            return self._fail(self.tr("The recording {path} does not exist.").format(path=path))
        if not os.access(path, os.R_OK):
            return self._fail(self.tr("The recording {path} cannot be read (permission denied).").format(path=path))
        if os.path.getsize(path) == 0:
            return self._fail(self.tr("The recording {path} is empty.").format(path=path))
        if self._vlc.media is not None:
            self._vlc.media.release()
        media = self._vlc.instance.media_new_path(path)
        if media is None:
            return self._fail(self.tr("The recording {path} cannot be opened.").format(path=path))
        self._vlc.media = media
        media.event_manager().event_attach(vlc.EventType.MediaParsedChanged, self._relay, "MediaParsedChanged")
        player.set_media(media)
        media.parse_with_options(vlc.MediaParseFlag.local, 10000)
        self._parse_deadline = time.monotonic() + _PARSE_TIMEOUT_S
        self._parse_poll.start()
        self._set_state("stopped")
        self.surface.update()
        return True

    def play(self) -> None:
        """Start or resume playback (asynchronous)."""
        player = self._vlc.player
        if player is None or self._vlc.media is None or self._state == "error":
            return
        self._wants_play = True
        if not self._parsed:
            return  # _on_parsed() starts it
        if self._state == "ended":
            player.stop()  # an ended input must be stopped before it plays again
            self._has_input = False
            self._pending_seek = 0 if self._pending_seek is None else self._pending_seek
        player.play()

    def pause(self) -> None:
        """Pause; the position freezes at once (libvlc confirms asynchronously)."""
        self._wants_play = False
        player = self._vlc.player
        if player is None or not self._has_input:
            return  # not started yet: the Playing event pauses it
        self._freeze_clock()
        player.set_pause(1)

    def toggle(self) -> None:
        """Pause if playing (or about to), else play."""
        if self._wants_play and self._state in ("playing", "stopped", "paused"):
            self.pause()
        else:
            self.play()

    def seek(self, ms: int) -> None:
        """Jump to *ms* (clamped to the recording). Before playback starts it applies on the first play."""
        ms = max(0, int(ms))
        if self._duration > 0:
            ms = min(ms, self._duration)
        player = self._vlc.player
        if player is None or self._vlc.media is None:
            return
        if self._has_input and self._state != "ended":
            self._stale_vlc_ms = self._last_vlc_ms
            self._seek_deadline = time.monotonic() + _SEEK_SETTLE_S
            player.set_time(ms)
            if not self._timer.isActive():
                self._timer.start()
        else:
            self._pending_seek = ms
            if self._state == "ended":
                self._set_state("stopped")
        self._anchor_ms, self._anchor_t = ms, time.monotonic()
        self._emit_position(ms, force=True)

    def position_ms(self) -> int:
        """The current (interpolated) position."""
        return self._position

    def duration_ms(self) -> int:
        """The recording's length, 0 until known."""
        return self._duration

    def state(self) -> str:
        """"playing", "paused", "stopped", "ended" or "error"."""
        return self._state

    def frame_count(self) -> int:
        """Frames that reached the GUI since the widget was created."""
        return self._frames

    def vlc_time_ms(self) -> int:
        """libvlc's own get_time() (coarse; -1 without an input)."""
        player = self._vlc.player
        return int(player.get_time()) if player is not None else -1

    def current_image(self) -> QImage | None:
        """The newest frame shown (a copy is not made)."""
        return self.surface.image

    def release(self) -> None:
        """Stop and release the libvlc player and instance; the widget stays as an empty shell."""
        self._timer.stop()
        self._wants_play = self._has_input = False
        self._released = True
        self._vlc.release()

    # ---- internals ---------------------------------------------------------------------------------

    def _reset(self) -> None:
        self._timer.stop()
        self._parse_poll.stop()
        self._parsed = self._has_input = self._wants_play = self._clock_running = False
        self._pending_seek = self._stale_vlc_ms = None
        self._last_vlc_ms = -1
        self._anchor_ms, self._anchor_t = 0, time.monotonic()
        self.surface.image = None
        self._set_duration(0)
        self._emit_position(0, force=True)

    def _fail(self, message: str) -> bool:
        self._wants_play = False
        self._set_state("error")
        self.surface.update()
        self.errorOccurred.emit(message)
        return False

    def _set_state(self, state: str) -> None:
        if state == self._state:
            return
        self._state = state
        self.play_button.setText(self.tr("Pause") if state == "playing" else self.tr("Play"))
        self.play_button.setEnabled(state != "error")
        self.stateChanged.emit(state)

    def _set_duration(self, ms: int) -> None:
        ms = max(0, int(ms))
        if ms == self._duration:
            return
        self._duration = ms
        self._slider_updating = True
        self.slider.setRange(0, ms)
        self._slider_updating = False
        self._show_time(self._position)
        self.durationChanged.emit(ms)

    def _emit_position(self, ms: int, force: bool = False) -> None:
        ms = max(0, int(ms))
        if self._duration > 0:
            ms = min(ms, self._duration)
        if ms == self._position and not force:
            return
        self._position = ms
        if not self.slider.isSliderDown():
            self._slider_updating = True
            self.slider.setValue(ms)
            self._slider_updating = False
            self._show_time(ms)
        self.positionChanged.emit(ms)

    def _freeze_clock(self) -> None:
        self._anchor_ms, self._anchor_t = self._position, time.monotonic()
        self._clock_running = False

    def _interpolated(self, now: float) -> int:
        if not self._clock_running:
            return self._anchor_ms
        elapsed = min((now - self._anchor_t) * 1000.0, _MAX_EXTRAPOLATION_MS)
        return int(self._anchor_ms + elapsed)

    @Slot()
    def _tick(self) -> None:
        player = self._vlc.player
        if player is None:
            self._timer.stop()
            return
        now = time.monotonic()
        vlc_ms = int(player.get_time())
        if self._stale_vlc_ms is not None and (vlc_ms == self._stale_vlc_ms and now < self._seek_deadline):
            vlc_ms = self._last_vlc_ms  # the seek has not landed yet: keep interpolating from its target
        elif self._stale_vlc_ms is not None:
            self._stale_vlc_ms = None
            self._last_vlc_ms = vlc_ms
            self._anchor_ms, self._anchor_t = vlc_ms, now
            self._emit_position(vlc_ms, force=True)
            if not self._clock_running:
                self._timer.stop()
            return
        if vlc_ms >= 0 and vlc_ms != self._last_vlc_ms:
            self._last_vlc_ms = vlc_ms
            self._anchor_ms, self._anchor_t = vlc_ms, now
        position = self._interpolated(now)
        if self._clock_running and self._position - _BACKWARD_JITTER_MS < position < self._position:
            position = self._position  # a re-sync slightly behind the estimate: hold instead of stepping back
        self._emit_position(position)
        if not self._clock_running and self._stale_vlc_ms is None:
            self._timer.stop()

    @Slot()
    def _on_frame(self) -> None:
        image = self._sink.take_image()
        if image is None or (not self._has_input and self._state != "ended"):
            return  # a late frame of a file that was stopped or replaced
        self._frames += 1
        self.surface.image = image
        self.surface.update()

    @Slot(str, int)
    def _on_vlc_event(self, name: str, value: int) -> None:
        player = self._vlc.player
        if player is None:
            return
        if name == "MediaParsedChanged":
            self._on_parsed()
        elif name == "MediaPlayerLengthChanged":
            if value > 0:
                self._set_duration(value)
        elif name == "MediaPlayerPlaying":
            self._has_input = True
            if self._pending_seek is not None:
                target, self._pending_seek = self._pending_seek, None
                self._stale_vlc_ms = self._last_vlc_ms = int(player.get_time())
                self._seek_deadline = time.monotonic() + _SEEK_SETTLE_S
                player.set_time(target)
                self._anchor_ms = target
            else:
                self._anchor_ms = self._position
            self._anchor_t = time.monotonic()
            if self._wants_play:
                self._clock_running = True
                self._set_state("playing")
            else:
                player.set_pause(1)  # pause() came before libvlc had started; a Paused event follows
            self._timer.start()
        elif name == "MediaPlayerPaused":
            self._freeze_clock()
            self._set_state("paused")
            vlc_ms = int(player.get_time())
            if vlc_ms >= 0 and self._stale_vlc_ms is None:
                self._last_vlc_ms = vlc_ms
                self._anchor_ms = vlc_ms
                self._emit_position(vlc_ms)
        elif name == "MediaPlayerStopped":
            self._has_input = self._clock_running = False
            self._timer.stop()
            if self._state not in ("ended", "error"):
                self._set_state("stopped")
        elif name == "MediaPlayerEndReached":
            self._has_input = self._clock_running = self._wants_play = False
            self._timer.stop()
            self._emit_position(self._duration)
            self._set_state("ended")
        elif name == "MediaPlayerEncounteredError":
            self._has_input = self._clock_running = False
            self._timer.stop()
            self._fail(self.tr("libvlc could not play {path}; the file may be damaged.").format(path=self._path))

    def _poll_parsed(self) -> None:
        """The fallback for a lost MediaParsedChanged (see ``__init__``)."""
        if self._parsed or self._state == "error" or self._vlc.media is None:
            self._parse_poll.stop()
            return
        self._on_parsed()
        if not self._parsed and self._state != "error" and time.monotonic() > self._parse_deadline:
            self._parse_poll.stop()
            self._fail(self.tr("{path} is not a video file that can be played.").format(path=self._path))

    def _on_parsed(self) -> None:
        media = self._vlc.media
        player = self._vlc.player
        if media is None or player is None or self._parsed:
            return
        status = media.get_parsed_status()
        if status == 0 or status == vlc.MediaParsedStatus.skipped:
            return
        if status != vlc.MediaParsedStatus.done:
            self._fail(self.tr("{path} is not a video file that can be played.").format(path=self._path))
            return
        size = _video_size(media)
        if size is None:
            self._fail(self.tr("{path} has no video stream.").format(path=self._path))
            return
        self._parsed = True
        self._parse_poll.stop()
        self._sink.resize(*size)
        player.video_set_format("RV32", size[0], size[1], size[0] * 4)
        self._set_duration(media.get_duration())
        if self._wants_play:
            self.play()
