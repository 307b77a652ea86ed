"""Request latency through OnAir's OBS worker versus bare obs-websocket-py, against the same OBS.

Usage::

    .venv/bin/python benchmarks/obs_latency.py                 # starts its own OBS (Xvfb) via the test harness
    .venv/bin/python benchmarks/obs_latency.py --iterations 5000
    .venv/bin/python benchmarks/obs_latency.py --url ws://127.0.0.1:4455 --password secret [--scenes A,B]

What is measured (wall-clock round trip in the calling thread, ``time.perf_counter_ns``):

* ``GetStats``: one request/response, nothing changes in OBS;
* ``SetCurrentProgramScene``: alternating between two scenes (the "Cut" transition is selected for
  the run and the previous transition restored afterwards, so OBS's transition time is not measured);
* ``switch→event``: from the start of that same call until the client has observed
  ``CurrentProgramSceneChanged`` for the target scene (bare: the obsws event callback on its receive
  thread; OnAir: ``ObsListener.on_event`` on the worker thread, i.e. after the state tracker applied it).

Clients, both connected to the same OBS for the whole run:

* ``bare``  — ``obswebsocket.obsws(..., legacy=False).call(requests.X())`` from the calling thread;
* ``onair`` — ``ObsWorker.call(X)``: submit to OnAir's single OBS worker thread, wait on the Future.
  The worker is built with ``poll_interval=3600`` so its 1 Hz health poll (a 3-request batch) does not
  land inside the measurement.

``--breakdown`` adds diagnostic rows (more connections to the same OBS) that split OnAir's overhead:

* ``bare+subs`` — bare obs-websocket-py, reidentified with OnAir's event subscriptions
  (2047 | InputVolumeMeters) instead of the library's 1023;
* ``onair-conn`` — OnAir's own :class:`ObsConnection` called directly from the calling thread (its
  protocol layer without the worker thread; OnAir's subscriptions);
* ``what-if`` — the worker's *own* connection called from the calling thread under a lock, i.e. what a
  caller-thread fast path in ``ObsWorker.call`` would cost (reaches into ``worker._conn``; benchmark only);
* ``onair-noop`` — ``ObsWorker.submit_fn(lambda conn: None).result()``: the queue → worker → Future
  hand-off alone, no OBS I/O.

Exit status: 0 if the GetStats target is met, 1 if not.

The clients run in alternating blocks (ABBA order) so drift in OBS/machine load cancels out.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import logging
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from obswebsocket import events as obs_events  # noqa: E402
from obswebsocket import obsws  # noqa: E402
from obswebsocket import requests as obs_requests  # noqa: E402

from controllers.obs.connection import ObsConnection  # noqa: E402
from controllers.obs.protocol import ONAIR_SUBSCRIPTIONS  # noqa: E402
from controllers.obs.worker import ObsEndpoint, ObsWorker  # noqa: E402

TARGET_OVERHEAD = 0.10  # OnAir may add at most 10 % to a GetStats round trip (median)
POLL_INTERVAL_S = 3600.0
EVENT_TIMEOUT_S = 2.0


# --------------------------------------------------------------------------- event observation


class SceneWaiter:
    """Armed with a scene name; records when CurrentProgramSceneChanged for it is observed."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._expected: str | None = None
        self._seen = threading.Event()
        self.seen_ns = 0

    def arm(self, scene: str) -> None:
        with self._lock:
            self._expected = scene
            self._seen.clear()
            self.seen_ns = 0

    def observe(self, scene: str) -> None:
        now = time.perf_counter_ns()
        with self._lock:
            if self._expected is not None and scene == self._expected:
                self._expected = None
                self.seen_ns = now
                self._seen.set()

    def wait(self, timeout: float) -> int | None:
        return self.seen_ns if self._seen.wait(timeout) else None


class BenchListener:
    """A no-op ObsListener that only feeds CurrentProgramSceneChanged to a SceneWaiter."""

    def __init__(self, waiter: SceneWaiter) -> None:
        self.waiter = waiter

    def on_status(self, status: Any) -> None:
        pass

    def on_snapshot(self, snapshot: Any) -> None:
        pass

    def on_event(self, event_type: str, data: dict[str, Any]) -> None:
        if event_type == "CurrentProgramSceneChanged":
            self.waiter.observe(str(data.get("sceneName", "")))

    def on_stats(self, stats: Any) -> None:
        pass

    def on_meters(self, levels: Any) -> None:
        pass


# --------------------------------------------------------------------------- clients


