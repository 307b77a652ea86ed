"""Twitch viewer counts from the Helix API (Get Streams), polled on their own thread.

``GET {base}/streams?user_login=<channel>`` with the headers ``Client-Id`` and ``Authorization: Bearer
<token>`` (https://dev.twitch.tv/docs/api/reference/#get-streams). The answer is ``{"data": [stream …],
"pagination": {…}}``; a live channel's stream object carries ``viewer_count``, an offline channel is
simply absent (``data`` empty). ``base`` is ``https://api.twitch.tv/helix``, overridden by
``ONAIR_TWITCH_API_URL`` (tests point it at tests/fakes/fake_helix.py).

:class:`TwitchViewerPoller` asks every ``interval_s`` (30 s by default, like the YouTube source's
sampling) and calls ``listener.on_viewers("twitch", viewer_count)`` — the hub stores it in the
session's ``viewer_samples``. Errors, as the operator sees them (``on_status``):

* 401 → "Twitch token rejected…": polling stops until :meth:`TwitchViewerPoller.set_credentials`
  gives new ones (retrying a bad token cannot help);
* 429 → waits until the ``Ratelimit-Reset`` time (Unix seconds) Twitch sends, then carries on;
* network trouble / 5xx → tries again at the next interval.

The token is registered with :mod:`controllers.redaction` and never logged; ``oauth:`` in front of it
(the IRC form) is accepted and dropped.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication

from .. import redaction
from .model import CONNECTED, CONNECTING, DISCONNECTED, RECONNECTING

log = logging.getLogger(__name__)

PLATFORM = "twitch"
DEFAULT_API_URL = "https://api.twitch.tv/helix"
API_URL_ENV = "ONAIR_TWITCH_API_URL"
CLIENT_ID_ENV = "ONAIR_TWITCH_CLIENT_ID"
TOKEN_ENV = "ONAIR_TWITCH_TOKEN"
CHANNEL_ENV = "ONAIR_TWITCH_CHANNEL"
DEFAULT_INTERVAL_S = 30.0
MAX_RATE_WAIT_S = 300.0
MIN_RATE_WAIT_S = 0.5


def _tr(text: str) -> str:
    return QCoreApplication.translate("TwitchViewers", text)


class ViewerListener(Protocol):
    """What the poller calls (on its thread): the hub has both."""

    def on_viewers(self, platform: str, count: int) -> None: ...

    def on_status(self, source_name: str, state: str, reason: str) -> None: ...


class HelixError(Exception):
    """A Helix request failed: HTTP ``status`` with Twitch's ``message``; ``retry_at`` (Unix s) for 429."""

    def __init__(self, status: int, message: str, retry_at: float | None = None) -> None:
        super().__init__(f"HTTP {status}: {message}" if message else f"HTTP {status}")
        self.status = status
        self.message = message
        self.retry_at = retry_at


def api_url_from_env() -> str:
    return (os.environ.get(API_URL_ENV, "").strip() or DEFAULT_API_URL).rstrip("/")


def viewer_count(payload: Any, channel: str) -> int | None:
    """The ``viewer_count`` of ``channel``'s stream in a Get Streams answer; None when it is offline."""
    if not isinstance(payload, dict) or not isinstance(payload.get("data"), list):
        raise ValueError("Twitch answered Get Streams without a data list")
    for stream in payload["data"]:
        if not isinstance(stream, dict):
            continue
        login = stream.get("user_login")
        if isinstance(login, str) and login.lower() != channel:
            continue
        count = stream.get("viewer_count")
        if isinstance(count, int) and not isinstance(count, bool) and count >= 0:
            return count
    return None


def _clean_token(token: str) -> str:
    token = token.strip()
    return token[len("oauth:"):] if token.lower().startswith("oauth:") else token


