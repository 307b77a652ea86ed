"""Replay a recorded chat (the JSON-lines export, ``main.py export ID --format jsonl``) as if it were live.

For rehearsals and demos: :class:`ReplayChatSource` reads the file on its own ``chat-replay`` thread
and hands each line to its listener as a :class:`ChatMessage`, paced like the original chat
(``speed`` 1 = real time, 2 = twice as fast …, 0 = as fast as possible). It follows the same listener
calls as the Twitch and YouTube sources: ``on_status`` (connecting → connected → disconnected),
``on_chat`` and ``on_notice``.

* Lines are split on ``"\\n"`` only (never ``str.splitlines``): chat text may hold a raw U+2028,
  U+0085 … that must stay inside its message. Each line is decoded as UTF-8 separately.
* Messages are shown *as if live*: ``t`` is the time of delivery (re-based to now), the original
  time is kept in ``extra["original_t"]``.
* ``platform`` is ``"replay"`` so replayed chat can never be mistaken for the real platform's in a
  session; the original platform and id are in ``extra["original_platform"]`` /
  ``extra["original_id"]``. ``message_id`` is ``"<run>:<original id>"`` (a fresh ``run`` each
  start), so replaying the same file twice is not swallowed by the hub's de-duplication.
* Malformed lines (not UTF-8, not JSON, not an object, no text …) are skipped and reported in **one**
  notice that names the lines and why; the rest still plays.
* :meth:`stop` returns promptly: every wait is on an :class:`threading.Event`.
"""

from __future__ import annotations

import json
import logging
import math
import os
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from .model import CONNECTED, CONNECTING, DISCONNECTED, KINDS, ChatListener, ChatMessage, ChatNotice, Emote

log = logging.getLogger(__name__)

PLATFORM = "replay"
PATH_ENV = "ONAIR_CHAT_REPLAY"
SPEED_ENV = "ONAIR_CHAT_REPLAY_SPEED"
MAX_LISTED_PROBLEMS = 5
_MIN_WAIT_S = 0.002  # below this a message is simply due: waiting costs more than it gains


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChatReplay", text)


class ReplayLineError(ValueError):
    """One line of a replay file cannot be used; the message says why."""


@dataclass(frozen=True)
class ReplayItem:
    """One usable line: when it was said (original time) and the message fields except ``t``."""

    line: int
    t: float
    fields: dict[str, Any]


def _str_field(obj: dict[str, Any], key: str, *, required: bool = False) -> str:
    value = obj.get(key)
    if value is None:
        if required:
            raise ReplayLineError(_tr("no “{key}”").format(key=key))
        return ""
    if not isinstance(value, str):
        raise ReplayLineError(_tr("“{key}” is not a string").format(key=key))
    return value


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return float(value)


