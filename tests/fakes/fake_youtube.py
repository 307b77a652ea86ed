"""A fake YouTube Data API v3 (the live-chat part) on a real HTTP socket on 127.0.0.1.

Endpoints, with payloads shaped like the documentation (see tests/data/youtube/README.md):

* ``GET  /youtube/v3/videos?part=liveStreamingDetails&id=…`` → a ``youtube#videoListResponse``
* ``GET  /youtube/v3/liveChat/messages?liveChatId=…&part=…&pageToken=…`` → a
  ``youtube#liveChatMessageListResponse`` (``nextPageToken``, ``pollingIntervalMillis``, ``offlineAt``)
* ``POST /youtube/v3/liveChat/messages?part=snippet`` (liveChatMessages.insert, bearer token only)

Errors use Google's body: ``{"error": {"code", "message", "errors": [{"domain", "reason", "message"}]}}``.

The chat is one growing log of liveChatMessage resources; a page token is a position in that log, so
each poll returns what was added since the previous one (at most ``page_size`` items). Simplifications:
no ``id`` part handling, no ``hl`` / ``maxResults`` / ``profileImageSize``, a page token is
``"pos-N"``.

Typical use::

    with FakeYouTubeServer(api_key="k") as yt:
        yt.add_video("VID", live_chat_id="CHAT", concurrent_viewers=120)
        yt.add_messages(text_message("m1", "Ann", "hi"))
        source = YouTubeChatSource("VID", listener, api_key="k", api_url=yt.api_url)
"""

from __future__ import annotations

import itertools
import json
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

PREFIX = "/youtube/v3"

ERROR_DOMAINS = {
    "quotaExceeded": "youtube.quota",
    "rateLimitExceeded": "youtube.liveChat",
    "liveChatEnded": "youtube.liveChat",
    "liveChatNotFound": "youtube.liveChat",
    "liveChatDisabled": "youtube.liveChat",
}


@dataclass
class RecordedRequest:
    t: float  # time.monotonic() when the request arrived
    method: str
    path: str  # without the /youtube/v3 prefix, e.g. "liveChat/messages"
    query: dict[str, str]
    headers: dict[str, str]
    body: Any = None


@dataclass
class _Video:
    video_id: str
    live_chat_id: str | None
    concurrent_viewers: int | None


@dataclass
class _Failure:
    remaining: int
    status: int
    reason: str
    message: str
    path: str | None
    method: str | None = None


@dataclass
class _State:
    videos: dict[str, _Video] = field(default_factory=dict)
    messages: list[dict[str, Any]] = field(default_factory=list)
    polling_interval_ms: int = 100
    offline_at: str | None = None
    page_size: int = 500
    failures: list[_Failure] = field(default_factory=list)
    requests: list[RecordedRequest] = field(default_factory=list)


# --- resource builders (liveChatMessage resource representation) ---------------------------------

_counter = itertools.count(1)


def _now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime()) + ".000Z"


def author_details(name: str, channel_id: str | None = None, *, owner: bool = False, moderator: bool = False,
                   member: bool = False, verified: bool = False) -> dict[str, Any]:
    channel_id = channel_id or f"UC{name.encode('utf-8').hex()[:20]}"
    return {
        "channelId": channel_id,
        "channelUrl": f"http://www.youtube.com/channel/{channel_id}",
        "displayName": name,
        "profileImageUrl": "https://yt3.ggpht.com/example/photo.jpg",
        "isVerified": verified,
        "isChatOwner": owner,
        "isChatSponsor": member,
        "isChatModerator": moderator,
    }


def _message(message_id: str | None, kind: str, author: dict[str, Any], display: str, details_key: str | None,
             details: dict[str, Any] | None, published_at: str | None, live_chat_id: str) -> dict[str, Any]:
    snippet: dict[str, Any] = {
        "type": kind,
        "liveChatId": live_chat_id,
        "authorChannelId": author["channelId"],
        "publishedAt": published_at or _now_iso(),
        "hasDisplayContent": True,
        "displayMessage": display,
    }
    if details_key:
        snippet[details_key] = details or {}
    return {
        "kind": "youtube#liveChatMessage",
        "etag": f"etag-{next(_counter)}",
        "id": message_id or f"msg-{next(_counter)}",
        "snippet": snippet,
        "authorDetails": author,
    }


