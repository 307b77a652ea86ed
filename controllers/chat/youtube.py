"""YouTube live chat through the YouTube Data API v3, on its own thread.

What it does (the API facts are cited in tests/data/youtube/README.md):

* finds the chat: ``videos.list?part=liveStreamingDetails&id=VIDEO`` →
  ``liveStreamingDetails.activeLiveChatId`` (absent when the video is not live or has no chat);
* polls ``liveChat/messages?liveChatId=…&part=snippet,authorDetails&pageToken=…`` (liveChatMessages.list),
  waiting at least ``pollingIntervalMillis`` between two polls and stopping when the response carries
  ``offlineAt``;
* hands out text messages (kind ``message``), Super Chats and Super Stickers (``paid``) and membership
  events (``sub``) as :class:`~controllers.chat.model.ChatMessage`, ``messageDeletedEvent`` /
  ``userBannedEvent`` as :class:`~controllers.chat.model.ChatRemoval`;
* samples ``liveStreamingDetails.concurrentViewers`` every ``viewer_interval_s`` (default 30 s);
* sends with ``POST liveChat/messages?part=snippet`` (liveChatMessages.insert, OAuth bearer token).

Reads use the API key (``key=``) when one is given, else the OAuth token. The key and the token are
registered with :mod:`controllers.redaction` and masked in every URL this module logs.

Errors: ``quotaExceeded`` / ``rateLimitExceeded`` (or HTTP 429) → a clear status and a growing wait
(quota: 60 s → 15 min by default, never a burst); HTTP 401 and the documented ``forbidden`` /
``insufficientPermissions`` reasons → stop with a message; ``liveChatEnded`` / ``liveChatNotFound`` /
``liveChatDisabled`` → stop with a message; network errors and 5xx → retry the same request (same
``pageToken``, so no gap and no duplicate) with backoff 0.5, 1, 2 … 10 s.

Listener calls (``on_chat``, ``on_removal``, ``on_status`` of :class:`~controllers.chat.model.ChatListener`,
and ``on_viewers(platform, count)`` when the listener has it) come from the source's thread.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import queue
import re
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import deque
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from datetime import datetime
from typing import Any, Protocol

from controllers import redaction

from .model import (
    CONNECTED,
    CONNECTING,
    DISCONNECTED,
    RECONNECTING,
    ChatListener,
    ChatMessage,
    ChatRemoval,
    canonical_roles,
)

log = logging.getLogger(__name__)

PLATFORM = "youtube"
DEFAULT_API_URL = "https://www.googleapis.com/youtube/v3"
API_URL_ENV = "ONAIR_YOUTUBE_API_URL"
VIDEO_ID_ENV = "ONAIR_YOUTUBE_VIDEO_ID"
API_KEY_ENV = "ONAIR_YOUTUBE_API_KEY"

#: Used when a response has no pollingIntervalMillis (it is always sent in practice).
FALLBACK_POLL_S = 5.0
DEFAULT_VIEWER_INTERVAL_S = 30.0
#: How many message ids are remembered to drop a message delivered twice.
SEEN_IDS = 5000

QUOTA_REASONS = frozenset({"quotaExceeded"})
RATE_REASONS = frozenset({"rateLimitExceeded", "userRequestsExceedRateLimit"})
AUTH_REASONS = frozenset({"forbidden", "insufficientPermissions", "authError", "unauthorized"})
CHAT_GONE_REASONS = {
    "liveChatEnded": "the live chat has ended",
    "liveChatNotFound": "the live chat does not exist (it may have been deleted)",
    "liveChatDisabled": "the owner has turned the live chat off",
}


# --- listener ------------------------------------------------------------------------------------


class YouTubeListener(ChatListener, Protocol):
    """A chat listener that may also take viewer counts (``on_viewers`` is optional: called if present)."""

    def on_viewers(self, platform: str, count: int) -> None: ...


class YouTubeApiError(Exception):
    """An error answer from the API: HTTP status, Google's ``reason`` and an operator sentence."""

    def __init__(self, status: int, reason: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.reason = reason


class _Stop(Exception):
    """Ends the poll loop with a final status."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# --- pure helpers --------------------------------------------------------------------------------


def api_url_from_env() -> str:
    return (os.environ.get(API_URL_ENV) or DEFAULT_API_URL).rstrip("/")


def backoff_delay(attempt: int, first: float, ceiling: float) -> float:
    """Seconds before retry ``attempt`` (1-based): first, 2·first, 4·first … capped at ``ceiling``."""
    return float(min(ceiling, first * (2 ** max(0, attempt - 1))))


def parse_time(text: Any, default: float) -> float:
    """ISO 8601 (``2024-05-01T12:00:00.123Z``) → Unix seconds; ``default`` when absent or unreadable."""
    if not isinstance(text, str) or not text:
        return default
    try:
        return datetime.fromisoformat(text).timestamp()
    except ValueError:
        match = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:?\d\d)?$", text)
        if not match:
            return default
        try:
            return datetime.fromisoformat(match.group(1) + (match.group(3) or "Z")).timestamp()
        except ValueError:
            return default


def roles_of(author: Mapping[str, Any]) -> tuple[str, ...]:
    """authorDetails flags → platform-neutral roles."""
    flags = (("isChatOwner", "owner"), ("isChatModerator", "moderator"), ("isChatSponsor", "member"),
             ("isVerified", "verified"))
    return canonical_roles([role for flag, role in flags if author.get(flag) is True])


def _micros(value: Any) -> float | None:
    try:
        return int(value) / 1_000_000
    except (TypeError, ValueError):
        return None


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


#: snippet.type → ChatMessage.kind (model.KINDS).
KIND_OF_TYPE = {
    "textMessageEvent": "message",
    "superChatEvent": "paid",
    "superStickerEvent": "paid",
    "newSponsorEvent": "sub",
    "memberMilestoneChatEvent": "sub",
    "membershipGiftingEvent": "sub",
    "giftMembershipReceivedEvent": "sub",
}


def parse_item(item: Mapping[str, Any], received_at: float | None = None) -> ChatMessage | ChatRemoval | None:
    """One liveChatMessage resource → a message, a removal, or None (silent/unknown items).

    ``text`` is what the viewer wrote, exactly as received (``messageText``, a Super Chat's or a
    milestone's ``userComment``; ``""`` for events without one); YouTube's own line for an event
    (``displayMessage``) goes to ``system_text``; other documented fields go to ``extra``.
    """
    now = time.time() if received_at is None else received_at
    snippet = item.get("snippet") or {}
    author = item.get("authorDetails") or {}
    if not isinstance(snippet, Mapping) or not isinstance(author, Mapping):
        return None
    yt_type = _str(snippet.get("type"))
    t = parse_time(snippet.get("publishedAt"), now)
    channel = _str(snippet.get("liveChatId"))
    if yt_type == "messageDeletedEvent":
        details = snippet.get("messageDeletedDetails") or {}
        target = _str(details.get("deletedMessageId"))
        return ChatRemoval(PLATFORM, t, message_id=target, reason="deleted", channel=channel) if target else None
    if yt_type == "userBannedEvent":
        details = snippet.get("userBannedDetails") or {}
        banned = details.get("bannedUserDetails") or {}
        who = _str(banned.get("channelId"))
        temporary = details.get("banType") == "temporary"
        seconds = details.get("banDurationSeconds")  # unsigned long, sent as a string
        try:
            duration = float(seconds) if temporary and seconds is not None else None
        except (TypeError, ValueError):
            duration = None
        return ChatRemoval(PLATFORM, t, author_id=who, duration_s=duration,
                           reason="timeout" if temporary else "banned", channel=channel) if who else None
    if yt_type in ("tombstone", "chatEndedEvent", "") or (
            yt_type != "textMessageEvent" and snippet.get("hasDisplayContent") is False):
        return None
    display = _str(snippet.get("displayMessage"))
    text, amount, currency = "", None, None
    extra: dict[str, str] = {"type": yt_type}
    if yt_type == "textMessageEvent":
        details = snippet.get("textMessageDetails") or {}
        text = _str(details.get("messageText")) if "messageText" in details else display
    elif yt_type == "superChatEvent":
        details = snippet.get("superChatDetails") or {}
        text = _str(details.get("userComment"))
        amount, currency = _micros(details.get("amountMicros")), _str(details.get("currency")) or None
        _put(extra, amountDisplayString=details.get("amountDisplayString"), tier=details.get("tier"))
    elif yt_type == "superStickerEvent":
        details = snippet.get("superStickerDetails") or {}
        sticker = details.get("superStickerMetadata") or {}
        amount, currency = _micros(details.get("amountMicros")), _str(details.get("currency")) or None
        _put(extra, amountDisplayString=details.get("amountDisplayString"), tier=details.get("tier"),
             stickerId=sticker.get("stickerId"), altText=sticker.get("altText"))
    elif yt_type == "newSponsorEvent":
        details = snippet.get("newSponsorDetails") or {}
        _put(extra, memberLevelName=details.get("memberLevelName"), isUpgrade=details.get("isUpgrade"))
    elif yt_type == "memberMilestoneChatEvent":
        details = snippet.get("memberMilestoneChatDetails") or {}
        text = _str(details.get("userComment"))
        _put(extra, memberLevelName=details.get("memberLevelName"), memberMonth=details.get("memberMonth"))
    kind = KIND_OF_TYPE.get(yt_type, "event")
    return ChatMessage(
        platform=PLATFORM,
        message_id=_str(item.get("id")),
        author=_str(author.get("displayName")),
        author_id=_str(author.get("channelId")) or _str(snippet.get("authorChannelId")),
        text=text,
        t=t,
        roles=roles_of(author),
        paid_amount=amount,
        paid_currency=currency,
        kind=kind,
        system_text="" if kind == "message" else display,
        channel=channel,
        extra=extra,
    )


def _put(extra: dict[str, str], **values: Any) -> None:
    """Add the present values to ``extra`` as strings (booleans as "1"/"0")."""
    for key, value in values.items():
        if isinstance(value, bool):
            extra[key] = "1" if value else "0"
        elif value is not None and value != "":
            extra[key] = str(value)


def error_from_body(status: int, body: bytes) -> YouTubeApiError:
    """A Google error body (``{"error": {"code", "message", "errors": [{"reason", …}]}}``) → an error."""
    reason, message = "", ""
    try:
        error = json.loads(body.decode("utf-8", "replace")).get("error") or {}
        if isinstance(error, Mapping):
            message = _str(error.get("message"))
            errors = error.get("errors") or []
            if errors and isinstance(errors[0], Mapping):
                reason = _str(errors[0].get("reason"))
                message = message or _str(errors[0].get("message"))
    except (ValueError, AttributeError):
        pass
    if not reason and status == 429:
        reason = "rateLimitExceeded"
    return YouTubeApiError(status, reason, explain(status, reason, message))


def explain(status: int, reason: str, message: str = "") -> str:
    """One sentence for the operator."""
    if reason in QUOTA_REASONS:
        return "YouTube API quota is used up for today (quotaExceeded); OnAir waits and retries slowly."
    if reason in RATE_REASONS or status == 429:
        return "YouTube says OnAir is sending requests too fast (rateLimitExceeded); slowing down."
    if reason in CHAT_GONE_REASONS:
        return f"YouTube chat stopped: {CHAT_GONE_REASONS[reason]} ({reason})."
    if status == 401 or reason in AUTH_REASONS:
        return (f"YouTube rejected the API key or sign-in (HTTP {status}{', ' + reason if reason else ''}). "
                "Check the key or sign in again in Settings.")
    detail = f": {message}" if message else ""
    return f"YouTube API error HTTP {status}{' ' + reason if reason else ''}{detail}"


# --- the source ----------------------------------------------------------------------------------


class YouTubeChatSource:
    """Reads one YouTube live chat (and its viewer count) on a daemon thread; sends on the same thread."""

    def __init__(
        self,
        video_id: str,
        listener: YouTubeListener,
        *,
        api_key: str | None = None,
        oauth_token: str | None = None,
        api_url: str | None = None,
        name: str = "YouTube",
        viewer_interval_s: float = DEFAULT_VIEWER_INTERVAL_S,
        min_poll_interval_s: float = 0.0,
        network_backoff: tuple[float, float] = (0.5, 10.0),
        rate_backoff: tuple[float, float] = (5.0, 120.0),
        quota_backoff: tuple[float, float] = (60.0, 900.0),
        timeout_s: float = 10.0,
    ) -> None:
        if not api_key and not oauth_token:
            raise ValueError("YouTube chat needs an API key (read only) or an OAuth token (read and send)")
        self.video_id = video_id
        self.listener = listener
        self.name = name
        self.api_url = (api_url or api_url_from_env()).rstrip("/")
        self._api_key = api_key or ""
        self._token = oauth_token or ""
        for secret in (self._api_key, self._token):
            redaction.register(secret)
        self.viewer_interval_s = viewer_interval_s
        self.min_poll_interval_s = min_poll_interval_s
        self.network_backoff = network_backoff
        self.rate_backoff = rate_backoff
        self.quota_backoff = quota_backoff
        self.timeout_s = timeout_s
        self.live_chat_id: str | None = None
        self.state = DISCONNECTED
        self.reason = ""
        self._jobs: queue.Queue[tuple[Future[ChatMessage], str] | None] = queue.Queue()
        self._stopping = threading.Event()
        self._jobs_lock = threading.Lock()
        self._closed = False
        self._thread: threading.Thread | None = None
        self._seen: set[str] = set()
        self._seen_order: deque[str] = deque()

    @property
    def can_send(self) -> bool:
        return bool(self._token)

    # life cycle

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("already started")
        self._thread = threading.Thread(target=self._run, name="youtube-chat", daemon=True)
        self._thread.start()

    def stop(self, timeout: float | None = 5.0) -> None:
        self._stopping.set()
        self._jobs.put(None)
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def join(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def send(self, text: str) -> Future[ChatMessage]:
        """Post ``text`` to the chat (liveChatMessages.insert); the future has YouTube's copy of it."""
        future: Future[ChatMessage] = Future()
        if not self._token:
            future.set_exception(YouTubeApiError(0, "", "Sending to YouTube needs a sign-in (OAuth token); "
                                                          "an API key can only read."))
            return future
        with self._jobs_lock:
            if self._thread is None or self._closed:
                future.set_exception(YouTubeApiError(0, "", f"YouTube chat is not connected. {self.reason}".strip()))
                return future
            self._jobs.put((future, text))
        return future

    # the thread

    def _run(self) -> None:
        final = ""
        try:
            self._status(CONNECTING, f"Looking for the live chat of video {self.video_id}")
            self.live_chat_id = self._with_retries(self._find_chat)
            self._poll_loop()
        except _Stop as stop:
            final = stop.reason
        except Exception as exc:  # a bug must not kill the app silently
            log.exception("YouTube chat source failed")
            final = f"YouTube chat stopped after an unexpected error: {type(exc).__name__}"
        if not final:
            final = "Stopped."
        self._status(DISCONNECTED, final)
        self._fail_pending_jobs()

    def _poll_loop(self) -> None:
        page_token: str | None = None
        next_poll = time.monotonic()
        next_viewers = time.monotonic() + self.viewer_interval_s
        while not self._stopping.is_set():
            now = time.monotonic()
            if now >= next_poll:
                page = self._with_retries(functools.partial(self._list, page_token))
                if self.state != CONNECTED:
                    self._status(CONNECTED, f"Reading live chat {self.live_chat_id}")
                self._deliver(page.get("items") or [])
                token = page.get("nextPageToken")
                if isinstance(token, str) and token:
                    page_token = token
                offline_at = page.get("offlineAt")
                if offline_at:
                    raise _Stop(f"The YouTube stream went offline at {offline_at}; chat closed.")
                millis = page.get("pollingIntervalMillis")
                interval = millis / 1000 if isinstance(millis, int | float) and millis >= 0 else FALLBACK_POLL_S
                next_poll = time.monotonic() + max(interval, self.min_poll_interval_s)
            if time.monotonic() >= next_viewers:
                self._sample_viewers()
                next_viewers = time.monotonic() + self.viewer_interval_s
            self._wait_until(min(next_poll, next_viewers))

    def _wait_until(self, deadline: float) -> None:
        """Sleep until ``deadline`` while running send jobs as they come; returns early on stop."""
        while not self._stopping.is_set():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            try:
                job = self._jobs.get(timeout=remaining)
            except queue.Empty:
                return
            if job is None:
                return
            self._send_now(*job)

    def _send_now(self, future: Future[ChatMessage], text: str) -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(self._insert(text))
        except Exception as exc:  # the caller sees it on the future
            log.warning("YouTube send failed: %s", _describe(exc))
            future.set_exception(exc)

    def _with_retries(self, call: Callable[[], Any]) -> Any:
        """Run ``call``; on a temporary failure wait (growing) and run it again; raise _Stop on a final one."""
        attempt = 0
        kind_before = ""
        while True:
            if self._stopping.is_set():
                raise _Stop("Stopped.")
            try:
                return call()
            except YouTubeApiError as exc:
                if exc.reason in CHAT_GONE_REASONS or exc.status == 401 or exc.reason in AUTH_REASONS:
                    log.warning("YouTube chat: %s", exc)
                    raise _Stop(str(exc)) from exc
                if exc.reason in QUOTA_REASONS:
                    kind, (first, ceiling) = "quota", self.quota_backoff
                elif exc.reason in RATE_REASONS or exc.status == 429:
                    kind, (first, ceiling) = "rate", self.rate_backoff
                elif exc.status >= 500:
                    kind, (first, ceiling) = "server", self.network_backoff
                else:
                    log.warning("YouTube chat: %s", exc)
                    raise _Stop(str(exc)) from exc
                message = str(exc)
            except (urllib.error.URLError, OSError, ValueError) as exc:
                kind, (first, ceiling) = "network", self.network_backoff
                message = f"Cannot reach YouTube ({_describe(exc)})"
            attempt = attempt + 1 if kind == kind_before else 1
            kind_before = kind
            delay = backoff_delay(attempt, first, ceiling)
            log.warning("YouTube chat: %s; retry %d in %.1f s", message, attempt, delay)
            self._status(RECONNECTING, f"{message} Retrying in {delay:.0f} s." if delay >= 1
                         else f"{message} Retrying.")
            self._wait_until(time.monotonic() + delay)

    # API calls

    def _find_chat(self) -> str:
        data = self._get("videos", {"part": "liveStreamingDetails", "id": self.video_id})
        items = data.get("items") or []
        if not items:
            raise _Stop(f"YouTube video {self.video_id} was not found (check the video id).")
        details = items[0].get("liveStreamingDetails") or {}
        self._report_viewers(details)
        chat_id = details.get("activeLiveChatId")
        if not isinstance(chat_id, str) or not chat_id:
            raise _Stop(f"YouTube video {self.video_id} has no active live chat: it is not live now, "
                        "or its chat is turned off.")
        return chat_id

    def _list(self, page_token: str | None) -> dict[str, Any]:
        params = {"liveChatId": self.live_chat_id or "", "part": "snippet,authorDetails"}
        if page_token:
            params["pageToken"] = page_token
        return self._get("liveChat/messages", params)

    def _sample_viewers(self) -> None:
        try:
            data = self._get("videos", {"part": "liveStreamingDetails", "id": self.video_id})
        except (YouTubeApiError, urllib.error.URLError, OSError, ValueError) as exc:
            log.info("YouTube viewer count not read: %s", _describe(exc))
            return
        items = data.get("items") or []
        if items:
            self._report_viewers(items[0].get("liveStreamingDetails") or {})

    def _report_viewers(self, details: Mapping[str, Any]) -> None:
        value = details.get("concurrentViewers")  # a string in the API; absent when hidden or ended
        try:
            count = int(value) if value is not None else None
        except (TypeError, ValueError):
            count = None
        if count is not None and hasattr(self.listener, "on_viewers"):
            self._call("on_viewers", PLATFORM, count)

    def _insert(self, text: str) -> ChatMessage:
        if not self.live_chat_id:
            raise YouTubeApiError(0, "", "YouTube chat is not connected yet.")
        body = {"snippet": {"liveChatId": self.live_chat_id, "type": "textMessageEvent",
                            "textMessageDetails": {"messageText": text}}}
        data = self._request("POST", "liveChat/messages", {"part": "snippet"}, body, bearer=True)
        parsed = parse_item(data)
        if not isinstance(parsed, ChatMessage):
            raise YouTubeApiError(0, "", "YouTube accepted the message but returned no message resource.")
        return parsed

    def _get(self, path: str, params: dict[str, str]) -> dict[str, Any]:
        return self._request("GET", path, params, None, bearer=not self._api_key)

    def _request(self, method: str, path: str, params: dict[str, str], body: Any, *, bearer: bool) -> dict[str, Any]:
        query = dict(params)
        headers = {"Accept": "application/json"}
        if bearer:
            headers["Authorization"] = f"Bearer {self._token}"
        else:
            query["key"] = self._api_key
        url = f"{self.api_url}/{path}?{urllib.parse.urlencode(query)}"
        data = None
        if body is not None:
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            headers["Content-Type"] = "application/json; charset=utf-8"
        log.debug("YouTube %s %s", method, self._safe(url))
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                raw = response.read()
        except urllib.error.HTTPError as exc:
            with exc:
                error = error_from_body(exc.code, exc.read())
            log.info("YouTube %s %s → HTTP %d %s", method, self._safe(url), exc.code, error.reason)
            raise error from None
        result = json.loads(raw.decode("utf-8")) if raw else {}
        if not isinstance(result, dict):
            raise ValueError("YouTube answered with something other than a JSON object")
        return result

    def _safe(self, text: str) -> str:
        for secret in (self._api_key, self._token):
            if secret:
                text = text.replace(urllib.parse.quote_plus(secret), redaction.MASK).replace(secret, redaction.MASK)
        return text

    # delivery

    def _deliver(self, items: list[Any]) -> None:
        received = time.time()
        for item in items:
            if not isinstance(item, Mapping):
                continue
            try:
                parsed = parse_item(item, received)
            except Exception:
                log.exception("Unreadable YouTube chat item skipped")
                continue
            if parsed is None:
                continue
            item_id = _str(item.get("id"))
            if item_id:
                if item_id in self._seen:
                    continue
                self._remember(item_id)
            if isinstance(parsed, ChatMessage):
                self._call("on_chat", parsed)
            else:
                self._call("on_removal", parsed)

    def _remember(self, item_id: str) -> None:
        self._seen.add(item_id)
        self._seen_order.append(item_id)
        if len(self._seen_order) > SEEN_IDS:
            self._seen.discard(self._seen_order.popleft())

    def _status(self, state: str, reason: str) -> None:
        self.state, self.reason = state, reason
        log.info("YouTube chat %s: %s", state, reason)
        self._call("on_status", self.name, state, reason)

    def _call(self, method: str, *args: Any) -> None:
        try:
            getattr(self.listener, method)(*args)
        except Exception:
            log.exception("YouTube chat listener %s failed", method)

    def _fail_pending_jobs(self) -> None:
        with self._jobs_lock:
            self._closed = True
        while True:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                return
            if job is not None and job[0].set_running_or_notify_cancel():
                job[0].set_exception(YouTubeApiError(0, "", f"Not sent: YouTube chat stopped ({self.reason})"))


def _describe(exc: BaseException) -> str:
    if isinstance(exc, urllib.error.URLError) and not isinstance(exc, urllib.error.HTTPError):
        return redaction.redact(str(exc.reason))
    if isinstance(exc, socket.timeout | TimeoutError):
        return "timed out"
    return redaction.redact(str(exc) or type(exc).__name__)


def source_from_env(listener: YouTubeListener) -> YouTubeChatSource | None:
    """``ONAIR_YOUTUBE_VIDEO_ID`` + ``ONAIR_YOUTUBE_API_KEY`` → a (not started) source, else None."""
    video_id = os.environ.get(VIDEO_ID_ENV, "").strip()
    api_key = os.environ.get(API_KEY_ENV, "").strip()
    if not video_id or not api_key:
        return None
    return YouTubeChatSource(video_id, listener, api_key=api_key)