@dataclass
class Client:
    name: str
    get_stats: Callable[[], Any]
    switch: Callable[[str], Any] | None = None
    waiter: SceneWaiter | None = None
    label: str = "GetStats"
    samples: dict[str, list[int]] = field(default_factory=dict)
    missed_events: int = 0
    # per request label: [calls, voluntary context switches, process CPU ns] over this client's blocks
    cost: dict[str, list[int]] = field(default_factory=dict)

    def add(self, request: str, ns: int) -> None:
        self.samples.setdefault(request, []).append(ns)

    def add_cost(self, request: str, calls: int, before: tuple[int, int], after: tuple[int, int]) -> None:
        c = self.cost.setdefault(request, [0, 0, 0])
        c[0] += calls
        c[1] += after[0] - before[0]
        c[2] += after[1] - before[1]


def process_cost() -> tuple[int, int]:
    """(voluntary context switches summed over this process's threads, process CPU ns); Linux only."""
    switches = 0
    with contextlib.suppress(OSError):
        for tid in os.listdir("/proc/self/task"):
            with contextlib.suppress(OSError), open(f"/proc/self/task/{tid}/status") as f:
                for line in f:
                    if line.startswith("voluntary_ctxt_switches"):
                        switches += int(line.split()[1])
                        break
    return switches, time.process_time_ns()


def make_bare(host: str, port: int, password: str, subscriptions: int | None = None,
              name: str = "bare") -> tuple[Client, Callable[[], None]]:
    ws = obsws(host, port, password, legacy=False, timeout=10)
    ws.connect()
    if subscriptions is not None:  # Reidentify; obs-websocket-py logs the Identified reply as unknown
        ws.ws.send(json.dumps({"op": 3, "d": {"eventSubscriptions": subscriptions}}))
    waiter = SceneWaiter()

    def on_scene(ev: Any) -> None:
        waiter.observe(str(ev.datain.get("sceneName", "")))

    ws.register(on_scene, obs_events.CurrentProgramSceneChanged)

    def get_stats() -> Any:
        r = ws.call(obs_requests.GetStats())
        if not r.status:
            raise RuntimeError(f"GetStats failed: {r.datain}")
        return r

    def switch(scene: str) -> Any:
        r = ws.call(obs_requests.SetCurrentProgramScene(sceneName=scene))
        if not r.status:
            raise RuntimeError(f"SetCurrentProgramScene({scene}) failed: {r.datain}")
        return r

    return Client(name, get_stats, switch if subscriptions is None else None, waiter), ws.disconnect


def make_onair(endpoint: ObsEndpoint) -> tuple[Client, ObsWorker]:
    waiter = SceneWaiter()
    worker = ObsWorker(endpoint, BenchListener(waiter), poll_interval=POLL_INTERVAL_S)
    worker.start()
    if not worker.wait_connected(15):
        worker.stop()
        raise SystemExit(f"OnAir's worker did not connect to {endpoint.url}: {worker.status}")

    def switch(scene: str) -> Any:
        return worker.call("SetCurrentProgramScene", {"sceneName": scene})

    return Client("onair", lambda: worker.call("GetStats"), switch, waiter), worker


def make_breakdown(endpoint: ObsEndpoint, worker: ObsWorker) -> tuple[list[Client], Callable[[], None]]:
    logging.getLogger("obswebsocket").setLevel(logging.ERROR)  # "Unknown message" for Identified
    bare_meters, bare_meters_close = make_bare(endpoint.host, endpoint.port, endpoint.password,
                                               subscriptions=ONAIR_SUBSCRIPTIONS, name="bare+subs")
    conn = ObsConnection(endpoint.host, endpoint.port, endpoint.password,
                         on_event=lambda t, d: None, on_closed=lambda e: None)
    conn.open()

    def noop() -> Any:
        return worker.submit_fn(lambda _conn: None).result(5)

    lock = threading.Lock()

    def direct() -> Any:
        # What-if: the worker's own connection used from the calling thread (serialised by a lock),
        # i.e. what a caller-thread fast path in ObsWorker.call would cost.  Benchmark only.
        with lock:
            own = worker._conn  # noqa: SLF001
            if own is None:
                raise RuntimeError("worker not connected")
            return own.request("GetStats")

    clients = [
        bare_meters,
        Client("onair-conn", lambda: conn.request("GetStats")),
        Client("what-if", direct),
        Client("onair-noop", noop, label="no-op job"),
    ]
    def close() -> None:
        conn.close()
        bare_meters_close()

    return clients, close


# --------------------------------------------------------------------------- measurement


def blocks(total: int, size: int) -> Iterator[int]:
    done = 0
    while done < total:
        n = min(size, total - done)
        yield n
        done += n


