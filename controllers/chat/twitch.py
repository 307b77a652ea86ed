"""Twitch chat over IRC-on-WebSocket: read anonymously or log in to send.

Connects to ``wss://irc-ws.chat.twitch.tv:443`` (``ONAIR_TWITCH_IRC_URL`` overrides it), asks for
``twitch.tv/tags twitch.tv/commands``, logs in as ``justinfanNNNNN`` (read only) or with
``PASS oauth:<token>`` + ``NICK <login>``, joins one channel and turns what arrives into the neutral
model (:mod:`controllers.chat.model`):

* ``PRIVMSG`` → :class:`ChatMessage` (display-name, color, badges → roles, emotes with code point
  positions, id, tmi-sent-ts, user-id, bits); ``/me`` (CTCP ACTION) → ``extra["action"] = "1"``;
* ``USERNOTICE`` → :class:`ChatMessage` of kind ``sub`` / ``raid`` / ``announcement`` / ``event``
  with ``system_text`` from ``system-msg``;
* ``CLEARCHAT`` → :class:`ChatRemoval` of a user (timeout/ban) or of the whole chat; ``CLEARMSG`` →
  removal of one message (``target-msg-id``);
* ``NOTICE`` → :class:`ChatNotice`; a ``NOTICE`` before the welcome (``Login authentication failed``,
  ``Improperly formatted auth``) is a refused login: state ``disconnected`` with the reason, no retry.

``PING`` is answered with ``PONG``; a silent connection is pinged and dropped if it stays silent.
``RECONNECT`` and dropped sockets reconnect by themselves (backoff 0.5, 1, 2, 4, 8, 10 … s; the first
retry after losing a live connection is immediate); messages are deduplicated by their id, so a
message seen twice around a reconnection is delivered once.

Sending (:meth:`TwitchChatSource.send`) is queued, never dropped, and paced by a sliding window: 20
messages per 30 s, 100 per 30 s when the account is the channel's broadcaster or a moderator (from
``USERSTATE``). Twitch does not echo one's own messages, so a sent message is delivered to the
listener as a local :class:`ChatMessage` (``extra["local"] = "1"``).

Threads: ``twitch-chat`` (connect, receive loop, every listener call except one) and ``twitch-send``
(the send queue; it delivers the local copies of sent messages). The OAuth token is registered with
:mod:`controllers.redaction` and never logged.
"""

from __future__ import annotations

import collections
import contextlib
import logging
import os
import random
import socket
import threading
import time
import uuid
from collections.abc import Callable, Sequence

import websocket

from .. import redaction
from .irc import IrcMessage, IrcParseError, parse_line, split_lines
from .model import (
    CONNECTED,
    CONNECTING,
    DISCONNECTED,
    RECONNECTING,
    ChatListener,
    ChatMessage,
    ChatNotice,
    ChatRemoval,
    Emote,
    canonical_roles,
)

log = logging.getLogger(__name__)

PLATFORM = "twitch"
DEFAULT_URL = "wss://irc-ws.chat.twitch.tv:443"
URL_ENV = "ONAIR_TWITCH_IRC_URL"
CAPABILITIES = "twitch.tv/tags twitch.tv/commands"
DEFAULT_BACKOFF = (0.5, 1.0, 2.0, 4.0, 8.0, 10.0)
RATE_WINDOW_S = 30.0
RATE_LIMIT = 20        # messages per window for ordinary users
MOD_RATE_LIMIT = 100   # for the broadcaster and moderators of the channel
MAX_MESSAGE_CHARS = 500
DEDUPE_MEMORY = 10_000
_ACTION_PREFIX = "\x01ACTION "

_SUB_EVENTS = {"sub", "resub", "subgift", "submysterygift", "anonsubgift", "anonsubmysterygift",
               "giftpaidupgrade", "anongiftpaidupgrade", "primepaidupgrade", "standardpayforward",
               "communitypayforward"}
_BADGE_ROLES = {"broadcaster": "broadcaster", "moderator": "moderator", "subscriber": "subscriber",
                "founder": "subscriber", "vip": "vip", "partner": "verified"}


class TwitchSendError(Exception):
    """A message cannot be sent (anonymous connection, empty or too long text)."""


# -- pure conversions (no network) ---------------------------------------------------------------


