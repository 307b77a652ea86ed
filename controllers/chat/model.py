"""The platform-neutral chat model: what every chat source (Twitch, YouTube, replay) hands out.

Sources turn their platform's wire format into these frozen dataclasses and nothing else reaches the
panel, the session store or the export. Keep them small; platform details that have no neutral
meaning go into ``extra`` (strings only).

:class:`ChatMessage` — one thing said or done in chat.

* ``platform`` — ``"twitch"``, ``"youtube"``, ``"replay"`` …; ``message_id`` — the platform's id
  (unique per platform; sources deduplicate on it after a reconnection);
* ``author`` (display name), ``author_id`` (the platform's stable user id, may be ``""``);
* ``text`` — **exactly as received**: no trimming, no unescaping of HTML, no normalisation. It is
  untrusted: the UI must show it as plain text;
* ``t`` — Unix seconds (UTC) when the platform accepted the message (Twitch ``tmi-sent-ts``,
  YouTube ``publishedAt``), falling back to the time it was received;
* ``color`` — the author's name colour as ``#RRGGBB`` or ``""``; ``badges`` — ``(name, version)``
  pairs in the platform's order;
* ``roles`` — a sorted subset of :data:`ROLES`: ``broadcaster`` (Twitch) / ``owner`` (YouTube),
  ``moderator``, ``subscriber`` (Twitch) / ``member`` (YouTube), ``vip``, ``verified``;
* ``emotes`` — :class:`Emote` ``(name, start, end)`` with ``text[start:end] == name``: Python string
  (code point) offsets, ``end`` exclusive, sorted by ``start``;
* ``bits`` (Twitch cheers), ``paid_amount`` / ``paid_currency`` (Super Chat: the amount and ISO
  currency; Twitch cheers: the bits and ``"BITS"``);
* ``kind`` — one of :data:`KINDS`: ``message``; ``sub`` (subscriptions, resubs, gifts; YouTube
  memberships); ``raid``; ``announcement``; ``paid`` (YouTube Super Chat / Super Sticker);
  ``event`` (any other platform event); ``notice`` (from the platform, no author);
* ``system_text`` — the platform's own description of an event (Twitch ``system-msg``), ``""`` for
  plain messages; ``channel`` — the channel or live chat it came from;
* ``extra`` — other platform fields as strings (Twitch ``msg-id``, ``action`` for ``/me`` …).

:class:`ChatRemoval` — messages to take out of view: one message (``message_id``), everything a user
wrote (``author_id`` as in :class:`ChatMessage`, ``user`` = the login name where the platform gives
one: a timeout or ban, ``duration_s`` ``None`` = permanent), or the whole chat (``clear_all``).
``reason``: ``deleted`` / ``timeout`` / ``banned`` / ``cleared``.

:class:`ChatNotice` — a line from the platform itself (Twitch ``NOTICE``), shown, not stored.

:class:`ChatListener` — what a source calls, **on the source's own thread**.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

ROLES = ("broadcaster", "owner", "moderator", "vip", "subscriber", "member", "verified")
KINDS = ("message", "sub", "raid", "announcement", "paid", "event", "notice")

CONNECTING = "connecting"
CONNECTED = "connected"
RECONNECTING = "reconnecting"
DISCONNECTED = "disconnected"


class Emote(NamedTuple):
    """An emote in a message: ``text[start:end] == name`` (code point offsets, end exclusive)."""

    name: str
    start: int
    end: int


@dataclass(frozen=True)
class ChatMessage:
    platform: str
    message_id: str
    author: str
    author_id: str
    text: str
    t: float
    color: str = ""
    badges: tuple[tuple[str, str], ...] = ()
    roles: tuple[str, ...] = ()
    emotes: tuple[Emote, ...] = ()
    bits: int = 0
    paid_amount: float | None = None
    paid_currency: str | None = None
    kind: str = "message"
    system_text: str = ""
    channel: str = ""
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def segments(self) -> list[tuple[str, str]]:
        """The text cut into ``("text", …)`` and ``("emote", name)`` pieces, in order."""
        pieces: list[tuple[str, str]] = []
        pos = 0
        for emote in self.emotes:
            if emote.start < pos or emote.end > len(self.text) or self.text[emote.start:emote.end] != emote.name:
                continue  # overlapping or stale positions: keep the text as it is
            if emote.start > pos:
                pieces.append(("text", self.text[pos:emote.start]))
            pieces.append(("emote", emote.name))
            pos = emote.end
        if pos < len(self.text):
            pieces.append(("text", self.text[pos:]))
        return pieces

    def text_only(self) -> str:
        """A text-only rendering: the message with emotes written as ``:name:``."""
        return "".join(f":{value}:" if kind == "emote" else value for kind, value in self.segments())

    @property
    def paid(self) -> bool:
        return bool(self.bits) or self.paid_amount is not None


@dataclass(frozen=True)
class ChatRemoval:
    platform: str
    t: float
    message_id: str | None = None
    author_id: str | None = None
    user: str | None = None
    clear_all: bool = False
    duration_s: float | None = None
    reason: str = ""
    channel: str = ""


@dataclass(frozen=True)
class ChatNotice:
    platform: str
    text: str
    t: float
    code: str = ""
    channel: str = ""


class ChatListener(Protocol):
    """Receives a source's output on the source's thread; must not block for long."""

    def on_chat(self, message: ChatMessage) -> None: ...

    def on_removal(self, removal: ChatRemoval) -> None: ...

    def on_notice(self, notice: ChatNotice) -> None: ...

    def on_status(self, source_name: str, state: str, reason: str) -> None: ...


class NullChatListener:
    """A listener that ignores everything: subclass it and override what you need."""

    def on_chat(self, message: ChatMessage) -> None:
        pass

    def on_removal(self, removal: ChatRemoval) -> None:
        pass

    def on_notice(self, notice: ChatNotice) -> None:
        pass

    def on_status(self, source_name: str, state: str, reason: str) -> None:
        pass


def canonical_roles(roles: set[str] | list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Roles in :data:`ROLES` order, unknown ones dropped."""
    wanted = set(roles)
    return tuple(role for role in ROLES if role in wanted)
