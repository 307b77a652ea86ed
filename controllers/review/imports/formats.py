"""The export kinds: detection by header signature, and parsing into :class:`ImportedData`.

Detection looks only at the header tokens (aliases.py), never at file names or column positions.
Times become Unix seconds: relative positions and bare clock times need an *anchor*, the stream's
start as an aware datetime (the session's start, or ``--start``); dates without a zone are read in
the anchor's zone (the computer's zone without one).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from ..model import IMPORTED_METRICS, IMPORTED_SERIES
from .aliases import GENDERS, TOTAL_LABELS, token
from .errors import ImportFileError
from .text import Table, decode, is_zip, tables, zip_members
from .values import clean, decimal_mark, parse_duration, parse_moment, parse_number


def _tr(text: str) -> str:
    return QCoreApplication.translate("Imports", text)


PLATFORMS = ("youtube", "twitch", "facebook")
KINDS: dict[str, str] = {
    "youtube_studio": "youtube", "youtube_live_viewership": "youtube", "youtube_live_engagement": "youtube",
    "youtube_retention": "youtube",
    "twitch_stream_summary": "twitch", "twitch_channel_daily": "twitch",
    "meta_video": "facebook", "meta_post": "facebook", "meta_daily": "facebook", "meta_audience": "facebook",
}
Breakdown = tuple[str, str, str, float]   # dimension, key, metric, value
_DURATION_METRICS = frozenset({"avg_view_duration_s", "avg_watch_time_s"})
_YOUTUBE_MARKERS = frozenset({"watch_time_hours", "avg_view_duration_s", "impressions", "impressions_ctr_pct",
                              "subscribers_net", "~views_pct", "~watch_time_pct", "~avg_pct_viewed"})
_BREAKDOWN_METRICS = {"~views_pct": "views_pct", "~watch_time_pct": "watch_time_pct",
                      "~avg_pct_viewed": "avg_pct_viewed", "avg_view_duration_s": "avg_view_duration_s",
                      "views": "views", "watch_time_hours": "watch_time_hours"}


@dataclass(frozen=True)
class ImportedData:
    """One parsed export, every time absolute (Unix seconds, UTC)."""

    kind: str                                          # a KINDS key
    platform: str                                      # youtube | twitch | facebook
    source_name: str                                   # the file's name
    metrics: dict[str, float] = field(default_factory=dict)                    # IMPORTED_METRICS keys
    series: dict[str, list[tuple[float, float]]] = field(default_factory=dict)  # IMPORTED_SERIES keys
    breakdowns: list[Breakdown] = field(default_factory=list)  # age | gender | geography | city | day
    started_at: float | None = None                    # the stream's start/end when the file tells
    ended_at: float | None = None
    title: str = ""
    needs_anchor: bool = False                         # times were placed with the anchor
    per_stream: bool = False                           # covers one stream (may create a session)


# -- helpers -----------------------------------------------------------------------------------------------


class _Reader:
    """One table's columns by token, with cell parsers whose errors name the line and the column."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.col: dict[str, int] = {}
        for i, h in enumerate(table.header):
            tok = token(h)
            if tok and tok not in self.col:
                self.col[tok] = i
        numeric = [cells[i] for _, cells in table.rows for tok, i in self.col.items()
                   if not tok.startswith("@") and i < len(cells)]
        self.decimal = decimal_mark(numeric, "," if table.delimiter == ";" else ".")

    @property
    def tokens(self) -> set[str]:
        return set(self.col)

    def first(self) -> str | None:
        return token(self.table.header[0]) if self.table.header else None

    def rows(self) -> list[tuple[int, tuple[str, ...]]]:
        """The data rows; a row shorter than the header means the file was cut short."""
        width = len(self.table.header)
        for line, cells in self.table.rows:
            if len(cells) < width:
                raise ImportFileError(self.table.source, _tr(
                    "line {line}: the row has {n} of {m} columns (is the file cut short?)").format(
                    line=line, n=len(cells), m=width))
        return list(self.table.rows)

    def text(self, cells: Sequence[str], tok: str) -> str:
        i = self.col.get(tok)
        return clean(cells[i]) if i is not None and i < len(cells) else ""

    def _fail(self, line: int, cells: Sequence[str], tok: str, what: str) -> ImportFileError:
        i = self.col[tok]
        return ImportFileError(self.table.source, _tr("line {line}: '{value}' is {what} in column '{column}'").format(
            line=line, value=clean(cells[i]), what=what, column=self.table.header[i]))

    def number(self, line: int, cells: Sequence[str], tok: str) -> float | None:
        if tok not in self.col:
            return None
        try:
            if tok in _DURATION_METRICS or tok == "@duration":
                return parse_duration(cells[self.col[tok]], self.decimal)
            return parse_number(cells[self.col[tok]], self.decimal)
        except ValueError:
            what = _tr("not a duration") if tok in _DURATION_METRICS or tok == "@duration" else _tr("not a number")
            raise self._fail(line, cells, tok, what) from None

    def moment(self, line: int, cells: Sequence[str], tok: str) -> dt.datetime | dt.time | None:
        try:
            return parse_moment(cells[self.col[tok]])
        except ValueError:
            raise self._fail(line, cells, tok, _tr("not a date or time")) from None

    def date(self, line: int, cells: Sequence[str], tok: str) -> dt.date | None:
        value = self.moment(line, cells, tok)
        if isinstance(value, dt.time):
            raise self._fail(line, cells, tok, _tr("not a date"))
        return value.date() if value is not None else None

    def metrics(self, line: int, cells: Sequence[str]) -> dict[str, float]:
        """The row's IMPORTED_METRICS values (missing cells left out), with the unit conversions."""
        out: dict[str, float] = {}
        for tok in self.col:
            value = self.number(line, cells, tok) if tok in IMPORTED_METRICS or tok.startswith("~") else None
            if value is None:
                continue
            if tok == "~seconds_viewed":
                out.setdefault("watch_time_hours", value / 3600.0)
            elif tok == "~avg_minutes_viewed":
                out.setdefault("avg_watch_time_s", value * 60.0)
            elif tok in IMPORTED_METRICS:
                out[tok] = value
        return out


