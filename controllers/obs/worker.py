"""The OBS worker: the only thread that talks to OBS.

It connects (and reconnects with backoff), reads the whole state, keeps it current from events,
polls health once a second and runs requests submitted from any thread. Results reach callers as
``concurrent.futures.Future`` objects; everything else reaches an :class:`ObsListener`.
Listener methods are called on the worker thread, except ``on_meters`` (receive thread, ~20 Hz).
"""

from __future__ import annotations

import dataclasses
import logging
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar
from urllib.parse import urlsplit

from .connection import ObsConnection
from .errors import (
    ObsAuthError,
    ObsClosedError,
    ObsError,
    ObsKickedError,
    ObsNotConnectedError,
    ObsRequestError,
    ObsTimeoutError,
)
from .model import (
    ConnectionStatus,
    HealthStats,
    LinkState,
    ObsSnapshot,
    bitrate_kbps,
    mul_to_db,
)
from .protocol import DEFAULT_PORT, ONAIR_SUBSCRIPTIONS, EventSubscription
from .state import ObsStateTracker, Requester

log = logging.getLogger(__name__)
T = TypeVar("T")

#: How long a SceneRemoved/InputRemoved waits before it counts: OBS sends a burst of them right
#: before ExitStarted when it shuts down, and those are not the operator's deletions.
REMOVAL_GRACE_S = 0.5
REMOVAL_EVENTS = {"SceneRemoved", "InputRemoved"}
#: Health polls in a row without an answer after which OBS counts as hung and is reconnected.
HUNG_AFTER_POLL_TIMEOUTS = 2
#: The control session: every low-volume category, Ui included (obs-websocket-py asks for 1023 only).
CONTROL_SUBSCRIPTIONS = int(EventSubscription.ALL)
METERS_RETRY_S = 5.0
#: How often unanswered requests are checked for their timeout.
EXPIRY_CHECK_S = 0.25


@dataclass(frozen=True)
class ObsEndpoint:
    """Where OBS's WebSocket server is, and its password."""

    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    password: str = ""

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host  # IPv6 literal
        return f"ws://{host}:{self.port}"

    @classmethod
    def from_url(cls, url: str, password: str = "") -> ObsEndpoint:
        """Parse ``ws://host:port`` (scheme optional); raises ValueError with a clear message."""
        text = url.strip()
        parts = urlsplit(text if "://" in text else f"ws://{text}")
        if parts.scheme not in ("ws", "") or not parts.hostname:
            raise ValueError(f"not an obs-websocket URL (expected ws://HOST:PORT): {url!r}")
        try:
            port = parts.port or DEFAULT_PORT
        except ValueError as exc:
            raise ValueError(f"bad port in {url!r}") from exc
        return cls(parts.hostname, port, password)


class ObsListener(Protocol):
    def on_status(self, status: ConnectionStatus) -> None: ...
    def on_snapshot(self, snapshot: ObsSnapshot) -> None: ...
    def on_event(self, event_type: str, data: dict[str, Any]) -> None: ...
    def on_stats(self, stats: HealthStats) -> None: ...
    def on_meters(self, levels: dict[str, tuple[float, float]]) -> None: ...


class FanOutListener:
    """Passes every listener call to several listeners in order; one failing does not stop the rest."""

    def __init__(self, listeners: list[ObsListener]) -> None:
        self.listeners = listeners

    def _each(self, method: str, *args: Any) -> None:
        for listener in self.listeners:
            try:
                getattr(listener, method)(*args)
            except Exception:
                log.exception("%s.%s failed", type(listener).__name__, method)

    def on_status(self, status: ConnectionStatus) -> None:
        self._each("on_status", status)

    def on_snapshot(self, snapshot: ObsSnapshot) -> None:
        self._each("on_snapshot", snapshot)

    def on_event(self, event_type: str, data: dict[str, Any]) -> None:
        self._each("on_event", event_type, data)

    def on_stats(self, stats: HealthStats) -> None:
        self._each("on_stats", stats)

    def on_meters(self, levels: dict[str, tuple[float, float]]) -> None:
        self._each("on_meters", levels)