def text_message(message_id: str | None, author: str | dict[str, Any], text: str, *,
                 published_at: str | None = None, live_chat_id: str = "CHAT", **roles: bool) -> dict[str, Any]:
    who = author if isinstance(author, dict) else author_details(author, **roles)
    return _message(message_id, "textMessageEvent", who, text, "textMessageDetails", {"messageText": text},
                    published_at, live_chat_id)


def super_chat(message_id: str | None, author: str, amount_micros: int, currency: str, display_amount: str,
               comment: str = "", *, tier: int = 2, live_chat_id: str = "CHAT") -> dict[str, Any]:
    who = author_details(author)
    details = {"amountMicros": str(amount_micros), "currency": currency, "amountDisplayString": display_amount,
               "userComment": comment, "tier": tier}
    display = f"{display_amount} from {author}: {comment}" if comment else f"{display_amount} from {author}"
    return _message(message_id, "superChatEvent", who, display, "superChatDetails", details, None, live_chat_id)


def super_sticker(message_id: str | None, author: str, amount_micros: int, currency: str, display_amount: str,
                  alt_text: str, *, sticker_id: str = "sticker-1", live_chat_id: str = "CHAT") -> dict[str, Any]:
    who = author_details(author)
    details = {"superStickerMetadata": {"stickerId": sticker_id, "altText": alt_text, "language": "en"},
               "amountMicros": str(amount_micros), "currency": currency, "amountDisplayString": display_amount,
               "tier": 1}
    display = f"Super Sticker {display_amount} from {author}"
    return _message(message_id, "superStickerEvent", who, display, "superStickerDetails", details, None, live_chat_id)


def new_sponsor(message_id: str | None, author: str, level: str = "Member", *, upgrade: bool = False,
                live_chat_id: str = "CHAT") -> dict[str, Any]:
    who = author_details(author, member=True)
    return _message(message_id, "newSponsorEvent", who, f"Welcome to {level}!", "newSponsorDetails",
                    {"memberLevelName": level, "isUpgrade": upgrade}, None, live_chat_id)


def member_milestone(message_id: str | None, author: str, months: int, comment: str, level: str = "Member", *,
                     live_chat_id: str = "CHAT") -> dict[str, Any]:
    who = author_details(author, member=True)
    return _message(message_id, "memberMilestoneChatEvent", who, comment, "memberMilestoneChatDetails",
                    {"userComment": comment, "memberMonth": months, "memberLevelName": level}, None, live_chat_id)


def message_deleted(message_id: str | None, deleted_id: str, moderator: str = "Mod", *,
                    live_chat_id: str = "CHAT") -> dict[str, Any]:
    who = author_details(moderator, moderator=True)
    return _message(message_id, "messageDeletedEvent", who, "A message was deleted", "messageDeletedDetails",
                    {"deletedMessageId": deleted_id}, None, live_chat_id)


def user_banned(message_id: str | None, banned_channel_id: str, banned_name: str, *, temporary_s: int | None = None,
                moderator: str = "Mod", live_chat_id: str = "CHAT") -> dict[str, Any]:
    who = author_details(moderator, moderator=True)
    details: dict[str, Any] = {
        "bannedUserDetails": {"channelId": banned_channel_id,
                              "channelUrl": f"http://www.youtube.com/channel/{banned_channel_id}",
                              "displayName": banned_name, "profileImageUrl": "https://yt3.ggpht.com/x.jpg"},
        "banType": "temporary" if temporary_s else "permanent",
    }
    if temporary_s:
        details["banDurationSeconds"] = str(temporary_s)
    return _message(message_id, "userBannedEvent", who, f"{banned_name} was banned", "userBannedDetails", details,
                    None, live_chat_id)