def _zone(anchor: dt.datetime | None) -> dt.tzinfo:
    if anchor is not None and anchor.tzinfo is not None:
        return anchor.tzinfo
    zone = dt.datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone


def _aware(value: dt.datetime, anchor: dt.datetime | None) -> dt.datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=_zone(anchor))


def _needs_anchor(name: str, what: str) -> ImportFileError:
    return ImportFileError(name, _tr("{what}: import it into a session (--session ID) or give the stream's start "
                                     "with its UTC offset (--start 2026-08-23T20:00:00+08:00)").format(what=what))


def _series_tokens(reader: _Reader) -> list[str]:
    return [tok for tok in reader.col if tok in IMPORTED_SERIES]


# -- YouTube -----------------------------------------------------------------------------------------------


def _youtube_live(name: str, table: Table, anchor: dt.datetime | None) -> ImportedData:
    reader = _Reader(table)
    kind = "youtube_live_viewership" if reader.tokens & {"viewers", "avg_viewers"} else "youtube_live_engagement"
    parsed: list[tuple[float, dict[str, float | None]]] = []
    for line, cells in reader.rows():   # every number checked before the times need an anchor
        try:
            position = parse_duration(cells[reader.col["@position_s"]], reader.decimal)
        except ValueError:
            raise reader._fail(line, cells, "@position_s", _tr("not a number")) from None
        values = {tok: reader.number(line, cells, tok) for tok in _series_tokens(reader)}
        if position is not None:
            parsed.append((position, values))
    if anchor is None:
        raise _needs_anchor(name, _tr("the times are positions in the stream (seconds from its start)"))
    start = anchor.timestamp()
    series: dict[str, list[tuple[float, float]]] = {}
    last = 0.0
    for position, values in parsed:
        last = max(last, position)
        for tok, value in values.items():
            if value is not None:
                series.setdefault(tok, []).append((start + position, value))
    for points in series.values():
        points.sort()
    return ImportedData(kind, "youtube", name, {}, series, [], start, start + last, "", True, True)


