"""Session store throughput and review load time, on real SQLite files in a temporary folder.

Usage::

    .venv/bin/python benchmarks/session_store.py                   # the full run (about a minute)
    .venv/bin/python benchmarks/session_store.py --rows 30000 --runs 1 --chat 30000   # a quick look

What is measured (wall clock, ``time.perf_counter``):

* **insert rate** — one producer thread calls ``SessionStore.add_rows(kind, chunk)`` for ``--rows``
  prepared rows in chunks of 100 and of 1,000; the clock runs from the first ``add_rows`` until
  ``flush()`` returns (every row committed by the writer thread). Rows/s, for ``chat`` and ``samples``;
  the median of ``--runs`` runs, each into a fresh database. The number of writer transactions
  (batches) is shown too.
* **12-hour session** — 43,200 samples (1 Hz), ``--chat`` chat messages spread over the 12 hours,
  500 events and 720 viewer counts, written through the store, plus 49 short sessions beside it.
  Then, each run on a fresh connection (SQLite's page cache empty; the OS file cache is warm):
  ``queries.load_session`` for the long session (min/median of 5, with the time of each query inside
  it) and ``queries.list_sessions``.

Targets: ≥ 50,000 chat rows/s sustained; a 12-hour session loads in < 1 s.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from controllers.sessions import queries  # noqa: E402
from controllers.sessions.schema import CHAT_COLUMNS, SAMPLE_COLUMNS  # noqa: E402
from controllers.sessions.store import SessionStore, connect  # noqa: E402

T0 = 1_700_000_000.0
TWELVE_HOURS = 12 * 3600
CHAT_TARGET_ROWS_S = 50_000
LOAD_TARGET_S = 1.0
WORDS = ("gg", "lol", "nice", "what", "is", "that", "song", "hello", "from", "Taipei", "😀", "中文", "poggers",
         "can", "you", "hear", "me", "first", "time", "here", "love", "the", "stream", "<3")


def chat_row(rng: random.Random, session_id: int, t: float, i: int) -> tuple[Any, ...]:
    text = " ".join(rng.choices(WORDS, k=rng.randint(1, 12)))
    paid = (5.0, "USD") if i % 997 == 0 else (None, None)
    return (session_id, t, "twitch", f"msg-{i:08d}", f"viewer{rng.randint(1, 5000)}", f"u{i % 5000}", text,
            "sub" if i % 7 == 0 else "", paid[0], paid[1], "{}" if i % 50 else json.dumps({"emotes": [[0, 2]]}))


def sample_row(session_id: int, t: float, i: int) -> tuple[Any, ...]:
    return (session_id, t, 60.0, 4.2, 812.5, 51_200.0, i // 500, i * 60, i // 900, i * 60, i // 300, i * 60,
            i * 750_000, 6000.0 + (i % 17), 0.01, 0, i * 1000)


def new_session(store: SessionStore, started: float, title: str = "") -> int:
    return store.submit(lambda conn: int(conn.execute(
        "INSERT INTO sessions (kind, title, status, started_at, last_seen_at) VALUES ('stream', ?, 'live', ?, ?)",
        (title, started, started)).lastrowid)).result(60)


# -- (a) insert rate ----------------------------------------------------------------------------------

def insert_run(folder: Path, kind: str, total: int, chunk: int) -> tuple[float, int]:
    """Seconds from the first add_rows until flush() returned, and the writer's transaction count."""
    errors: list[str] = []
    path = folder / f"insert-{kind}-{chunk}.sqlite3"
    store = SessionStore(path, on_error=errors.append)
    batches: list[int] = []
    write = store._write

    def counting_write(conn: sqlite3.Connection, batch: list[Any], isolate: bool = False) -> None:
        batches.append(len(batch))
        write(conn, batch, isolate)

    store._write = counting_write  # type: ignore[method-assign]
    try:
        sid = new_session(store, T0)
        rng = random.Random(1)
        if kind == "chat":
            rows = [chat_row(rng, sid, T0 + i * 0.01, i) for i in range(total)]
        else:
            rows = [sample_row(sid, T0 + i, i) for i in range(total)]
        chunks = [rows[i:i + chunk] for i in range(0, total, chunk)]
        del batches[:]
        start = time.perf_counter()
        for part in chunks:
            store.add_rows(kind, part)
        assert store.flush(600), "flush timed out"
        elapsed = time.perf_counter() - start
    finally:
        store.close()
    table = "chat_messages" if kind == "chat" else "samples"
    conn = sqlite3.connect(path)
    try:
        count = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        last_seen = conn.execute("SELECT last_seen_at FROM sessions").fetchone()[0]
    finally:
        conn.close()
    assert count == total, f"{count} rows stored, {total} queued"
    assert last_seen == rows[-1][1], "last_seen_at did not follow the rows"
    assert not errors, errors
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return elapsed, len(batches)


