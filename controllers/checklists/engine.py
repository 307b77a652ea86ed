"""Running a checklist: probes concurrently on a small thread pool, each with a timeout.

OBS requests inside probes go through the OBS worker (:class:`~.probes.WorkerRequests`), so the pool's
threads only wait on futures; network and disk probes run truly in parallel. A probe that cannot reach
OBS, or runs out of time, is "could not check", never "pass". Call from any thread but the GUI's
(it blocks for the run, a few seconds).
"""

from __future__ import annotations

import concurrent.futures
import json
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .. import redaction
from ..obs.errors import ObsError, ObsRequestError
from .model import Checklist, Item, ItemResult, PlatformProfile, RunResult, Status
from .probes import PROBES, MeterTap, ObsRequests, Outcome, ProbeContext, WorkerRequests

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 10.0
MAX_WORKERS = 8
UNKNOWN_REQUEST_TYPE = 204


@dataclass(frozen=True)
class ManualTick:
    """The operator's answer to a manual item in this run."""

    passed: bool | None
    """True: confirmed; False: marked as not ready; None: not confirmed yet, but the note is kept."""
    note: str = ""


def _clean(value: Any) -> Any:
    """Secrets masked in every string of a reason/detail (belt and braces: probes already avoid them)."""
    if isinstance(value, str):
        return redaction.redact(value)
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


def _run_probe(item: Item, ctx: ProbeContext) -> Outcome:
    spec = PROBES[item.probe]
    try:
        return spec.fn(ctx, **item.params)
    except ObsRequestError as exc:
        if exc.code == UNKNOWN_REQUEST_TYPE:
            return Outcome(Status.COULD_NOT_CHECK, f"This OBS does not support {exc.request_type}")
        return Outcome(Status.ERROR, f"OBS refused the check: {exc}")
    except ObsError as exc:
        return Outcome(Status.COULD_NOT_CHECK, f"Could not ask OBS: {exc}", {"obs_lost": True})
    except TypeError as exc:  # parameters the probe does not take (the loader checks names, not types)
        return Outcome(Status.ERROR, f"Bad parameters for {item.probe}: {exc}")
    except Exception as exc:
        log.exception("Probe %s of %s failed", item.probe, item.id)
        return Outcome(Status.ERROR, f"The check itself failed: {type(exc).__name__}: {exc}")


def run_checks(checklist: Checklist, obs: ObsRequests | None, *, profile: PlatformProfile | None = None,
               meters: MeterTap | None = None, timeout: float = DEFAULT_TIMEOUT_S,
               manual: Mapping[str, ManualTick] | None = None, connected: Callable[[], bool] | None = None,
               obs_is_local: bool = True, operator: str = "", max_workers: int = MAX_WORKERS,
               sleep: Callable[[float], None] = time.sleep) -> RunResult:
    """Run every probe item (concurrently) and fold in the manual ticks; see the module docstring.

    ``obs`` None, or ``connected()`` false at the start, makes every probe "could not check"."""
    manual = manual or {}
    started = time.time()
    reachable = obs is not None and (connected is None or connected())
    results: dict[str, ItemResult] = {}
    probe_items = [i for i in checklist.items if i.automatic]
    for item in checklist.items:
        if not item.automatic:
            tick = manual.get(item.id)
            if tick is None or tick.passed is None:
                note = redaction.redact(tick.note) if tick is not None else ""
                results[item.id] = ItemResult(item.id, Status.MANUAL, "Not confirmed yet", item.required, False,
                                              note)
            else:
                results[item.id] = ItemResult(
                    item.id, Status.PASS if tick.passed else Status.FAIL,
                    "Confirmed by the operator" if tick.passed else "Marked as not ready by the operator",
                    item.required, False, redaction.redact(tick.note))
        elif not reachable:
            results[item.id] = ItemResult(item.id, Status.COULD_NOT_CHECK, "OBS is not connected",
                                          item.required, True)
    obs_lost = not reachable
    if reachable and probe_items:
        assert obs is not None
        ctx = ProbeContext(obs, profile, meters, obs_is_local, sleep)
        pool = concurrent.futures.ThreadPoolExecutor(max_workers=max(1, min(max_workers, len(probe_items))),
                                                     thread_name_prefix="check-probe")
        try:
            t0 = time.monotonic()
            futures = {item.id: (item, pool.submit(_run_probe, item, ctx), time.monotonic()) for item in probe_items}
            for item_id, (item, future, submitted) in futures.items():
                limit = (item.timeout_s or timeout) + PROBES[item.probe].extra_time(item.params)
                remaining = max(0.0, submitted + limit - time.monotonic())
                try:
                    outcome = future.result(remaining)
                except concurrent.futures.TimeoutError:
                    future.cancel()
                    outcome = Outcome(Status.COULD_NOT_CHECK, f"No answer within {limit:g} s", {"timed_out": True})
                ms = int((time.monotonic() - t0) * 1000)
                if outcome.detail.get("obs_lost"):
                    obs_lost = True
                results[item_id] = ItemResult(item_id, outcome.status, _clean(outcome.reason), item.required, True,
                                              "", ms, _clean(dict(outcome.detail)))
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
    ordered = tuple(results[i.id] for i in checklist.items)
    return RunResult(checklist.id, profile.id if profile else "", started, time.time(), ordered, operator, obs_lost)


def run_with_worker(checklist: Checklist, worker: Any, *, profile: PlatformProfile | None = None,
                    meters: MeterTap | None = None, timeout: float = DEFAULT_TIMEOUT_S,
                    manual: Mapping[str, ManualTick] | None = None, operator: str = "") -> RunResult:
    """:func:`run_checks` through an :class:`~controllers.obs.worker.ObsWorker` (requests on its thread)."""
    from ..obs.model import LinkState

    host = str(getattr(getattr(worker, "endpoint", None), "host", "127.0.0.1"))
    return run_checks(checklist, WorkerRequests(worker, min(timeout, getattr(worker, "request_timeout", timeout) + 1)),
                      profile=profile, meters=meters, timeout=timeout, manual=manual, operator=operator,
                      connected=lambda: worker.status.state is LinkState.CONNECTED,
                      obs_is_local=host in ("127.0.0.1", "localhost", "::1"))


def result_dict(run: RunResult, checklist: Checklist | None = None, language: str = "en") -> dict[str, Any]:
    """A JSON-ready document of a run (stable keys)."""
    items = []
    for r in run.results:
        item = checklist.item(r.item_id) if checklist else None
        items.append({"id": r.item_id, "title": item.title.text(language) if item else r.item_id,
                      "group": item.group if item else "", "required": r.required, "automatic": r.automatic,
                      "probe": item.probe if item else "", "status": r.status.value, "reason": r.reason,
                      "note": r.note, "duration_ms": r.duration_ms, "detail": r.detail})
    return {"checklist": run.checklist_id, "platform": run.platform, "started_at": run.started_at,
            "finished_at": run.finished_at, "operator": run.operator, "overall": run.overall.value,
            "obs_unreachable": run.obs_unreachable, "items": items}


def detail_json(result: ItemResult) -> str:
    return json.dumps(result.detail, ensure_ascii=False, sort_keys=True)
