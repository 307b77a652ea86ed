"""A fake obs-websocket v5 server for fast client tests.

It speaks the real protocol (Hello / Identify / Identified / Reidentify / Event / Request /
RequestResponse / RequestBatch / RequestBatchResponse, JSON over text frames) on a real socket on
127.0.0.1, using an asyncio ``websockets`` server running in a background thread.

Behaviour mirrors obs-websocket 5.x (src/websocketserver/WebSocketServer*.cpp,
src/requesthandler/rpc/Request.cpp, src/requesthandler/RequestHandler_*.cpp), including the
close codes and the exact request-status comments OBS sends. Deliberate simplifications:

* Only JSON encoding (``obswebsocket.json``); msgpack is not offered.
* Requests on one connection are processed in order (OBS uses a thread pool).
* The response to a request is always sent *before* the events that request caused.
* No UUID fields (the default ``ws_version`` is 5.1.0, which predates them).
* Only ``png`` screenshots.

Typical use::

    with FakeObsServer(password="secret") as obs:
        client = obsws("127.0.0.1", obs.port, "secret", legacy=False)
        client.connect()
        obs.wait_for_clients(1)
        obs.emit_event("CurrentProgramSceneChanged", {"sceneName": "BRB"})
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import functools
import hashlib
import json
import math
import os
import re
import struct
import threading
import time
import zlib
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any, TypeVar

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.typing import Subprotocol

T = TypeVar("T")

# --- protocol constants ------------------------------------------------------------------------


class OpCode:
    """WebSocketOpCode values."""

    HELLO = 0
    IDENTIFY = 1
    IDENTIFIED = 2
    REIDENTIFY = 3
    EVENT = 5
    REQUEST = 6
    REQUEST_RESPONSE = 7
    REQUEST_BATCH = 8
    REQUEST_BATCH_RESPONSE = 9


class CloseCode:
    """WebSocketCloseCode values."""

    UNKNOWN_REASON = 4000
    MESSAGE_DECODE_ERROR = 4002
    MISSING_DATA_FIELD = 4003
    INVALID_DATA_FIELD_TYPE = 4004
    INVALID_DATA_FIELD_VALUE = 4005
    UNKNOWN_OP_CODE = 4006
    NOT_IDENTIFIED = 4007
    ALREADY_IDENTIFIED = 4008
    AUTHENTICATION_FAILED = 4009
    UNSUPPORTED_RPC_VERSION = 4010
    SESSION_INVALIDATED = 4011
    UNSUPPORTED_FEATURE = 4012


class Status:
    """RequestStatus codes."""

    SUCCESS = 100
    MISSING_REQUEST_TYPE = 203
    UNKNOWN_REQUEST_TYPE = 204
    GENERIC_ERROR = 205
    UNSUPPORTED_REQUEST_BATCH_EXECUTION_TYPE = 206
    MISSING_REQUEST_FIELD = 300
    MISSING_REQUEST_DATA = 301
    INVALID_REQUEST_FIELD = 400
    INVALID_REQUEST_FIELD_TYPE = 401
    REQUEST_FIELD_OUT_OF_RANGE = 402
    REQUEST_FIELD_EMPTY = 403
    TOO_MANY_REQUEST_FIELDS = 404
    OUTPUT_RUNNING = 500
    OUTPUT_NOT_RUNNING = 501
    OUTPUT_PAUSED = 502
    OUTPUT_NOT_PAUSED = 503
    OUTPUT_DISABLED = 504
    STUDIO_MODE_ACTIVE = 505
    STUDIO_MODE_NOT_ACTIVE = 506
    RESOURCE_NOT_FOUND = 600
    RESOURCE_ALREADY_EXISTS = 601
    INVALID_RESOURCE_TYPE = 602
    NOT_ENOUGH_RESOURCES = 603
    INVALID_RESOURCE_STATE = 604
    INVALID_INPUT_KIND = 605
    RESOURCE_CREATION_FAILED = 700
    RESOURCE_ACTION_FAILED = 701
    REQUEST_PROCESSING_FAILED = 702
    CANNOT_ACT = 703


class EventSub:
    """EventSubscription bits."""

    NONE = 0
    GENERAL = 1 << 0
    CONFIG = 1 << 1
    SCENES = 1 << 2
    INPUTS = 1 << 3
    TRANSITIONS = 1 << 4
    FILTERS = 1 << 5
    OUTPUTS = 1 << 6
    SCENE_ITEMS = 1 << 7
    MEDIA_INPUTS = 1 << 8
    VENDORS = 1 << 9
    UI = 1 << 10
    ALL = (1 << 11) - 1  # every non-high-volume category, Ui included (default when omitted)
    INPUT_VOLUME_METERS = 1 << 16
    INPUT_ACTIVE_STATE_CHANGED = 1 << 17
    INPUT_SHOW_STATE_CHANGED = 1 << 18
    SCENE_ITEM_TRANSFORM_CHANGED = 1 << 19


#: eventIntent of the events this fake knows about (used when emit_event() gets no intent).
EVENT_INTENTS: dict[str, int] = {
    "ExitStarted": EventSub.GENERAL,
    "VendorEvent": EventSub.VENDORS,
    "CustomEvent": EventSub.GENERAL,
    "CurrentSceneCollectionChanging": EventSub.CONFIG,
    "CurrentSceneCollectionChanged": EventSub.CONFIG,
    "SceneCollectionListChanged": EventSub.CONFIG,
    "CurrentProfileChanging": EventSub.CONFIG,
    "CurrentProfileChanged": EventSub.CONFIG,
    "ProfileListChanged": EventSub.CONFIG,
    "SceneCreated": EventSub.SCENES,
    "SceneRemoved": EventSub.SCENES,
    "SceneNameChanged": EventSub.SCENES,
    "CurrentProgramSceneChanged": EventSub.SCENES,
    "CurrentPreviewSceneChanged": EventSub.SCENES,
    "SceneListChanged": EventSub.SCENES,
    "InputCreated": EventSub.INPUTS,
    "InputRemoved": EventSub.INPUTS,
    "InputNameChanged": EventSub.INPUTS,
    "InputSettingsChanged": EventSub.INPUTS,
    "InputMuteStateChanged": EventSub.INPUTS,
    "InputVolumeChanged": EventSub.INPUTS,
    "InputAudioBalanceChanged": EventSub.INPUTS,
    "InputAudioSyncOffsetChanged": EventSub.INPUTS,
    "InputAudioTracksChanged": EventSub.INPUTS,
    "InputAudioMonitorTypeChanged": EventSub.INPUTS,
    "InputActiveStateChanged": EventSub.INPUT_ACTIVE_STATE_CHANGED,
    "InputShowStateChanged": EventSub.INPUT_SHOW_STATE_CHANGED,
    "InputVolumeMeters": EventSub.INPUT_VOLUME_METERS,
    "CurrentSceneTransitionChanged": EventSub.TRANSITIONS,
    "CurrentSceneTransitionDurationChanged": EventSub.TRANSITIONS,
    "SceneTransitionStarted": EventSub.TRANSITIONS,
    "SceneTransitionEnded": EventSub.TRANSITIONS,
    "SceneTransitionVideoEnded": EventSub.TRANSITIONS,
    "SourceFilterListReindexed": EventSub.FILTERS,
    "SourceFilterCreated": EventSub.FILTERS,
    "SourceFilterRemoved": EventSub.FILTERS,
    "SourceFilterNameChanged": EventSub.FILTERS,
    "SourceFilterEnableStateChanged": EventSub.FILTERS,
    "SceneItemCreated": EventSub.SCENE_ITEMS,
    "SceneItemRemoved": EventSub.SCENE_ITEMS,
    "SceneItemListReindexed": EventSub.SCENE_ITEMS,
    "SceneItemEnableStateChanged": EventSub.SCENE_ITEMS,
    "SceneItemLockStateChanged": EventSub.SCENE_ITEMS,
    "SceneItemSelected": EventSub.SCENE_ITEMS,
    "SceneItemTransformChanged": EventSub.SCENE_ITEM_TRANSFORM_CHANGED,
    "StreamStateChanged": EventSub.OUTPUTS,
    "RecordStateChanged": EventSub.OUTPUTS,
    "ReplayBufferStateChanged": EventSub.OUTPUTS,
    "VirtualcamStateChanged": EventSub.OUTPUTS,
    "ReplayBufferSaved": EventSub.OUTPUTS,
    "MediaInputPlaybackStarted": EventSub.MEDIA_INPUTS,
    "MediaInputPlaybackEnded": EventSub.MEDIA_INPUTS,
    "MediaInputActionTriggered": EventSub.MEDIA_INPUTS,
    "StudioModeStateChanged": EventSub.UI,
    "ScreenshotSaved": EventSub.UI,
}

OUTPUT_STARTING = "OBS_WEBSOCKET_OUTPUT_STARTING"
OUTPUT_STARTED = "OBS_WEBSOCKET_OUTPUT_STARTED"
OUTPUT_STOPPING = "OBS_WEBSOCKET_OUTPUT_STOPPING"
OUTPUT_STOPPED = "OBS_WEBSOCKET_OUTPUT_STOPPED"

SUPPORTED_IMAGE_FORMATS = ["png"]


class RequestError(Exception):
    """Raised by request handlers: becomes requestStatus {result: false, code, comment}."""

    def __init__(self, code: int, comment: str | None = None) -> None:
        super().__init__(code, comment)
        self.code = code
        self.comment = comment


# --- helpers -----------------------------------------------------------------------------------


def _b64_sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def make_auth_string(password: str, salt: str, challenge: str) -> str:
    """Authentication string a client must send: b64(sha256(b64(sha256(password+salt)) + challenge))."""
    return _b64_sha256(_b64_sha256(password + salt) + challenge)


def _random_b64() -> str:
    return base64.b64encode(os.urandom(32)).decode("ascii")


def db_to_mul(db: float) -> float:
    """OBS obs_db_to_mul: 10^(dB/20), 0 for -inf."""
    return 0.0 if db == -math.inf else 10.0 ** (db / 20.0)


def mul_to_db(mul: float) -> float:
    """OBS obs_mul_to_db: 20*log10(mul), -inf for 0."""
    return 20.0 * math.log10(mul) if mul > 0.0 else -math.inf


def duration_to_timecode(ms: int) -> str:
    """OBS Utils::Obs::StringHelper::DurationToTimecode: HH:MM:SS.mmm."""
    secs, ms_part = divmod(int(ms), 1000)
    minutes, secs_part = divmod(secs, 60)
    hours, minutes_part = divmod(minutes, 60)
    return f"{hours:02d}:{minutes_part:02d}:{secs_part:02d}.{ms_part:03d}"


@functools.lru_cache(maxsize=32)
def make_png(width: int, height: int, rgb: tuple[int, int, int] = (32, 96, 160)) -> bytes:
    """A valid solid-colour 8-bit RGB PNG, built with zlib/struct only."""

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    row = b"\x00" + bytes(rgb) * width
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(row * height, 6))
        + chunk(b"IEND", b"")
    )


def _is_unsigned(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


# --- state -------------------------------------------------------------------------------------


def _default_inputs() -> dict[str, dict[str, Any]]:
    return {
        "Mic/Aux": {"kind": "pulse_input_capture", "muted": False, "volume_db": 0.0, "has_audio": True},
        "Clip": {"kind": "ffmpeg_source", "muted": False, "volume_db": -6.0, "has_audio": True},
        "Camera": {"kind": "v4l2_input", "muted": False, "volume_db": 0.0, "has_audio": False},
    }


@dataclass
class FakeObsState:
    """The OBS state requests operate on. Mutate it from the test thread only before clients
    connect, or through FakeObsServer.call_in_loop() / perform() once they are."""

    #: Scene names in UI order, top to bottom (GetSceneList reports them reversed, like OBS).
    scenes: list[str] = field(default_factory=lambda: ["Intro", "Main", "BRB"])
    program_scene: str = "Intro"
    #: Kept while studio mode is off, but reported as null then.
    preview_scene: str = "Intro"
    studio_mode: bool = False
    #: name -> {"kind": str, "muted": bool, "volume_db": float (may be -inf), "has_audio": bool,
    #: optional "meter_level": float (fixed InputVolumeMeters magnitude)}. Insertion order = OBS order.
    inputs: dict[str, dict[str, Any]] = field(default_factory=_default_inputs)
    special_inputs: dict[str, str | None] = field(
        default_factory=lambda: {
            "desktop1": None,
            "desktop2": None,
            "mic1": "Mic/Aux",
            "mic2": None,
            "mic3": None,
            "mic4": None,
        }
    )
    transition_name: str = "Fade"
    stream_active: bool = False
    stream_started_at: float = 0.0
    stream_reconnecting: bool = False
    stream_congestion: float = 0.0
    stream_skipped_frames: int = 0
    record_active: bool = False
    record_started_at: float = 0.0
    record_directory: str = "/tmp/fake-obs-recordings"
    record_path: str | None = None
    stats: dict[str, Any] = field(
        default_factory=lambda: {
            "cpuUsage": 3.5,
            "memoryUsage": 412.25,
            "availableDiskSpace": 123456.5,
            "activeFps": 30.000000300000003,
            "averageFrameRenderTime": 0.8,
            "renderSkippedFrames": 0,
            "renderTotalFrames": 9000,
            "outputSkippedFrames": 0,
            "outputTotalFrames": 9000,
        }
    )
    video: dict[str, Any] = field(
        default_factory=lambda: {
            "fpsNumerator": 30,
            "fpsDenominator": 1,
            "baseWidth": 1920,
            "baseHeight": 1080,
            "outputWidth": 1280,
            "outputHeight": 720,
        }
    )
    # --- checklist probes (issue 4): stream service, profile parameters, inactive sources ---
    stream_service_type: str = "rtmp_custom"
    stream_service_settings: dict[str, Any] = field(
        default_factory=lambda: {"server": "rtmp://127.0.0.1:1935/live", "key": "fake-stream-key-0123"}
    )
    #: (category, name) -> value, as GetProfileParameter reports them (basic.ini of the profile).
    profile_parameters: dict[tuple[str, str], str] = field(
        default_factory=lambda: {("Output", "Mode"): "Simple", ("SimpleOutput", "VBitrate"): "2500"}
    )
    #: Inputs that are not on the program output (GetSourceActive videoActive false).
    inactive_sources: set[str] = field(default_factory=set)


@dataclass(eq=False)
class _Session:
    ws: ServerConnection
    challenge: str
    identified: bool = False
    subscriptions: int = 0
    rpc_version: int = 1
    incoming: int = 0
    outgoing: int = 0
    closing: bool = False
    close_task: asyncio.Future[None] | None = None


class _Req:
    """One request being processed, with OBS-style field validation."""

    def __init__(self, request_type: str, request_data: Any, execution_type: int) -> None:
        self.type = request_type
        self.has_data = isinstance(request_data, dict)
        self.data: dict[str, Any] = request_data if isinstance(request_data, dict) else {}
        self.execution_type = execution_type

    def contains(self, key: str) -> bool:
        return self.data.get(key) is not None

    def _basic(self, key: str) -> Any:
        if not self.has_data:
            raise RequestError(Status.MISSING_REQUEST_DATA, "Your request data is missing or invalid (non-object)")
        if self.data.get(key) is None:
            raise RequestError(Status.MISSING_REQUEST_FIELD, f"Your request is missing the `{key}` field.")
        return self.data[key]

    def string(self, key: str, allow_empty: bool = False) -> str:
        value = self._basic(key)
        if not isinstance(value, str):
            raise RequestError(Status.INVALID_REQUEST_FIELD_TYPE, f"The field value of `{key}` must be a string.")
        if not value and not allow_empty:
            raise RequestError(Status.REQUEST_FIELD_EMPTY, f"The field value of `{key}` must not be empty.")
        return value

    def boolean(self, key: str) -> bool:
        value = self._basic(key)
        if not isinstance(value, bool):
            raise RequestError(Status.INVALID_REQUEST_FIELD_TYPE, f"The field value of `{key}` must be boolean.")
        return value

    def optional_number(self, key: str, lo: float = -math.inf, hi: float = math.inf) -> float:
        value = self.data.get(key)
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise RequestError(Status.INVALID_REQUEST_FIELD_TYPE, f"The field value of `{key}` must be a number.")
        if value < lo:
            raise RequestError(
                Status.REQUEST_FIELD_OUT_OF_RANGE,
                f"The field value of `{key}` is below the minimum of `{lo:f}`",
            )
        if value > hi:
            raise RequestError(
                Status.REQUEST_FIELD_OUT_OF_RANGE,
                f"The field value of `{key}` is above the maximum of `{hi:f}`",
            )
        return value

    def number(self, key: str, lo: float = -math.inf, hi: float = math.inf) -> float:
        self._basic(key)
        return self.optional_number(key, lo, hi)


# --- the server --------------------------------------------------------------------------------


class FakeObsServer:
    """Fake obs-websocket v5 server on a real socket, run by an asyncio loop in a background thread."""

    def __init__(
        self,
        password: str | None = "secret",
        host: str = "127.0.0.1",
        port: int = 0,
        ws_version: str = "5.1.0",
        obs_version: str = "29.0.2",
    ) -> None:
        self.password = password
        self.host = host
        self.port = port
        self.ws_version = ws_version
        self.obs_version = obs_version
        self.state = FakeObsState()
        #: Every message received from any client, parsed (unparseable/non-object: {"_raw": text}).
        self.received: list[dict[str, Any]] = []
        #: Emit STARTING/STOPPING before STARTED/STOPPED, as OBS does.
        self.transitional_output_states = True
        self._salt = _random_b64()
        self._cond = threading.Condition()
        self._sessions: dict[ServerConnection, _Session] = {}
        self._response_delay = 0.0
        self._unresponsive = False
        self._injected: dict[str, list[tuple[int, str | None]]] = {}
        self._pending_events: list[tuple[str, int, dict[str, Any] | None]] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: Server | None = None
        self._meters_task: asyncio.Task[None] | None = None
        self._started = threading.Event()
        self._start_error: BaseException | None = None

    # -- lifecycle ------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """ws://HOST:PORT"""
        return f"ws://{self.host}:{self.port}"

    @property
    def running(self) -> bool:
        """True between start() and stop()."""
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> FakeObsServer:
        """Start listening (again, on the same port after a stop()); returns self."""
        if self.running:
            return self
        self._started.clear()
        self._start_error = None
        self._thread = threading.Thread(target=self._thread_main, name="FakeObsServer", daemon=True)
        self._thread.start()
        if not self._started.wait(10):
            raise RuntimeError("FakeObsServer did not start")
        if self._start_error is not None:
            self._thread.join(5)
            self._thread = None
            raise self._start_error
        return self

    def stop(self) -> None:
        """Vanish like a crashed OBS: drop every TCP connection without a close frame, stop listening."""
        if not self.running or self._loop is None:
            return
        try:
            asyncio.run_coroutine_threadsafe(self._astop(), self._loop).result(10)
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            if self._thread is not None:
                self._thread.join(10)
            self._thread = None

    def __enter__(self) -> FakeObsServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _thread_main(self) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._loop = loop
        try:
            try:
                loop.run_until_complete(self._astart())
            except BaseException as exc:  # noqa: BLE001 - handed back to start()
                self._start_error = exc
                return
            finally:
                self._started.set()
            loop.run_forever()
        finally:
            pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
            for task in pending:
                task.cancel()
            if pending:
                loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.close()

    async def _astart(self) -> None:
        self._server = await serve(
            self._handle,
            self.host,
            self.port,
            select_subprotocol=lambda _conn, offered: (
                Subprotocol("obswebsocket.json") if "obswebsocket.json" in offered else None
            ),
            compression=None,
            ping_interval=None,
            close_timeout=2,
            max_size=None,
        )
        self.port = self._server.sockets[0].getsockname()[1]

    async def _astop(self) -> None:
        self._stop_meters_now()
        server = self._server
        if server is None:
            return
        conns = set(server.connections) | set(self._sessions)
        for ws in conns:
            transport = ws.transport
            if transport is not None:
                transport.abort()
        server.close(close_connections=False)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(server.wait_closed(), 5)
        self._server = None

    # -- thread-safe controls -------------------------------------------------------------------

    def _run(self, coro: Coroutine[Any, Any, T], timeout: float = 10.0) -> T:
        if not self.running or self._loop is None:
            coro.close()
            raise RuntimeError("FakeObsServer is not running")
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout)

    def call_in_loop(self, fn: Callable[[FakeObsState], T]) -> T:
        """Run fn(state) on the server loop (safe state mutation while clients are connected)."""

        async def run() -> T:
            return fn(self.state)

        return self._run(run())

    def emit_event(self, event_type: str, data: dict[str, Any] | None = None, intent: int | None = None) -> None:
        """Send an Event to every identified client subscribed to intent (default: EVENT_INTENTS)."""
        if intent is None:
            intent = EVENT_INTENTS.get(event_type, EventSub.GENERAL)
        self._run(self._broadcast(event_type, intent, data))

    def perform(self, request_type: str, request_data: dict[str, Any] | None = None) -> dict[str, Any]:
        """Act as the OBS user would (no client involved): run a request, emit its events.

        Returns {"requestStatus": {...}, "responseData": {...}?}."""

        async def run() -> dict[str, Any]:
            result = await self._execute(request_type, request_data if request_data is not None else {}, -1)
            await self._flush_events()
            return result

        return self._run(run())

    def send_raw(self, text: str) -> None:
        """Send an arbitrary text frame to every connected client (identified or not)."""

        async def run() -> None:
            for sess in list(self._sessions.values()):
                with contextlib.suppress(ConnectionClosed):
                    await sess.ws.send(text)

        self._run(run())

    def kick(self, code: int = CloseCode.SESSION_INVALIDATED, reason: str = "Kicked by the OBS user.") -> None:
        """Close every session with this close code (4011 = the Kick button in OBS)."""

        async def run() -> None:
            tasks = []
            for sess in list(self._sessions.values()):
                sess.closing = True
                sess.close_task = asyncio.ensure_future(sess.ws.close(code, reason))
                tasks.append(sess.close_task)
            # Let the close frames hit the wire; the closing handshakes finish in the background.
            for _ in range(3):
                await asyncio.sleep(0)

        self._run(run())

    def start_meters(self, hz: float = 20.0) -> None:
        """Start sending InputVolumeMeters (intent 1<<16) for every audio input, hz times a second."""

        async def run() -> None:
            self._stop_meters_now()
            self._meters_task = asyncio.ensure_future(self._meters_loop(hz))

        self._run(run())

    def stop_meters(self) -> None:
        """Stop the InputVolumeMeters events."""

        async def run() -> None:
            self._stop_meters_now()

        if self.running:
            self._run(run())

    def set_response_delay(self, seconds: float) -> None:
        """Wait this long before answering each Request / RequestBatch."""
        self._response_delay = max(0.0, float(seconds))

    def set_unresponsive(self, unresponsive: bool = True) -> None:
        """Record requests but never answer them (a hung OBS)."""
        self._unresponsive = unresponsive

    def inject_error(self, request_type: str, code: int, comment: str | None = None, times: int = 1) -> None:
        """Make the next `times` requests of this type fail with code/comment (no state change)."""
        with self._cond:
            self._injected.setdefault(request_type, []).extend([(code, comment)] * times)

    def identified_count(self) -> int:
        """Number of currently connected, identified sessions."""
        with self._cond:
            return sum(1 for s in self._sessions.values() if s.identified)

    def connection_count(self) -> int:
        """Number of currently open connections (identified or not)."""
        with self._cond:
            return len(self._sessions)

    def client_subscriptions(self) -> list[int]:
        """eventSubscriptions of each identified session."""
        with self._cond:
            return [s.subscriptions for s in self._sessions.values() if s.identified]

    def wait_for_clients(self, n: int = 1, timeout: float = 5.0) -> None:
        """Block until at least n sessions are identified; TimeoutError otherwise."""
        with self._cond:
            if not self._cond.wait_for(lambda: sum(1 for s in self._sessions.values() if s.identified) >= n, timeout):
                raise TimeoutError(f"expected {n} identified client(s)")

    def wait_for_disconnect(self, timeout: float = 5.0) -> None:
        """Block until no connection is open; TimeoutError otherwise."""
        with self._cond:
            if not self._cond.wait_for(lambda: not self._sessions, timeout):
                raise TimeoutError("clients still connected")

    def requests(self, request_type: str | None = None) -> list[dict[str, Any]]:
        """Requests received so far (op 6 `d` payloads and RequestBatch items), optionally by type."""
        with self._cond:
            return self._matching_requests(request_type, 0)

    def wait_for_request(self, request_type: str, timeout: float = 5.0, since: int = 0) -> dict[str, Any]:
        """Return the first request of this type in received[since:] (op 6 `d`, or a batch item),
        waiting for it up to timeout; TimeoutError otherwise."""
        with self._cond:
            found: list[dict[str, Any]] = []

            def check() -> bool:
                found[:] = self._matching_requests(request_type, since)
                return bool(found)

            if not self._cond.wait_for(check, timeout):
                raise TimeoutError(f"no {request_type} request received")
            return found[0]

    def clear_received(self) -> None:
        """Forget the received messages."""
        with self._cond:
            self.received.clear()

    def _matching_requests(self, request_type: str | None, since: int) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for msg in self.received[since:]:
            d = msg.get("d")
            if not isinstance(d, dict):
                continue
            if msg.get("op") == OpCode.REQUEST:
                items = [d]
            elif msg.get("op") == OpCode.REQUEST_BATCH and isinstance(d.get("requests"), list):
                items = [r for r in d["requests"] if isinstance(r, dict)]
            else:
                continue
            out.extend(r for r in items if request_type is None or r.get("requestType") == request_type)
        return out

    # -- connection handling --------------------------------------------------------------------

    async def _handle(self, ws: ServerConnection) -> None:
        sess = _Session(ws=ws, challenge=_random_b64())
        with self._cond:
            self._sessions[ws] = sess
            self._cond.notify_all()
        try:
            hello: dict[str, Any] = {"obsWebSocketVersion": self.ws_version, "rpcVersion": 1}
            if self.password is not None:
                hello["authentication"] = {"challenge": sess.challenge, "salt": self._salt}
            await self._send(sess, {"op": OpCode.HELLO, "d": hello})
            async for message in ws:
                if sess.closing:
                    break
                await self._on_message(sess, message)
                if sess.closing:
                    break
        except ConnectionClosed:
            pass
        finally:
            if sess.close_task is not None:  # returning now would close with 1000 instead of our code
                with contextlib.suppress(Exception):
                    await sess.close_task
            with self._cond:
                self._sessions.pop(ws, None)
                self._cond.notify_all()

    async def _send(self, sess: _Session, payload: dict[str, Any]) -> None:
        sess.outgoing += 1
        await sess.ws.send(json.dumps(payload))

    async def _close(self, sess: _Session, code: int, reason: str) -> None:
        sess.closing = True
        await sess.ws.close(code, reason)

    def _record(self, msg: dict[str, Any]) -> None:
        with self._cond:
            self.received.append(msg)
            self._cond.notify_all()

    async def _on_message(self, sess: _Session, message: str | bytes) -> None:
        sess.incoming += 1
        if isinstance(message, bytes):
            self._record({"_raw": message.decode("utf-8", "replace")})
            await self._close(
                sess,
                CloseCode.MESSAGE_DECODE_ERROR,
                "Your session encoding is set to Json, but a binary message was received.",
            )
            return
        try:
            msg = json.loads(message)
        except ValueError as exc:
            self._record({"_raw": message})
            await self._close(sess, CloseCode.MESSAGE_DECODE_ERROR, f"Unable to decode Json: {exc}"[:120])
            return
        self._record(msg if isinstance(msg, dict) else {"_raw": message})
        if not isinstance(msg, dict):
            await self._close(sess, CloseCode.MESSAGE_DECODE_ERROR, "You sent a non-object payload.")
            return
        if not sess.identified and "request-type" in msg:
            await self._close(
                sess,
                CloseCode.UNSUPPORTED_RPC_VERSION,
                "You appear to be attempting to connect with the pre-5.0.0 plugin protocol. "
                "Check to make sure your client is updated.",
            )
            return
        if "op" not in msg:
            await self._close(sess, CloseCode.UNKNOWN_OP_CODE, "Your request is missing an `op`.")
            return
        op, d = msg["op"], msg.get("d")
        if d is None:
            await self._close(sess, CloseCode.MISSING_DATA_FIELD, "Your payload is missing data (`d`).")
            return
        if not isinstance(d, dict):
            await self._close(sess, CloseCode.INVALID_DATA_FIELD_TYPE, "Your payload's data (`d`) is not an object.")
            return
        if not sess.identified and op != OpCode.IDENTIFY:
            await self._close(
                sess,
                CloseCode.NOT_IDENTIFIED,
                "You attempted to send a non-Identify message while not identified.",
            )
            return
        if op == OpCode.IDENTIFY:
            await self._on_identify(sess, d)
        elif op == OpCode.REIDENTIFY:
            if await self._set_session_parameters(sess, d):
                await self._send(sess, {"op": OpCode.IDENTIFIED, "d": {"negotiatedRpcVersion": sess.rpc_version}})
        elif op == OpCode.REQUEST:
            await self._on_request(sess, d)
        elif op == OpCode.REQUEST_BATCH:
            await self._on_request_batch(sess, d)
        else:
            await self._close(sess, CloseCode.UNKNOWN_OP_CODE, f"Unknown OpCode: {op}")

    async def _set_session_parameters(self, sess: _Session, d: dict[str, Any]) -> bool:
        if "eventSubscriptions" in d:
            subs = d["eventSubscriptions"]
            if not _is_unsigned(subs):
                await self._close(
                    sess,
                    CloseCode.INVALID_DATA_FIELD_TYPE,
                    "Your `eventSubscriptions` is not an unsigned number.",
                )
                return False
            sess.subscriptions = subs
        return True

    async def _on_identify(self, sess: _Session, d: dict[str, Any]) -> None:
        if sess.identified:
            await self._close(
                sess,
                CloseCode.ALREADY_IDENTIFIED,
                "You are already Identified with the obs-websocket server.",
            )
            return
        if self.password is not None:
            auth = d.get("authentication")
            if "authentication" not in d:
                await self._close(
                    sess,
                    CloseCode.AUTHENTICATION_FAILED,
                    "Your payload's data is missing an `authentication` string, however authentication is required.",
                )
                return
            if not isinstance(auth, str):
                await self._close(sess, CloseCode.AUTHENTICATION_FAILED, "Your `authentication` field is not a string.")
                return
            if auth != make_auth_string(self.password, self._salt, sess.challenge):
                await self._close(sess, CloseCode.AUTHENTICATION_FAILED, "Authentication failed.")
                return
        if "rpcVersion" not in d:
            await self._close(sess, CloseCode.MISSING_DATA_FIELD, "Your payload's data is missing an `rpcVersion`.")
            return
        if not _is_unsigned(d["rpcVersion"]):
            await self._close(sess, CloseCode.INVALID_DATA_FIELD_TYPE, "Your `rpcVersion` is not an unsigned number.")
            return
        if d["rpcVersion"] != 1:
            await self._close(
                sess,
                CloseCode.UNSUPPORTED_RPC_VERSION,
                "Your requested RPC version is not supported by this server.",
            )
            return
        sess.subscriptions = EventSub.ALL
        if not await self._set_session_parameters(sess, d):
            return
        sess.rpc_version = 1
        with self._cond:
            sess.identified = True
            self._cond.notify_all()
        await self._send(sess, {"op": OpCode.IDENTIFIED, "d": {"negotiatedRpcVersion": 1}})

    async def _on_request(self, sess: _Session, d: dict[str, Any]) -> None:
        if "requestId" not in d:
            await self._close(sess, CloseCode.MISSING_DATA_FIELD, "Your payload data is missing a `requestId`.")
            return
        if "requestType" not in d:
            await self._close(sess, CloseCode.MISSING_DATA_FIELD, "Your payload's data is missing an `requestType`.")
            return
        if not isinstance(d["requestType"], str):
            await self._close(sess, CloseCode.INVALID_DATA_FIELD_TYPE, "Your `requestType` is not a string.")
            return
        if self._unresponsive:
            return
        if self._response_delay:
            await asyncio.sleep(self._response_delay)
        result = await self._execute(d["requestType"], d.get("requestData"), -1, sess)
        await self._send(sess, {"op": OpCode.REQUEST_RESPONSE, "d": {"requestId": d["requestId"], **result}})
        await self._flush_events()

    async def _on_request_batch(self, sess: _Session, d: dict[str, Any]) -> None:
        if "requestId" not in d:
            await self._close(sess, CloseCode.MISSING_DATA_FIELD, "Your payload data is missing a `requestId`.")
            return
        execution_type = 0
        if d.get("executionType") is not None:
            if not isinstance(d["executionType"], int) or isinstance(d["executionType"], bool):
                await self._close(sess, CloseCode.INVALID_DATA_FIELD_TYPE, "Your `executionType` is not a number.")
                return
            if d["executionType"] not in (0, 1, 2):
                await self._close(
                    sess, CloseCode.INVALID_DATA_FIELD_VALUE, "Your `executionType` has an invalid value."
                )
                return
            execution_type = d["executionType"]
        halt = False
        if d.get("haltOnFailure") is not None:
            if not isinstance(d["haltOnFailure"], bool):
                await self._close(sess, CloseCode.INVALID_DATA_FIELD_TYPE, "Your `haltOnFailure` is not a boolean.")
                return
            halt = d["haltOnFailure"]
        if "requests" not in d:
            await self._close(sess, CloseCode.MISSING_DATA_FIELD, "Your payload data is missing a `requests`.")
            return
        if not isinstance(d["requests"], list):
            await self._close(sess, CloseCode.INVALID_DATA_FIELD_TYPE, "Your `requests` is not an array.")
            return
        if self._unresponsive:
            return
        if self._response_delay:
            await asyncio.sleep(self._response_delay)
        results = []
        for item in d["requests"]:
            item = item if isinstance(item, dict) else {}
            request_type = item.get("requestType")
            request_type = request_type if isinstance(request_type, str) else ""
            result = await self._execute(request_type, item.get("requestData"), execution_type, sess)
            if item.get("requestId") is not None:
                result = {"requestId": item["requestId"], **result}
            results.append(result)
            if halt and not result["requestStatus"]["result"]:
                break
        await self._send(
            sess,
            {"op": OpCode.REQUEST_BATCH_RESPONSE, "d": {"requestId": d["requestId"], "results": results}},
        )
        await self._flush_events()

    # -- events ---------------------------------------------------------------------------------

    def _emit(self, event_type: str, data: dict[str, Any] | None = None) -> None:
        """Queue an event caused by the request being processed (sent after its response)."""
        self._pending_events.append((event_type, EVENT_INTENTS.get(event_type, EventSub.GENERAL), data))

    async def _flush_events(self) -> None:
        events, self._pending_events = self._pending_events, []
        for event_type, intent, data in events:
            await self._broadcast(event_type, intent, data)

    async def _broadcast(self, event_type: str, intent: int, data: dict[str, Any] | None) -> None:
        payload: dict[str, Any] = {"eventType": event_type, "eventIntent": intent}
        if data is not None:
            payload["eventData"] = data
        message = {"op": OpCode.EVENT, "d": payload}
        for sess in list(self._sessions.values()):
            if sess.identified and not sess.closing and sess.subscriptions & intent:
                with contextlib.suppress(ConnectionClosed):
                    await self._send(sess, message)

    def _stop_meters_now(self) -> None:
        if self._meters_task is not None:
            self._meters_task.cancel()
            self._meters_task = None

    def _meter_levels(self, now: float) -> list[dict[str, Any]]:
        inputs = []
        for index, (name, inp) in enumerate(self.state.inputs.items()):
            if not inp.get("has_audio"):
                continue
            if inp.get("muted"):
                channel = [0.0, 0.0, 0.0]
            else:
                raw = inp.get("meter_level")
                if raw is None:
                    raw = 0.3 + 0.2 * math.sin(now * 3.0 + index)
                mag = raw * db_to_mul(inp.get("volume_db", 0.0))
                channel = [mag, min(1.0, mag * 1.4), min(1.0, raw * 1.4)]
            inputs.append({"inputName": name, "inputLevelsMul": [list(channel), list(channel)]})
        return inputs

    async def _meters_loop(self, hz: float) -> None:
        period = 1.0 / hz
        while True:
            await asyncio.sleep(period)
            await self._broadcast(
                "InputVolumeMeters",
                EventSub.INPUT_VOLUME_METERS,
                {"inputs": self._meter_levels(time.monotonic())},
            )

    # -- requests -------------------------------------------------------------------------------

    async def _execute(
        self, request_type: str, request_data: Any, execution_type: int, sess: _Session | None = None
    ) -> dict[str, Any]:
        """Run one request; returns {requestType, requestStatus, responseData?}."""
        response: dict[str, Any] | None = None
        code, comment = Status.SUCCESS, None
        req = _Req(request_type, request_data, execution_type)
        with self._cond:
            injected = self._injected.get(request_type)
            forced = injected.pop(0) if injected else None
        try:
            if forced is not None:
                raise RequestError(*forced)
            if not request_type:
                raise RequestError(Status.MISSING_REQUEST_TYPE, "Your request is missing a `requestType`")
            if request_type == "Sleep":
                await self._sleep(req)
            else:
                handler = getattr(self, f"_rq_{request_type}", None)
                if handler is None:
                    raise RequestError(Status.UNKNOWN_REQUEST_TYPE, "Your request type is not valid.")
                response = handler(req, sess) if request_type == "GetStats" else handler(req)
        except RequestError as err:
            code, comment, response = err.code, err.comment, None
        status: dict[str, Any] = {"result": code == Status.SUCCESS, "code": code}
        if comment:
            status["comment"] = comment
        result: dict[str, Any] = {"requestType": request_type, "requestStatus": status}
        if response is not None:
            result["responseData"] = response
        return result

    def available_requests(self) -> list[str]:
        """Request types this fake implements."""
        names = [n[len("_rq_") :] for n in dir(self) if n.startswith("_rq_")]
        return sorted([*names, "Sleep"])

    async def _sleep(self, req: _Req) -> None:
        if req.execution_type == -1:
            raise RequestError(Status.UNSUPPORTED_REQUEST_BATCH_EXECUTION_TYPE)
        if req.execution_type == 1:
            frames = req.number("sleepFrames", 0, 10000)
            fps = self.state.video["fpsNumerator"] / self.state.video["fpsDenominator"]
            await asyncio.sleep(frames / fps)
        else:
            await asyncio.sleep(req.number("sleepMillis", 0, 50000) / 1000.0)

    # validation helpers

    def _scene(self, req: _Req, key: str = "sceneName") -> str:
        name = req.string(key)
        if name not in self.state.scenes:
            if name in self.state.inputs:
                raise RequestError(Status.INVALID_RESOURCE_TYPE, "The specified source is not a scene.")
            raise RequestError(Status.RESOURCE_NOT_FOUND, f"No source was found by the name of `{name}`.")
        return name

    def _input(self, req: _Req) -> tuple[str, dict[str, Any]]:
        name = req.string("inputName")
        if name not in self.state.inputs:
            if name in self.state.scenes:
                raise RequestError(Status.INVALID_RESOURCE_TYPE, "The specified source is not an input.")
            raise RequestError(Status.RESOURCE_NOT_FOUND, f"No source was found by the name of `{name}`.")
        return name, self.state.inputs[name]

    @staticmethod
    def _require_audio(inp: dict[str, Any]) -> None:
        if not inp.get("has_audio"):
            raise RequestError(Status.INVALID_RESOURCE_STATE, "The specified input does not support audio.")

    # general

    def _rq_GetVersion(self, req: _Req) -> dict[str, Any]:
        return {
            "obsVersion": self.obs_version,
            "obsWebSocketVersion": self.ws_version,
            "rpcVersion": 1,
            "availableRequests": self.available_requests(),
            "supportedImageFormats": list(SUPPORTED_IMAGE_FORMATS),
            "platform": "ubuntu",
            "platformDescription": "Ubuntu 22.04.4 LTS",
        }

    def _rq_GetStats(self, req: _Req, sess: _Session | None = None) -> dict[str, Any]:
        stats = dict(self.state.stats)
        stats["webSocketSessionIncomingMessages"] = sess.incoming if sess else None
        stats["webSocketSessionOutgoingMessages"] = sess.outgoing if sess else None
        return stats

    def _rq_GetVideoSettings(self, req: _Req) -> dict[str, Any]:
        return dict(self.state.video)

    # scenes

    def _rq_GetSceneList(self, req: _Req) -> dict[str, Any]:
        s = self.state
        n = len(s.scenes)
        # OBS: sceneIndex = n - uiPosition - 1, then the array is reversed -> bottom scene first.
        scenes = [{"sceneIndex": n - i - 1, "sceneName": name} for i, name in enumerate(s.scenes)]
        scenes.reverse()
        return {
            "currentProgramSceneName": s.program_scene,
            "currentPreviewSceneName": s.preview_scene if s.studio_mode else None,
            "scenes": scenes,
        }

    def _rq_GetCurrentProgramScene(self, req: _Req) -> dict[str, Any]:
        name = self.state.program_scene
        return {"sceneName": name, "currentProgramSceneName": name}

    def _rq_SetCurrentProgramScene(self, req: _Req) -> None:
        name = self._scene(req)
        if name != self.state.program_scene:
            self._transition_to(name)

    def _transition_to(self, name: str) -> None:
        s = self.state
        s.program_scene = name
        self._emit("SceneTransitionStarted", {"transitionName": s.transition_name})
        self._emit("CurrentProgramSceneChanged", {"sceneName": name})
        self._emit("SceneTransitionVideoEnded", {"transitionName": s.transition_name})
        self._emit("SceneTransitionEnded", {"transitionName": s.transition_name})

    def _rq_GetCurrentPreviewScene(self, req: _Req) -> dict[str, Any]:
        if not self.state.studio_mode:
            raise RequestError(Status.STUDIO_MODE_NOT_ACTIVE)
        name = self.state.preview_scene
        return {"sceneName": name, "currentPreviewSceneName": name}

    def _rq_SetCurrentPreviewScene(self, req: _Req) -> None:
        if not self.state.studio_mode:
            raise RequestError(Status.STUDIO_MODE_NOT_ACTIVE)
        name = self._scene(req)
        if name != self.state.preview_scene:
            self.state.preview_scene = name
            self._emit("CurrentPreviewSceneChanged", {"sceneName": name})

    # ui / transitions

    def _rq_GetStudioModeEnabled(self, req: _Req) -> dict[str, Any]:
        return {"studioModeEnabled": self.state.studio_mode}

    def _rq_SetStudioModeEnabled(self, req: _Req) -> None:
        enabled = req.boolean("studioModeEnabled")
        s = self.state
        if enabled == s.studio_mode:
            return
        s.studio_mode = enabled
        self._emit("StudioModeStateChanged", {"studioModeEnabled": enabled})
        if enabled:
            s.preview_scene = s.program_scene
            self._emit("CurrentPreviewSceneChanged", {"sceneName": s.preview_scene})

    def _rq_TriggerStudioModeTransition(self, req: _Req) -> None:
        s = self.state
        if not s.studio_mode:
            raise RequestError(Status.STUDIO_MODE_NOT_ACTIVE)
        old_program, new_program = s.program_scene, s.preview_scene
        self._transition_to(new_program)
        if old_program != new_program:  # OBS swaps preview and program after a studio transition
            s.preview_scene = old_program
            self._emit("CurrentPreviewSceneChanged", {"sceneName": old_program})

    # inputs

    def _rq_GetInputList(self, req: _Req) -> dict[str, Any]:
        kind = req.data.get("inputKind") if req.contains("inputKind") else None
        inputs = [
            {
                "inputName": name,
                "inputKind": inp["kind"],
                "unversionedInputKind": re.sub(r"_v\d+$", "", inp["kind"]),
            }
            for name, inp in self.state.inputs.items()
            if kind is None or inp["kind"] == kind
        ]
        return {"inputs": inputs}

    def _rq_GetSpecialInputs(self, req: _Req) -> dict[str, Any]:
        return dict(self.state.special_inputs)

    def _rq_GetInputMute(self, req: _Req) -> dict[str, Any]:
        _, inp = self._input(req)
        self._require_audio(inp)
        return {"inputMuted": bool(inp["muted"])}

    def _rq_SetInputMute(self, req: _Req) -> None:
        name, inp = self._input(req)
        muted = req.boolean("inputMuted")
        self._require_audio(inp)
        self._set_mute(name, inp, muted)

    def _rq_ToggleInputMute(self, req: _Req) -> dict[str, Any]:
        name, inp = self._input(req)
        self._require_audio(inp)
        muted = not inp["muted"]
        self._set_mute(name, inp, muted)
        return {"inputMuted": muted}

    def _set_mute(self, name: str, inp: dict[str, Any], muted: bool) -> None:
        inp["muted"] = muted
        self._emit("InputMuteStateChanged", {"inputName": name, "inputMuted": muted})

    @staticmethod
    def _volume(inp: dict[str, Any]) -> dict[str, float]:
        db = float(inp.get("volume_db", 0.0))
        return {"inputVolumeMul": db_to_mul(db), "inputVolumeDb": max(db, -100.0)}

    def _rq_GetInputVolume(self, req: _Req) -> dict[str, Any]:
        _, inp = self._input(req)
        self._require_audio(inp)
        return self._volume(inp)

    def _rq_SetInputVolume(self, req: _Req) -> None:
        name, inp = self._input(req)
        self._require_audio(inp)
        has_mul, has_db = req.contains("inputVolumeMul"), req.contains("inputVolumeDb")
        mul = req.optional_number("inputVolumeMul", 0, 20) if has_mul else None
        db = req.optional_number("inputVolumeDb", -100, 26) if has_db else None
        if has_mul and has_db:
            raise RequestError(Status.TOO_MANY_REQUEST_FIELDS, "You may only specify one volume field.")
        if mul is None and db is None:
            raise RequestError(Status.MISSING_REQUEST_FIELD, "You must specify one volume field.")
        inp["volume_db"] = mul_to_db(mul) if mul is not None else float(db)  # type: ignore[arg-type]
        self._emit("InputVolumeChanged", {"inputName": name, **self._volume(inp)})

    # sources

    def _rq_GetSourceScreenshot(self, req: _Req) -> dict[str, Any]:
        name = req.string("sourceName")
        if name not in self.state.scenes and name not in self.state.inputs:
            raise RequestError(Status.RESOURCE_NOT_FOUND, f"No source was found by the name of `{name}`.")
        fmt = req.string("imageFormat")
        if fmt not in SUPPORTED_IMAGE_FORMATS:
            raise RequestError(
                Status.INVALID_REQUEST_FIELD,
                "Your specified image format is invalid or not supported by this system.",
            )
        width = int(req.optional_number("imageWidth", 8, 4096)) if req.contains("imageWidth") else 0
        height = int(req.optional_number("imageHeight", 8, 4096)) if req.contains("imageHeight") else 0
        if req.contains("imageCompressionQuality"):
            req.optional_number("imageCompressionQuality", -1, 100)
        base_w, base_h = self.state.video["baseWidth"], self.state.video["baseHeight"]
        if not width and not height:
            width, height = base_w, base_h
        elif not height:
            height = max(1, round(width * base_h / base_w))
        elif not width:
            width = max(1, round(height * base_w / base_h))
        crc = zlib.crc32(name.encode("utf-8"))
        rgb = (crc & 0xFF, (crc >> 8) & 0xFF, (crc >> 16) & 0xFF)
        png = make_png(width, height, rgb)
        return {"imageData": "data:image/png;base64," + base64.b64encode(png).decode("ascii")}

    # stream

    @staticmethod
    def _elapsed_ms(active: bool, started_at: float) -> int:
        return int((time.monotonic() - started_at) * 1000) if active else 0

    def _rq_GetStreamStatus(self, req: _Req) -> dict[str, Any]:
        s = self.state
        ms = self._elapsed_ms(s.stream_active, s.stream_started_at)
        fps = s.video["fpsNumerator"] / s.video["fpsDenominator"]
        return {
            "outputActive": s.stream_active,
            "outputReconnecting": s.stream_reconnecting,
            "outputTimecode": duration_to_timecode(ms),
            "outputDuration": ms,
            "outputCongestion": s.stream_congestion,
            "outputBytes": ms * 750,  # 6 Mbit/s
            "outputSkippedFrames": s.stream_skipped_frames,
            "outputTotalFrames": int(ms * fps / 1000),
        }

    def _output_events(self, event_type: str, start: bool, extra_stopped: dict[str, Any] | None = None) -> None:
        if start:
            steps = [(OUTPUT_STARTING, False), (OUTPUT_STARTED, True)]
        else:
            steps = [(OUTPUT_STOPPING, False), (OUTPUT_STOPPED, False)]
        if not self.transitional_output_states:
            steps = steps[1:]
        for state, active in steps:
            data: dict[str, Any] = {"outputActive": active, "outputState": state}
            if event_type == "RecordStateChanged":
                data["outputPath"] = (extra_stopped or {}).get("outputPath") if state == OUTPUT_STOPPED else None
            self._emit(event_type, data)

    def _rq_StartStream(self, req: _Req) -> None:
        if self.state.stream_active:
            raise RequestError(Status.OUTPUT_RUNNING)
        self.state.stream_active = True
        self.state.stream_started_at = time.monotonic()
        self._output_events("StreamStateChanged", True)

    def _rq_StopStream(self, req: _Req) -> None:
        if not self.state.stream_active:
            raise RequestError(Status.OUTPUT_NOT_RUNNING)
        self.state.stream_active = False
        self._output_events("StreamStateChanged", False)

    def _rq_ToggleStream(self, req: _Req) -> dict[str, Any]:
        if self.state.stream_active:
            self._rq_StopStream(req)
        else:
            self._rq_StartStream(req)
        return {"outputActive": self.state.stream_active}

    # record

    def _rq_GetRecordStatus(self, req: _Req) -> dict[str, Any]:
        s = self.state
        ms = self._elapsed_ms(s.record_active, s.record_started_at)
        return {
            "outputActive": s.record_active,
            "outputPaused": False,
            "outputTimecode": duration_to_timecode(ms),
            "outputDuration": ms,
            "outputBytes": ms * 1250,  # 10 Mbit/s
        }

    def _rq_StartRecord(self, req: _Req) -> None:
        s = self.state
        if s.record_active:
            raise RequestError(Status.OUTPUT_RUNNING)
        s.record_active = True
        s.record_started_at = time.monotonic()
        s.record_path = f"{s.record_directory}/{time.strftime('%Y-%m-%d %H-%M-%S')}.mkv"
        self._output_events("RecordStateChanged", True)

    def _rq_StopRecord(self, req: _Req) -> dict[str, Any]:
        s = self.state
        if not s.record_active:
            raise RequestError(Status.OUTPUT_NOT_RUNNING)
        s.record_active = False
        self._output_events("RecordStateChanged", False, {"outputPath": s.record_path})
        return {"outputPath": s.record_path}

    def _rq_ToggleRecord(self, req: _Req) -> dict[str, Any]:
        if self.state.record_active:
            self._rq_StopRecord(req)
        else:
            self._rq_StartRecord(req)
        return {"outputActive": self.state.record_active}

    # --- checklist probes (issue 4) -----------------------------------------------------------------

    def _rq_GetSourceActive(self, req: _Req) -> dict[str, Any]:
        name = req.string("sourceName")
        if name not in self.state.inputs and name not in self.state.scenes:
            raise RequestError(Status.RESOURCE_NOT_FOUND, f"No source was found by the name of `{name}`.")
        active = name not in self.state.inactive_sources
        return {"videoActive": active, "videoShowing": active}

    def _rq_GetStreamServiceSettings(self, req: _Req) -> dict[str, Any]:
        return {
            "streamServiceType": self.state.stream_service_type,
            "streamServiceSettings": dict(self.state.stream_service_settings),
        }

    def _rq_SetStreamServiceSettings(self, req: _Req) -> None:
        self.state.stream_service_type = req.string("streamServiceType")
        settings = req._basic("streamServiceSettings")
        if not isinstance(settings, dict):
            raise RequestError(
                Status.INVALID_REQUEST_FIELD_TYPE, "The field value of `streamServiceSettings` must be an object."
            )
        self.state.stream_service_settings.update(settings)

    def _rq_GetProfileParameter(self, req: _Req) -> dict[str, Any]:
        key = (req.string("parameterCategory"), req.string("parameterName"))
        return {"parameterValue": self.state.profile_parameters.get(key), "defaultParameterValue": None}

    def _rq_GetRecordDirectory(self, req: _Req) -> dict[str, Any]:
        return {"recordDirectory": self.state.record_directory}
