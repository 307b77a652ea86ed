"""Chat ingest: how many Twitch messages a second OnAir parses, shows and stores without falling behind.

Usage::

    .venv/bin/python benchmarks/chat_ingest.py                       # the full run (about 2 minutes)
    .venv/bin/python benchmarks/chat_ingest.py --rates 1000,3000 --seconds 3 --total 0   # a quick look

The chain is the app's own, end to end:

* a fake Twitch IRC-over-WebSocket server (tests/fakes/fake_twitch.py, ``send_paced``) in a **child
  process** (so its CPU does not count against OnAir's GIL), sending realistic tagged PRIVMSG lines
  (badges, colour, an emote, ``tmi-sent-ts`` = the send time) at a fixed rate, the lines due every
  10 ms in one WebSocket frame;
* a real ``TwitchChatSource`` → ``ChatHub`` (batched to the GUI thread) → a real ``ChatPanel``
  (offscreen ``QApplication``, shown, 480×800) and a real ``SessionStore`` (SQLite in a temporary
  folder) recording a rehearsal session.

For each rate (``--rates``, ``--seconds`` each) it reports the rate actually sent, the display lag
(time from ``tmi-sent-ts`` to the batch being inserted into the panel's model; p50/p99/max over the
batches), the store lag (sampled every 100 ms: now − ``t`` of the newest stored row), and how long
after the last send every message was shown and stored (drain). A rate **keeps up** when the p99
display and store lags and both drains are ≤ 1 s. ``CPU %`` is the whole process's CPU time over the
phase (200 % = both cores of a 2-core box), ``GUI %`` the GUI thread's alone (100 % = saturated). At
1,000 msg/s it also reports the GUI event-loop latency: a 5 ms ``QTimer``'s lateness, p50/p99/max.
Then it tops the session up to ``--total`` messages (at the highest rate that kept up) and reports
the process's RSS. ``--unbatched`` puts back the hub's old path (one queued signal and one
``beginInsertRows`` per message) for comparison. What the chat list itself costs the GUI thread
with many rows loaded and a trickle of chat: ``benchmarks/chat_view_cpu.py``.

Targets: ≥ 3,000 msg/s sustained; loop latency p99 < 50 ms at 1,000 msg/s; RSS < 400 MB after
200,000 messages. The exit status is 0 when all are met.
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import os
import platform
import sqlite3
import sys
import tempfile
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_RATE = 3000
TARGET_P99_MS = 50.0
TARGET_RSS_MB = 400.0
KEEP_UP_S = 1.0


# -- the child process: the fake Twitch server ------------------------------------------------------


def make_line(n: int, now_ms: int) -> str:
    """A PRIVMSG as Twitch sends it with the tags and commands capabilities (about 420 bytes)."""
    user = n % 997
    return (f"@badge-info=subscriber/12;badges=subscriber/12,premium/1;client-nonce=0a1b2c3d4e5f;color=#1E90FF;"
            f"display-name=Viewer{user};emotes=25:0-4;first-msg=0;flags=;id=bench-{n:08d};mod=0;"
            f"returning-chatter=0;room-id=12345678;subscriber=1;tmi-sent-ts={now_ms};turbo=0;"
            f"user-id={100000 + user};user-type= :viewer{user}!viewer{user}@viewer{user}.tmi.twitch.tv "
            f"PRIVMSG #bench :Kappa message {n} — hello chat, how is everyone doing tonight? <b>not bold</b>")


def serve(conn: Connection) -> None:
    from tests.fakes.fake_twitch import FakeTwitchServer

    server = FakeTwitchServer().start()
    conn.send(server.url)
    while True:
        command = conn.recv()
        if command is None:
            break
        _, rate, seconds, start = command
        began = time.monotonic()
        sent = server.send_paced(make_line, rate, seconds, start=start)
        conn.send((sent, time.monotonic() - began))
    server.stop()


# -- measuring (GUI thread) -------------------------------------------------------------------------


def rss_mb() -> tuple[float, float]:
    """(current RSS, peak RSS) of this process in MB, from /proc."""
    values = {}
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) / 1024
    return values.get("VmRSS", 0.0), values.get("VmHWM", 0.0)


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> int:  # noqa: C901 - one linear script
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rates", default="500,1000,2000,3000,5000,8000", help="msg/s, comma separated")
    parser.add_argument("--seconds", type=float, default=5.0, help="seconds per rate")
    parser.add_argument("--total", type=int, default=200_000, help="messages in all before RSS is read")
    parser.add_argument("--unbatched", action="store_true",
                        help="before: one queued signal and one beginInsertRows per message (the hub as it was)")
    args = parser.parse_args()
    rates = [int(r) for r in args.rates.split(",") if r.strip()]

    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=serve, args=(child,), daemon=True, name="fake-twitch")
    proc.start()
    url = parent.recv()

    from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
    from PySide6.QtWidgets import QApplication

    from controllers.chat.hub import ChatHub
    from controllers.chat.model import ChatMessage
    from controllers.chat.twitch import TwitchChatSource
    from controllers.sessions.recorder import SessionRecorder
    from controllers.sessions.store import SessionStore
    from ui.chat_panel import ChatPanel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    tmp = Path(tempfile.mkdtemp(prefix="onair-chat-bench-"))
    db = tmp / "sessions.sqlite3"
    store = SessionStore(db)
    recorder = SessionRecorder(store)
    session_id = recorder.start_rehearsal("chat ingest benchmark")
    hub = ChatHub()
    hub.record_into(store, lambda: session_id)
    panel = ChatPanel(hub)
    if args.unbatched:
        unbatch(hub, panel)
    panel.resize(480, 800)
    panel.show()

    class Meter(QObject):
        done = Signal()

        def __init__(self) -> None:
            super().__init__()
            self.lock = threading.Lock()
            self.shown = 0
            self.lags: list[float] = []
            self.loop: list[float] = []
            self.measure_loop = False
            self.gui_cpu = 0.0  # the GUI thread's CPU seconds, as of the last tick
            self.last_tick = time.perf_counter()
            self.timer = QTimer(self)
            self.timer.setTimerType(Qt.TimerType.PreciseTimer)
            self.timer.setInterval(5)
            self.timer.timeout.connect(self.tick)
            self.timer.start()
            self.done.connect(app.quit, Qt.ConnectionType.QueuedConnection)

        @Slot(object)
        def on_batch(self, batch: list[ChatMessage]) -> None:
            lag = time.time() - batch[0].t
            with self.lock:
                self.shown += len(batch)
                self.lags.append(lag)

        @Slot(object)
        def on_one(self, message: ChatMessage) -> None:
            self.on_batch([message])

        @Slot()
        def tick(self) -> None:
            now = time.perf_counter()
            if self.measure_loop:
                self.loop.append(max(0.0, now - self.last_tick - 0.005))
            self.last_tick = now
            self.gui_cpu = time.thread_time()

        def take(self) -> tuple[int, list[float], list[float]]:
            with self.lock:
                lags, self.lags = self.lags, []
                loop, self.loop = self.loop, []
                return self.shown, lags, loop

    meter = Meter()
    if args.unbatched:
        hub.message_received.connect(meter.on_one)
    else:
        hub.messages_received.connect(meter.on_batch)  # after the panel's own connection: runs after the insert
    source = TwitchChatSource("bench", hub, url=url, backoff=(0.1, 0.5))
    hub.add_source(source)
    results: list[dict[str, Any]] = []
    summary: dict[str, Any] = {}

    def stored_state(reader: sqlite3.Connection) -> tuple[int, float]:
        row = reader.execute("SELECT id, t FROM chat_messages ORDER BY id DESC LIMIT 1").fetchone()
        return (int(row[0]), float(row[1])) if row else (0, 0.0)

    def run_rate(reader: sqlite3.Connection, rate: int, seconds: float, start: int,
                 loop_latency: bool) -> dict[str, Any]:
        meter.take()
        meter.measure_loop = loop_latency
        cpu0, gui0, wall0 = time.process_time(), meter.gui_cpu, time.monotonic()
        parent.send(("send", rate, seconds, start))
        store_lags: list[float] = []
        while not parent.poll(0.1):
            stored, newest = stored_state(reader)
            if stored > start:
                store_lags.append(time.time() - newest)
        sent, took = parent.recv()
        meter.measure_loop = False
        end = time.monotonic()
        wall = end - wall0
        cpu, gui = (time.process_time() - cpu0) / wall, (meter.gui_cpu - gui0) / wall
        total = start + sent
        shown_at = stored_at = None
        while time.monotonic() - end < 30 and (shown_at is None or stored_at is None):
            shown = meter.shown
            stored, _ = stored_state(reader)
            if shown_at is None and shown >= total:
                shown_at = time.monotonic() - end
            if stored_at is None and stored >= total:
                stored_at = time.monotonic() - end
            time.sleep(0.01)
        _, lags, loop = meter.take()
        result = {
            "rate": rate, "sent": sent, "sent_rate": sent / took if took else 0.0,
            "lag_p50": pct(lags, 0.5), "lag_p99": pct(lags, 0.99), "lag_max": max(lags, default=float("nan")),
            "store_p99": pct(store_lags, 0.99), "drain_show": shown_at, "drain_store": stored_at,
            "batches": len(lags), "loop": loop, "cpu": cpu, "gui": gui,
        }
        result["kept_up"] = (shown_at is not None and stored_at is not None and shown_at <= KEEP_UP_S
                             and stored_at <= KEEP_UP_S and result["lag_p99"] <= KEEP_UP_S
                             and (not store_lags or result["store_p99"] <= KEEP_UP_S)
                             and result["sent_rate"] >= 0.95 * rate)
        return result

    def drive() -> None:
        try:
            deadline = time.monotonic() + 20
            while hub.statuses.get("twitch", ("", ""))[0] != "connected":
                if time.monotonic() > deadline:
                    raise RuntimeError(f"the Twitch source did not connect: {hub.statuses}")
                time.sleep(0.05)
            reader = sqlite3.connect(db, timeout=5)
            sent_total = 0
            run_rate(reader, 500, 1.0, sent_total, False)  # warm-up, not reported
            sent_total = meter.shown
            for rate in rates:
                result = run_rate(reader, rate, args.seconds, sent_total, rate == 1000)
                sent_total += result["sent"]
                results.append(result)
                print(format_row(result), flush=True)
                if result["drain_show"] is None or result["drain_store"] is None or result["drain_show"] > 10:
                    break  # hopelessly behind: higher rates would only take longer
            kept = [r["rate"] for r in results if r["kept_up"]]
            fill_rate = max(kept, default=1000)
            remaining = args.total - sent_total
            if remaining > 0:
                print(f"topping up to {args.total:,} messages at {fill_rate:,} msg/s ({remaining / fill_rate:.0f} s)…",
                      flush=True)
                result = run_rate(reader, fill_rate, remaining / fill_rate, sent_total, False)
                sent_total += result["sent"]
                summary["fill"] = result
            reader.close()
            gc.collect()
            time.sleep(0.5)
            summary["messages"] = sent_total
            summary["rss"] = rss_mb()
            summary["rows"] = panel.model.rowCount()
        except Exception as exc:  # report, then quit
            summary["error"] = repr(exc)
        finally:
            meter.done.emit()

    print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs, "
          f"load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}; database in {tmp}")
    print(f"{'rate':>6} {'sent/s':>8} {'batches':>7} {'show lag p50/p99/max ms':>24} {'store lag p99 ms':>16} "
          f"{'drain show/store s':>19} {'CPU %':>6} {'GUI %':>6}  kept up")
    driver = threading.Thread(target=drive, name="bench-driver", daemon=True)
    QTimer.singleShot(0, driver.start)
    app.exec()
    driver.join(5)

    hub.stop()
    parent.send(None)
    proc.join(10)
    recorder.end_rehearsal()
    store.flush()
    recorder.close()
    store.close()

    if "error" in summary:
        print("FAILED:", summary["error"])
        return 2
    kept = [r["rate"] for r in results if r["kept_up"]]
    best = max(kept, default=0)
    at_1000 = next((r for r in results if r["rate"] == 1000), None)
    loop = at_1000["loop"] if at_1000 else []
    p50, p99, worst = pct(loop, 0.5) * 1000, pct(loop, 0.99) * 1000, max(loop, default=0.0) * 1000
    rss, peak = summary["rss"]
    print()
    print(f"highest sustained rate that kept up: {best:,} msg/s  (target ≥ {TARGET_RATE:,})  "
          f"{'met' if best >= TARGET_RATE else 'NOT MET'}")
    if at_1000:
        print(f"GUI loop latency at 1,000 msg/s (5 ms timer lateness, {len(loop)} ticks): p50 {p50:.1f} ms, "
              f"p99 {p99:.1f} ms, max {worst:.1f} ms  (target p99 < {TARGET_P99_MS:.0f})  "
              f"{'met' if p99 < TARGET_P99_MS else 'NOT MET'}")
    print(f"RSS after {summary['messages']:,} messages: {rss:.0f} MB (peak {peak:.0f} MB; panel holds "
          f"{summary['rows']:,} rows)  (target < {TARGET_RSS_MB:.0f} MB)  "
          f"{'met' if rss < TARGET_RSS_MB else 'NOT MET'}")
    ok = best >= TARGET_RATE and (at_1000 is None or p99 < TARGET_P99_MS) and rss < TARGET_RSS_MB
    return 0 if ok else 1


def unbatch(hub: Any, panel: Any) -> None:
    """Before: the hub emitted ``message_received`` per message straight from the source thread (one
    queued signal each) and the panel inserted each with its own ``beginInsertRows``."""
    hub.messages_received.disconnect(panel.model.add_messages)
    hub.messages_received.disconnect(panel._on_messages)
    hub.message_received.connect(panel.model.add_message)
    hub.message_received.connect(panel._on_message)
    hub._enqueue = lambda item: (hub.message_received if type(item).__name__ == "ChatMessage"
                                 else hub.message_removed).emit(item)


def format_row(r: dict[str, Any]) -> str:
    def ms(x: float) -> str:
        return f"{x * 1000:.0f}" if x == x else "–"

    def s(x: float | None) -> str:
        return f"{x:.2f}" if x is not None else ">30"

    return (f"{r['rate']:>6,} {r['sent_rate']:>8,.0f} {r['batches']:>7} "
            f"{ms(r['lag_p50']) + ' / ' + ms(r['lag_p99']) + ' / ' + ms(r['lag_max']):>24} {ms(r['store_p99']):>16} "
            f"{s(r['drain_show']) + ' / ' + s(r['drain_store']):>19} {r['cpu'] * 100:>6.0f} {r['gui'] * 100:>6.0f}  "
            f"{'yes' if r['kept_up'] else 'NO'}")


if __name__ == "__main__":
    sys.exit(main())
