"""The one module that imports obs-websocket-py: a synchronous v5 connection with its gaps closed.

obs-websocket-py 1.0 does the handshake (Hello, Identify, authentication). This module adds what
OnAir needs on top of it:

* failed requests keep ``requestStatus.code`` and ``.comment`` (:class:`ObsRequestError`);
* a Reidentify with :data:`ONAIR_SUBSCRIPTIONS` (the library asks for 1023 only: no Ui, no meters);
* ``legacy=False`` always, so port 4444 does not silently switch to the v4 protocol;
* a receive loop that survives malformed or unknown messages and exceptions in callbacks, and
  reports the WebSocket close code (4009 wrong password, 4011 kicked);
* request batches.

:class:`ObsConnection` is **not** thread-safe: one thread (the OBS worker) calls it. Its callbacks
run on the receive thread and must not call back into the connection.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import logging
import socket
import struct
import threading
import time
from collections.abc import Callable
from typing import Any

import websocket
from obswebsocket import exceptions as obs_exceptions
from obswebsocket import obsws

from .errors import (
    ObsClosedError,
    ObsConnectError,
    ObsError,
    ObsNotConnectedError,
    ObsRequestError,
    ObsTimeoutError,
    closed_error,
)
from .protocol import ONAIR_SUBSCRIPTIONS, OpCode

log = logging.getLogger(__name__)

EventCallback = Callable[[str, dict[str, Any]], None]
ClosedCallback = Callable[[ObsClosedError], None]


class _CloseAwareWebSocket(websocket.WebSocket):
    """A WebSocket whose ``recv`` raises :class:`ObsClosedError` with the server's close code."""

    def recv(self) -> str | bytes:
        opcode, frame = self.recv_data_frame(False)
        payload = frame.data if isinstance(frame, websocket.ABNF) else frame
        payload = payload if isinstance(payload, bytes | bytearray) else str(payload or "").encode()
        if opcode == websocket.ABNF.OPCODE_CLOSE:
            code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else None
            reason = bytes(payload[2:]).decode("utf-8", "replace")
            raise closed_error(code, reason)
        if opcode == websocket.ABNF.OPCODE_TEXT:
            return bytes(payload).decode("utf-8", "replace")
        return bytes(payload)


class _Handshake(obsws):  # type: ignore[misc]
    """obs-websocket-py's client, used only for its v5 handshake."""

    def __init__(self, host: str, port: int, password: str, timeout: float) -> None:
        super().__init__(host, port, password or "", legacy=False, timeout=timeout)

    def open(self, connect_timeout: float) -> _CloseAwareWebSocket:
        ws = _CloseAwareWebSocket()
        host = f"[{self.host}]" if ":" in self.host else self.host  # IPv6 literal
        try:
            ws.connect(f"ws://{host}:{self.port}", timeout=connect_timeout)
        except (OSError, ValueError, websocket.WebSocketException) as exc:
            raise ObsConnectError(_describe_socket_error(exc, self.host, self.port)) from exc
        self.ws = ws
        try:
            self._auth()
        except ObsClosedError:
            ws.shutdown()
            raise
        except (OSError, websocket.WebSocketException, obs_exceptions.ConnectionFailure,
                ValueError, KeyError, TypeError) as exc:
            ws.shutdown()
            raise ObsConnectError(f"OBS handshake failed: {exc}") from exc
        return ws


def _describe_socket_error(exc: BaseException, host: str, port: int) -> str:
    if isinstance(exc, ConnectionRefusedError):
        return f"OBS is not running or its WebSocket server is off ({host}:{port} refused the connection)"
    if isinstance(exc, socket.timeout | TimeoutError):
        return f"OBS did not answer at {host}:{port} (timed out)"
    if isinstance(exc, socket.gaierror):
        return f"unknown host {host!r}"
    return f"cannot reach OBS at {host}:{port}: {exc}"


Completion = Callable[[dict[str, Any] | ObsError], None]


class _Pending:
    __slots__ = ("done", "response", "callback", "request_type", "deadline")

    def __init__(self, callback: Completion | None = None, request_type: str = "",
                 deadline: float = 0.0) -> None:
        self.done = threading.Event()
        self.response: dict[str, Any] | None = None
        self.callback = callback
        self.request_type = request_type
        self.deadline = deadline


