"""Check runs in the session database (schema migration 2), the go-live gate and maintenance due dates.

Functions take a ``sqlite3.Connection``: the GUI passes them to ``SessionStore.submit`` (writer thread,
one transaction) or runs the reads on its reader connection; the CLI does the same with its own store.
Nothing secret is stored: reasons and details are redacted by the engine before they get here.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta

from .. import redaction
from .model import Checklist, Item, ItemResult, Readiness, RunResult, Status

DAY_S = 86400.0


@dataclass(frozen=True)
class StoredRun:
    id: int
    checklist_id: str
    platform: str
    started_at: float
    finished_at: float
    operator: str
    overall: Readiness
    results: tuple[ItemResult, ...]
    override_reason: str | None = None
    override_at: float | None = None
    session_id: int | None = None

    def result(self, item_id: str) -> ItemResult | None:
        return next((r for r in self.results if r.item_id == item_id), None)


def save_run(conn: sqlite3.Connection, run: RunResult, session_id: int | None = None) -> int:
    """Store a run with its results; returns the run id."""
    cursor = conn.execute(
        "INSERT INTO check_runs (checklist_id, platform, started_at, finished_at, operator, overall, session_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (run.checklist_id, run.platform, run.started_at, run.finished_at, run.operator, run.overall.value,
         session_id))
    run_id = int(cursor.lastrowid or 0)
    conn.executemany(
        "INSERT INTO check_results (run_id, item_id, required, automatic, status, reason, note, duration_ms, "
        "detail_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(run_id, r.item_id, int(r.required), int(r.automatic), r.status.value, redaction.redact(r.reason),
          redaction.redact(r.note), r.duration_ms,
          redaction.redact(json.dumps(r.detail, ensure_ascii=False, sort_keys=True, default=str)))
         for r in run.results])
    return run_id


def record_override(conn: sqlite3.Connection, run_id: int, reason: str, at: float,
                    session_id: int | None = None) -> None:
    """The operator went live although the gate was blocked; ``reason`` is required."""
    if not reason.strip():
        raise ValueError("an override needs a reason")
    cursor = conn.execute(
        "UPDATE check_runs SET override_reason = ?, override_at = ?, session_id = COALESCE(?, session_id) "
        "WHERE id = ?", (redaction.redact(reason.strip()), at, session_id, run_id))
    if cursor.rowcount != 1:
        raise ValueError(f"no check run {run_id}")


def _runs(conn: sqlite3.Connection, where: str, params: tuple[object, ...], limit: int) -> list[StoredRun]:
    rows = conn.execute(
        "SELECT id, checklist_id, platform, started_at, finished_at, operator, overall, override_reason, "
        f"override_at, session_id FROM check_runs {where} ORDER BY started_at DESC, id DESC LIMIT ?",
        (*params, limit)).fetchall()
    runs = []
    for row in rows:
        results = tuple(
            ItemResult(item_id, Status(status), reason, bool(required), bool(automatic), note, int(ms),
                       json.loads(detail or "{}"))
            for item_id, required, automatic, status, reason, note, ms, detail in conn.execute(
                "SELECT item_id, required, automatic, status, reason, note, duration_ms, detail_json "
                "FROM check_results WHERE run_id = ? ORDER BY rowid", (row[0],)))
        runs.append(StoredRun(int(row[0]), row[1], row[2], float(row[3]), float(row[4]), row[5], Readiness(row[6]),
                              results, row[7], row[8], row[9]))
    return runs


def list_runs(conn: sqlite3.Connection, checklist_id: str | None = None, limit: int = 50) -> list[StoredRun]:
    """Newest first."""
    if checklist_id is None:
        return _runs(conn, "", (), limit)
    return _runs(conn, "WHERE checklist_id = ?", (checklist_id,), limit)


def latest_run(conn: sqlite3.Connection, checklist_id: str) -> StoredRun | None:
    runs = list_runs(conn, checklist_id, 1)
    return runs[0] if runs else None


@dataclass(frozen=True)
class GateStatus:
    ok: bool
    #: (item id, status or "not run") of every required item that did not pass.
    blocking: tuple[tuple[str, str], ...] = ()
    overridden: bool = False
    run_id: int | None = None

    @property
    def message(self) -> str:
        if self.ok and self.overridden:
            return "Overridden by the operator"
        if self.ok:
            return "Every required item passed"
        return "Not ready: " + ", ".join(f"{item} ({status})" for item, status in self.blocking)


def gate_status(run: StoredRun | RunResult | None, checklist: Checklist) -> GateStatus:
    """May the stream start? ok when every required item of ``checklist`` passed in ``run`` (or the run
    was overridden); otherwise blocked, listing the required items failing or not run."""
    if run is None:
        return GateStatus(False, tuple((i.id, "not run") for i in checklist.items if i.required))
    blocking = []
    for item in checklist.items:
        if not item.required:
            continue
        result = run.result(item.id)
        if result is None or result.status is Status.MANUAL:
            blocking.append((item.id, "not run"))
        elif result.status is not Status.PASS:
            blocking.append((item.id, result.status.value))
    run_id = run.id if isinstance(run, StoredRun) else None
    overridden = isinstance(run, StoredRun) and bool(run.override_reason)
    return GateStatus(not blocking or overridden, tuple(blocking), overridden and bool(blocking), run_id)


def last_passes(conn: sqlite3.Connection, checklist_id: str) -> dict[str, float]:
    """item id → when it last passed (the run's finish time) in any run of ``checklist_id``."""
    rows = conn.execute(
        "SELECT r.item_id, MAX(c.finished_at) FROM check_results r JOIN check_runs c ON c.id = r.run_id "
        "WHERE c.checklist_id = ? AND r.status = 'pass' GROUP BY r.item_id", (checklist_id,)).fetchall()
    return {item_id: float(t) for item_id, t in rows}


@dataclass(frozen=True)
class DueItem:
    item: Item
    last_pass: float | None
    due_at: float | None          # None: never passed, due now
    overdue_days: float           # 0 when due exactly now or never passed

    @property
    def never_done(self) -> bool:
        return self.last_pass is None


def due_items(checklist: Checklist, passes: dict[str, float], now: float, within_days: float = 0.0) -> list[DueItem]:
    """Items with ``interval_days`` that are due (or due within ``within_days``) at ``now``, most overdue first."""
    due = []
    for item in checklist.items:
        if item.interval_days is None:
            continue
        last = passes.get(item.id)
        if last is None:
            due.append(DueItem(item, None, None, 0.0))
            continue
        due_at = last + item.interval_days * DAY_S
        if due_at <= now + within_days * DAY_S:
            due.append(DueItem(item, last, due_at, max(0.0, (now - due_at) / DAY_S)))
    return sorted(due, key=lambda d: (d.due_at is not None, d.due_at or 0.0))


def due_date(item: Item, last_pass: float | None) -> datetime | None:
    """When ``item`` is next due (local time); None when it has never passed (due now)."""
    if item.interval_days is None or last_pass is None:
        return None
    return datetime.fromtimestamp(last_pass) + timedelta(days=item.interval_days)