def bench_inserts(folder: Path, total: int, runs: int) -> list[tuple[str, int, float, int]]:
    results = []
    print(f"(a) sustained insert rate: {total:,} rows per run, one producer thread, "
          f"median of {runs} run(s), timed until flush() returns")
    print(f"    {'kind':8} {'chunk':>6} {'rows/s':>10} {'seconds':>8} {'batches':>8}  target")
    for kind in ("chat", "samples"):
        for chunk in (100, 1000):
            timings = [insert_run(folder, kind, total, chunk) for _ in range(runs)]
            seconds = statistics.median(t for t, _ in timings)
            transactions = int(statistics.median(n for _, n in timings))
            rate = total / seconds
            target = ""
            if kind == "chat":
                target = f"≥ {CHAT_TARGET_ROWS_S:,}/s  {'met' if rate >= CHAT_TARGET_ROWS_S else 'MISSED'}"
            print(f"    {kind:8} {chunk:>6} {rate:>10,.0f} {seconds:>8.2f} {transactions:>8}  {target}")
            results.append((kind, chunk, rate, transactions))
    return results


# -- (b) a 12-hour session ----------------------------------------------------------------------------

def build_long_session(path: Path, chat_total: int) -> int:
    rng = random.Random(12)
    store = SessionStore(path)
    try:
        for n in range(49):  # older, short sessions beside the long one
            started = T0 - (n + 1) * 86_400
            short = new_session(store, started, f"short {n}")
            store.add_rows("samples", [sample_row(short, started + i, i) for i in range(300)])
            store.add_rows("chat", [chat_row(rng, short, started + i, i) for i in range(200)])
            store.execute("UPDATE sessions SET status = 'ended', ended_at = ? WHERE id = ?", (started + 300, short))
        sid = new_session(store, T0, "12-hour marathon")
        samples = [sample_row(sid, T0 + i, i) for i in range(TWELVE_HOURS)]
        chat_times = sorted(T0 + rng.random() * TWELVE_HOURS for _ in range(chat_total))
        kinds = ("scene", "marker", "mute", "unmute", "stream_reconnecting", "stream_reconnected")
        events = [(sid, T0 + i * TWELVE_HOURS / 500, kinds[i % len(kinds)], f"detail {i}", "{}") for i in range(500)]
        viewers = [(sid, T0 + i * 60.0, "twitch", 1000 + i) for i in range(TWELVE_HOURS // 60)]
        for i in range(0, len(samples), 3600):  # as it would arrive: interleaved, in hour-sized pieces
            store.add_rows("samples", samples[i:i + 3600])
        for i in range(0, chat_total, 1000):
            store.add_rows("chat", [chat_row(rng, sid, chat_times[j], j) for j in range(i, min(i + 1000, chat_total))])
        store.add_rows("events", events)
        store.add_rows("viewers", viewers)
        store.execute("UPDATE sessions SET status = 'ended', ended_at = ? WHERE id = ?", (T0 + TWELVE_HOURS, sid))
        assert store.flush(600)
    finally:
        store.close()
    return sid


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def load_breakdown(path: Path, sid: int) -> dict[str, float]:
    """The queries of load_session one by one, on a fresh connection (what dominates)."""
    conn = connect(path)
    try:
        parts = {
            "summary": lambda: queries.get_summary(conn, sid),
            "samples": lambda: conn.execute(f"SELECT {','.join(SAMPLE_COLUMNS[1:])} FROM samples "
                                            "WHERE session_id = ? ORDER BY t", (sid,)).fetchall(),
            "events": lambda: conn.execute("SELECT t, kind, detail, data_json FROM events WHERE session_id = ? "
                                           "ORDER BY t, id", (sid,)).fetchall(),
            "chat_per_minute": lambda: conn.execute(queries._CHAT_PER_MINUTE_SQL, (sid,)).fetchall(),
            "viewers": lambda: conn.execute("SELECT t, platform, viewers FROM viewer_samples WHERE session_id = ? "
                                            "ORDER BY t", (sid,)).fetchall(),
        }
        times = {name: timed(fn)[0] for name, fn in parts.items()}
        times["(chat per minute by GROUP BY, before)"] = timed(lambda: conn.execute(
            "SELECT CAST(t / 60 AS INTEGER) * 60.0 AS minute, COUNT(*) FROM chat_messages "
            "WHERE session_id = ? GROUP BY minute ORDER BY minute", (sid,)).fetchall())[0]
        return times
    finally:
        conn.close()


def bench_long_session(folder: Path, chat_total: int, runs: int = 5) -> tuple[float, float]:
    path = folder / "twelve-hours.sqlite3"
    print(f"\n(b) a 12-hour session: {TWELVE_HOURS:,} samples, {chat_total:,} chat messages, 500 events, "
          f"{TWELVE_HOURS // 60} viewer counts (+ 49 short sessions)")
    build_s, sid = timed(lambda: build_long_session(path, chat_total))
    size_mb = sum(os.path.getsize(p) for p in folder.glob("twelve-hours.sqlite3*")) / 1e6
    print(f"    built in {build_s:.1f} s; database {size_mb:.1f} MB")

    loads = []
    for _ in range(runs):
        conn = connect(path)
        try:
            seconds, data = timed(lambda conn=conn: queries.load_session(conn, sid))
        finally:
            conn.close()
        loads.append(seconds)
    assert data is not None
    assert len(data.samples) == TWELVE_HOURS and len(data.events) == 500, "load_session lost rows"
    assert sum(n for _, n in data.chat_per_minute) == chat_total, "chat per minute does not add up"
    assert data.summary.chat_count == chat_total and len(data.chat_per_minute) in (720, 721)
    low, mid = min(loads), statistics.median(loads)
    verdict = "met" if mid < LOAD_TARGET_S else "MISSED"
    print(f"    load_session, fresh connection: min {low:.3f} s, median {mid:.3f} s over {runs} runs"
          f"   target < {LOAD_TARGET_S:.0f} s  {verdict}")
    parts = load_breakdown(path, sid)
    print("    inside it: " + ", ".join(f"{name} {seconds * 1000:.0f} ms" for name, seconds in parts.items()))

    lists = []
    for _ in range(runs):
        conn = connect(path)
        try:
            seconds, listed = timed(lambda conn=conn: queries.list_sessions(conn))
        finally:
            conn.close()
        lists.append(seconds)
    assert len(listed) == 50 and listed[0].id == sid
    print(f"    list_sessions ({len(listed)} sessions), fresh connection: min {min(lists) * 1000:.1f} ms, "
          f"median {statistics.median(lists) * 1000:.1f} ms")
    return low, mid


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=300_000, help="rows per insert run (default 300,000)")
    parser.add_argument("--runs", type=int, default=3, help="insert runs per configuration (default 3)")
    parser.add_argument("--chat", type=int, default=300_000, help="chat messages in the 12-hour session")
    args = parser.parse_args(argv)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, {platform.machine()}, "
          f"{os.cpu_count()} CPUs, load average {load}")
    print(f"chat row: {len(CHAT_COLUMNS)} columns; sample row: {len(SAMPLE_COLUMNS)} columns\n")
    with tempfile.TemporaryDirectory(prefix="onair-bench-") as tmp:
        bench_inserts(Path(tmp), args.rows, args.runs)
        bench_long_session(Path(tmp), args.chat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
