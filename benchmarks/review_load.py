"""How long the review panel takes to open a synthetic 12-hour session, and the PDF report.

    .venv/bin/python benchmarks/review_load.py [--repeat 3] [--previous 0]

The session (benchmarks/review_build.py ``make_session``): 43,200 samples, 300,000 chat messages,
500 events, viewer counts every 30 s, in a temporary SQLite database. Timed, offscreen:

* open → drawn: from ``ReviewPanel.open_session`` (the GUI thread only queues the build) until the
  panel has shown the review and the charts' canvas has painted it (``processEvents`` until then);
  split into the worker's ``build_review`` and the GUI thread's show + paint;
* zoom: a 1-hour X range applied to the six linked charts and repainted;
* reports: ``controllers.review.render.write_report`` as PDF and HTML (and JSON/CSV for scale).

Targets: open → drawn < 1.5 s; PDF < 5 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from PySide6.QtWidgets import QApplication  # noqa: E402

TARGET_OPEN_S = 1.5
TARGET_PDF_S = 5.0


def wait(app: QApplication, done: callable, timeout: float = 60.0) -> None:  # type: ignore[valid-type]
    end = time.perf_counter() + timeout
    while not done():  # type: ignore[operator]
        if time.perf_counter() > end:
            raise TimeoutError("the panel did not finish in time")
        app.processEvents()
        time.sleep(0.001)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--previous", type=int, default=0, help="earlier 12-hour sessions to compare with")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ONAIR_HOME"] = tmp  # goal templates etc. in the temporary folder
        from review_build import START, make_session

        from controllers.sessions.store import SessionStore, connect, migrate
        from ui.review.review_panel import ReviewPanel

        path = Path(tmp) / "bench.sqlite3"
        t0 = time.perf_counter()
        conn = connect(path)
        migrate(conn, path)
        for i in range(args.previous):
            make_session(conn, seed=100 + i, start=START - (i + 1) * 86_400.0, title=f"Previous {i + 1}")
        sid = make_session(conn)
        counts = [conn.execute(f"SELECT COUNT(*) FROM {t} WHERE session_id = ?", (sid,)).fetchone()[0]
                  for t in ("samples", "chat_messages", "events", "viewer_samples")]
        conn.close()
        store = SessionStore(path)
        print(f"database ready in {time.perf_counter() - t0:.1f} s: session {sid} with {counts[0]:,} samples, "
              f"{counts[1]:,} chat messages, {counts[2]:,} events, {counts[3]:,} viewer counts")

        panel = ReviewPanel(store, player_factory=None, importer=None)
        panel.resize(1600, 1000)
        panel.show()
        wait(app, lambda: panel.isVisible())
        for _ in range(20):
            app.processEvents()
        state: dict[str, float] = {}
        panel.loaded.connect(lambda _r: state.__setitem__("loaded", time.perf_counter()))
        panel.comparison_loaded.connect(lambda _r: state.__setitem__("compared", time.perf_counter()))
        panel.charts.painted.connect(lambda: state.__setitem__("painted", time.perf_counter())
                                     if "loaded" in state and "painted" not in state else None)
        timings = []
        for run in range(args.repeat):
            state.clear()
            start = time.perf_counter()
            if run == 0:
                panel.open_session(sid)
            else:
                panel.load(sid)
            queued = time.perf_counter() - start
            wait(app, lambda: "painted" in state)
            total = state["painted"] - start
            shown = state["loaded"] - start
            if args.previous:
                wait(app, lambda: "compared" in state)
                print(f"  comparison with {args.previous} earlier sessions filled in at "
                      f"{(state['compared'] - start) * 1000:.0f} ms (after the charts; cached after the first run)")
            timings.append(total)
            print(f"open → drawn, run {run + 1}: {total * 1000:.0f} ms (GUI thread busy {queued * 1000:.1f} ms "
                  f"to queue; build_review on the worker {panel.build_seconds * 1000:.0f} ms, shown on the GUI thread "
                  f"{panel.show_seconds * 1000:.0f} ms, all shown at {shown * 1000:.0f} ms; first paint after "
                  f"{(state['painted'] - state['loaded']) * 1000:.0f} ms)")
        review = panel.review
        assert review is not None
        points = {k: len(s.t) for k, s in review.series.items()}
        print(f"  series points: {points}; events drawn: {len(review.events)}")
        best, median = min(timings), statistics.median(timings)
        print(f"open → drawn: best {best * 1000:.0f} ms, median {median * 1000:.0f} ms over {len(timings)} runs "
              f"(target < {TARGET_OPEN_S * 1000:.0f} ms: {'met' if median < TARGET_OPEN_S else 'NOT met'})")

        # zoom to one hour and repaint
        state.clear()
        state["loaded"] = time.perf_counter()
        start = time.perf_counter()
        panel.charts.plots["viewers"].setXRange(START + 3600, START + 7200, padding=0)
        wait(app, lambda: "painted" in state)
        print(f"zoom to 1 h on six linked charts + repaint: {(state['painted'] - start) * 1000:.0f} ms")
        state.clear()
        state["loaded"] = time.perf_counter()
        start = time.perf_counter()
        panel.charts.reset_zoom()
        wait(app, lambda: "painted" in state)
        print(f"reset zoom (12 h) + repaint: {(state['painted'] - start) * 1000:.0f} ms")

        out = Path(tmp)
        try:
            from controllers.review.render import write_report
        except ImportError:
            print("PDF/HTML report: controllers.review.render not available")
            write_report = None  # type: ignore[assignment]
        if write_report is not None:
            for fmt in ("pdf", "html"):
                t0 = time.perf_counter()
                path = write_report(review, fmt, out / f"report.{fmt}")  # type: ignore[arg-type]
                elapsed = time.perf_counter() - t0
                verdict = f" (target < {TARGET_PDF_S:.0f} s: {'met' if elapsed < TARGET_PDF_S else 'NOT met'})" \
                    if fmt == "pdf" else ""
                print(f"{fmt.upper()} report: {elapsed * 1000:.0f} ms, {path.stat().st_size / 1024:.0f} KiB{verdict}")
            # the panel's export path: the same PDF written on the panel's worker thread
            state.clear()
            panel.exported.connect(lambda _p: state.__setitem__("exported", time.perf_counter()))
            t0 = time.perf_counter()
            panel.export("pdf", out / "panel.pdf")
            wait(app, lambda: "exported" in state or panel.error.isVisible())
            if panel.error.isVisible():
                print(f"PDF export from the panel failed: {panel.error.text()}")
            else:
                print(f"PDF export from the panel (worker thread): {(state['exported'] - t0) * 1000:.0f} ms")
        from controllers.review import report

        t0 = time.perf_counter()
        report.write_json(review, out / "report.json")
        print(f"JSON report: {(time.perf_counter() - t0) * 1000:.0f} ms")
        (out / "csv").mkdir()
        t0 = time.perf_counter()
        report.write_csv(review, out / "csv")
        print(f"CSV export: {(time.perf_counter() - t0) * 1000:.0f} ms")
        panel.shutdown()
        store.close()
    print(f"machine: {os.cpu_count()} CPUs, load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