def parse_badges(value: str) -> tuple[tuple[str, str], ...]:
    badges: list[tuple[str, str]] = []
    for item in value.split(","):
        if item:
            name, _, version = item.partition("/")
            badges.append((name, version))
    return tuple(badges)


def parse_emotes(value: str, text: str) -> tuple[Emote, ...]:
    """``id:start-end,start-end/id:start-end`` → emotes; Twitch counts code points, end inclusive."""
    emotes: list[Emote] = []
    for group in value.split("/"):
        _emote_id, _, ranges = group.partition(":")
        for span in ranges.split(","):
            first, sep, last = span.partition("-")
            if not sep or not first.isdigit() or not last.isdigit():
                continue
            start, end = int(first), int(last) + 1
            if start < end <= len(text):
                emotes.append(Emote(text[start:end], start, end))
    emotes.sort(key=lambda e: e.start)
    return tuple(emotes)


def roles_from(tags: dict[str, str], badges: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    roles = {_BADGE_ROLES[name] for name, _ in badges if name in _BADGE_ROLES}
    if tags.get("mod") == "1":
        roles.add("moderator")
    if tags.get("subscriber") == "1":
        roles.add("subscriber")
    if tags.get("vip", "0") in ("", "1"):  # Twitch sends vip=1 (or a bare vip tag) for VIPs
        roles.add("vip")
    return canonical_roles(roles)


def _time(tags: dict[str, str], now: float) -> float:
    ts = tags.get("tmi-sent-ts", "")
    return int(ts) / 1000.0 if ts.isdigit() else now


def _channel(msg: IrcMessage) -> str:
    return msg.param(0).lstrip("#")


def _chat_message(msg: IrcMessage, text: str, now: float, kind: str) -> ChatMessage:
    tags = msg.tags
    extra: dict[str, str] = {}
    if text.startswith(_ACTION_PREFIX) and text.endswith("\x01"):
        text = text[len(_ACTION_PREFIX):-1]
        extra["action"] = "1"
    badges = parse_badges(tags.get("badges", ""))
    bits = int(tags["bits"]) if tags.get("bits", "").isdigit() else 0
    login = tags.get("login") or msg.nick
    if login and login != "tmi.twitch.tv":
        extra["login"] = login
    for key in ("msg-id", "first-msg", "reply-parent-msg-id"):
        if tags.get(key):
            extra[key] = tags[key]
    return ChatMessage(
        platform=PLATFORM,
        message_id=tags.get("id", ""),
        author=tags.get("display-name") or login,
        author_id=tags.get("user-id", ""),
        text=text,
        t=_time(tags, now),
        color=tags.get("color", ""),
        badges=badges,
        roles=roles_from(tags, badges),
        emotes=parse_emotes(tags.get("emotes", ""), text),
        bits=bits,
        paid_amount=float(bits) if bits else None,
        paid_currency="BITS" if bits else None,
        kind=kind,
        system_text=tags.get("system-msg", ""),
        channel=_channel(msg),
        extra=extra,
    )


def usernotice_kind(msg_id: str) -> str:
    if msg_id in _SUB_EVENTS:
        return "sub"
    if msg_id == "raid":
        return "raid"
    if msg_id == "announcement":
        return "announcement"
    return "event"


def convert(msg: IrcMessage, now: float) -> ChatMessage | ChatRemoval | ChatNotice | None:
    """The model object for one chat-relevant IRC message, or None for everything else."""
    command = msg.command
    if command == "PRIVMSG":
        return _chat_message(msg, msg.param(1), now, "message")
    if command == "USERNOTICE":
        return _chat_message(msg, msg.param(1) if len(msg.params) > 1 else "", now,
                             usernotice_kind(msg.tags.get("msg-id", "")))
    if command == "CLEARCHAT":
        tags = msg.tags
        user = msg.param(1) if len(msg.params) > 1 else None
        duration = tags.get("ban-duration", "")
        reason = "cleared" if not user else ("timeout" if duration.isdigit() else "banned")
        return ChatRemoval(platform=PLATFORM, t=_time(tags, now), user=user or None,
                           author_id=tags.get("target-user-id") or None, clear_all=not user,
                           duration_s=float(duration) if duration.isdigit() else None, reason=reason,
                           channel=_channel(msg))
    if command == "CLEARMSG":
        tags = msg.tags
        return ChatRemoval(platform=PLATFORM, t=_time(tags, now), message_id=tags.get("target-msg-id") or None,
                           user=tags.get("login") or None, reason="deleted", channel=_channel(msg))
    if command == "NOTICE":
        return ChatNotice(platform=PLATFORM, text=msg.param(-1), t=now, code=msg.tags.get("msg-id", ""),
                          channel=_channel(msg) if msg.param(0) != "*" else "")
    return None


# -- sending pace -------------------------------------------------------------------------------


class SlidingWindowLimiter:
    """At most ``limit`` sends in any ``window_s`` seconds (Twitch's refill time is unknown to the
    client, so a sliding window is the safe reading of "N per 30 s")."""

    def __init__(self, window_s: float = RATE_WINDOW_S) -> None:
        self.window_s = window_s
        self._sent: collections.deque[float] = collections.deque()

    def delay(self, now: float, limit: int) -> float:
        """Seconds to wait before the next send may go out (0 = now)."""
        while self._sent and self._sent[0] <= now - self.window_s:
            self._sent.popleft()
        if len(self._sent) < limit:
            return 0.0
        return self._sent[-limit] + self.window_s - now

    def record(self, now: float) -> None:
        self._sent.append(now)


# -- the source -----------------------------------------------------------------------------------


class _Lost(Exception):
    def __init__(self, reason: str, *, fatal: bool = False, immediate: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.fatal = fatal
        self.immediate = immediate


class TwitchChatSource:
    """One Twitch channel's chat. ``listener`` methods run on the ``twitch-chat`` thread."""

    name = PLATFORM

    def __init__(
        self,
        channel: str,
        listener: ChatListener,
        *,
        token: str | None = None,
        login: str | None = None,
        url: str | None = None,
        backoff: Sequence[float] = DEFAULT_BACKOFF,
        connect_timeout: float = 10.0,
        idle_timeout: float = 360.0,
        rate_window_s: float = RATE_WINDOW_S,
        rate_limit: int = RATE_LIMIT,
        mod_rate_limit: int = MOD_RATE_LIMIT,
        clock: Callable[[], float] = time.time,
    ) -> None:
        channel = channel.strip().lstrip("#").lower()
        if not channel or any(ch.isspace() or ch in ",:" for ch in channel):
            raise ValueError(f"not a Twitch channel name: {channel!r}")
        self.channel = channel
        self.listener = listener
        token = (token or "").strip()
        if token.lower().startswith("oauth:"):
            token = token[len("oauth:"):]
        if token:
            redaction.register(token)
            if not login:
                raise ValueError("sending on Twitch needs the login name that goes with the token")
        self._token = token
        self.login = (login or "").strip().lower() if token else f"justinfan{random.randint(10000, 99999)}"
        self.url = url or os.environ.get(URL_ENV) or DEFAULT_URL
        self.backoff = tuple(backoff) or DEFAULT_BACKOFF
        self.connect_timeout = connect_timeout
        self.idle_timeout = idle_timeout
        self.rate_limit = rate_limit
        self.mod_rate_limit = mod_rate_limit
        self.clock = clock
        self.state = DISCONNECTED
        self.reason = ""
        self.is_moderator = False
        self._limiter = SlidingWindowLimiter(rate_window_s)
        self._own: dict[str, str] = {}
        self._seen: collections.OrderedDict[str, None] = collections.OrderedDict()
        self._ws: websocket.WebSocket | None = None
        self._ws_lock = threading.Lock()
        self._stop = threading.Event()
        self._send_cond = threading.Condition()
        self._outbox: collections.deque[str] = collections.deque()
        self._joined = False
        self._thread: threading.Thread | None = None
        self._sender: threading.Thread | None = None

    # -- public -----------------------------------------------------------------------------------

    @property
    def can_send(self) -> bool:
        return bool(self._token)

    @property
    def queued(self) -> int:
        with self._send_cond:
            return len(self._outbox)

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="twitch-chat", daemon=True)
        self._thread.start()
        if self.can_send:
            self._sender = threading.Thread(target=self._send_loop, name="twitch-send", daemon=True)
            self._sender.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        with self._send_cond:
            self._send_cond.notify_all()
        self._close_ws()
        for thread in (self._thread, self._sender):
            if thread is not None and thread is not threading.current_thread():
                thread.join(timeout)
        self._thread = self._sender = None

    def send(self, text: str) -> None:
        """Queue a message for the channel; it goes out as soon as the rate limit allows."""
        if not self.can_send:
            raise TwitchSendError("Reading Twitch chat anonymously: log in with a Twitch token to send.")
        clean = text.replace("\r", " ").replace("\n", " ").replace("\0", "").strip()
        if not clean:
            raise TwitchSendError("The message is empty.")
        if len(clean) > MAX_MESSAGE_CHARS:
            raise TwitchSendError(f"Twitch messages are limited to {MAX_MESSAGE_CHARS} characters "
                                  f"(this one has {len(clean)}).")
        with self._send_cond:
            self._outbox.append(clean)
            self._send_cond.notify_all()

    # -- connection thread ------------------------------------------------------------------------

    def _status(self, state: str, reason: str = "") -> None:
        self.state, self.reason = state, reason
        log.info("Twitch chat #%s: %s%s", self.channel, state, f" ({reason})" if reason else "")
        self._call(self.listener.on_status, self.name, state, reason)

    def _call(self, fn: Callable[..., None], *args: object) -> None:
        try:
            fn(*args)
        except Exception:
            log.exception("A chat listener failed")

    def _run(self) -> None:
        self._status(CONNECTING)
        attempt, quick = 0, True
        while not self._stop.is_set():
            was_joined = False
            try:
                ws = self._connect()
                try:
                    self._session(ws)
                finally:
                    was_joined = self._set_joined(False)
                    self._close_ws()
            except _Lost as lost:
                if self._stop.is_set():
                    break
                if lost.fatal:
                    self._status(DISCONNECTED, lost.reason)
                    return
                if was_joined:
                    attempt, quick = 0, True
                if quick and (was_joined or lost.immediate):
                    quick, delay = False, 0.0  # the first retry after losing a live connection is immediate
                else:
                    delay = self.backoff[min(attempt, len(self.backoff) - 1)]
                    attempt += 1
                self._status(RECONNECTING, lost.reason)
                if delay and self._stop.wait(delay):
                    break
        self._status(DISCONNECTED, "stopped")

    def _connect(self) -> websocket.WebSocket:
        ws = websocket.WebSocket()
        try:
            ws.connect(self.url, timeout=self.connect_timeout)
        except (OSError, ValueError, websocket.WebSocketException) as exc:
            raise _Lost(f"cannot reach Twitch chat at {self.url}: {exc}") from exc
        with self._ws_lock:
            self._ws = ws
        if self._stop.is_set():
            raise _Lost("stopped")
        self._send_line(f"CAP REQ :{CAPABILITIES}")
        if self._token:
            self._send_line(f"PASS oauth:{self._token}", log_as="PASS oauth:(hidden)")
        self._send_line(f"NICK {self.login}")
        return ws

    def _session(self, ws: websocket.WebSocket) -> None:
        ws.settimeout(self.idle_timeout)
        registered = False
        pinged = False
        while True:
            try:
                frame = ws.recv()
            except websocket.WebSocketTimeoutException as exc:
                if pinged:
                    raise _Lost("Twitch chat stopped answering") from exc
                pinged = True
                self._send_line("PING :onair")
                continue
            except (OSError, websocket.WebSocketException, AttributeError, ValueError) as exc:
                # (a socket shut down by stop() from another thread surfaces as AttributeError/ValueError)
                raise _Lost("connection to Twitch chat lost" + (f": {exc}" if str(exc) else "")) from exc
            if isinstance(frame, bytes):
                frame = frame.decode("utf-8", "replace")
            if not frame:
                if not ws.connected:
                    raise _Lost("Twitch chat closed the connection")
                continue
            pinged = False
            for line in split_lines(frame):
                try:
                    msg = parse_line(line)
                except IrcParseError:
                    log.warning("Ignored a malformed line from Twitch chat: %.200r", line)
                    continue
                registered = self._handle(msg, registered)

    def _handle(self, msg: IrcMessage, registered: bool) -> bool:
        command = msg.command
        if command == "PING":
            self._send_line(f"PONG :{msg.param(-1) or 'tmi.twitch.tv'}")
        elif command == "RECONNECT":
            raise _Lost("Twitch asked to reconnect (server maintenance)", immediate=True)
        elif command == "001":
            self._send_line(f"JOIN #{self.channel}")
            return True
        elif command == "NOTICE" and not registered:
            text = msg.param(-1)
            raise _Lost(f"Twitch refused the login: {text}. Check the Twitch account and its OAuth token "
                        "(it may have expired or lack the chat scopes).", fatal=True)
        elif command == "JOIN":
            if msg.nick.lower() == self.login and _channel(msg).lower() == self.channel:
                self._on_joined()
        elif command in ("USERSTATE", "GLOBALUSERSTATE"):
            self._on_userstate(msg)
        elif command == "CAP" and msg.param(1) == "NAK":
            log.warning("Twitch refused the capabilities %s", msg.param(-1))
        elif command in ("PRIVMSG", "USERNOTICE", "CLEARCHAT", "CLEARMSG", "NOTICE"):
            item = convert(msg, self.clock())
            if isinstance(item, ChatMessage):
                if self._first_time(item.message_id):
                    self._call(self.listener.on_chat, item)
            elif isinstance(item, ChatRemoval):
                self._call(self.listener.on_removal, item)
            elif isinstance(item, ChatNotice):
                self._call(self.listener.on_notice, item)
        return registered

    def _first_time(self, message_id: str) -> bool:
        if not message_id:
            return True
        if message_id in self._seen:
            return False
        self._seen[message_id] = None
        if len(self._seen) > DEDUPE_MEMORY:
            self._seen.popitem(last=False)
        return True

    def _on_joined(self) -> None:
        self._set_joined(True)
        self._status(CONNECTED)

    def _on_userstate(self, msg: IrcMessage) -> None:
        tags = msg.tags
        badges = parse_badges(tags.get("badges", ""))
        self._own = {"display-name": tags.get("display-name", ""), "color": tags.get("color", ""),
                     "user-id": tags.get("user-id", self._own.get("user-id", "")),
                     "badges": tags.get("badges", "")}
        if msg.command == "USERSTATE":
            roles = roles_from(tags, badges)
            self.is_moderator = "broadcaster" in roles or "moderator" in roles

    def _set_joined(self, joined: bool) -> bool:
        with self._send_cond:
            was, self._joined = self._joined, joined
            self._send_cond.notify_all()
        return was

    def _send_line(self, line: str, log_as: str | None = None) -> None:
        with self._ws_lock:
            ws = self._ws
            if ws is None:
                raise _Lost("not connected")
            log.debug("Twitch chat > %s", log_as or line)
            try:
                ws.send(line + "\r\n")
            except (OSError, websocket.WebSocketException) as exc:
                raise _Lost(f"connection to Twitch chat lost: {exc}") from exc

    def _close_ws(self) -> None:
        with self._ws_lock:
            ws, self._ws = self._ws, None
        if ws is not None:
            sock = ws.sock
            if sock is not None:  # wakes a recv() blocked in the receive thread (close() alone does not)
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError, websocket.WebSocketException):
                ws.shutdown()

    # -- sender thread ----------------------------------------------------------------------------

    def _send_loop(self) -> None:
        while not self._stop.is_set():
            with self._send_cond:
                while not self._stop.is_set() and not (self._outbox and self._joined):
                    self._send_cond.wait(1.0)
                if self._stop.is_set():
                    return
                text = self._outbox[0]
            limit = self.mod_rate_limit if self.is_moderator else self.rate_limit
            delay = self._limiter.delay(time.monotonic(), limit)
            if delay > 0:
                self._stop.wait(delay)
                continue
            try:
                self._send_line(f"PRIVMSG #{self.channel} :{text}")
            except _Lost:
                self._stop.wait(0.1)  # the receive loop sees the loss and reconnects; keep the message
                continue
            self._limiter.record(time.monotonic())
            with self._send_cond:
                self._outbox.popleft()
            self._echo(text)

    def _echo(self, text: str) -> None:
        own = self._own
        badges = parse_badges(own.get("badges", ""))
        message = ChatMessage(platform=PLATFORM, message_id=f"local-{uuid.uuid4()}",
                              author=own.get("display-name") or self.login, author_id=own.get("user-id", ""),
                              text=text, t=self.clock(), color=own.get("color", ""), badges=badges,
                              roles=roles_from({}, badges), channel=self.channel, extra={"local": "1"})
        self._call(self.listener.on_chat, message)
