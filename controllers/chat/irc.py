"""An IRC line parser with IRCv3 message tags (https://ircv3.net/specs/extensions/message-tags).

``@tags :prefix COMMAND param1 param2 :trailing parameter``. Tag values are unescaped as the spec
says: ``\\:`` → ``;``, ``\\s`` → space, ``\\\\`` → ``\\``, ``\\r`` → CR, ``\\n`` → LF, a backslash
before any other character is dropped, and a lone trailing backslash is dropped. The trailing
parameter is kept exactly as sent (leading colons, spaces and all), minus the one ``:`` marker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_UNESCAPES = {":": ";", "s": " ", "\\": "\\", "r": "\r", "n": "\n"}
_ESCAPES = {";": "\\:", " ": "\\s", "\\": "\\\\", "\r": "\\r", "\n": "\\n"}
_LINE_BREAK = re.compile(r"\r?\n")


class IrcParseError(ValueError):
    """The line is not an IRC message."""


@dataclass(frozen=True)
class IrcMessage:
    command: str
    params: tuple[str, ...] = ()
    prefix: str = ""
    tags: dict[str, str] = field(default_factory=dict)
    has_trailing: bool = False

    @property
    def trailing(self) -> str | None:
        """The last parameter when it was sent as a trailing (``:``) parameter."""
        return self.params[-1] if self.has_trailing and self.params else None

    @property
    def nick(self) -> str:
        """The nick of ``nick!user@host`` (or the server name)."""
        return self.prefix.split("!", 1)[0].split("@", 1)[0]

    def param(self, index: int, default: str = "") -> str:
        return self.params[index] if -len(self.params) <= index < len(self.params) else default


def unescape_tag_value(value: str) -> str:
    if "\\" not in value:
        return value
    out: list[str] = []
    i = 0
    while i < len(value):
        ch = value[i]
        if ch == "\\":
            if i + 1 < len(value):
                nxt = value[i + 1]
                out.append(_UNESCAPES.get(nxt, nxt))
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def escape_tag_value(value: str) -> str:
    return "".join(_ESCAPES.get(ch, ch) for ch in value)


def parse_tags(raw: str) -> dict[str, str]:
    tags: dict[str, str] = {}
    for item in raw.split(";"):
        if not item:
            continue
        key, _, value = item.partition("=")
        tags[key] = unescape_tag_value(value)  # a repeated key: the last one wins (spec)
    return tags


def parse_line(line: str) -> IrcMessage:
    """Parse one IRC line (without its CR LF); raises IrcParseError."""
    rest = line.rstrip("\r\n")
    tags: dict[str, str] = {}
    prefix = ""
    if rest.startswith("@"):
        raw_tags, sep, rest = rest[1:].partition(" ")
        if not sep:
            raise IrcParseError(f"tags without a command: {line[:80]!r}")
        tags = parse_tags(raw_tags)
        rest = rest.lstrip(" ")
    if rest.startswith(":"):
        prefix, sep, rest = rest[1:].partition(" ")
        if not sep:
            raise IrcParseError(f"prefix without a command: {line[:80]!r}")
        rest = rest.lstrip(" ")
    params: list[str] = []
    has_trailing = False
    command = ""
    while rest:
        if command and rest.startswith(":"):
            params.append(rest[1:])
            has_trailing = True
            break
        word, _, rest = rest.partition(" ")
        rest = rest.lstrip(" ")
        if not command:
            command = word
        else:
            params.append(word)
    if not command:
        raise IrcParseError(f"no command: {line[:80]!r}")
    return IrcMessage(command=command.upper(), params=tuple(params), prefix=prefix, tags=tags,
                      has_trailing=has_trailing)


def split_lines(frame: str) -> list[str]:
    """The IRC lines of one WebSocket frame (CR LF separated; only CR LF / LF break a line)."""
    return [line for line in _LINE_BREAK.split(frame) if line]