def _studio_kind(reader: _Reader) -> str | None:
    first = reader.first()
    if not reader.tokens & _YOUTUBE_MARKERS and not (first in ("@content", "@date") and "views" in reader.tokens
                                                     and reader.tokens <= {"@content", "@title", "@publish_time",
                                                                           "@duration", "@date", "views"}):
        return None
    if first in ("@age", "@gender", "@geography"):
        return first[1:]
    if first == "@date":
        return "chart" if "@content" in reader.tokens else "totals"
    if first in ("@content", "@title"):
        return "table"
    return None


def _is_total(cells: Sequence[str]) -> bool:
    return bool(cells) and clean(cells[0]).casefold() in TOTAL_LABELS


def _age_key(text: str) -> str:
    text = clean(text).casefold()
    if m := re.search(r"(\d+)\s*[-–~]\s*(\d+)", text):
        return f"{m[1]}-{m[2]}"
    if m := re.search(r"(\d+)\s*(\+|-$|以上|歲以上)", text):
        return f"{m[1]}+"
    return text


def _studio(name: str, parts: list[tuple[str, Table]], anchor: dt.datetime | None) -> ImportedData:
    metrics: dict[str, float] = {}
    breakdowns: list[Breakdown] = []
    title, started, duration, per_stream = "", None, None, False
    daily: dict[str, list[Breakdown]] = {}
    for part, table in parts:
        reader = _Reader(table)
        part_kind = _studio_kind(reader)
        rows = reader.rows()
        if part_kind == "table":
            total = next(((ln, c) for ln, c in rows if _is_total(c)), None)
            content = [(ln, c) for ln, c in rows if not _is_total(c)]
            chosen = total or (content[0] if len(content) == 1 else None)
            if chosen is None:
                raise ImportFileError(part, _tr("no Total row and more than one video"))
            metrics.update(reader.metrics(*chosen))
            for ln, c in content:
                reader.metrics(ln, c)  # validates every row
            if len(content) == 1:
                per_stream = True
                ln, c = content[0]
                title = reader.text(c, "@title")
                duration = reader.number(ln, c, "@duration") if "@duration" in reader.col else None
                when = reader.moment(ln, c, "@publish_time") if "@publish_time" in reader.col else None
                if isinstance(when, dt.datetime):
                    started = _aware(when, anchor).timestamp()
        elif part_kind in ("chart", "totals"):
            sums: dict[tuple[str, str], float] = {}
            for ln, c in rows:
                if _is_total(c):
                    continue
                day = reader.date(ln, c, "@date")
                for metric, value in reader.metrics(ln, c).items():
                    if day is not None:
                        sums[(day.isoformat(), metric)] = sums.get((day.isoformat(), metric), 0.0) + value
            daily[part_kind] = [("day", d, m, v) for (d, m), v in sorted(sums.items())]
        elif part_kind in ("age", "gender", "geography"):
            dim_tok = "@" + part_kind
            for ln, c in rows:
                if _is_total(c):
                    continue
                key = reader.text(c, dim_tok)
                key = _age_key(key) if part_kind == "age" else GENDERS.get(key.casefold(), key) \
                    if part_kind == "gender" else key
                for tok, metric in _BREAKDOWN_METRICS.items():
                    cell = reader.number(ln, c, tok) if tok in reader.col else None
                    if cell is not None:
                        breakdowns.append((part_kind, key, metric, cell))
    breakdowns.extend(daily.get("totals") or daily.get("chart") or [])
    if not metrics and not breakdowns:
        raise ImportFileError(name, _tr("the export holds no YouTube Studio tables"))
    if anchor is not None and per_stream:
        started = anchor.timestamp()
    ended = started + duration if started is not None and duration else None
    return ImportedData("youtube_studio", "youtube", name, metrics, {}, breakdowns, started, ended, title,
                        False, per_stream and started is not None)


