"""Exporting a session's samples, events and chat as JSON, CSV or chat JSON-lines."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from .queries import get_summary, iter_chat
from .schema import CHAT_COLUMNS, EVENT_COLUMNS, SAMPLE_COLUMNS


class ExportError(Exception):
    """The export could not be written; the message says why."""


def _rows(conn: sqlite3.Connection, table: str, columns: tuple[str, ...], session_id: int) -> sqlite3.Cursor:
    order = "t, id" if table == "events" else "t"
    return conn.execute(f"SELECT {','.join(columns[1:])} FROM {table} WHERE session_id = ? ORDER BY {order}",
                        (session_id,))


def export_json(conn: sqlite3.Connection, session_id: int, out: Path) -> Path:
    """One JSON document: ``session``, ``samples``, ``events``, ``chat`` (chat text exactly as received)."""
    summary = get_summary(conn, session_id)
    if summary is None:
        raise ExportError(f"There is no session {session_id}.")
    sample_keys, event_keys, chat_keys = SAMPLE_COLUMNS[1:], EVENT_COLUMNS[1:], CHAT_COLUMNS[1:]
    doc: dict[str, Any] = {
        "format": "onair-session", "version": 1, "session": summary.as_dict(),
        "samples": [dict(zip(sample_keys, row, strict=True)) for row in _rows(conn, "samples", SAMPLE_COLUMNS,
                                                                              session_id)],
        "events": [_decode(dict(zip(event_keys, row, strict=True)))
                   for row in _rows(conn, "events", EVENT_COLUMNS, session_id)],
        "chat": [_decode(dict(zip(chat_keys, row, strict=True))) for row in iter_chat(conn, session_id)],
    }
    _atomic_write(out, lambda f: json.dump(doc, f, ensure_ascii=False, indent=1))
    return out


def export_csv(conn: sqlite3.Connection, session_id: int, out_dir: Path) -> list[Path]:
    """Three CSV files in ``out_dir``: samples.csv, events.csv, chat.csv (UTF-8)."""
    if get_summary(conn, session_id) is None:
        raise ExportError(f"There is no session {session_id}.")
    if out_dir.exists() and not out_dir.is_dir():
        raise ExportError(f"{out_dir} is a file; CSV export writes a folder of three files.")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table, columns in (("samples", "samples", SAMPLE_COLUMNS), ("events", "events", EVENT_COLUMNS),
                                 ("chat", "chat_messages", CHAT_COLUMNS)):
        path = out_dir / f"{name}.csv"
        cursor = iter_chat(conn, session_id) if table == "chat_messages" else _rows(conn, table, columns,
                                                                                   session_id)

        def write(f: Any, cursor: sqlite3.Cursor = cursor, columns: tuple[str, ...] = columns) -> None:
            writer = csv.writer(f)
            writer.writerow(columns[1:])
            writer.writerows(cursor)

        _atomic_write(path, write, newline="")
        written.append(path)
    return written


def export_jsonl(conn: sqlite3.Connection, session_id: int, out: Path) -> Path:
    """The session's chat, one JSON object per line in time order (the replay source's input).

    Keys: ``t``, ``platform``, ``message_id``, ``author``, ``author_id``, ``text`` (exactly as
    received), ``roles`` (a list), ``paid_amount``, ``paid_currency``, ``kind``, ``data``.
    """
    if get_summary(conn, session_id) is None:
        raise ExportError(f"There is no session {session_id}.")
    chat_keys = CHAT_COLUMNS[1:]

    def write(f: Any) -> None:
        for row in iter_chat(conn, session_id):
            item = _decode(dict(zip(chat_keys, row, strict=True)))
            item["roles"] = [r for r in (item["roles"] or "").split(",") if r]
            item["kind"] = item["data"].get("kind", "message")
            keys = ("t", "platform", "message_id", "author", "author_id", "text", "roles", "paid_amount",
                    "paid_currency", "kind", "data")
            f.write(json.dumps({k: item[k] for k in keys}, ensure_ascii=False) + "\n")

    _atomic_write(out, write, newline="")
    return out


def _decode(item: dict[str, Any]) -> dict[str, Any]:
    raw = item.pop("data_json", None)
    item["data"] = json.loads(raw) if raw else {}
    return item


def _atomic_write(path: Path, write: Any, newline: str | None = None) -> None:
    """Write to a temporary file beside ``path`` and rename it, so a failed export leaves no half file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as f:
            write(f)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