def run_get_stats(clients: list[Client], total: int, block: int, record: bool) -> None:
    for round_no, n in enumerate(blocks(total, block)):
        order = clients if round_no % 2 == 0 else list(reversed(clients))  # ABBA: cancels drift
        for client in order:
            fn, label = client.get_stats, client.label
            before = process_cost()
            for _ in range(n):
                t0 = time.perf_counter_ns()
                fn()
                dt = time.perf_counter_ns() - t0
                if record:
                    client.add(label, dt)
            if record:
                client.add_cost(label, n, before, process_cost())


class SceneFlipper:
    """Hands out the scene that is *not* on program, so every call is a real switch."""

    def __init__(self, a: str, b: str, current: str) -> None:
        self.a, self.b = a, b
        self.current = current

    def next(self) -> str:
        self.current = self.b if self.current == self.a else self.a
        return self.current


def run_switches(clients: list[Client], flipper: SceneFlipper, total: int, block: int, record: bool,
                 budget_s: float | None = None) -> bool:
    """Returns False if the time budget cut the run short.

    The budget is checked only between ABBA round pairs: a pair is started only if, at the pace so
    far, it still ends within *budget_s*.
    """
    switchers = [c for c in clients if c.switch is not None]
    started = time.monotonic()
    for round_no, n in enumerate(blocks(total, block)):
        if budget_s is not None and round_no % 2 == 0 and round_no:
            elapsed = time.monotonic() - started
            if elapsed + elapsed / (round_no / 2) > budget_s:
                return False
        order = switchers if round_no % 2 == 0 else list(reversed(switchers))
        for client in order:
            assert client.switch is not None and client.waiter is not None
            before = process_cost()
            for _ in range(n):
                scene = flipper.next()
                client.waiter.arm(scene)
                t0 = time.perf_counter_ns()
                client.switch(scene)
                t1 = time.perf_counter_ns()
                seen = client.waiter.wait(EVENT_TIMEOUT_S)
                if not record:
                    continue
                client.add("SetCurrentProgramScene", t1 - t0)
                if seen is None:
                    client.missed_events += 1
                else:
                    client.add("switch→event", max(seen, t1) - t0)
            if record:
                client.add_cost("SetCurrentProgramScene", n, before, process_cost())
    return True


# --------------------------------------------------------------------------- reporting


def summarize(ns: list[int]) -> dict[str, float]:
    us = [x / 1000.0 for x in ns]
    p95 = statistics.quantiles(us, n=20, method="inclusive")[18] if len(us) >= 2 else us[0]
    return {"n": len(us), "median": statistics.median(us), "p95": p95, "mean": statistics.fmean(us),
            "min": min(us)}


def machine_facts(obs_version: str, ws_version: str, own_obs: bool, url: str) -> list[str]:
    cpu_model = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    try:
        affinity = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        affinity = os.cpu_count() or 0
    import obswebsocket
    import websocket
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return [
        f"cpu: {os.cpu_count()} logical ({affinity} usable) {cpu_model}".rstrip(),
        f"load average: {load}",
        f"os: {platform.platform()}",
        f"python: {platform.python_implementation()} {platform.python_version()} "
        f"(switch interval {sys.getswitchinterval() * 1e3:.1f} ms)",
        f"obs: {obs_version}  obs-websocket: {ws_version}  "
        f"({'own instance under ' + os.environ.get('DISPLAY', 'Xvfb') if own_obs else url})",
        f"obs-websocket-py: {getattr(obswebsocket, 'VERSION', '?')}  websocket-client: {websocket.__version__}",
    ]