#: Retention columns → (breakdown metric, factor): audienceWatchRatio is a ratio (1.0 = 100 %, above 1 with
#: rewatches), Studio's column is already a percentage; relativeRetentionPerformance stays 0..1 (0.5 = median).
_RETENTION_VALUES = (("~audience_watch_ratio", "audience_pct", 100.0), ("~audience_retention_pct", "audience_pct", 1.0),
                     ("~relative_retention", "relative_performance", 1.0))
_RETENTION_TOKENS = frozenset(tok for tok, _m, _f in _RETENTION_VALUES)


def _youtube_retention(name: str, table: Table) -> ImportedData:
    """Audience retention: ("retention", position as a fraction 0..1, metric, value) per row."""
    reader = _Reader(table)
    ratio = "@elapsed_ratio" in reader.col
    position_tok, scale = ("@elapsed_ratio", 1.0) if ratio else ("@position_pct", 100.0)
    breakdowns: list[Breakdown] = []
    for line, cells in reader.rows():
        if _is_total(cells):
            continue
        position = reader.number(line, cells, position_tok)
        if position is None:
            continue
        if not 0.0 <= position <= scale:
            raise reader._fail(line, cells, position_tok, _tr("not a position from 0 to 1") if ratio
                               else _tr("not a position from 0 to 100 %"))
        key = format(round(position / scale, 6), "g")
        for tok, metric, factor in _RETENTION_VALUES:
            value = reader.number(line, cells, tok) if tok in reader.col else None
            if value is None:
                continue
            if value < 0:
                raise reader._fail(line, cells, tok, _tr("a negative share"))
            breakdowns.append(("retention", key, metric, round(value * factor, 6)))
    if not breakdowns:
        raise ImportFileError(name, _tr("the export has no rows"))
    return ImportedData("youtube_retention", "youtube", name, {}, {}, breakdowns)


# -- Twitch ------------------------------------------------------------------------------------------------


def _twitch_summary(name: str, table: Table, anchor: dt.datetime | None) -> ImportedData:
    reader = _Reader(table)
    zone = _zone(anchor)
    # "Average Viewers" per interval is the series of concurrent viewers OnAir charts.
    columns = {("viewers" if tok == "avg_viewers" else tok): tok for tok in _series_tokens(reader)
               if tok != "viewers" or "avg_viewers" not in reader.col}
    rows = [(line, cells, {key: reader.number(line, cells, tok) for key, tok in columns.items()})
            for line, cells in reader.rows()]   # every number checked before the times need an anchor
    series: dict[str, list[tuple[float, float]]] = {}
    times: list[float] = []
    day: dt.date | None = None
    previous: dt.datetime | None = None
    used_anchor = False
    for line, cells, values in rows:
        moment = reader.moment(line, cells, "@timestamp")
        if moment is None:
            continue
        if isinstance(moment, dt.time):
            if anchor is None:
                raise _needs_anchor(name, _tr("the timestamps have no date"))
            used_anchor = True
            if day is None:
                local = anchor.astimezone(zone)
                day = min((local.date() + dt.timedelta(days=d) for d in (-1, 0, 1)), key=lambda c: abs(
                    dt.datetime.combine(c, moment, zone) - local))
            when = dt.datetime.combine(day, moment, zone)
            if previous is not None and when < previous:   # past midnight
                day += dt.timedelta(days=1)
                when = dt.datetime.combine(day, moment, zone)
        else:
            when = _aware(moment, anchor)
        previous = when
        times.append(when.timestamp())
        for key, value in values.items():
            if value is not None:
                series.setdefault(key, []).append((when.timestamp(), value))
    if not times:
        raise ImportFileError(name, _tr("the export has no rows"))
    times.sort()
    step = times[-1] - times[-2] if len(times) > 1 else 0.0
    return ImportedData("twitch_stream_summary", "twitch", name, {}, {k: sorted(v) for k, v in series.items()}, [],
                        times[0], times[-1] + step, "", used_anchor, True)