def backoff_delay(attempt: int, first: float = 0.5, ceiling: float = 10.0) -> float:
    """Seconds before retry number ``attempt`` (1-based): 0.5, 1, 2, 4, 8, 10, 10, …"""
    return float(min(ceiling, first * (2 ** max(0, attempt - 1))))


def meter_levels(data: dict[str, Any]) -> dict[str, tuple[float, float]]:
    """InputVolumeMeters → {input: (magnitude dBFS, peak dBFS)}, loudest channel."""
    levels: dict[str, tuple[float, float]] = {}
    for item in data.get("inputs", []):
        if not isinstance(item, dict):
            continue
        mags, peaks = [0.0], [0.0]
        for channel in item.get("inputLevelsMul") or []:
            if isinstance(channel, list | tuple) and len(channel) >= 2:
                mags.append(float(channel[0]))
                peaks.append(float(channel[1]))
        levels[str(item.get("inputName"))] = (mul_to_db(max(mags)), mul_to_db(max(peaks)))
    return levels


@dataclass
class _Job:
    fn: Callable[[Requester], Any]
    future: Future[Any]


@dataclass
class _Send:
    request_type: str
    data: dict[str, Any] | None
    future: Future[dict[str, Any]]


def _complete(future: Future[dict[str, Any]], result: dict[str, Any] | ObsError) -> None:
    if future.done():
        return
    if isinstance(result, ObsError):
        future.set_exception(result)
    else:
        future.set_result(result)


class _Reconnect:
    def __init__(self, endpoint: ObsEndpoint | None) -> None:
        self.endpoint = endpoint


class _Hold:
    def __init__(self, reason: str) -> None:
        self.reason = reason