def print_report(clients: list[Client], facts: list[str], settings: list[str]) -> bool:
    print()
    print("== machine")
    for line in facts:
        print("  " + line)
    print("== settings")
    for line in settings:
        print("  " + line)
    print()
    header = (f"{'client':<11} {'request':<24} {'n':>6} {'median µs':>10} {'p95 µs':>9} {'mean µs':>9} "
              f"{'min µs':>8} {'ctxsw/call':>10} {'cpu µs/call':>11}")
    print(header)
    print("-" * len(header))
    stats: dict[tuple[str, str], dict[str, float]] = {}
    requests = ["GetStats", "SetCurrentProgramScene", "switch→event", "no-op job"]
    for request in requests:
        for client in clients:
            if request not in client.samples:
                continue
            s = summarize(client.samples[request])
            stats[(client.name, request)] = s
            calls, switches, cpu_ns = client.cost.get(request, [0, 0, 0])
            cost = f"{switches / calls:>10.2f} {cpu_ns / calls / 1000:>11.1f}" if calls else f"{'':>10} {'':>11}"
            print(f"{client.name:<11} {request:<24} {s['n']:>6} {s['median']:>10.1f} {s['p95']:>9.1f} "
                  f"{s['mean']:>9.1f} {s['min']:>8.1f} {cost}")
    print("ctxsw/call: voluntary context switches (all threads of this process, i.e. thread sleeps/wake-ups)")
    print("cpu µs/call: this process's CPU time (all threads) per call, both over that client's blocks")
    print()
    print("OnAir / bare:")
    ok = True
    for request in requests[:3]:
        a, b = stats.get(("onair", request)), stats.get(("bare", request))
        if not a or not b:
            continue
        print(f"  {request:<24} median ×{a['median'] / b['median']:.3f} ({a['median'] - b['median']:+.1f} µs)"
              f"   mean ×{a['mean'] / b['mean']:.3f} ({a['mean'] - b['mean']:+.1f} µs)")
    for client in clients:
        if client.missed_events:
            print(f"  note: {client.name} missed {client.missed_events} CurrentProgramSceneChanged events")
    a, b = stats.get(("onair", "GetStats")), stats.get(("bare", "GetStats"))
    if a and b:
        overhead = a["median"] / b["median"] - 1.0
        ok = overhead <= TARGET_OVERHEAD
        verdict = "MET" if ok else "NOT MET"
        print(f"\nTarget: OnAir adds ≤{TARGET_OVERHEAD:.0%} to GetStats (median): "
              f"{overhead:+.1%} → {verdict}  (mean: {a['mean'] / b['mean'] - 1.0:+.1%})")
    conn, noop = stats.get(("onair-conn", "GetStats")), stats.get(("onair-noop", "no-op job"))
    subs = stats.get(("bare+subs", "GetStats"))
    if a and b and conn and noop and subs:
        print("\nBreakdown of OnAir's GetStats over bare (Δ µs):                      median      mean")
        rows = [
            ("subscriptions: bare obsws reidentified with OnAir's (incl. meters)", b, subs),
            ("protocol layer: ObsConnection vs obsws, same subscriptions", subs, conn),
            ("worker thread: ObsWorker.call vs ObsConnection called directly", conn, a),
        ]
        for what, x, y in rows:
            print(f"  {what:<68} {y['median'] - x['median']:+8.1f} {y['mean'] - x['mean']:+9.1f}")
        print(f"  {'for scale: a no-op job (queue → worker → Future) takes':<68} {noop['median']:8.1f} "
              f"{noop['mean']:9.1f}")
        what_if = stats.get(("what-if", "GetStats"))
        if what_if:
            print(f"  {'what-if: worker connection called from the caller thread, ×bare':<68} "
                  f"{what_if['median'] / b['median']:8.3f} {what_if['mean'] / b['mean']:9.3f}")
    return ok


# --------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--iterations", type=int, default=2000, help="GetStats per client (default 2000)")
    p.add_argument("--switches", type=int, default=None,
                   help="scene switches per client (default: iterations/6.67, i.e. 300 for 2000)")
    p.add_argument("--warmup", type=int, default=200, help="untimed GetStats per client first (default 200)")
    p.add_argument("--switch-budget", type=float, default=25.0,
                   help="time budget for the timed switches in seconds: no new ABBA round pair is started "
                        "that would end after it (OBS can take ~50 ms a switch); 0 = no limit (default 25)")
    p.add_argument("--block", type=int, default=100, help="GetStats per client per block (default 100)")
    p.add_argument("--switch-block", type=int, default=25, help="switches per client per block (default 25)")
    p.add_argument("--url", help="use this OBS (ws://host:port) instead of starting one")
    p.add_argument("--password", default=os.environ.get("ONAIR_OBS_PASSWORD", ""))
    p.add_argument("--scenes", help="two scenes to alternate, 'A,B' (default: Intro,Main of the harness, "
                                    "else the first two scenes)")
    p.add_argument("--breakdown", action="store_true",
                   help="add diagnostic rows that split OnAir's overhead (see the module docstring)")
    p.add_argument("--no-gc", action="store_true", help="disable the garbage collector while timing")
    args = p.parse_args(argv)
    if args.switches is None:
        args.switches = max(1, round(args.iterations * 300 / 2000))
    return args


