"""Cell values of analytics exports: numbers, percentages, durations, dates and clock times.

Every parser returns ``None`` for an empty cell or a placeholder (``—``, ``--``, ``-``, ``N/A``) and
raises ``ValueError`` with a short reason for anything else it cannot read. Month names and AM/PM are
matched here (not with ``strptime``, whose ``%b``/``%p`` follow the process locale, which Qt sets).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

PLACEHOLDERS = frozenset({"", "—", "–", "-", "--", "---", "n/a", "na", "null", "none", "(not set)", "∞"})
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007']")
_PLAIN = re.compile(r"^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$")
_GROUPED_COMMA = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_GROUPED_POINT = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")
_COMMA_DECIMAL = re.compile(r"^[+-]?\d+,\d+$")
MONTHS = {name: i + 1 for i, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))}
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DATE_NAMED = re.compile(rf"^{_WEEKDAY}{_MONTH}\s+(\d{{1,2}}),?\s+(\d{{4}})$")            # Sun Aug 23 2026
_DATE_NAMED_DMY = re.compile(rf"^{_WEEKDAY}(\d{{1,2}})\s+{_MONTH},?\s+(\d{{4}})$")        # 23 Aug 2026
_DATE_YMD = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")
_DATE_MDY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_CLOCK = re.compile(r"^(上午|下午)?\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(a\.?m\.?|p\.?m\.?|上午|下午)?$")
_HMS_UNITS = re.compile(r"^(?:(\d+(?:\.\d+)?)\s*(?:h|hr|hrs|hours?|小時))?"
                        r"\s*(?:(\d+(?:\.\d+)?)\s*(?:m|min|mins|minutes?|分鐘?))?"
                        r"\s*(?:(\d+(?:\.\d+)?)\s*(?:s|sec|secs|seconds?|秒))?$")


def clean(text: str) -> str:
    """NFKC (full-width digits and colons), trimmed, zero-width characters removed."""
    text = unicodedata.normalize("NFKC", text)
    return text.replace("\u200b", "").replace("\ufeff", "").strip()


def is_missing(text: str) -> bool:
    return clean(text).casefold() in PLACEHOLDERS


def decimal_mark(cells: Iterable[str], default: str = ".") -> str:
    """``","`` when the cells are written with decimal commas (``1.234,5``, ``12,5``), ``"."`` when they
    show decimal points (``1,234.5``, ``12.5``); ``default`` when no cell tells (``1.234``, ``1,234``)."""
    for cell in cells:
        text = _SPACES.sub("", clean(cell)).rstrip("%")
        if "," in text and "." in text:
            return "," if text.rfind(",") > text.rfind(".") else "."
        if _COMMA_DECIMAL.match(text) and not _GROUPED_COMMA.match(text):
            return ","   # 12,5 or 0,25: a comma followed by other than three digits
        if re.fullmatch(r"[+-]?\d+\.\d+", text) and not _GROUPED_POINT.match(text):
            return "."   # 12.5 or 0.25
    return default


def parse_number(text: str, decimal: str = ".") -> float | None:
    """``1,234`` / ``1.234,5`` (with ``decimal=","``) / ``12.5%`` / ``-3`` → float; placeholders → None."""
    if is_missing(text):
        return None
    raw = _SPACES.sub("", clean(text))
    raw = raw.removesuffix("%").removeprefix("+")
    if raw.startswith("(") and raw.endswith(")"):
        raw = "-" + raw[1:-1]
    if decimal == ",":
        if _GROUPED_POINT.match(raw) or _COMMA_DECIMAL.match(raw) or _PLAIN.match(raw.replace(",", ".")):
            raw = raw.replace(".", "").replace(",", ".")
    elif _GROUPED_COMMA.match(raw):
        raw = raw.replace(",", "")
    if not _PLAIN.match(raw):
        raise ValueError("not a number")
    return float(raw)


def parse_duration(text: str, decimal: str = ".") -> float | None:
    """Seconds from ``H:MM:SS``, ``M:SS``, plain seconds, or ``3h42m10s`` / ``3 小時 42 分 10 秒``."""
    if is_missing(text):
        return None
    raw = clean(text).casefold()
    if ":" in raw:
        parts = raw.split(":")
        if len(parts) > 3 or not all(re.fullmatch(r"\d+(\.\d+)?", p) for p in parts):
            raise ValueError("not a duration")
        seconds = 0.0
        for part in parts:
            seconds = seconds * 60 + float(part)
        return seconds
    match = _HMS_UNITS.match(raw.replace(" ", ""))
    if match and any(match.groups()):
        h, m, s = (float(g) if g else 0.0 for g in match.groups())
        return h * 3600 + m * 60 + s
    try:
        return parse_number(raw, decimal)
    except ValueError:
        raise ValueError("not a duration") from None


def parse_date(text: str) -> dt.date | None:
    """``2026-08-23``, ``2026/8/23``, ``2026年8月23日``, ``Sun Aug 23 2026``, ``Aug 23, 2026``, ``23 Aug 2026``,
    ``8/23/2026`` (month first, as the US-English exports write it)."""
    if is_missing(text):
        return None
    raw = clean(text).casefold()
    try:
        if m := _DATE_YMD.match(raw):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := _DATE_NAMED.match(raw):
            return dt.date(int(m[3]), MONTHS[m[1]], int(m[2]))
        if m := _DATE_NAMED_DMY.match(raw):
            return dt.date(int(m[3]), MONTHS[m[2]], int(m[1]))
        if m := _DATE_MDY.match(raw):
            return dt.date(int(m[3]), int(m[1]), int(m[2]))
    except ValueError:
        raise ValueError("not a valid date") from None
    raise ValueError("not a date")


def parse_clock(text: str) -> dt.time | None:
    """``10:30 AM``, ``10:30:15 pm``, ``22:30``, ``下午10:30`` → time of day."""
    if is_missing(text):
        return None
    m = _CLOCK.match(clean(text).casefold())
    if not m:
        raise ValueError("not a time of day")
    hour, minute, second = int(m[2]), int(m[3]), int(m[4] or 0)
    marker = (m[1] or m[5] or "").replace(".", "")
    if marker:
        if not 1 <= hour <= 12:
            raise ValueError("not a time of day")
        hour = hour % 12 + (12 if marker in ("pm", "下午") else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise ValueError("not a time of day")
    return dt.time(hour, minute, second)


def parse_moment(text: str) -> dt.datetime | dt.time | None:
    """A timestamp cell: a full date and time (naive or with offset), or a bare clock time."""
    if is_missing(text):
        return None
    raw = clean(text)
    try:
        return dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        pass
    if ":" not in raw:
        day = parse_date(raw)
        return dt.datetime.combine(day, dt.time()) if day else None
    head, _, clock = raw.rpartition(" ")
    if head and re.fullmatch(r"(?i)[ap]\.?m\.?", clock):
        head, _, hm = head.rpartition(" ")
        clock = f"{hm} {clock}"
    if not head:
        return parse_clock(raw)
    day = parse_date(head.rstrip(","))
    time = parse_clock(clock)
    return dt.datetime.combine(day, time) if day and time else None
