"""The session store, its queries, export, crash recovery, the CLI and the recorder — real SQLite files, no OBS."""

from __future__ import annotations

import csv
import functools
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from controllers.obs.model import ConnectionStatus, HealthStats, LinkState, ObsSnapshot, OutputState
from controllers.obs.protocol import OUTPUT_STARTED, OUTPUT_STOPPED
from controllers.sessions import queries
from controllers.sessions import store as store_module
from controllers.sessions.export import ExportError, export_csv, export_json, export_jsonl
from controllers.sessions.recorder import SessionRecorder
from controllers.sessions.schema import CHAT_COLUMNS, EVENT_COLUMNS, SAMPLE_COLUMNS, SCHEMA_VERSION
from controllers.sessions.service import database_path, open_for_recording
from controllers.sessions.store import SessionStore, StoreError

ROOT = Path(__file__).resolve().parents[1]
URL = "ws://127.0.0.1:4455"
HOSTILE = ["<b>x</b>", "\u202eevil", "a\u200bb", "😀中文", "x" * 10_000,
           'say "hi", then leave', "two\nlines\r\nand a CR\r", "  padded  ", "=1+1", "'; DROP TABLE sessions; --"]


# -- helpers ------------------------------------------------------------------------------------------

def sample(session_id: int, t: float, fps: float = 60.0, kbps: float | None = 6000.0) -> tuple[Any, ...]:
    """A samples row in SAMPLE_COLUMNS order."""
    return (session_id, t, fps, 3.5, 512.0, 90_000.0, 0, 3600, 1, 3600, 2, 3000, 123_456, kbps, 0.02, 0, 1000)


def chat(session_id: int, t: float, text: str, author: str = "viewer") -> tuple[Any, ...]:
    """A chat_messages row in CHAT_COLUMNS order."""
    return (session_id, t, "twitch", f"m{t}", author, "u1", text, "sub", None, None, json.dumps({"badge": text}))


def event(session_id: int, t: float, kind: str, detail: str = "",
          data: dict[str, Any] | None = None) -> tuple[Any, ...]:
    return (session_id, t, kind, detail, json.dumps(data or {}))


def new_session(store: SessionStore, started: float = 1000.0, status: str = "live", kind: str = "stream") -> int:
    def insert(conn: sqlite3.Connection) -> int:
        return int(conn.execute("INSERT INTO sessions (kind, status, started_at, last_seen_at) VALUES (?, ?, ?, ?)",
                                (kind, status, started, started)).lastrowid)

    return store.submit(insert).result(timeout=10)