@contextlib.contextmanager
def obs_target(args: argparse.Namespace) -> Iterator[tuple[ObsEndpoint, bool]]:
    if args.url:
        yield ObsEndpoint.from_url(args.url, args.password), False
        return
    from tests.support.real_obs import ObsProcess, ensure_display, make_test_clip, populate_show

    os.environ["DISPLAY"] = ensure_display()
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="onair-bench-") as tmp, ObsProcess() as obs:
        clip = make_test_clip(Path(tmp) / "clip.mp4")
        populate_show(obs, clip)
        print(f"started OBS on {obs.url} in {time.monotonic() - t0:.1f} s", flush=True)
        yield ObsEndpoint(obs.host, obs.port, obs.password), True


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    with obs_target(args) as (endpoint, own_obs):
        admin = obsws(endpoint.host, endpoint.port, endpoint.password, legacy=False, timeout=10)
        admin.connect()
        cleanup: list[Callable[[], None]] = [admin.disconnect]
        try:
            version = admin.call(obs_requests.GetVersion()).datain
            scene_list = admin.call(obs_requests.GetSceneList()).datain
            names = [s["sceneName"] for s in sorted(scene_list.get("scenes", []),
                                                    key=lambda s: s["sceneIndex"], reverse=True)]
            if args.scenes:
                pair = [s.strip() for s in args.scenes.split(",")]
            elif {"Intro", "Main"} <= set(names):
                pair = ["Intro", "Main"]
            else:
                pair = names[:2]
            if len(pair) != 2 or not set(pair) <= set(names) or pair[0] == pair[1]:
                raise SystemExit(f"need two existing scenes to alternate; OBS has {names}, asked for {pair}")
            old_transition = admin.call(obs_requests.GetCurrentSceneTransition()).datain.get("transitionName")
            old_scene = scene_list.get("currentProgramSceneName")
            admin.call(obs_requests.SetCurrentSceneTransition(transitionName="Cut"))
            cleanup.insert(0, lambda: admin.call(obs_requests.SetCurrentSceneTransition(
                transitionName=old_transition)) if old_transition else None)
            cleanup.insert(0, lambda: admin.call(obs_requests.SetCurrentProgramScene(
                sceneName=old_scene)) if old_scene else None)
            admin.call(obs_requests.SetCurrentProgramScene(sceneName=pair[0]))
            time.sleep(0.2)  # let that switch's events drain

            bare, bare_close = make_bare(endpoint.host, endpoint.port, endpoint.password)
            cleanup.insert(0, bare_close)
            onair, worker = make_onair(endpoint)
            cleanup.insert(0, worker.stop)
            clients = [bare, onair]
            if args.breakdown:
                extra, extra_close = make_breakdown(endpoint, worker)
                cleanup.insert(0, extra_close)
                clients += extra
            time.sleep(0.3)  # OnAir's connect-time poll and snapshot are done; queues are idle

            flipper = SceneFlipper(pair[0], pair[1], pair[0])
            run_get_stats(clients, args.warmup, args.block, record=False)
            run_switches(clients, flipper, min(10, args.switches), args.switch_block, record=False)

            gc.collect()
            if args.no_gc:
                gc.disable()
            t0 = time.monotonic()
            run_get_stats(clients, args.iterations, args.block, record=True)
            t1 = time.monotonic()
            complete = run_switches(clients, flipper, args.switches, args.switch_block, record=True,
                                    budget_s=args.switch_budget or None)
            t2 = time.monotonic()
            gc.enable()

            facts = machine_facts(str(version.get("obsVersion")), str(version.get("obsWebSocketVersion")),
                                  own_obs, endpoint.url)
            settings = [
                f"GetStats: {args.iterations}/client in blocks of {args.block} (ABBA), "
                f"after {args.warmup} untimed; {t1 - t0:.1f} s",
                f"scene switch: {args.switches}/client between {pair[0]!r} and {pair[1]!r} in blocks of "
                f"{args.switch_block}, transition 'Cut' (was {old_transition!r}); {t2 - t1:.1f} s"
                + ("" if complete else f" (stopped early by --switch-budget {args.switch_budget:g} s)"),
                f"OnAir worker built with poll_interval={POLL_INTERVAL_S:g} s: its 1 Hz health poll is off "
                "during the run",
                "subscriptions: bare 1023 (obs-websocket-py default); OnAir 2047|InputVolumeMeters "
                "(~20 meter messages/s decoded on its receive thread)",
                f"gc {'disabled' if args.no_gc else 'enabled'} while timing",
            ]
            ok = print_report(clients, facts, settings)
        finally:
            for fn in cleanup:
                with contextlib.suppress(Exception):
                    fn()
    print(f"\ntotal runtime {time.monotonic() - started:.1f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