class ObsConnection:
    """One authenticated obs-websocket v5 session.

    ``on_event(event_type, event_data)`` and ``on_closed(error)`` are called on the receive thread.
    """

    def __init__(
        self,
        host: str,
        port: int,
        password: str,
        *,
        on_event: EventCallback,
        on_closed: ClosedCallback,
        request_timeout: float = 10.0,
    ) -> None:
        self.host = host
        self.port = port
        self._password = password
        self._on_event = on_event
        self._on_closed = on_closed
        self.request_timeout = request_timeout
        self._ws: _CloseAwareWebSocket | None = None
        self._ids = itertools.count(1)
        self._pending: dict[str, _Pending] = {}
        self._pending_lock = threading.Lock()
        self._receiver: threading.Thread | None = None
        self._closing = False
        self.websocket_version: str | None = None

    @property
    def connected(self) -> bool:
        return self._ws is not None and bool(self._ws.connected)

    def open(self, connect_timeout: float = 5.0, subscriptions: int = ONAIR_SUBSCRIPTIONS) -> None:
        """Connect, authenticate and subscribe; raises ObsConnectError / ObsAuthError / ObsClosedError."""
        handshake = _Handshake(self.host, self.port, self._password, self.request_timeout)
        ws = handshake.open(connect_timeout)
        self.websocket_version = handshake.server_version
        ws.settimeout(None)
        self._ws = ws
        self._closing = False
        self._receiver = threading.Thread(target=self._receive_loop, args=(ws,), name="obs-recv", daemon=True)
        self._receiver.start()
        self._send({"op": int(OpCode.REIDENTIFY), "d": {"eventSubscriptions": subscriptions}})

    def close(self) -> None:
        """Close the session; pending requests fail with ObsNotConnectedError."""
        self._closing = True
        ws, self._ws = self._ws, None
        if ws is not None:
            with contextlib.suppress(OSError, websocket.WebSocketException):
                ws.close(timeout=1)
            with contextlib.suppress(OSError, websocket.WebSocketException):
                ws.shutdown()
        if self._receiver is not None and self._receiver is not threading.current_thread():
            self._receiver.join(timeout=2)
        self._fail_pending()

    def request(self, request_type: str, data: dict[str, Any] | None = None,
                timeout: float | None = None) -> dict[str, Any]:
        """Send one request and return its ``responseData``; raises ObsRequestError with OBS's comment."""
        request_id = str(next(self._ids))
        payload: dict[str, Any] = {"requestType": request_type, "requestId": request_id}
        if data:
            payload["requestData"] = data
        response = self._round_trip(request_id, {"op": int(OpCode.REQUEST), "d": payload}, timeout)
        return _unwrap(request_type, response)

    def send_request(self, request_type: str, data: dict[str, Any] | None, on_done: Completion) -> None:
        """Send one request without waiting: ``on_done(responseData or ObsError)`` runs on the receive
        thread when OBS answers (or on the thread that calls :meth:`expire` / :meth:`close`)."""
        request_id = str(next(self._ids))
        payload: dict[str, Any] = {"requestType": request_type, "requestId": request_id}
        if data:
            payload["requestData"] = data
        pending = _Pending(on_done, request_type, time.monotonic() + self.request_timeout)
        with self._pending_lock:
            self._pending[request_id] = pending
        try:
            self._send({"op": int(OpCode.REQUEST), "d": payload})
        except ObsError:
            with self._pending_lock:
                self._pending.pop(request_id, None)
            raise

    def expire(self, now: float | None = None) -> float | None:
        """Fail sent-without-waiting requests that OBS has not answered in time; returns the next deadline."""
        now = time.monotonic() if now is None else now
        expired: list[_Pending] = []
        next_deadline: float | None = None
        with self._pending_lock:
            for request_id, pending in list(self._pending.items()):
                if pending.callback is None:
                    continue
                if pending.deadline <= now:
                    expired.append(self._pending.pop(request_id))
                elif next_deadline is None or pending.deadline < next_deadline:
                    next_deadline = pending.deadline
        for pending in expired:
            assert pending.callback is not None
            pending.callback(ObsTimeoutError(f"OBS did not answer {pending.request_type} in time"))
        return next_deadline

    def request_batch(self, requests: list[tuple[str, dict[str, Any] | None]], *,
                      halt_on_failure: bool = False,
                      timeout: float | None = None) -> list[dict[str, Any] | ObsRequestError]:
        """Send a serial-realtime batch; each result is responseData or the ObsRequestError."""
        request_id = str(next(self._ids))
        items = [{"requestType": t, **({"requestData": d} if d else {})} for t, d in requests]
        message = {"op": int(OpCode.REQUEST_BATCH),
                   "d": {"requestId": request_id, "haltOnFailure": halt_on_failure, "requests": items}}
        response = self._round_trip(request_id, message, timeout)
        results: list[dict[str, Any] | ObsRequestError] = []
        for item in response.get("results", []):
            try:
                results.append(_unwrap(str(item.get("requestType", "?")), item))
            except ObsRequestError as exc:
                results.append(exc)
        return results

    # -- internals -------------------------------------------------------------------------------

    def _send(self, message: dict[str, Any]) -> None:
        ws = self._ws
        if ws is None or not ws.connected:
            raise ObsNotConnectedError()
        try:
            ws.send(json.dumps(message))
        except (OSError, websocket.WebSocketException) as exc:
            raise ObsNotConnectedError() from exc

    def _round_trip(self, request_id: str, message: dict[str, Any], timeout: float | None) -> dict[str, Any]:
        pending = _Pending()
        with self._pending_lock:
            self._pending[request_id] = pending
        try:
            self._send(message)
            if not pending.done.wait(self.request_timeout if timeout is None else timeout):
                what = message['d'].get('requestType', 'a batch')
                raise ObsTimeoutError(f"OBS did not answer {what} in time")
        finally:
            with self._pending_lock:
                self._pending.pop(request_id, None)
        if pending.response is None:
            raise ObsNotConnectedError()
        return pending.response

    def _fail_pending(self) -> None:
        with self._pending_lock:
            pendings = list(self._pending.values())
            for request_id in [i for i, p in self._pending.items() if p.callback is not None]:
                del self._pending[request_id]
        for pending in pendings:
            if pending.callback is not None:
                pending.callback(ObsNotConnectedError())
            pending.done.set()

    def _receive_loop(self, ws: _CloseAwareWebSocket) -> None:
        error: ObsClosedError
        while True:
            try:
                raw = ws.recv()
            except ObsClosedError as exc:
                error = exc
                break
            except (OSError, websocket.WebSocketException, ValueError, AttributeError) as exc:
                error = ObsClosedError(None, str(exc) if not self._closing else "")
                break
            try:
                self._dispatch(raw)
            except Exception:  # a bad message or a failing callback must not kill this thread
                log.exception("Ignored an OBS message that could not be handled: %.200r", raw)
        self._fail_pending()
        if not self._closing:
            try:
                self._on_closed(error)
            except Exception:
                log.exception("on_closed callback failed")

    def _dispatch(self, raw: str | bytes) -> None:
        if not raw:
            return
        try:
            message = json.loads(raw)
        except ValueError:
            log.warning("Ignored a malformed message from OBS: %.200r", raw)
            return
        if not isinstance(message, dict) or not isinstance(message.get("d"), dict):
            log.warning("Ignored an unexpected message from OBS: %.200r", raw)
            return
        op, body = message.get("op"), message["d"]
        if op == OpCode.EVENT:
            event_type = body.get("eventType")
            data = body.get("eventData") or {}
            if isinstance(event_type, str) and isinstance(data, dict):
                self._on_event(event_type, data)
        elif op in (OpCode.REQUEST_RESPONSE, OpCode.REQUEST_BATCH_RESPONSE):
            request_id = str(body.get("requestId"))
            with self._pending_lock:
                pending = self._pending.get(request_id)
                if pending is not None and pending.callback is not None:
                    del self._pending[request_id]
            if pending is not None and pending.callback is not None:
                try:
                    result: dict[str, Any] | ObsError = _unwrap(pending.request_type, body)
                except ObsRequestError as exc:
                    result = exc
                pending.callback(result)
            elif pending is not None:
                pending.response = body
                pending.done.set()
        elif op == OpCode.IDENTIFIED:
            log.debug("OBS (re)identified: %s", body)
        else:
            log.warning("Ignored an unknown message from OBS (op %r)", op)


def _unwrap(request_type: str, response: dict[str, Any]) -> dict[str, Any]:
    status = response.get("requestStatus") or {}
    if not status.get("result"):
        raise ObsRequestError(request_type, int(status.get("code") or 0), status.get("comment"))
    data = response.get("responseData")
    return data if isinstance(data, dict) else {}


__all__ = ["ObsConnection", "ObsError"]