class ObsWorker:
    """Runs the OBS connection on its own thread; see the module docstring."""

    def __init__(self, endpoint: ObsEndpoint, listener: ObsListener, *, poll_interval: float = 1.0,
                 connect_timeout: float = 3.0, request_timeout: float = 5.0,
                 backoff_ceiling: float = 10.0, autoconnect: bool = True,
                 meters_connection: bool = True) -> None:
        self.endpoint = endpoint
        self.listener = listener
        self.poll_interval = poll_interval
        self.connect_timeout = connect_timeout
        self.request_timeout = request_timeout
        self.backoff_ceiling = backoff_ceiling
        self.meters_connection = meters_connection
        self._meters: ObsConnection | None = None
        self._meters_tried = 0.0
        self._next_expiry_check = 0.0
        self.status = ConnectionStatus(LinkState.DISCONNECTED, endpoint.url)
        self.snapshot = ObsSnapshot()
        self._queue: queue.Queue[Any] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="obs-worker", daemon=True)
        self._conn: ObsConnection | None = None
        self._tracker = ObsStateTracker()
        self._hold_reason: str | None = None if autoconnect else "not connected yet"
        self._ever_connected = False
        self._attempt = 0
        self._deferred: list[tuple[float, str, dict[str, Any]]] = []
        self._last_bytes: tuple[int, float] | None = None
        self._next_poll = 0.0
        self._poll_timeouts = 0
        self._connected = threading.Event()
        self._stopping = False

    # -- API for any thread ------------------------------------------------------------------------

    def start(self) -> ObsWorker:
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Disconnect and end the thread."""
        self._stopping = True
        self._queue.put(None)
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout)

    def reconnect(self, endpoint: ObsEndpoint | None = None) -> None:
        """Connect again now (optionally elsewhere or with a new password)."""
        self._queue.put(_Reconnect(endpoint))

    def disconnect(self, reason: str = "disconnected by the operator") -> None:
        """Disconnect and stay disconnected until :meth:`reconnect`."""
        self._queue.put(_Hold(reason))

    def submit(self, request_type: str, data: dict[str, Any] | None = None) -> Future[dict[str, Any]]:
        """Send one request from the worker thread; the future holds responseData or the ObsError.

        The worker only sends: OBS's answer completes the future straight from the receive thread,
        so a request costs one thread hop more than a bare obs-websocket-py call, not two."""
        future: Future[dict[str, Any]] = Future()
        if self._stopping:
            future.set_exception(ObsNotConnectedError())
            return future
        self._queue.put(_Send(request_type, data, future))
        return future

    def submit_fn(self, fn: Callable[[Requester], T]) -> Future[T]:
        """Run ``fn(connection)`` on the worker thread (for request sequences)."""
        future: Future[T] = Future()
        if self._stopping:
            future.set_exception(ObsNotConnectedError())
            return future
        self._queue.put(_Job(fn, future))
        return future

    def call(self, request_type: str, data: dict[str, Any] | None = None,
             timeout: float | None = None) -> dict[str, Any]:
        """Blocking :meth:`submit` for headless callers (never from the GUI thread)."""
        return self.submit(request_type, data).result(timeout or self.request_timeout + 1)

    def wait_connected(self, timeout: float) -> bool:
        return self._connected.wait(timeout)

    # -- worker thread ---------------------------------------------------------------------------

    def _run(self) -> None:
        try:
            while not self._stopping:
                if self._conn is None:
                    self._run_disconnected()
                else:
                    self._run_connected()
        finally:
            self._close_connection()
            self._set_status(LinkState.DISCONNECTED, "OnAir stopped")
            while True:  # nothing submitted before the stop waits forever
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if isinstance(item, _Job | _Send) and item.future.set_running_or_notify_cancel():
                    item.future.set_exception(ObsNotConnectedError())

    def _run_disconnected(self) -> None:
        if self._hold_reason is not None:
            self._handle(self._queue.get())
            return
        self._set_status(LinkState.RECONNECTING if self._ever_connected else LinkState.CONNECTING,
                         self.status.reason if self._attempt else "", attempt=self._attempt)
        try:
            self._open()
            return
        except (ObsAuthError, ObsKickedError) as exc:
            self._hold(str(exc))
            return
        except ObsError as exc:
            reason = str(exc)
        except Exception as exc:  # never let the worker die
            log.exception("Unexpected error while connecting to OBS")
            reason = f"unexpected error: {exc}"
        self._attempt += 1
        delay = backoff_delay(self._attempt, ceiling=self.backoff_ceiling)
        state = LinkState.RECONNECTING if self._ever_connected else LinkState.CONNECTING
        self._set_status(state, reason, retry_in_s=delay, attempt=self._attempt)
        deadline = time.monotonic() + delay
        while not self._stopping and self._conn is None and self._hold_reason is None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            try:
                item = self._queue.get(timeout=remaining)
            except queue.Empty:
                return
            if isinstance(item, _Reconnect):
                self._handle(item)
                return
            self._handle(item)

    def _run_connected(self) -> None:
        now = time.monotonic()
        next_due = self._next_poll
        if self._deferred:
            next_due = min(next_due, self._deferred[0][0])
        if self._conn is not None:
            if now >= self._next_expiry_check:  # not on every request: the receive thread shares the lock
                self._conn.expire(now)
                self._next_expiry_check = now + EXPIRY_CHECK_S
            next_due = min(next_due, self._next_expiry_check)
        try:
            item = self._queue.get(timeout=max(0.0, next_due - now))
        except queue.Empty:
            item = None
        else:
            self._handle(item)
        if self._conn is None:
            return
        now = time.monotonic()
        while self._deferred and self._deferred[0][0] <= now:
            _, event_type, data = self._deferred.pop(0)
            self._apply_event(event_type, data)
        if now >= self._next_poll:
            self._next_poll = now + self.poll_interval
            self._poll()
            if self.meters_connection and (self._meters is None or not self._meters.connected) \
                    and now - self._meters_tried > METERS_RETRY_S:
                self._open_meters()

    def _handle(self, item: Any) -> None:
        if item is None:
            self._stopping = True
        elif isinstance(item, _Send):
            self._send(item)
        elif isinstance(item, _Job):
            self._run_job(item)
        elif isinstance(item, tuple) and item[0] == "event":
            if item[1] is self._conn:
                self._on_event_item(item[2], item[3])
        elif isinstance(item, tuple) and item[0] == "closed":
            if item[1] is self._conn:
                self._lost(item[2])
        elif isinstance(item, _Reconnect):
            if item.endpoint is not None:
                self.endpoint = item.endpoint
            self._close_connection()
            self._hold_reason = None
            self._attempt = 0
            self.status = dataclasses.replace(self.status, reason="")
        elif isinstance(item, _Hold):
            self._close_connection()
            self._hold(item.reason)

    def _send(self, item: _Send) -> None:
        if not item.future.set_running_or_notify_cancel():
            return
        conn = self._conn
        if conn is None:
            item.future.set_exception(ObsNotConnectedError())
            return
        future = item.future
        try:
            conn.send_request(item.request_type, item.data, lambda result: _complete(future, result))
        except ObsError as exc:
            future.set_exception(exc)

    def _run_job(self, job: _Job) -> None:
        if not job.future.set_running_or_notify_cancel():
            return
        conn = self._conn
        if conn is None:
            job.future.set_exception(ObsNotConnectedError())
            return
        try:
            job.future.set_result(job.fn(conn))
        except BaseException as exc:  # the caller gets it
            job.future.set_exception(exc)

    def _open(self) -> None:
        endpoint = self.endpoint
        conn = ObsConnection(endpoint.host, endpoint.port, endpoint.password,
                             on_event=lambda t, d: self._from_receiver(conn, t, d),
                             on_closed=lambda e: self._queue.put(("closed", conn, e)),
                             request_timeout=self.request_timeout)
        conn.open(self.connect_timeout, CONTROL_SUBSCRIPTIONS if self.meters_connection else ONAIR_SUBSCRIPTIONS)
        try:
            snapshot = self._tracker.load(conn, conn.websocket_version)
        except ObsError:
            conn.close()
            raise
        self._conn = conn
        self._open_meters()
        self._attempt = 0
        self._ever_connected = True
        self._deferred.clear()
        self._last_bytes = None
        self._poll_timeouts = 0
        self._next_poll = time.monotonic()
        self._publish(snapshot)
        self._connected.set()
        self._set_status(LinkState.CONNECTED, "")

    def _from_receiver(self, conn: ObsConnection, event_type: str, data: dict[str, Any]) -> None:
        """Receive thread: meters go straight out, everything else is queued for the worker."""
        if event_type == "InputVolumeMeters":
            self.listener.on_meters(meter_levels(data))
        else:
            self._queue.put(("event", conn, event_type, data))

    def _on_event_item(self, event_type: str, data: dict[str, Any]) -> None:
        if event_type in REMOVAL_EVENTS:
            self._deferred.append((time.monotonic() + REMOVAL_GRACE_S, event_type, data))
            return
        if event_type == "ExitStarted":
            self._deferred.clear()
        self._apply_event(event_type, data)

    def _apply_event(self, event_type: str, data: dict[str, Any]) -> None:
        conn = self._conn
        if conn is None:
            return
        try:
            changed = self._tracker.apply_event(conn, event_type, data)
        except ObsError as exc:
            log.warning("Could not follow %s: %s", event_type, exc)
            changed = False
        self.listener.on_event(event_type, data)
        if changed:
            self._publish(self._tracker.snapshot)

    def _poll(self) -> None:
        conn = self._conn
        if conn is None:
            return
        try:
            stats, stream, record = conn.request_batch(
                [("GetStats", None), ("GetStreamStatus", None), ("GetRecordStatus", None)])
        except ObsTimeoutError:
            self._poll_timeouts += 1
            log.warning("OBS did not answer the health poll (%d in a row)", self._poll_timeouts)
            if self._poll_timeouts >= HUNG_AFTER_POLL_TIMEOUTS:
                self._lost(ObsClosedError(None, "OBS stopped answering"))
            return
        except ObsError as exc:
            log.debug("Health poll failed: %s", exc)
            return
        self._poll_timeouts = 0
        if not isinstance(stats, dict):
            return
        stream = stream if isinstance(stream, dict) else {}
        record = record if isinstance(record, dict) else {}
        now = time.monotonic()
        out_bytes = int(stream.get("outputBytes") or 0)
        rate = None
        if stream.get("outputActive") and self._last_bytes is not None:
            rate = bitrate_kbps(self._last_bytes[0], self._last_bytes[1], out_bytes, now)
        self._last_bytes = (out_bytes, now) if stream.get("outputActive") else None
        self.listener.on_stats(HealthStats(
            active_fps=float(stats.get("activeFps") or 0.0),
            cpu_usage=float(stats.get("cpuUsage") or 0.0),
            memory_mb=float(stats.get("memoryUsage") or 0.0),
            available_disk_mb=float(stats.get("availableDiskSpace") or 0.0),
            render_skipped=int(stats.get("renderSkippedFrames") or 0),
            render_total=int(stats.get("renderTotalFrames") or 0),
            encoder_skipped=int(stats.get("outputSkippedFrames") or 0),
            encoder_total=int(stats.get("outputTotalFrames") or 0),
            stream_active=bool(stream.get("outputActive")),
            stream_reconnecting=bool(stream.get("outputReconnecting")),
            stream_timecode=str(stream.get("outputTimecode") or ""),
            stream_duration_ms=int(stream.get("outputDuration") or 0),
            congestion=float(stream.get("outputCongestion") or 0.0),
            stream_bytes=out_bytes,
            network_dropped=int(stream.get("outputSkippedFrames") or 0),
            network_total=int(stream.get("outputTotalFrames") or 0),
            bitrate_kbps=rate,
            record_active=bool(record.get("outputActive")),
            record_timecode=str(record.get("outputTimecode") or ""),
        ))

    def _lost(self, error: ObsClosedError) -> None:
        self._close_connection()
        if isinstance(error, ObsAuthError | ObsKickedError):
            self._hold(str(error))
            return
        self._attempt = 1
        reason = "OBS is shutting down" if self.snapshot.shutting_down else str(error)
        delay = 0.0
        self._set_status(LinkState.RECONNECTING, reason, retry_in_s=delay, attempt=1)

    def _hold(self, reason: str) -> None:
        self._hold_reason = reason
        self._set_status(LinkState.DISCONNECTED, reason)

    def _open_meters(self) -> None:
        """A second session subscribed to InputVolumeMeters only, so ~20 meter messages a second never
        queue in front of request answers (measured: benchmarks/obs_latency.py). Best effort."""
        if not self.meters_connection:
            return
        self._meters_tried = time.monotonic()
        endpoint = self.endpoint
        meters = ObsConnection(endpoint.host, endpoint.port, endpoint.password,
                               on_event=self._from_meter_receiver, on_closed=lambda _e: None,
                               request_timeout=self.request_timeout)
        try:
            meters.open(self.connect_timeout, int(EventSubscription.INPUT_VOLUME_METERS))
        except ObsError as exc:
            log.warning("Audio meters unavailable: %s", exc)
            return
        self._meters = meters

    def _from_meter_receiver(self, event_type: str, data: dict[str, Any]) -> None:
        if event_type == "InputVolumeMeters":
            self.listener.on_meters(meter_levels(data))

    def _close_connection(self) -> None:
        conn, self._conn = self._conn, None
        meters, self._meters = self._meters, None
        self._connected.clear()
        if meters is not None:
            meters.close()
        if conn is not None:
            conn.close()

    def _publish(self, snapshot: ObsSnapshot) -> None:
        self.snapshot = snapshot
        self.listener.on_snapshot(snapshot)

    def _set_status(self, state: LinkState, reason: str, *, retry_in_s: float | None = None,
                    attempt: int = 0) -> None:
        status = ConnectionStatus(state, self.endpoint.url, reason, retry_in_s, attempt)
        if status != self.status:
            self.status = status
            self.listener.on_status(status)


__all__ = ["ObsEndpoint", "ObsListener", "ObsWorker", "ObsRequestError", "backoff_delay", "meter_levels"]