def _daily(name: str, kind: str, platform: str, reader: _Reader, anchor: dt.datetime | None,
           value_token: Callable[[str], str | None] | None = None) -> ImportedData:
    """A per-day export: every row as ("day", date, metric, value); the anchor's day also as metrics."""
    breakdowns: list[Breakdown] = []
    metrics: dict[str, float] = {}
    session_day = anchor.astimezone(_zone(anchor)).date().isoformat() if anchor is not None else None
    for line, cells in reader.rows():
        day = reader.date(line, cells, "@date")
        if day is None:
            continue
        if value_token is not None:
            metric = value_token("@value")
            value = reader.number(line, cells, "@value")
            values = {metric: value} if metric and value is not None else {}
        else:
            values = reader.metrics(line, cells)
        for metric, value in values.items():
            breakdowns.append(("day", day.isoformat(), metric, value))
            if day.isoformat() == session_day:
                metrics[metric] = metrics.get(metric, 0.0) + value
    if not breakdowns:
        raise ImportFileError(name, _tr("the export has no rows"))
    return ImportedData(kind, platform, name, metrics, {}, breakdowns)


# -- Meta --------------------------------------------------------------------------------------------------


def _meta_item(name: str, kind: str, table: Table, anchor: dt.datetime | None) -> ImportedData:
    reader = _Reader(table)
    rows = reader.rows()
    if not rows:
        raise ImportFileError(name, _tr("the export has no rows"))
    parsed = []
    for line, cells in rows:
        metrics = reader.metrics(line, cells)
        when = reader.moment(line, cells, "@publish_time") if "@publish_time" in reader.col else None
        start = _aware(when, anchor).timestamp() if isinstance(when, dt.datetime) else None
        duration = reader.number(line, cells, "@duration") if "@duration" in reader.col else None
        parsed.append((start, duration, reader.text(cells, "@title"), metrics))
    if len(parsed) > 1:
        if anchor is None or any(p[0] is None for p in parsed):
            raise _needs_anchor(name, _tr("the export holds {n} videos or posts").format(n=len(parsed)))
        target = anchor.timestamp()
        parsed.sort(key=lambda p: abs((p[0] or 0.0) - target))
    start, duration, title, metrics = parsed[0]
    end = start + duration if start is not None and duration else None
    return ImportedData(kind, "facebook", name, metrics, {}, [], start, end, title, False, start is not None)


def _meta_audience(name: str, blocks: list[Table]) -> ImportedData:
    breakdowns: list[Breakdown] = []
    for table in blocks:
        reader = _Reader(table)
        first = reader.first()
        if first == "@age" and reader.tokens & {"@women", "@men"}:
            genders: dict[str, float] = {}
            for line, cells in reader.rows():
                total = 0.0
                for tok, gender in (("@women", "female"), ("@men", "male")):
                    value = reader.number(line, cells, tok) if tok in reader.col else None
                    if value is not None:
                        total += value
                        genders[gender] = genders.get(gender, 0.0) + value
                breakdowns.append(("age", _age_key(reader.text(cells, "@age")), "audience_pct", round(total, 6)))
            breakdowns.extend(("gender", g, "audience_pct", round(v, 6)) for g, v in genders.items())
        elif first in ("@city", "@geography") and "@value" in reader.col:
            dimension = "city" if first == "@city" else "geography"
            for line, cells in reader.rows():
                value = reader.number(line, cells, "@value")
                if value is not None:
                    breakdowns.append((dimension, reader.text(cells, first), "audience_pct", value))
    return ImportedData("meta_audience", "facebook", name, {}, {}, breakdowns)


# -- detection ---------------------------------------------------------------------------------------------


def _header_text(table: Table) -> str:
    text = ", ".join(table.header)
    return text if len(text) <= 120 else text[:117] + "…"


def _not_recognised(name: str, header: str) -> ImportFileError:
    return ImportFileError(name, _tr("not a recognised YouTube, Twitch or Meta export (header: {header})").format(
        header=header))


