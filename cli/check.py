"""``main.py check``: run a checklist's automatic items against OBS without a window.

Exit codes: 0 every required automatic item passed, 1 one did not, 2 OBS could not be reached (or the
checklist/platform does not exist). The run is stored in the session database's history.
"""

from __future__ import annotations

import json
import sys
from typing import TextIO

from controllers.checklists import (
    Catalog,
    MeterTap,
    RunResult,
    Status,
    load_catalog,
    result_dict,
    run_with_worker,
    save_run,
)
from controllers.checklists.engine import run_checks
from controllers.obs.worker import FanOutListener, ObsEndpoint, ObsWorker
from controllers.sessions.service import database_path
from controllers.sessions.store import SessionStore, StoreError

EXIT_OK, EXIT_FAILED, EXIT_UNREACHABLE = 0, 1, 2
DEFAULT_CHECKLIST = "pre-stream"
_MARK = {Status.PASS: "PASS", Status.FAIL: "FAIL", Status.ERROR: "ERROR", Status.COULD_NOT_CHECK: "COULD NOT CHECK",
         Status.MANUAL: "manual"}


def exit_code(run: RunResult) -> int:
    if run.obs_unreachable:
        return EXIT_UNREACHABLE
    failed = [r for r in run.results if r.required and r.automatic and r.status is not Status.PASS]
    return EXIT_FAILED if failed else EXIT_OK


def render_text(run: RunResult, catalog: Catalog, language: str = "en") -> str:
    checklist = catalog.checklists[run.checklist_id]
    header = f"{checklist.title.text(language)} ({checklist.id})"
    if run.platform:
        header += f", platform {catalog.platforms[run.platform].title.text(language)}"
    lines = [header]
    for result in run.results:
        item = checklist.item(result.item_id)
        title = item.title.text(language) if item else result.item_id
        flag = "" if result.required else " (advisory)"
        line = f"  [{_MARK[result.status]}] {title}{flag}"
        if result.status is not Status.MANUAL:
            line += f": {result.reason}"
        lines.append(line)
    lines.append(f"Overall: {run.overall.value}")
    return "\n".join(lines)


def _store(run: RunResult, err: TextIO) -> int | None:
    try:
        store = SessionStore(database_path())
    except StoreError as exc:
        err.write(f"The run was not stored: {exc}\n")
        return None
    try:
        return store.submit(lambda conn: save_run(conn, run)).result(10)
    except Exception as exc:
        err.write(f"The run was not stored: {exc}\n")
        return None
    finally:
        store.close()


def run(endpoint: ObsEndpoint, checklist_id: str | None, platform: str | None, as_json: bool, *,
        operator: str = "", connect_timeout: float = 5.0, timeout: float = 10.0, language: str = "en",
        out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    catalog = load_catalog()
    for error in catalog.errors:
        err.write(f"Checklist file skipped: {error}\n")
    checklist_id = checklist_id or DEFAULT_CHECKLIST
    checklist = catalog.checklists.get(checklist_id)
    if checklist is None:
        err.write(f"No checklist {checklist_id!r} (available: {', '.join(sorted(catalog.checklists)) or 'none'})\n")
        return EXIT_UNREACHABLE
    profile = None
    if platform:
        profile = catalog.platforms.get(platform)
        if profile is None:
            err.write(f"No platform profile {platform!r} (available: {', '.join(sorted(catalog.platforms))})\n")
            return EXIT_UNREACHABLE
    tap = MeterTap()
    worker = ObsWorker(endpoint, FanOutListener([tap]), connect_timeout=min(connect_timeout, 3.0),
                       backoff_ceiling=1.0).start()
    try:
        if worker.wait_connected(connect_timeout):
            result = run_with_worker(checklist, worker, profile=profile, meters=tap, timeout=timeout,
                                     operator=operator)
        else:
            reason = worker.status.reason or "no answer"
            err.write(f"Cannot connect to OBS at {endpoint.url}: {reason}\n")
            result = run_checks(checklist, None, profile=profile, operator=operator)
    finally:
        worker.stop()
    run_id = _store(result, err)
    if as_json:
        doc = result_dict(result, checklist, language)
        doc["run_id"] = run_id
        out.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    else:
        out.write(render_text(result, catalog, language) + "\n")
    return exit_code(result)
