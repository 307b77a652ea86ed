"""A fake Twitch Helix API (Get Streams only) on a real HTTP socket on 127.0.0.1.

``GET /helix/streams?user_login=…`` (the parameter may repeat) as documented in the Helix reference
(https://dev.twitch.tv/docs/api/reference/#get-streams): ``{"data": [stream …], "pagination": {}}``,
one stream object per *live* channel asked for (an offline channel is simply absent), the stream
object shaped like tests/data/twitch/helix_get_streams_live.json. Every request needs the headers
``Client-Id`` and ``Authorization: Bearer <token>``; Helix's error body is
``{"error": "Unauthorized", "status": 401, "message": "Invalid OAuth token"}``. Every answer carries
``Ratelimit-Limit`` / ``Ratelimit-Remaining`` / ``Ratelimit-Reset`` (Unix seconds); :meth:`rate_limit`
makes the next requests answer 429 with a reset time.

Typical use::

    with FakeHelixServer(client_id="cid", token="tok") as helix:
        helix.set_live("dallas", 1234)
        poller = TwitchViewerPoller("dallas", hub, client_id="cid", token="tok", api_url=helix.api_url)
"""

from __future__ import annotations

import copy
import json
import math
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

PREFIX = "/helix"
DATA = Path(__file__).resolve().parents[1] / "data" / "twitch"
BUCKET = 800  # Twitch's default points per minute


def sample(name: str) -> Any:
    """One of tests/data/twitch/helix_*.json."""
    return json.loads((DATA / f"helix_{name}.json").read_text(encoding="utf-8"))


@dataclass
class RecordedRequest:
    t: float  # time.monotonic() on arrival
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]


@dataclass
class _State:
    streams: dict[str, dict[str, Any]] = field(default_factory=dict)
    rate_limited: int = 0
    reset_in_s: float = 1.0
    fail: list[int] = field(default_factory=list)  # status codes for the next requests (5xx …)
    requests: list[RecordedRequest] = field(default_factory=list)


def error_body(status: int, error: str, message: str) -> dict[str, Any]:
    return {"error": error, "status": status, "message": message}


class FakeHelixServer:
    """Threaded HTTP server; every control method is thread-safe."""

    def __init__(self, *, client_id: str = "test-client-id", token: str = "test-token") -> None:
        self.client_id = client_id
        self.token = token
        self._state = _State()
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="fake-helix", daemon=True)

    def __enter__(self) -> FakeHelixServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(5)

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}{PREFIX}"

    # -- controls ---------------------------------------------------------------------------------

    def set_live(self, login: str, viewers: int, **fields: Any) -> None:
        """``login`` is live with ``viewers`` (the documented sample stream, renamed)."""
        stream = copy.deepcopy(sample("get_streams_live")["data"][0])
        stream.update({"user_login": login.lower(), "user_name": login, "viewer_count": viewers,
                       "thumbnail_url": f"https://static-cdn.jtvnw.net/previews-ttv/live_user_{login.lower()}"
                                        "-{width}x{height}.jpg"})
        stream.update(fields)
        with self._lock:
            self._state.streams[login.lower()] = stream

    def set_offline(self, login: str) -> None:
        with self._lock:
            self._state.streams.pop(login.lower(), None)

    def set_token(self, token: str) -> None:
        """The token the server accepts from now on (the old one is rejected with 401)."""
        with self._lock:
            self.token = token

    def rate_limit(self, count: int, reset_in_s: float = 1.0) -> None:
        """The next ``count`` requests get 429 with ``Ratelimit-Reset`` = now + ``reset_in_s``."""
        with self._lock:
            self._state.rate_limited = count
            self._state.reset_in_s = reset_in_s

    def fail_next(self, *statuses: int) -> None:
        with self._lock:
            self._state.fail.extend(statuses)

    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._state.requests)

    # -- request handling (server threads) --------------------------------------------------------

    def _handle(self, method: str, raw_path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], Any]:
        parts = urllib.parse.urlsplit(raw_path)
        query = urllib.parse.parse_qs(parts.query, keep_blank_values=True)
        path = parts.path[len(PREFIX):] if parts.path.startswith(PREFIX + "/") else parts.path
        now = time.time()
        with self._lock:
            state = self._state
            state.requests.append(RecordedRequest(time.monotonic(), method, path, query, headers))
            limit = {"Ratelimit-Limit": str(BUCKET), "Ratelimit-Remaining": str(BUCKET - 1),
                     "Ratelimit-Reset": str(int(now) + 60)}
            auth = self._check_auth(headers)
            if auth is not None:
                return auth[0], limit, auth[1]
            if state.rate_limited > 0:
                state.rate_limited -= 1
                reset = math.ceil(now + state.reset_in_s)  # whole Unix seconds, as Twitch sends it
                limit.update({"Ratelimit-Remaining": "0", "Ratelimit-Reset": str(reset)})
                return 429, limit, sample("error_429")
            if state.fail:
                status = state.fail.pop(0)
                return status, limit, error_body(status, "Internal Server Error", "fake failure")
            if method != "GET" or path != "/streams":
                return 404, limit, error_body(404, "Not Found", f"no fake endpoint {method} {path}")
            logins = [login.lower() for login in query.get("user_login", [])]
            if len(logins) > 100:
                return 400, limit, error_body(400, "Bad Request", "The maximum number of user_login values is 100.")
            data = [copy.deepcopy(state.streams[login]) for login in logins if login in state.streams]
            if not logins:
                data = [copy.deepcopy(s) for s in state.streams.values()]
            return 200, limit, {"data": data, "pagination": {}}

    def _check_auth(self, headers: dict[str, str]) -> tuple[int, Any] | None:
        bearer = headers.get("authorization", "")
        if not bearer.startswith("Bearer "):
            return 401, error_body(401, "Unauthorized", "OAuth token is missing")
        if bearer[len("Bearer "):] != self.token:
            return 401, sample("error_401")
        if headers.get("client-id") != self.client_id:
            return 401, error_body(401, "Unauthorized", "Client ID and OAuth token do not match")
        return None

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                headers = {k.lower(): v for k, v in self.headers.items()}
                status, extra, payload = server._handle("GET", self.path, headers)
                data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                for key, value in extra.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass  # keep test output clean

        return Handler
