"""Bytes → text → tables: BOMs, UTF-16, ``sep=`` lines, title lines, stacked blocks, zip members.

A *table* is a header row and its data rows, with the physical line number of each row (1-based,
counting every line of the file) so errors can point at them. Blank lines separate stacked tables
(Meta's Audience.csv); a single-cell line right before a header is the table's title (Meta's daily
series write the metric's name there).
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import re
import zipfile
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from .errors import ImportFileError
from .values import clean


def _tr(text: str) -> str:
    return QCoreApplication.translate("Imports", text)


MAX_BYTES = 200 * 1024 * 1024
ZIP_UTF8_FLAG = 0x800


@dataclass(frozen=True)
class Table:
    source: str                                  # file name (zip members: "archive.zip/Table data.csv")
    title: str                                   # the title line above the header, "" without one
    header: tuple[str, ...]
    header_line: int
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (line number, cells)
    delimiter: str = ","                         # ";" hints at decimal commas (Excel in such locales)


def decode(data: bytes, name: str) -> str:
    """Text of a CSV export: UTF-8 (with or without BOM), UTF-16 LE/BE (BOM or guessed), else Big5/cp950."""
    if not data.strip(b"\x00 \t\r\n"):
        raise ImportFileError(name, _tr("the file is empty"))
    if data.startswith(codecs.BOM_UTF8):
        encoding, data = "utf-8", data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif len(data) >= 4 and data[1] == 0 and data[3] == 0 and data[0] != 0:
        encoding = "utf-16-le"
    elif len(data) >= 4 and data[0] == 0 and data[2] == 0 and data[1] != 0:
        encoding = "utf-16-be"
    else:
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        try:
            text = data.decode("cp950") if encoding == "utf-8" else ""
        except UnicodeDecodeError:
            text = ""
        if not text:
            raise ImportFileError(name, _tr("not a text file (it is neither UTF-8 nor UTF-16)")) from None
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\r\n\f")
    if controls:
        raise ImportFileError(name, _tr("not a text file (it holds binary data)"))
    return text.lstrip("\ufeff")


def tables(text: str, name: str) -> list[Table]:
    """Split a CSV text into its tables (see the module docstring)."""
    lines = re.split(r"\r\n|\r|\n", text)  # not splitlines(): U+2028 / U+0085 may sit inside a title
    delimiter, first = ",", 0
    if lines and clean(lines[0]).casefold().startswith("sep=") and len(clean(lines[0])) >= 5:
        delimiter, first = clean(lines[0])[4], 1
    else:
        sample = [ln for ln in lines[:20] if ln.strip()]
        counts = {d: sum(ln.count(d) for ln in sample) for d in (",", "\t", ";")}
        delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    reader = csv.reader(io.StringIO("\n".join(lines[first:])), delimiter=delimiter)
    rows: list[tuple[int, tuple[str, ...]]] = []
    try:
        start = 1
        for cells in reader:
            rows.append((start + first, tuple(cells)))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ImportFileError(name, _tr("line {line}: the CSV is malformed ({reason})").format(
            line=reader.line_num + first, reason=exc)) from None
    out: list[Table] = []
    group: list[tuple[int, tuple[str, ...]]] = []
    for item in [*rows, (0, ())]:
        if any(clean(c) for c in item[1]):
            group.append(item)
            continue
        if group:
            out.append(_table(group, name, delimiter))
            group = []
    return out


def _table(group: list[tuple[int, tuple[str, ...]]], name: str, delimiter: str) -> Table:
    title = ""
    while len(group) > 1 and sum(1 for c in group[0][1] if clean(c)) == 1 and \
            sum(1 for c in group[1][1] if clean(c)) >= 2:
        title = clean(next(c for c in group[0][1] if clean(c)))
        group = group[1:]
    (header_line, header), body = group[0], group[1:]
    while header and not clean(header[-1]):
        header = header[:-1]
    return Table(name, title, tuple(clean(h) for h in header), header_line, tuple(body), delimiter)


def is_zip(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06")


def zip_members(data: bytes, name: str) -> list[tuple[str, bytes]]:
    """The ``.csv`` members of a zip as (repaired name, bytes); member names written in UTF-8 without
    the zip's UTF-8 flag (Python reads them as cp437) are repaired."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            out = []
            total = 0
            for info in archive.infolist():
                member = info.filename
                if not info.flag_bits & ZIP_UTF8_FLAG:
                    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
                        member = member.encode("cp437").decode("utf-8")
                if info.is_dir() or not member.casefold().endswith(".csv"):
                    continue
                total += info.file_size
                if total > MAX_BYTES:
                    raise ImportFileError(name, _tr("the zip is too large to import"))
                out.append((member.rsplit("/", 1)[-1], archive.read(info)))
            return out
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, NotImplementedError) as exc:
        raise ImportFileError(name, _tr("the zip file is damaged ({reason})").format(reason=exc)) from None
