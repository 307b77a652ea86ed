"""How long ``build_review`` takes for a synthetic 12-hour session.

    .venv/bin/python benchmarks/review_build.py [--db PATH] [--repeat 3]

The session: 43,200 samples (1 Hz, one OBS outage, a counter reset, reconnecting), 300,000 chat
messages from 20,000 chatters on two platforms (some paid), 1,440 viewer counts (every 30 s), 500
events. Prints the database build time and the best/median ``build_review`` time without a
comparison; with ``--previous N`` also N earlier 12-hour sessions on the same platform and the time
with the comparison, first (computed) and again (cached).
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from controllers.review.build import build_review  # noqa: E402
from controllers.sessions.store import connect, migrate  # noqa: E402

HOURS = 12
START = 1_790_000_000.0


def make_session(conn: sqlite3.Connection, *, hours: int = HOURS, chat: int = 300_000, events: int = 500,
                 seed: int = 1, start: float = START, title: str = "Benchmark 12 h", chatters: int = 20_000) -> int:
    """Write one synthetic session; returns its id. ``chatters``: how many distinct authors write the chat."""
    rng = random.Random(seed)
    n = hours * 3600
    START = start  # noqa: N806 - the module constant, shifted
    end = START + n
    conn.execute("BEGIN")
    sid = int(conn.execute(
        "INSERT INTO sessions (kind, title, platform, status, started_at, ended_at, last_seen_at) "
        "VALUES ('stream', ?, 'youtube', 'ended', ?, ?, ?)", (title, START, end, end)).lastrowid or 0)
    samples = []
    render = encoder = net = net_total = 0
    total = 0
    for i in range(n):
        t = START + i + 0.5
        if 20_000 <= i < 20_120:      # OBS outage: no samples
            continue
        if i == 20_120:               # OBS restarted: counters reset
            render = encoder = net = net_total = total = 0
        total += 60
        net_total += 60
        render += rng.random() < 0.01
        encoder += rng.random() < 0.005
        net += rng.random() < 0.02
        reconnecting = 1 if 30_000 <= i < 30_010 else 0
        samples.append((sid, t, 60.0 - rng.random(), 10 + rng.random() * 20, 900.0, 50_000.0, render, total,
                        encoder, total, net, net_total, i * 750_000, 6000 + rng.random() * 100, 0.0,
                        reconnecting, i * 1000))
    conn.executemany(f"INSERT INTO samples VALUES ({','.join('?' * 17)})", samples)
    chat_rows = []
    for i in range(chat):
        t = START + rng.random() * n
        author = rng.randrange(chatters)
        platform = "youtube" if author % 3 else "twitch"
        paid = rng.random() < 0.002
        kind = "paid" if paid else "message"
        chat_rows.append((sid, t, platform, f"m{i}", f"user{author}", f"id{author}", "hello there " * 3, "",
                          5.0 if paid else None, "USD" if paid else None, json.dumps({"kind": kind})))
    chat_rows.sort(key=lambda r: r[1])
    conn.executemany("INSERT INTO chat_messages (session_id, t, platform, message_id, author, author_id, text, "
                     "roles, paid_amount, paid_currency, data_json) VALUES (?,?,?,?,?,?,?,?,?,?,?)", chat_rows)
    conn.executemany("INSERT INTO viewer_samples VALUES (?, ?, 'youtube', ?)",
                     [(sid, START + i * 30.0, 200 + rng.randrange(100)) for i in range(n // 30)])
    plain = max(0, events - 4)                       # 4 outage/reconnect events always
    scenes, markers = plain * 400 // 496, plain * 90 // 496
    kinds = ["scene"] * scenes + ["marker"] * markers + ["mute"] * (plain - scenes - markers)
    ev = [(sid, START + rng.random() * n, k, f"{k} {j}", "{}") for j, k in enumerate(kinds)]
    ev += [(sid, START + 20_000, "obs_disconnected", "lost", "{}"),
           (sid, START + 20_120, "obs_reconnected", "120.0 s", json.dumps({"gap_s": 120.0})),
           (sid, START + 30_000, "stream_reconnecting", "", "{}"),
           (sid, START + 30_010, "stream_reconnected", "", "{}")]
    conn.executemany("INSERT INTO events (session_id, t, kind, detail, data_json) VALUES (?,?,?,?,?)", ev)
    conn.execute("COMMIT")
    return sid


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="reuse or create this database (default: a temporary one)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--previous", type=int, default=0, help="earlier 12-hour sessions to compare with")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench.sqlite3"
        conn = connect(path)
        migrate(conn, path)
        row = conn.execute("SELECT id FROM sessions WHERE title = 'Benchmark 12 h'").fetchone()
        t0 = time.perf_counter()
        sid = int(row[0]) if row else make_session(conn)
        have = conn.execute("SELECT COUNT(*) FROM sessions WHERE title LIKE 'Previous%'").fetchone()[0]
        for i in range(have, args.previous):
            make_session(conn, seed=100 + i, start=START - (i + 1) * 86_400.0, title=f"Previous {i + 1}")
        print(f"database ready in {time.perf_counter() - t0:.1f} s (session {sid})")
        conn.close()
        times = []
        for _ in range(args.repeat):
            conn = connect(path)  # a cold connection each time, as the panel's reader opens one
            t0 = time.perf_counter()
            review = build_review(conn, sid, compare_n=0)
            times.append(time.perf_counter() - t0)
            conn.close()
            assert review is not None
        print(f"build_review, 12 h session: best {min(times) * 1000:.0f} ms, median "
              f"{statistics.median(times) * 1000:.0f} ms over {len(times)} runs (no comparison)")
        if args.previous:
            for label in ("computed", "cached"):
                conn = connect(path)
                t0 = time.perf_counter()
                compared = build_review(conn, sid, compare_n=args.previous)
                elapsed = time.perf_counter() - t0
                conn.close()
                assert compared is not None and len(compared.comparison) == args.previous
                print(f"build_review with {args.previous} previous 12 h sessions ({label}): {elapsed * 1000:.0f} ms")
        for key in ("duration_s", "peak_viewers", "avg_viewers", "chat_messages", "unique_chatters",
                    "dropped_frames_pct", "reconnecting_s", "obs_outages"):
            print(f"  {key} = {review.indicators.get(key)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