def query(path: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def summary_of(path: Path, session_id: int) -> queries.SessionSummary:
    conn = sqlite3.connect(path)
    try:
        found = queries.get_summary(conn, session_id)
    finally:
        conn.close()
    assert found is not None, f"session {session_id} not found"
    return found


def wait_for(predicate: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.01)
    raise AssertionError(f"timed out waiting for {what}")


class WriterGate:
    """Holds the writer thread inside one ``call`` so that everything queued meanwhile is one batch."""

    def __init__(self, store: SessionStore) -> None:
        self.entered, self.release = threading.Event(), threading.Event()

        def hold(conn: sqlite3.Connection) -> str:
            self.entered.set()
            self.release.wait(10)
            return "held"

        self.future = store.submit(hold)
        assert self.entered.wait(5), "the writer never ran the gate"

    def open(self) -> None:
        self.release.set()
        assert self.future.result(timeout=5) == "held"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "sessions.sqlite3"


@pytest.fixture
def errors() -> list[str]:
    return []


@pytest.fixture
def store(db_path: Path, errors: list[str]) -> Iterator[SessionStore]:
    s = SessionStore(db_path, on_error=errors.append)
    yield s
    s.close()


# -- schema and migrations ----------------------------------------------------------------------------

def test_a_new_store_creates_the_schema_in_wal_mode(store: SessionStore, db_path: Path) -> None:
    tables = {name for (name,) in query(db_path, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"sessions", "samples", "events", "chat_messages", "viewer_samples"} <= tables
    indexes = {name for (name,) in query(db_path, "SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"sessions_started", "samples_session_t", "events_session_t", "chat_session_t",
            "viewers_session_t"} <= indexes
    assert query(db_path, "PRAGMA journal_mode") == [("wal",)]
    assert query(db_path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert SCHEMA_VERSION >= 1


def test_reopening_does_not_migrate_again(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = SessionStore(db_path)
    session_id = new_session(first)
    first.close()
    ran: list[str] = []
    original = store_module._statements
    monkeypatch.setattr(store_module, "_statements", lambda script: ran.append(script) or original(script))
    again = SessionStore(db_path)
    again.close()
    assert ran == [], "an up-to-date database was migrated again"
    assert query(db_path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert query(db_path, "SELECT id FROM sessions") == [(session_id,)]


def test_a_database_from_a_newer_onair_is_refused(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.execute("CREATE TABLE future (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer") as info:
        SessionStore(db_path)
    assert str(db_path) in str(info.value)
    assert query(db_path, "PRAGMA user_version") == [(SCHEMA_VERSION + 1,)]
    assert {n for (n,) in query(db_path, "SELECT name FROM sqlite_master WHERE type = 'table'")} == {"future"}


# -- writes -------------------------------------------------------------------------------------------

def test_rows_of_every_kind_are_readable_after_flush(store: SessionStore, db_path: Path) -> None:
    sid = new_session(store, started=1000.0)
    samples = [sample(sid, 1001.0), sample(sid, 1002.0, fps=59.5, kbps=None)]
    events = [event(sid, 1001.5, "scene", "Main"), event(sid, 1003.0, "marker", "guest", {"n": 1})]
    chats = [chat(sid, 1004.0, "hello"), chat(sid, 1002.5, "older, queued later")]
    viewers = [(sid, 1001.0, "twitch", 42), (sid, 1002.0, "youtube", 7)]
    store.add_rows("samples", samples)
    store.add_rows("events", events)
    store.add_rows("chat", chats)
    store.add_rows("viewers", viewers)
    store.add_rows("chat", [])  # nothing queued, nothing to wait for
    assert store.flush(5)
    cols = ",".join(SAMPLE_COLUMNS)
    assert query(db_path, f"SELECT {cols} FROM samples ORDER BY t") == samples
    assert query(db_path, f"SELECT {','.join(EVENT_COLUMNS)} FROM events ORDER BY t") == events
    assert query(db_path, f"SELECT {','.join(CHAT_COLUMNS)} FROM chat_messages ORDER BY id") == chats
    assert query(db_path, "SELECT session_id, t, platform, viewers FROM viewer_samples ORDER BY t") == viewers
    assert query(db_path, "SELECT last_seen_at FROM sessions WHERE id = ?", (sid,)) == [(1004.0,)]
    store.add_rows("samples", [sample(sid, 1003.5)])  # older than the newest row: last_seen_at stays
    store.add_rows("viewers", [(sid, 1010.0, "twitch", 40)])
    assert store.flush(5)
    assert query(db_path, "SELECT last_seen_at FROM sessions WHERE id = ?", (sid,)) == [(1010.0,)]
    assert store.last_error == ""


def test_rows_for_two_sessions_move_each_last_seen_at(store: SessionStore, db_path: Path) -> None:
    a, b = new_session(store, 100.0), new_session(store, 200.0)
    store.add_rows("samples", [sample(a, 150.0), sample(b, 250.0), sample(a, 160.0), sample(b, 240.0)])
    assert store.flush(5)
    assert query(db_path, "SELECT id, last_seen_at FROM sessions ORDER BY id") == [(a, 160.0), (b, 250.0)]


def test_execute_applies_in_order_with_rows(store: SessionStore, db_path: Path) -> None:
    sid = new_session(store)
    gate = WriterGate(store)  # all of the following becomes one batch
    store.add_rows("samples", [sample(sid, 1001.0), sample(sid, 1002.0)])
    store.execute("DELETE FROM samples WHERE t < ?", (1001.5,))
    store.add_rows("samples", [sample(sid, 1000.5)])  # after the DELETE: survives
    store.execute("UPDATE sessions SET title = 'first' WHERE id = ?", (sid,))
    store.execute("UPDATE sessions SET title = title || ' then second' WHERE id = ?", (sid,))
    store.add_rows("events", [event(sid, 1005.0, "marker")])
    store.execute("UPDATE sessions SET ended_at = last_seen_at WHERE id = ?", (sid,))  # sees the marker's t
    store.add_rows("events", [event(sid, 1009.0, "marker")])
    gate.open()
    assert store.flush(5)
    assert query(db_path, "SELECT t FROM samples ORDER BY t") == [(1000.5,), (1002.0,)]
    assert query(db_path, "SELECT title, ended_at, last_seen_at FROM sessions WHERE id = ?", (sid,)) == [
        ("first then second", 1005.0, 1009.0)]


def test_submit_returns_results_and_a_failing_call_fails_only_its_own_future(
        store: SessionStore, db_path: Path) -> None:
    sid = new_session(store)
    assert store.submit(lambda conn: conn.execute("SELECT 6 * 7").fetchone()[0]).result(5) == 42

    def fails(conn: sqlite3.Connection) -> None:
        conn.execute("INSERT INTO chat_messages (session_id, t, platform, author, text) VALUES (?, 1, 'x', 'a', 'b')",
                     (sid,))
        raise ValueError("the caller's own bug")

    def breaks_a_constraint(conn: sqlite3.Connection) -> None:
        conn.execute("INSERT INTO events (session_id, t, kind) VALUES (?, 1, NULL)", (sid,))

    gate = WriterGate(store)
    store.add_rows("chat", [chat(sid, 1001.0, "before")])
    good = store.submit(lambda conn: conn.execute("SELECT COUNT(*) FROM chat_messages").fetchone()[0])
    bad = store.submit(fails)
    constraint = store.submit(breaks_a_constraint)
    store.add_rows("chat", [chat(sid, 1002.0, "after")])
    renamed = store.submit(lambda conn: conn.execute("UPDATE sessions SET title = 'ok' WHERE id = ?", (sid,)).rowcount)
    gate.open()
    assert store.flush(5)
    assert good.result(5) == 1  # inside the same transaction: sees the row queued before it
    with pytest.raises(ValueError, match="own bug"):
        bad.result(5)
    with pytest.raises(sqlite3.IntegrityError):
        constraint.result(5)
    assert renamed.result(5) == 1
    assert query(db_path, "SELECT text FROM chat_messages ORDER BY t") == [("before",), ("after",)]
    assert query(db_path, "SELECT COUNT(*) FROM events") == [(0,)]
    assert query(db_path, "SELECT title FROM sessions") == [("ok",)]


def test_a_row_that_can_never_be_written_does_not_block_later_writes(
        store: SessionStore, db_path: Path, errors: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """E.g. the operator deletes the live session: its next samples break the foreign key."""
    monkeypatch.setattr(store_module, "RETRY_AFTER_S", 0.05)
    keep, gone = new_session(store), new_session(store)
    store.execute("DELETE FROM sessions WHERE id = ?", (gone,))
    gate = WriterGate(store)
    store.add_rows("samples", [sample(keep, 1001.0)])
    store.add_rows("samples", [sample(gone, 1001.0), sample(keep, 1002.0)])
    store.add_rows("samples", [(keep, 1003.0)])  # wrong number of values
    store.execute("UPDATE sessions SET title = NULL WHERE id = ?", (keep,))  # NOT NULL
    store.add_rows("samples", [sample(keep, 1004.0)])
    gate.open()
    assert store.flush(5), "one bad row blocked every later write"
    assert query(db_path, "SELECT session_id, t FROM samples ORDER BY t") == [
        (keep, 1001.0), (keep, 1002.0), (keep, 1004.0)]
    assert query(db_path, "SELECT last_seen_at, title FROM sessions") == [(1004.0, "")]
    assert errors and all("damaged" not in e for e in errors), errors
    assert any("FOREIGN KEY" in e for e in errors), errors
    store.add_rows("samples", [sample(keep, 1005.0)])
    assert store.flush(5)
    assert query(db_path, "SELECT COUNT(*) FROM samples") == [(4,)]


def test_rows_of_an_unknown_kind_are_refused_at_once(store: SessionStore, db_path: Path) -> None:
    sid = new_session(store)
    with pytest.raises(ValueError, match="bogus"):
        store.add_rows("bogus", [(sid, 1.0)])
    store.add_rows("samples", [sample(sid, 1001.0)])
    assert store.flush(5), "the writer thread died"
    assert query(db_path, "SELECT COUNT(*) FROM samples") == [(1,)]


# -- reading back -------------------------------------------------------------------------------------

def test_load_session_and_list_sessions_read_back_what_was_written(store: SessionStore, db_path: Path) -> None:
    older = new_session(store, started=600.0)
    sid = new_session(store, started=3600.0)
    store.add_rows("samples", [sample(sid, 3600.0 + i, fps=60.0 - i) for i in range(5)])
    store.add_rows("events", [event(sid, 3602.0, "marker", "b"), event(sid, 3601.0, "scene", "a")])
    # minute 3600: 3 messages (one on its very first instant); 3660: none; 3720: 2 (one just before 3780)
    times = [3600.0, 3630.5, 3659.999, 3720.0, 3779.75]
    store.add_rows("chat", [chat(sid, t, "hi") for t in times] + [chat(older, 601.0, "elsewhere")])
    store.add_rows("viewers", [(sid, 3600.0, "twitch", 10), (sid, 3660.0, "twitch", 12)])
    store.execute("UPDATE sessions SET video_json = ? WHERE id = ?", (json.dumps({"fps": 60.0}), sid))
    assert store.flush(5)
    conn = store.reader()
    try:
        data = queries.load_session(conn, sid)
        empty = queries.load_session(conn, older)
        listed = queries.list_sessions(conn)
        assert queries.load_session(conn, 999) is None
    finally:
        conn.close()
    assert data is not None and empty is not None
    assert data.video == {"fps": 60.0}
    assert [row[0] for row in data.samples] == [3600.0 + i for i in range(5)]
    assert data.samples[1] == sample(sid, 3601.0, fps=59.0)[1:]
    assert data.events == [(3601.0, "scene", "a", "{}"), (3602.0, "marker", "b", "{}")]
    assert data.chat_per_minute == [(3600.0, 3), (3720.0, 2)]
    assert data.viewers == [(3600.0, "twitch", 10), (3660.0, "twitch", 12)]
    assert (data.summary.sample_count, data.summary.event_count, data.summary.chat_count) == (5, 2, 5)
    assert data.summary.last_seen_at == 3779.75 and data.summary.duration_s == 179.75
    assert empty.samples == [] and empty.chat_per_minute == [(600.0, 1)]
    assert [s.id for s in listed] == [sid, older]


def test_a_change_notice_after_the_catalog_closed_is_ignored(store: SessionStore, qapp: Any) -> None:
    from controllers.sessions.catalog import SessionCatalog

    catalog = SessionCatalog(store)
    catalog.close()
    catalog.refresh()  # the recorder's notice can arrive after shutdown: no "cannot schedule new futures"
    catalog.changed.emit()


# -- damaged and locked databases ---------------------------------------------------------------------

@pytest.mark.parametrize("content", [os.urandom(4096), b"Just some notes, not a database.\n" * 40],
                         ids=["random-bytes", "text-file"])
def test_a_damaged_file_is_refused_and_left_alone(db_path: Path, content: bytes) -> None:
    db_path.write_bytes(content)
    with pytest.raises(StoreError) as info:
        SessionStore(db_path)
    message = str(info.value)
    assert str(db_path) in message
    assert "damaged" in message or "not an OnAir database" in message
    assert db_path.read_bytes() == content
    with pytest.raises(StoreError, match="damaged"):
        open_for_recording(db_path)
    assert db_path.read_bytes() == content


def test_a_locked_database_keeps_the_rows_and_writes_them_once_it_is_free(
        db_path: Path, errors: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "RETRY_AFTER_S", 0.05)
    monkeypatch.setattr(store_module, "connect", functools.partial(store_module.connect, timeout=0.2))
    store = SessionStore(db_path, on_error=errors.append)
    try:
        sid = new_session(store)
        other = sqlite3.connect(db_path, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        try:
            for i in range(50):
                store.add_rows("samples", [sample(sid, 2000.0 + i)])
            store.add_rows("chat", [chat(sid, 2100.0, "while locked")])
            store.execute("UPDATE sessions SET title = 'renamed while locked' WHERE id = ?", (sid,))
            counted = store.submit(lambda conn: conn.execute("SELECT COUNT(*) FROM samples").fetchone()[0])
            wait_for(lambda: any("locked" in e for e in errors), 5, "the writer to report the lock")
            assert not store.flush(0.3), "flush() claimed success while the database was locked"
            assert not counted.done()
            assert str(db_path) in errors[0]
            assert "locked" in store.last_error
        finally:
            other.execute("COMMIT")
            other.close()
        assert store.flush(5)
        assert counted.result(5) == 50
        assert query(db_path, "SELECT t FROM samples ORDER BY t") == [(2000.0 + i,) for i in range(50)]
        assert query(db_path, "SELECT text FROM chat_messages") == [("while locked",)]
        assert query(db_path, "SELECT title, last_seen_at FROM sessions") == [("renamed while locked", 2100.0)]
        assert store.last_error == ""
    finally:
        store.close()


# -- crash recovery and the recorder lock -------------------------------------------------------------

KILLED_WRITER = """
import time
from controllers.sessions.service import database_path
from controllers.sessions.store import SessionStore

store = SessionStore(database_path())
now = time.time()
sid = store.submit(lambda conn: conn.execute(
    "INSERT INTO sessions (kind, status, started_at, last_seen_at) VALUES ('stream', 'live', ?, ?)",
    (now, now)).lastrowid).result(10)
print("session", sid, flush=True)
while True:
    t = time.time()
    store.add_rows("samples", [(sid, t) + (None,) * 13 + (0, None)])
    print(t, flush=True)
    time.sleep(0.1)
"""


def test_kill_9_loses_at_most_the_last_instant_and_the_session_is_recovered() -> None:
    proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER], cwd=ROOT, env=os.environ.copy(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(line.strip() for line in proc.stdout or []), daemon=True)
    reader.start()
    try:
        wait_for(lambda: bool(lines), 20, "the writer to start")
        assert lines[0].startswith("session "), (lines, proc.stderr.read() if proc.poll() is not None else "")
        time.sleep(2.0)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        reader.join(5)
    assert proc.returncode == -signal.SIGKILL
    session_id = int(lines[0].split()[1])
    printed = [float(line) for line in lines[1:]]
    assert len(printed) >= 10, printed
    path = database_path()
    stored = [t for (t,) in query(path, "SELECT t FROM samples WHERE session_id = ? ORDER BY t", (session_id,))]
    assert stored, "nothing survived the kill"
    unprinted = [t for t in stored if t not in set(printed)]
    assert unprinted in ([], stored[-1:]), "only the last row may be stored unprinted (killed before its print)"
    known = stored[:len(stored) - len(unprinted)]
    assert known == printed[:len(known)], "a sample in the middle was lost"
    assert stored[-1] >= printed[-1] - 2.0, f"lost {len(printed) - len(stored)} of {len(printed)} samples"
    assert query(path, "SELECT status FROM sessions WHERE id = ?", (session_id,)) == [("live",)]

    setup = open_for_recording()
    try:
        assert setup.can_record
        assert setup.recovered == [session_id]
    finally:
        setup.close()
    summary = summary_of(path, session_id)
    assert summary.status == "interrupted"
    assert summary.ended_at == stored[-1] == summary.last_seen_at
    assert query(path, "SELECT t, kind FROM events WHERE session_id = ?", (session_id,)) == [
        (stored[-1], "interrupted")]
    again = open_for_recording()
    try:
        assert again.recovered == []
    finally:
        again.close()
    assert query(path, "SELECT COUNT(*) FROM events WHERE kind = 'interrupted'") == [(1,)]


def test_a_second_onair_cannot_record_and_leaves_the_live_session_alone() -> None:
    first = open_for_recording()
    try:
        assert first.can_record and first.recovered == []
        sid = new_session(first.store, started=time.time())
        first.store.add_rows("samples", [sample(sid, time.time())])
        assert first.store.flush(5)
        second = open_for_recording()
        try:
            assert not second.can_record
            assert second.recovered == []
        finally:
            second.close()
        path = database_path()
        assert summary_of(path, sid).status == "live"
        assert query(path, "SELECT COUNT(*) FROM events") == [(0,)]
    finally:
        first.close()
    third = open_for_recording()  # the lock, not luck, kept the session live: without it, it is recovered
    try:
        assert third.can_record and third.recovered == [sid]
    finally:
        third.close()


# -- export -------------------------------------------------------------------------------------------

@pytest.fixture
def exported_session(store: SessionStore) -> int:
    sid = new_session(store, started=5000.0)
    store.add_rows("samples", [sample(sid, 5000.0 + i) for i in range(1, 4)])
    store.add_rows("events", [event(sid, 5001.5, "marker", "<b>x</b>", {"note": "😀"}),
                              event(sid, 5002.5, "scene", "Main")])
    store.add_rows("chat", [chat(sid, 5010.0 + i, text, author=text[:50]) for i, text in enumerate(HOSTILE)])
    other = new_session(store, started=6000.0)
    store.add_rows("chat", [chat(other, 6001.0, "someone else's chat")])
    assert store.flush(5)
    return sid


def test_export_json_keeps_every_chat_text_exactly(store: SessionStore, exported_session: int,
                                                   tmp_path: Path) -> None:
    conn = store.reader()
    try:
        out = export_json(conn, exported_session, tmp_path / "out" / "session.json")
    finally:
        conn.close()
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert {"format", "session", "samples", "events", "chat"} <= doc.keys()
    assert doc["format"] == "onair-session"
    assert doc["session"]["id"] == exported_session and doc["session"]["chat_count"] == len(HOSTILE)
    assert [c["text"] for c in doc["chat"]] == HOSTILE
    assert [c["author"] for c in doc["chat"]] == [text[:50] for text in HOSTILE]
    assert [c["data"] for c in doc["chat"]] == [{"badge": text} for text in HOSTILE]
    assert [s["t"] for s in doc["samples"]] == [5001.0, 5002.0, 5003.0]
    assert doc["samples"][0]["fps"] == 60.0 and "session_id" not in doc["samples"][0]
    assert [(e["kind"], e["detail"], e["data"]) for e in doc["events"]] == [
        ("marker", "<b>x</b>", {"note": "😀"}), ("scene", "Main", {})]
    assert [p.name for p in out.parent.iterdir()] == ["session.json"], "a temporary file was left behind"


def test_export_jsonl_writes_one_object_per_message_with_text_exactly(store: SessionStore, exported_session: int,
                                                                     tmp_path: Path) -> None:
    conn = store.reader()
    try:
        out = export_jsonl(conn, exported_session, tmp_path / "out" / "chat.jsonl")
        with pytest.raises(ExportError, match="999"):
            export_jsonl(conn, 999, tmp_path / "missing.jsonl")
    finally:
        conn.close()
    raw = out.read_bytes().decode("utf-8")
    lines = raw.split("\n")  # only "\n" ends a line: U+2028 and friends stay inside their JSON string
    assert lines[-1] == "" and len(lines) - 1 == len(HOSTILE)
    items = [json.loads(line) for line in lines[:-1]]
    assert [set(i) for i in items] == [{"t", "platform", "message_id", "author", "author_id", "text", "roles",
                                        "paid_amount", "paid_currency", "kind", "data"}] * len(HOSTILE)
    assert [i["text"] for i in items] == HOSTILE
    assert [i["t"] for i in items] == sorted(i["t"] for i in items)
    assert all(i["kind"] == "message" and isinstance(i["roles"], list) for i in items)
    assert not (tmp_path / "missing.jsonl").exists()
    assert [p.name for p in out.parent.iterdir()] == ["chat.jsonl"], "a temporary file was left behind"


def test_export_csv_writes_three_files_with_headers_and_every_row(store: SessionStore, exported_session: int,
                                                                  tmp_path: Path) -> None:
    conn = store.reader()
    try:
        written = export_csv(conn, exported_session, tmp_path / "csv")
    finally:
        conn.close()
    assert sorted(p.name for p in written) == ["chat.csv", "events.csv", "samples.csv"]
    expected = {"samples.csv": (SAMPLE_COLUMNS, 3), "events.csv": (EVENT_COLUMNS, 2),
                "chat.csv": (CHAT_COLUMNS, len(HOSTILE))}
    for name, (columns, count) in expected.items():
        with open(tmp_path / "csv" / name, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        assert rows[0] == list(columns[1:]), name
        assert len(rows) - 1 == count, name
    with open(tmp_path / "csv" / "chat.csv", encoding="utf-8", newline="") as f:
        texts = [row["text"] for row in csv.DictReader(f)]
    assert texts == HOSTILE


def test_exporting_a_missing_session_or_onto_a_file_fails_clearly(store: SessionStore, exported_session: int,
                                                                  tmp_path: Path) -> None:
    conn = store.reader()
    try:
        with pytest.raises(ExportError, match="999"):
            export_json(conn, 999, tmp_path / "missing.json")
        with pytest.raises(ExportError, match="999"):
            export_csv(conn, 999, tmp_path / "missing")
        assert not (tmp_path / "missing.json").exists() and not (tmp_path / "missing").exists()
        occupied = tmp_path / "occupied"
        occupied.write_text("keep me", encoding="utf-8")
        with pytest.raises(ExportError, match="is a file"):
            export_csv(conn, exported_session, occupied)
        assert occupied.read_text(encoding="utf-8") == "keep me"
    finally:
        conn.close()


# -- the command line ---------------------------------------------------------------------------------

def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, env=os.environ.copy(),
                          capture_output=True, text=True, encoding="utf-8", timeout=60)


def test_cli_lists_and_exports_sessions(tmp_path: Path) -> None:
    store = SessionStore(database_path())
    try:
        sid = new_session(store, started=7000.0)
        store.add_rows("samples", [sample(sid, 7001.0), sample(sid, 7002.0)])
        store.add_rows("chat", [chat(sid, 7003.0, text) for text in HOSTILE])
        store.add_rows("events", [event(sid, 7004.0, "marker", "end")])
        store.execute("UPDATE sessions SET status = 'ended', ended_at = 7004.0, title = ? WHERE id = ?",
                      ("Show 😀", sid))
        assert store.flush(5)
    finally:
        store.close()

    listed = run_cli("sessions", "--json")
    assert listed.returncode == 0, listed.stderr
    (row,) = json.loads(listed.stdout)
    assert row["id"] == sid and row["title"] == "Show 😀" and row["status"] == "ended"
    assert (row["sample_count"], row["event_count"], row["chat_count"]) == (2, 1, len(HOSTILE))
    assert row["duration_s"] == 4.0

    out_json = tmp_path / "export.json"
    exported = run_cli("export", str(sid), "--format", "json", "--out", str(out_json))
    assert exported.returncode == 0, exported.stderr
    assert str(out_json) in exported.stdout
    doc = json.loads(out_json.read_text(encoding="utf-8"))
    assert [c["text"] for c in doc["chat"]] == HOSTILE and len(doc["samples"]) == 2

    out_dir = tmp_path / "export-csv"
    exported = run_cli("export", str(sid), "--format", "csv", "--out", str(out_dir))
    assert exported.returncode == 0, exported.stderr
    assert sorted(p.name for p in out_dir.iterdir()) == ["chat.csv", "events.csv", "samples.csv"]
    with open(out_dir / "chat.csv", encoding="utf-8", newline="") as f:
        assert [r["text"] for r in csv.DictReader(f)] == HOSTILE


def test_cli_export_of_a_missing_session_fails_in_one_line(tmp_path: Path) -> None:
    SessionStore(database_path()).close()
    result = run_cli("export", "999", "--format", "json", "--out", str(tmp_path / "x.json"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "999" in result.stderr
    assert not (tmp_path / "x.json").exists()


def test_cli_on_a_damaged_database_names_the_file(onair_home: Path) -> None:
    path = onair_home / "data" / "sessions.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    junk = os.urandom(4096)
    path.write_bytes(junk)
    result = run_cli("sessions")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert str(path) in result.stderr
    assert "damaged" in result.stderr
    assert path.read_bytes() == junk


# -- the recorder -------------------------------------------------------------------------------------

class FakeClock:
    def __init__(self, now: float = 1_700_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> float:
        self.now += seconds
        return self.now


def snapshot(streaming: bool) -> ObsSnapshot:
    return ObsSnapshot(obs_version="30.2.3", websocket_version="5.5.2", program_scene="Main",
                       stream=OutputState(active=streaming))


def stats(fps: float = 60.0) -> HealthStats:
    return HealthStats(active_fps=fps, cpu_usage=4.0, memory_mb=800.0, available_disk_mb=50_000.0,
                       render_total=60, encoder_total=60, stream_active=True, stream_bytes=1_000_000,
                       network_total=60, bitrate_kbps=6000.0, stream_duration_ms=1000)


def stream_state(recorder: SessionRecorder, state: str) -> None:
    recorder.on_event("StreamStateChanged", {"outputActive": state == OUTPUT_STARTED, "outputState": state})


class Rig:
    """A recorder on a real store with a fake clock; OBS is played by calling the listener methods."""

    def __init__(self, path: Path, resume_grace_s: float = 600.0) -> None:
        self.path = path
        self.store = SessionStore(path)
        self.clock = FakeClock()
        self.changes = 0
        self.recorder = SessionRecorder(self.store, clock=self.clock, resume_grace_s=resume_grace_s,
                                        on_change=self._changed)

    def _changed(self) -> None:
        self.changes += 1

    def changes_so_far(self) -> int:
        """on_change calls, counted once the writer has caught up (it calls them after committing)."""
        assert self.store.flush(5)
        return self.changes

    def connect(self, streaming: bool) -> None:
        self.recorder.on_snapshot(snapshot(streaming))
        self.recorder.on_status(ConnectionStatus(LinkState.CONNECTED, URL))

    def lose_obs(self, attempt: int = 1) -> None:
        self.recorder.on_status(ConnectionStatus(LinkState.RECONNECTING, URL, "connection to OBS lost",
                                                 retry_in_s=1.0, attempt=attempt))

    def events(self, session_id: int) -> list[tuple[float, str, str, dict[str, Any]]]:
        assert self.store.flush(5)
        rows = query(self.path, "SELECT t, kind, detail, data_json FROM events WHERE session_id = ? ORDER BY t, id",
                     (session_id,))
        return [(t, kind, detail, json.loads(data)) for t, kind, detail, data in rows]

    def kinds(self, session_id: int) -> list[str]:
        return [kind for _, kind, _, _ in self.events(session_id)]

    def samples(self, session_id: int) -> list[tuple[float, float]]:
        assert self.store.flush(5)
        return query(self.path, "SELECT t, fps FROM samples WHERE session_id = ? ORDER BY t", (session_id,))

    def summary(self, session_id: int) -> queries.SessionSummary:
        assert self.store.flush(5)
        return summary_of(self.path, session_id)

    def close(self) -> None:
        self.store.close()


@pytest.fixture
def rig(db_path: Path) -> Iterator[Rig]:
    r = Rig(db_path, resume_grace_s=60.0)
    yield r
    r.close()


def test_a_stream_makes_a_session_with_samples_markers_and_an_end(rig: Rig) -> None:
    rec, clock = rig.recorder, rig.clock
    rig.connect(streaming=False)
    rec.on_stats(stats())
    assert rec.session_id is None and query(rig.path, "SELECT COUNT(*) FROM sessions") == [(0,)]
    started = clock.advance(5)
    stream_state(rec, OUTPUT_STARTED)
    sid = rec.session_id
    assert sid is not None and rec.kind == "stream" and rig.changes_so_far() == 1
    for fps in (60.0, 59.0, 58.0):
        clock.advance(1)
        rec.on_stats(stats(fps))
    assert rec.add_marker("guest joined")
    assert rec.add_marker("replay this", at=started + 1.5)
    rec.on_event("CurrentProgramSceneChanged", {"sceneName": "BRB"})
    rec.on_meters({"Mic": (-20.0, -18.0)})
    ended = clock.advance(2)
    stream_state(rec, OUTPUT_STOPPED)
    assert rec.session_id is None and rig.changes_so_far() == 2
    rec.on_stats(stats())  # no session: nothing recorded
    summary = rig.summary(sid)
    assert (summary.kind, summary.status, summary.obs_version) == ("stream", "ended", "30.2.3")
    assert summary.started_at == started and summary.ended_at == ended and summary.last_seen_at == ended
    assert rig.samples(sid) == [(started + 1, 60.0), (started + 2, 59.0), (started + 3, 58.0)]
    assert [(t - started, kind, detail) for t, kind, detail, _ in rig.events(sid)] == [
        (0, "scene", "Main"), (0, "stream_started", ""), (1.5, "marker", "replay this"),
        (3, "marker", "guest joined"), (3, "scene", "BRB"), (5, "stream_stopped", "")]


def test_recorder_close_ends_the_open_session(rig: Rig) -> None:
    rig.connect(streaming=True)  # OBS was already streaming when OnAir connected
    sid = rig.recorder.session_id
    assert sid is not None
    closed = rig.clock.advance(30)
    rig.recorder.close()
    assert rig.recorder.session_id is None
    summary = rig.summary(sid)
    assert summary.status == "ended" and summary.ended_at == closed
    assert rig.kinds(sid)[-1] == "onair_closed"


def test_an_obs_outage_within_the_grace_continues_the_same_session(rig: Rig) -> None:
    rec, clock = rig.recorder, rig.clock
    rig.connect(streaming=False)
    started = clock.advance(1)
    stream_state(rec, OUTPUT_STARTED)
    sid = rec.session_id
    clock.advance(1)
    rec.on_stats(stats())
    lost = clock.advance(1)
    rig.lose_obs()
    for _ in range(10):
        clock.advance(1)
        rec.on_stats(stats())  # stale stats during the outage are not samples
        rig.lose_obs(attempt=2)
    back = clock.advance(20)
    rig.connect(streaming=False)  # OBS is back, its stream not yet
    assert rec.session_id == sid
    clock.advance(1)
    rec.on_stats(stats())  # still no stream: still a gap
    resumed = clock.advance(3)
    stream_state(rec, OUTPUT_STARTED)
    assert rec.session_id == sid
    clock.advance(1)
    rec.on_stats(stats())
    assert query(rig.path, "SELECT COUNT(*) FROM sessions") == [(1,)]
    assert [t - started for t, _ in rig.samples(sid)] == [1, resumed + 1 - started]
    events = rig.events(sid)
    assert [k for _, k, _, _ in events] == ["scene", "stream_started", "obs_disconnected", "obs_reconnected",
                                            "stream_resumed"]
    disconnected, reconnected, stream_resumed = events[2:]
    assert disconnected[:3] == (lost, "obs_disconnected", "connection to OBS lost")
    assert reconnected[0] == back and reconnected[3] == {"gap_s": back - lost} and back - lost == 30.0
    assert stream_resumed[0] == resumed
    assert rig.summary(sid).status == "live"


def test_an_outage_longer_than_the_grace_ends_the_session_where_obs_was_last_seen(rig: Rig) -> None:
    rec, clock = rig.recorder, rig.clock
    rig.connect(streaming=True)
    sid = rec.session_id
    assert sid is not None
    clock.advance(1)
    rec.on_stats(stats())
    lost = clock.advance(1)
    rig.lose_obs()
    clock.advance(30)
    rig.lose_obs(attempt=2)
    assert rec.session_id == sid, "expired before the grace was over"
    expired = clock.advance(31)
    rig.lose_obs(attempt=3)
    assert rec.session_id is None and rig.changes_so_far() == 2
    summary = rig.summary(sid)
    assert summary.status == "ended"
    assert summary.ended_at == lost, "the session must end where OBS was last seen, not when it expired"
    events = rig.events(sid)
    assert [k for _, k, _, _ in events] == ["scene", "obs_disconnected", "session_expired"]
    assert events[-1][0] == expired and "60 s" in events[-1][2]
    clock.advance(5)
    rig.connect(streaming=True)  # OBS back, still streaming: a new session
    assert rec.session_id not in (None, sid)


@pytest.mark.parametrize("noticed_by", ["stats", "stream-event"])
def test_the_grace_also_runs_out_while_obs_is_back_without_its_stream(rig: Rig, noticed_by: str) -> None:
    rec, clock = rig.recorder, rig.clock
    rig.connect(streaming=True)
    sid = rec.session_id
    assert sid is not None
    clock.advance(1)
    rig.lose_obs()
    clock.advance(5)
    back = clock.now
    rig.connect(streaming=False)  # OBS restarted after a crash; nobody starts the stream
    if noticed_by == "stats":
        for _ in range(70):
            clock.advance(1)
            rec.on_stats(HealthStats())  # OBS polled at 1 Hz, no status change
        assert rec.session_id is None, "the session outlived its grace while OBS was connected"
        assert rig.summary(sid).status == "ended"
    clock.advance(3600)
    stream_state(rec, OUTPUT_STARTED)  # an hour later: a new broadcast, not a resumption
    new = rec.session_id
    assert new not in (None, sid)
    assert rig.kinds(sid)[-2:] == ["obs_reconnected", "session_expired"]
    summary = rig.summary(sid)
    assert summary.status == "ended" and summary.ended_at == back  # OBS last seen: its reconnection
    assert rig.kinds(new) == ["scene", "stream_started"]


def test_a_rehearsal_starts_and_ends_without_a_stream(rig: Rig) -> None:
    rec, clock = rig.recorder, rig.clock
    assert rec.end_rehearsal() is False
    rig.connect(streaming=False)
    started = clock.now
    rid = rec.start_rehearsal("Soundcheck")
    assert rid is not None and rec.kind == "rehearsal"
    assert rec.start_rehearsal("again") == rid
    clock.advance(1)
    rec.on_stats(stats())
    assert rec.add_marker("mic too loud")
    rig.lose_obs()  # no outage logic for rehearsals: samples go on
    clock.advance(1)
    rec.on_stats(stats())
    ended = clock.advance(1)
    assert rec.end_rehearsal() is True
    assert rec.end_rehearsal() is False
    summary = rig.summary(rid)
    assert (summary.kind, summary.title, summary.status) == ("rehearsal", "Soundcheck", "ended")
    assert summary.started_at == started and summary.ended_at == ended
    assert [t - started for t, _ in rig.samples(rid)] == [1, 2]
    assert rig.kinds(rid) == ["scene", "marker", "rehearsal_ended"]


def test_a_stream_starting_during_a_rehearsal_ends_it_and_starts_a_stream_session(rig: Rig) -> None:
    rec, clock = rig.recorder, rig.clock
    rig.connect(streaming=False)
    rid = rec.start_rehearsal("Warm-up")
    assert rid is not None
    live = clock.advance(10)
    stream_state(rec, OUTPUT_STARTED)
    sid = rec.session_id
    assert sid not in (None, rid) and rec.kind == "stream"
    assert rec.start_rehearsal("not now") is None
    assert rec.end_rehearsal() is False
    rehearsal = rig.summary(rid)
    assert rehearsal.status == "ended" and rehearsal.ended_at == live
    assert rig.kinds(rid)[-1] == "rehearsal_ended"
    stream = rig.summary(sid)
    assert (stream.kind, stream.status, stream.started_at) == ("stream", "live", live)


def test_on_change_comes_once_the_change_is_committed(rig: Rig) -> None:
    """The sessions list refreshes on on_change: it must read the session as started or ended."""
    rec = rig.recorder
    statuses: list[list[tuple[Any, ...]]] = []
    rec.on_change = lambda: statuses.append(query(rig.path, "SELECT status FROM sessions"))
    rig.connect(streaming=False)
    stream_state(rec, OUTPUT_STARTED)
    assert rig.store.flush(5)
    assert statuses == [[("live",)]]
    gate = WriterGate(rig.store)  # the writer is busy when the stream stops
    rig.clock.advance(5)
    stream_state(rec, OUTPUT_STOPPED)
    assert rec.session_id is None
    assert statuses == [[("live",)]], "on_change came before the end was written"
    gate.open()
    assert rig.store.flush(5)
    assert statuses == [[("live",)], [("ended",)]]


def test_a_marker_without_a_session_is_refused(rig: Rig) -> None:
    assert rig.recorder.add_marker("nothing open") is False
    rig.connect(streaming=False)
    assert rig.recorder.add_marker("still nothing") is False
    assert rig.store.flush(5)
    assert query(rig.path, "SELECT COUNT(*) FROM events") == [(0,)]