def parse_line(raw: bytes, line: int) -> ReplayItem | None:
    """One line of the export → a :class:`ReplayItem`; None for a blank line; ReplayLineError if unusable."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReplayLineError(_tr("not UTF-8 (byte {n})").format(n=exc.start + 1)) from None
    if not text.strip():
        return None
    try:
        obj = json.loads(text)
    except ValueError as exc:
        raise ReplayLineError(_tr("not JSON ({error})").format(error=getattr(exc, "msg", str(exc)))) from None
    if not isinstance(obj, dict):
        raise ReplayLineError(_tr("not a JSON object"))
    t = _number(obj.get("t"))
    if t is None:
        raise ReplayLineError(_tr("no time “t”"))
    message_text = _str_field(obj, "text", required=True)
    author = _str_field(obj, "author")
    platform = _str_field(obj, "platform") or "unknown"
    raw_data = obj.get("data")
    data: dict[str, Any] = raw_data if isinstance(raw_data, dict) else {}
    roles_value = obj.get("roles")
    if isinstance(roles_value, str):
        roles = tuple(r for r in roles_value.split(",") if r)
    elif isinstance(roles_value, list):
        roles = tuple(r for r in roles_value if isinstance(r, str) and r)
    else:
        roles = ()
    kind = _str_field(obj, "kind") or (data.get("kind") if isinstance(data.get("kind"), str) else "") or "message"
    if kind not in KINDS:
        kind = "event"
    extra = {str(k): str(v) for k, v in (data.get("extra") or {}).items()} if isinstance(data.get("extra"), dict) \
        else {}
    original_id = _str_field(obj, "message_id")
    extra.update({"original_platform": platform, "original_t": repr(t)})
    if original_id:
        extra["original_id"] = original_id
    paid_amount = _number(obj.get("paid_amount"))
    currency = obj.get("paid_currency")
    bits = data.get("bits")
    fields: dict[str, Any] = {
        "author": author,
        "author_id": _str_field(obj, "author_id"),
        "text": message_text,
        "roles": roles,
        "paid_amount": paid_amount,
        "paid_currency": currency if isinstance(currency, str) and paid_amount is not None else None,
        "kind": kind,
        "color": data.get("color") if isinstance(data.get("color"), str) else "",
        "badges": _badges(data.get("badges")),
        "emotes": _emotes(data.get("emotes"), message_text),
        "bits": bits if isinstance(bits, int) and not isinstance(bits, bool) and bits > 0 else 0,
        "system_text": data.get("system_text") if isinstance(data.get("system_text"), str) else "",
        "channel": data.get("channel") if isinstance(data.get("channel"), str) else "",
        "extra": extra,
        "original_id": original_id or f"line-{line}",
    }
    return ReplayItem(line, t, fields)


def _badges(value: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, list):
        return ()
    return tuple((str(b[0]), str(b[1])) for b in value if isinstance(b, list | tuple) and len(b) == 2)


def _emotes(value: Any, text: str) -> tuple[Emote, ...]:
    if not isinstance(value, list):
        return ()
    emotes = []
    for e in value:
        if (isinstance(e, list | tuple) and len(e) == 3 and isinstance(e[0], str) and isinstance(e[1], int)
                and isinstance(e[2], int) and text[e[1]:e[2]] == e[0]):
            emotes.append(Emote(e[0], e[1], e[2]))
    return tuple(sorted(emotes, key=lambda e: e.start))


def read_replay(data: bytes) -> tuple[list[ReplayItem], list[tuple[int, str]]]:
    """The usable items of a replay file (in file order) and the problems ``(line number, why)``."""
    items: list[ReplayItem] = []
    problems: list[tuple[int, str]] = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if raw.endswith(b"\r"):
            raw = raw[:-1]  # a file saved with CR LF line ends
        try:
            item = parse_line(raw, number)
        except ReplayLineError as exc:
            problems.append((number, str(exc)))
            continue
        if item is not None:
            items.append(item)
    return items, problems


def problems_text(path: Path, problems: list[tuple[int, str]]) -> str:
    """The one notice for the skipped lines of a replay file."""
    listed = "; ".join(_tr("line {n}: {why}").format(n=n, why=why) for n, why in problems[:MAX_LISTED_PROBLEMS])
    more = len(problems) - MAX_LISTED_PROBLEMS
    if more > 0:
        listed += "; " + _tr("and {n} more").format(n=more)
    return _tr("Chat replay skipped {count} unreadable line(s) of {file} — {lines}").format(
        count=len(problems), file=path.name, lines=listed)


class ReplayChatSource:
    """Replays a JSON-lines chat export to ``listener`` (on the ``chat-replay`` thread)."""

    def __init__(self, path: str | os.PathLike[str], listener: ChatListener, *, speed: float = 1.0,
                 name: str = "replay", clock: Callable[[], float] = time.time) -> None:
        if not isinstance(speed, int | float) or not math.isfinite(speed) or speed < 0:
            raise ValueError(f"replay speed must be 0 (as fast as possible) or a positive factor, not {speed!r}")
        self.path = Path(path)
        self.listener = listener
        self.speed = float(speed)
        self.name = name
        self.clock = clock
        self.state = DISCONNECTED
        self.reason = ""
        self.delivered = 0
        self.skipped: list[tuple[int, str]] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- public -----------------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="chat-replay", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    def join(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- the thread -------------------------------------------------------------------------------

    def _run(self) -> None:
        try:
            final = self._replay()
        except Exception as exc:  # a bug must not kill the app silently
            log.exception("Chat replay failed")
            final = _tr("Chat replay stopped after an unexpected error: {error}").format(error=type(exc).__name__)
        self._status(DISCONNECTED, final)

    def _replay(self) -> str:
        self._status(CONNECTING, _tr("Reading {file}").format(file=self.path.name))
        try:
            data = self.path.read_bytes()
        except OSError as exc:
            return _tr("Cannot read the chat replay file {file}: {error}").format(
                file=str(self.path), error=exc.strerror or type(exc).__name__)
        items, self.skipped = read_replay(data)
        if self.skipped:
            text = problems_text(self.path, self.skipped)
            log.warning("%s", text)
            self._call(self.listener.on_notice, ChatNotice(PLATFORM, text, self.clock(), code="replay_skipped"))
        if not items:
            return _tr("Nothing to replay in {file}.").format(file=self.path.name)
        speed = _tr("as fast as possible") if self.speed == 0 else f"×{self.speed:g}"
        self._status(CONNECTED, _tr("Replaying {n} messages from {file} ({speed})").format(
            n=len(items), file=self.path.name, speed=speed))
        run = uuid.uuid4().hex[:8]
        start = time.monotonic()
        first = items[0].t
        last_t = 0.0
        for item in items:
            if self._stop.is_set():
                return _tr("Stopped after {n} of {total} messages.").format(n=self.delivered, total=len(items))
            if self.speed > 0:
                due = start + max(0.0, item.t - first) / self.speed
                wait = due - time.monotonic()
                if wait > _MIN_WAIT_S and self._stop.wait(wait):
                    return _tr("Stopped after {n} of {total} messages.").format(n=self.delivered, total=len(items))
            last_t = max(last_t, self.clock())  # shown as if live, never out of order
            fields = dict(item.fields)
            original_id = fields.pop("original_id")
            self._call(self.listener.on_chat, ChatMessage(platform=PLATFORM, message_id=f"{run}:{original_id}",
                                                          t=last_t, **fields))
            self.delivered += 1
        return _tr("Replay finished: {n} messages.").format(n=self.delivered)

    def _status(self, state: str, reason: str) -> None:
        self.state, self.reason = state, reason
        log.info("Chat replay %s: %s", state, reason)
        self._call(self.listener.on_status, self.name, state, reason)

    def _call(self, fn: Callable[..., None], *args: object) -> None:
        try:
            fn(*args)
        except Exception:
            log.exception("A chat listener failed")


def speed_from_env() -> float:
    """``ONAIR_CHAT_REPLAY_SPEED`` (default 1); ValueError for a bad value."""
    raw = os.environ.get(SPEED_ENV, "").strip()
    if not raw:
        return 1.0
    try:
        speed = float(raw)
    except ValueError:
        raise ValueError(f"{SPEED_ENV}={raw!r} is not a number (use 1, 2, 10 … or 0 for as fast as possible)") \
            from None
    if not math.isfinite(speed) or speed < 0:
        raise ValueError(f"{SPEED_ENV}={raw!r}: use 0 (as fast as possible) or a positive factor")
    return speed


def source_from_env(listener: ChatListener) -> ReplayChatSource | None:
    """``ONAIR_CHAT_REPLAY=/path.jsonl`` (+ ``ONAIR_CHAT_REPLAY_SPEED``) → a (not started) source, else None."""
    path = os.environ.get(PATH_ENV, "").strip()
    if not path:
        return None
    return ReplayChatSource(Path(path).expanduser(), listener, speed=speed_from_env())