def detect(blocks: list[Table]) -> str | None:
    """The kind of a CSV export from its header tokens (first table; Meta's Audience: any of its blocks)."""
    if not blocks:
        return None
    reader = _Reader(blocks[0])
    toks, first = reader.tokens, reader.first()
    if toks & {"@elapsed_ratio", "@position_pct"} and toks & _RETENTION_TOKENS:
        return "youtube_retention"
    if "@position_s" in toks and toks & set(IMPORTED_SERIES):
        return "youtube_live_viewership" if toks & {"viewers", "avg_viewers"} else "youtube_live_engagement"
    if "@timestamp" in toks and toks & {"live_views", "avg_viewers", "chatters"} and \
            len(toks & {"live_views", "avg_viewers", "chatters", "chat_messages", "new_followers"}) >= 2:
        return "twitch_stream_summary"
    if "@date" in toks and "live_views" in toks and toks & {"avg_viewers", "new_followers", "peak_viewers"}:
        return "twitch_channel_daily"
    if first == "@date" and "@value" in toks and token(blocks[0].title or "") in IMPORTED_METRICS:
        return "meta_daily"
    if "@video_id" in toks and toks & {"reach", "reactions", "views", "~seconds_viewed", "shares"}:
        return "meta_video"
    if "@post_id" in toks and toks & {"reach", "reactions", "comments", "shares", "views"}:
        return "meta_post"
    for block in blocks:
        r = _Reader(block)
        if (r.first() == "@age" and r.tokens & {"@women", "@men"}) or (
                r.first() in ("@city", "@geography") and "@value" in r.tokens and not r.tokens & _YOUTUBE_MARKERS):
            return "meta_audience"
    if _studio_kind(reader):
        return "youtube_studio"
    return None


def parse_export(name: str, data: bytes, *, platform: str | None = None,
                 anchor: dt.datetime | None = None) -> ImportedData:
    """Parse one export file (bytes as read) into :class:`ImportedData`; raises ImportFileError."""
    if anchor is not None and anchor.tzinfo is None:
        raise ValueError("anchor must be an aware datetime")
    if is_zip(data):
        parts = []
        members = zip_members(data, name)
        for member, content in members:
            label = f"{name}/{member}"
            blocks = tables(decode(content, label), label)
            if blocks and detect(blocks[:1]) == "youtube_studio":
                parts.append((label, blocks[0]))
        if not parts:
            raise ImportFileError(name, _tr("the zip holds no YouTube Studio tables (members: {members})").format(
                members=", ".join(m for m, _ in members) or "—"))
        result = _studio(name, parts, anchor)
    else:
        blocks = tables(decode(data, name), name)
        if not blocks or not blocks[0].header:
            raise ImportFileError(name, _tr("the file has no header"))
        kind = detect(blocks)
        if kind is None or (platform and KINDS[kind] != platform):
            raise _not_recognised(name, _header_text(blocks[0]))
        table = blocks[0]
        if kind.startswith("youtube_live"):
            result = _youtube_live(name, table, anchor)
        elif kind == "youtube_retention":
            result = _youtube_retention(name, table)
        elif kind == "twitch_stream_summary":
            result = _twitch_summary(name, table, anchor)
        elif kind == "twitch_channel_daily":
            result = _daily(name, kind, "twitch", _Reader(table), anchor)
        elif kind == "meta_daily":
            metric = token(table.title)
            result = _daily(name, kind, "facebook", _Reader(table), anchor, lambda _tok: metric)
        elif kind in ("meta_video", "meta_post"):
            result = _meta_item(name, kind, table, anchor)
        elif kind == "meta_audience":
            result = _meta_audience(name, blocks)
        else:
            result = _studio(name, [(name, table)], anchor)
    if platform and result.platform != platform:
        raise ImportFileError(name, _tr("this is a {found} export, not {wanted}").format(
            found=result.platform, wanted=platform))
    if not (result.metrics or result.series or result.breakdowns):
        raise ImportFileError(name, _tr("the export holds no values OnAir can use"))
    return result