class TwitchViewerPoller:
    """Polls Get Streams for one channel; ``name`` is what the hub shows its status under."""

    name = "Twitch viewers"

    def __init__(self, channel: str, listener: ViewerListener, *, client_id: str, token: str,
                 api_url: str | None = None, interval_s: float = DEFAULT_INTERVAL_S, timeout_s: float = 10.0,
                 clock: Callable[[], float] = time.time) -> None:
        channel = channel.strip().lstrip("#").lower()
        if not channel or any(ch.isspace() or ch in ",:/?&#" for ch in channel):
            raise ValueError(f"not a Twitch channel name: {channel!r}")
        self.channel = channel
        self.listener = listener
        self.api_url = (api_url or api_url_from_env()).rstrip("/")
        self.interval_s = interval_s
        self.timeout_s = timeout_s
        self.clock = clock
        self.state = DISCONNECTED
        self.reason = ""
        self.last_count: int | None = None
        self._client_id = ""
        self._token = ""
        self._set(client_id, token)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def _set(self, client_id: str, token: str) -> None:
        client_id, token = client_id.strip(), _clean_token(token)
        if not client_id or not token:
            raise ValueError("Twitch viewer counts need a client id and an access token")
        redaction.register(token)
        self._client_id, self._token = client_id, token

    # -- public -----------------------------------------------------------------------------------

    def start(self) -> None:
        with self._lock:
            if self._thread is not None and self._thread.is_alive():
                return
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="twitch-viewers", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def set_credentials(self, client_id: str, token: str) -> None:
        """New client id / token (reconfigured); restarts polling if a rejected token had stopped it."""
        self._set(client_id, token)
        if not self._stop.is_set():
            self.start()

    def poll_once(self) -> int | None:
        """One Get Streams request: the viewer count, None when offline; raises HelixError / OSError."""
        query = urllib.parse.urlencode({"user_login": self.channel})
        request = urllib.request.Request(f"{self.api_url}/streams?{query}", headers={
            "Client-Id": self._client_id, "Authorization": f"Bearer {self._token}", "Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                raw = response.read()
        except urllib.error.HTTPError as exc:
            with exc:
                raise _error(exc.code, exc.headers, exc.read()) from None
        return viewer_count(json.loads(raw.decode("utf-8")), self.channel)

    # -- the thread -------------------------------------------------------------------------------

    def _run(self) -> None:
        self._status(CONNECTING, _tr("Asking Twitch for the viewer count of {channel}").format(channel=self.channel))
        while not self._stop.is_set():
            wait = self.interval_s
            try:
                count = self.poll_once()
            except HelixError as exc:
                if exc.status == 401:
                    self._status(DISCONNECTED, _tr(
                        "Twitch token rejected ({message}): viewer counts are off until the Twitch client id and "
                        "token are set again.").format(message=exc.message or "401"))
                    return
                if exc.status == 429:
                    until_reset = exc.retry_at - self.clock() if exc.retry_at else self.interval_s
                    wait = min(MAX_RATE_WAIT_S, max(MIN_RATE_WAIT_S, until_reset))
                    self._status(RECONNECTING, _tr("Twitch rate limit reached; next viewer count in {s:.0f} s.")
                                 .format(s=wait))
                else:
                    self._status(RECONNECTING, _tr("Twitch viewer count failed ({error}); retrying in {s:.0f} s.")
                                 .format(error=redaction.redact(str(exc)), s=wait))
            except (urllib.error.URLError, OSError, ValueError) as exc:
                self._status(RECONNECTING, _tr("Cannot reach the Twitch API ({error}); retrying in {s:.0f} s.")
                             .format(error=_describe(exc), s=wait))
            else:
                self.last_count = count
                if count is None:
                    self._status(CONNECTED, _tr("{channel} is offline").format(channel=self.channel))
                else:
                    self._status(CONNECTED, _tr("{channel}: {n} viewers").format(channel=self.channel, n=count))
                    self._call(self.listener.on_viewers, PLATFORM, count)
            if self._stop.wait(wait):
                break
        self._status(DISCONNECTED, _tr("Stopped."))

    def _status(self, state: str, reason: str) -> None:
        if (state, reason) == (self.state, self.reason):
            return
        self.state, self.reason = state, reason
        log.info("Twitch viewers %s: %s", state, reason)
        self._call(self.listener.on_status, self.name, state, reason)

    def _call(self, fn: Callable[..., None], *args: object) -> None:
        try:
            fn(*args)
        except Exception:
            log.exception("A viewer listener failed")


def _error(status: int, headers: Any, body: bytes) -> HelixError:
    """Helix's error body is ``{"error": "Unauthorized", "status": 401, "message": "Invalid OAuth token"}``."""
    message = ""
    try:
        data = json.loads(body.decode("utf-8")) if body else {}
        if isinstance(data, dict):
            message = str(data.get("message") or data.get("error") or "")
    except ValueError:
        pass
    retry_at = None
    reset = headers.get("Ratelimit-Reset") if headers is not None else None
    if reset:
        try:
            retry_at = float(reset)
        except ValueError:
            retry_at = None
    return HelixError(status, redaction.redact(message), retry_at)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, urllib.error.URLError):
        return redaction.redact(str(exc.reason))
    if isinstance(exc, socket.timeout | TimeoutError):
        return "timed out"
    return redaction.redact(str(exc) or type(exc).__name__)


def poller_from_env(listener: ViewerListener) -> TwitchViewerPoller | None:
    """Channel + ``ONAIR_TWITCH_CLIENT_ID`` + ``ONAIR_TWITCH_TOKEN`` set → a (not started) poller, else None."""
    channel = os.environ.get(CHANNEL_ENV, "").strip()
    client_id = os.environ.get(CLIENT_ID_ENV, "").strip()
    token = os.environ.get(TOKEN_ENV, "").strip()
    if not channel or not client_id or not token:
        return None
    return TwitchViewerPoller(channel, listener, client_id=client_id, token=token)
