"""Chat view CPU: what a trickle of chat costs the GUI thread when the list already holds many rows.

Usage::

    .venv/bin/python benchmarks/chat_view_cpu.py --rows 20000 --rate 5 --seconds 20
    .venv/bin/python benchmarks/chat_view_cpu.py --rows 20000 --rate 200 --seconds 20

A real :class:`ChatHub` and a real :class:`ChatPanel` (offscreen ``QApplication``, shown, 480×800,
following the newest row). ``--rows`` messages are fed first (through the hub, from a feeder
thread) and the view is given ``--settle`` seconds to finish laying them out; then a feeder thread
calls ``hub.on_chat`` at ``--rate`` msg/s (paced, as a chat source does on its own thread; the hub
batches them to the GUI thread) for ``--seconds``. The text mix is realistic and deterministic:
mostly short lines, one in ten about 200 characters (wraps), one in a hundred 2,000 characters
(cut by ``display_text`` and wrapped), one in fifty hostile (markup, bidi, zero-width).
``--scrolled-up`` measures with the operator half-way up the list (auto-scroll paused).

Printed: the GUI thread's CPU time (``time.thread_time`` read on the GUI thread) and the whole
process's (``time.process_time``: GUI + feeder + Qt's threads) as % of one core over the phase, and
the event-loop lateness of a 20 ms ``QTimer`` (PreciseTimer), p50/p99/max. ``--rate 0`` gives the
floor (the probe timer and the panel's 1 s rate label alone).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PROBE_MS = 20
HOSTILE = ("<b>bold</b> <img src=x> &lt;", "abc\u202edcba \u2066isolate", "zero\u200bwidth\u200b here",
           '<a href="http://x">click</a>', "line\nbreak\r\nand\ttab")


def message_text(n: int) -> str:
    """The n-th message's text: short, sometimes long or hostile (deterministic)."""
    if n % 100 == 37:
        return ("word " * 400)[:2000]
    if n % 50 == 11:
        return HOSTILE[n % len(HOSTILE)]
    if n % 10 == 3:
        return f"message {n}: " + "a longer line that wraps in a narrow dock " * 5
    return f"message {n} hello chat"


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=20_000, help="rows loaded before measuring")
    parser.add_argument("--rate", type=float, default=5.0, help="msg/s while measuring (0: idle)")
    parser.add_argument("--seconds", type=float, default=20.0, help="length of the measured phase")
    parser.add_argument("--settle", type=float, default=3.0, help="seconds after loading, before measuring")
    parser.add_argument("--scrolled-up", action="store_true",
                        help="measure with the operator scrolled up to the middle (auto-scroll paused)")
    parser.add_argument("--width", type=int, default=480)
    parser.add_argument("--height", type=int, default=800)
    args = parser.parse_args()

    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from controllers.chat.hub import ChatHub
    from controllers.chat.model import ChatMessage
    from controllers.settings import Settings
    from ui.chat_panel import ChatPanel

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 - kept alive
    hub = ChatHub()
    panel = ChatPanel(hub, settings=Settings(), cap=max(args.rows, 1))
    panel.resize(args.width, args.height)
    panel.show()

    t0 = time.time() - args.rows - 3600
    users = ("alice", "bob", "carol", "dave", "eve", "mallory", "trent")

    def make(n: int, t: float) -> ChatMessage:
        user = users[n % len(users)]
        return ChatMessage("twitch", f"cpu-{n}", user, f"u-{user}", message_text(n), t)

    def wait(seconds: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    # Load: a feeder thread pushes the rows through the hub (batched to the GUI thread).
    loader = threading.Thread(target=lambda: [hub.on_chat(make(n, t0 + n * 0.01)) for n in range(args.rows)],
                              name="bench-load", daemon=True)
    began = time.monotonic()
    loader.start()
    while loader.is_alive() or panel.model.rowCount() < args.rows:
        wait(0.05)
        if time.monotonic() - began > 120:
            print("loading did not finish", file=sys.stderr)
            return 2
    loaded = time.monotonic() - began
    wait(args.settle)
    if args.scrolled_up:
        bar = panel.view.verticalScrollBar()
        bar.setValue(bar.maximum() // 2)
        wait(0.5)

    lateness: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        lateness.append(max(0.0, now - last[0] - PROBE_MS / 1000))
        last[0] = now

    probe = QTimer()
    probe.setTimerType(Qt.TimerType.PreciseTimer)
    probe.setInterval(PROBE_MS)
    probe.timeout.connect(tick)

    stop = threading.Event()
    sent = [0]

    def feed() -> None:
        if args.rate <= 0:
            return
        start = time.monotonic()
        n = args.rows
        while not stop.is_set():
            due = start + sent[0] / args.rate
            delay = due - time.monotonic()
            if delay > 0 and stop.wait(delay):
                break
            hub.on_chat(make(n, time.time()))
            n += 1
            sent[0] += 1

    feeder = threading.Thread(target=feed, name="bench-feed", daemon=True)
    last[0] = time.perf_counter()
    probe.start()
    gui0, cpu0, wall0 = time.thread_time(), time.process_time(), time.monotonic()
    feeder.start()
    wait(args.seconds)
    gui1, cpu1, wall1 = time.thread_time(), time.process_time(), time.monotonic()
    stop.set()
    feeder.join(2)
    probe.stop()

    wall = wall1 - wall0
    bar = panel.view.verticalScrollBar()
    following = panel.follow and bar.value() >= bar.maximum()
    print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs, load average "
          f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}; view {type(panel.view).__name__}, "
          f"{args.width}×{args.height}")
    print(f"loaded {args.rows:,} rows in {loaded:.1f} s; {panel.model.rowCount():,} rows now, "
          f"following the newest: {'yes' if following else 'no'}"
          + (f" (scrolled up, {panel.unseen:,} new)" if args.scrolled_up else ""))
    print(f"rows {args.rows:,}  rate {args.rate:g} msg/s  ({sent[0] / wall:.1f} sent/s over {wall:.1f} s)")
    print(f"  GUI thread CPU {100 * (gui1 - gui0) / wall:5.1f} % of one core;  process CPU "
          f"{100 * (cpu1 - cpu0) / wall:5.1f} %")
    print(f"  loop lateness ({PROBE_MS} ms timer, {len(lateness)} ticks): p50 {pct(lateness, 0.5) * 1000:.1f} ms, "
          f"p99 {pct(lateness, 0.99) * 1000:.1f} ms, max {max(lateness, default=0.0) * 1000:.1f} ms")
    hub.stop()
    panel.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