def error_body(status: int, reason: str, message: str = "") -> dict[str, Any]:
    message = message or f"{reason} (fake YouTube)"
    return {"error": {"code": status, "message": message,
                      "errors": [{"message": message, "domain": ERROR_DOMAINS.get(reason, "global"),
                                  "reason": reason}]}}


# --- the server ----------------------------------------------------------------------------------


class FakeYouTubeServer:
    """Threaded HTTP server; every control method is thread-safe."""

    def __init__(self, *, api_key: str | None = "test-key", token: str | None = "test-token") -> None:
        self.api_key = api_key
        self.token = token
        self._state = _State()
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="fake-youtube", daemon=True)

    # context manager

    def __enter__(self) -> FakeYouTubeServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(5)

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{PREFIX}"

    # controls

    def add_video(self, video_id: str, live_chat_id: str | None = "CHAT",
                  concurrent_viewers: int | None = None) -> None:
        with self._lock:
            self._state.videos[video_id] = _Video(video_id, live_chat_id, concurrent_viewers)

    def set_viewers(self, video_id: str, count: int | None) -> None:
        with self._lock:
            self._state.videos[video_id].concurrent_viewers = count

    def add_messages(self, *items: dict[str, Any]) -> None:
        with self._lock:
            self._state.messages.extend(items)

    def set_polling_interval(self, millis: int) -> None:
        with self._lock:
            self._state.polling_interval_ms = millis

    def set_page_size(self, size: int) -> None:
        with self._lock:
            self._state.page_size = size

    def set_offline_at(self, when: str | None = "2024-05-01T13:00:00.000Z") -> None:
        with self._lock:
            self._state.offline_at = when

    def fail_next(self, count: int, status: int, reason: str, message: str = "", *, path: str | None = None,
                  method: str | None = None) -> None:
        """The next ``count`` requests (only to ``path`` / with ``method``, when given) get this error."""
        with self._lock:
            self._state.failures.append(_Failure(count, status, reason, message, path, method))

    def requests(self, path: str | None = None, method: str | None = None) -> list[RecordedRequest]:
        with self._lock:
            return [r for r in self._state.requests
                    if (path is None or r.path == path) and (method is None or r.method == method)]

    def poll_times(self) -> list[float]:
        return [r.t for r in self.requests("liveChat/messages", "GET")]

    def messages(self) -> list[dict[str, Any]]:
        with self._lock:
            return list(self._state.messages)

    # request handling (server threads)

    def _handle(self, method: str, raw_path: str, headers: dict[str, str], body: bytes) -> tuple[int, Any]:
        parts = urllib.parse.urlsplit(raw_path)
        query = {k: v[-1] for k, v in urllib.parse.parse_qs(parts.query, keep_blank_values=True).items()}
        path = parts.path[len(PREFIX) + 1:] if parts.path.startswith(PREFIX + "/") else parts.path
        parsed_body: Any = None
        if body:
            try:
                parsed_body = json.loads(body.decode("utf-8"))
            except ValueError:
                parsed_body = body.decode("utf-8", "replace")
        with self._lock:
            self._state.requests.append(RecordedRequest(time.monotonic(), method, path, query, headers, parsed_body))
            for failure in self._state.failures:
                if failure.remaining > 0 and failure.path in (None, path) and failure.method in (None, method):
                    failure.remaining -= 1
                    return failure.status, error_body(failure.status, failure.reason, failure.message)
            auth = self._check_auth(method, query, headers)
            if auth is not None:
                return auth
            if method == "GET" and path == "videos":
                return self._videos(query)
            if path == "liveChat/messages" and method == "GET":
                return self._list(query)
            if path == "liveChat/messages" and method == "POST":
                return self._insert(query, parsed_body, headers)
            return 404, error_body(404, "notFound", f"no fake endpoint {method} {path}")

    def _check_auth(self, method: str, query: dict[str, str], headers: dict[str, str]) -> tuple[int, Any] | None:
        bearer = headers.get("authorization", "")
        token_ok = self.token is not None and bearer == f"Bearer {self.token}"
        key_ok = self.api_key is not None and query.get("key") == self.api_key
        if method == "POST":
            if token_ok:
                return None
            if "key" in query and not bearer:
                return 401, error_body(401, "required", "Login Required.")
            return 401, error_body(401, "authError", "Invalid Credentials")
        if token_ok or key_ok:
            return None
        if "key" in query:
            return 401, error_body(401, "unauthorized", "API key not valid. Please pass a valid API key.")
        return 401, error_body(401, "authError", "Invalid Credentials")

    def _videos(self, query: dict[str, str]) -> tuple[int, Any]:
        items = []
        for video_id in query.get("id", "").split(","):
            video = self._state.videos.get(video_id)
            if video is None:
                continue
            details: dict[str, Any] = {"actualStartTime": "2024-05-01T12:00:00Z",
                                       "scheduledStartTime": "2024-05-01T12:00:00Z"}
            if video.concurrent_viewers is not None:
                details["concurrentViewers"] = str(video.concurrent_viewers)
            if video.live_chat_id:
                details["activeLiveChatId"] = video.live_chat_id
            items.append({"kind": "youtube#video", "etag": "etag-video", "id": video.video_id,
                          "liveStreamingDetails": details})
        return 200, {"kind": "youtube#videoListResponse", "etag": "etag-list", "items": items,
                     "pageInfo": {"totalResults": len(items), "resultsPerPage": len(items)}}

    def _chat_ids(self) -> set[str]:
        return {v.live_chat_id for v in self._state.videos.values() if v.live_chat_id}

    def _list(self, query: dict[str, str]) -> tuple[int, Any]:
        if query.get("liveChatId") not in self._chat_ids():
            return 404, error_body(404, "liveChatNotFound", "The live chat cannot be found.")
        token = query.get("pageToken", "")
        start = 0
        if token:
            if not token.startswith("pos-") or not token[4:].isdigit():
                return 400, error_body(400, "invalidPageToken", "The request specifies an invalid page token.")
            start = int(token[4:])
        items = self._state.messages[start:start + self._state.page_size]
        response: dict[str, Any] = {
            "kind": "youtube#liveChatMessageListResponse",
            "etag": f"etag-page-{start}",
            "nextPageToken": f"pos-{start + len(items)}",
            "pollingIntervalMillis": self._state.polling_interval_ms,
            "pageInfo": {"totalResults": len(items), "resultsPerPage": len(items)},
            "items": items,
        }
        if self._state.offline_at:
            response["offlineAt"] = self._state.offline_at
        return 200, response

    def _insert(self, query: dict[str, str], body: Any, headers: dict[str, str]) -> tuple[int, Any]:
        snippet = body.get("snippet") if isinstance(body, dict) else None
        if not isinstance(snippet, dict) or not snippet.get("liveChatId"):
            return 400, error_body(400, "liveChatIdRequired", "liveChatId is required")
        if snippet.get("liveChatId") not in self._chat_ids():
            return 404, error_body(404, "liveChatNotFound", "The live chat cannot be found.")
        if snippet.get("type") != "textMessageEvent":
            return 400, error_body(400, "typeRequired", "snippet.type must be textMessageEvent")
        text = (snippet.get("textMessageDetails") or {}).get("messageText")
        if not text:
            return 400, error_body(400, "messageTextRequired", "messageText is required")
        item = text_message(None, author_details("Channel Owner", "UCowner", owner=True), text,
                            live_chat_id=snippet["liveChatId"])
        self._state.messages.append(item)
        return 200, item

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _serve(self, method: str) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {k.lower(): v for k, v in self.headers.items()}
                status, payload = server._handle(method, self.path, headers, body)
                data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=UTF-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                self._serve("GET")

            def do_POST(self) -> None:  # noqa: N802
                self._serve("POST")

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass  # keep test output clean

        return Handler

