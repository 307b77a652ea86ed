"""Goals: a session's targets (table ``goals``), per-platform templates, and goals against results.

A goal is ``metric op target`` with ``metric`` one of :data:`~.model.REPORT_KEYS` and ``op`` ``>=``
or ``<=``; a session holds at most one goal per (metric, op). Goals set before a stream go into a
**template** (``goal_templates.json`` in the data folder, keyed by platform, ``*`` for any): a
session without goals of its own is reviewed against its platform's template (else ``*``), and
:func:`adopt_template` copies the template into the session so it can be edited there.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, cast

from .. import paths
from .model import REPORT_KEYS, Goal, GoalResult

OPS = (">=", "<=")
ANY_PLATFORM = "*"
TEMPLATE_FILE = "goal_templates.json"


class GoalError(ValueError):
    """A goal that cannot be stored (unknown metric or operator, target not a number, no such session)."""


def make_goal(metric: str, op: str, target: float | str) -> Goal:
    """A validated goal; raises GoalError with a clear message."""
    if metric not in REPORT_KEYS:
        raise GoalError(f"Unknown metric {metric!r}; use one of: {', '.join(REPORT_KEYS)}.")
    if op not in OPS:
        raise GoalError(f"Unknown operator {op!r}; use >= or <=.")
    try:
        value = float(target)
    except (TypeError, ValueError):
        raise GoalError(f"The target {target!r} is not a number.") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise GoalError(f"The target {target!r} is not a finite number.")
    return Goal(metric, cast(Any, op), value)


# -- a session's goals ------------------------------------------------------------------------------------

def list_goals(conn: sqlite3.Connection, session_id: int) -> list[Goal]:
    """The session's own goals, in REPORT_KEYS order then ``>=`` before ``<=``."""
    rows = conn.execute("SELECT metric, op, target FROM goals WHERE session_id = ?", (session_id,)).fetchall()
    goals = [Goal(m, o, float(t)) for m, o, t in rows]
    return sorted(goals, key=_order)


def set_goal(conn: sqlite3.Connection, session_id: int, goal: Goal) -> None:
    """Add or replace the session's goal for (metric, op)."""
    if conn.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone() is None:
        raise GoalError(f"There is no session {session_id}.")
    conn.execute("INSERT INTO goals (session_id, metric, op, target) VALUES (?, ?, ?, ?) "
                 "ON CONFLICT (session_id, metric, op) DO UPDATE SET target = excluded.target",
                 (session_id, goal.metric, goal.op, goal.target))


def delete_goals(conn: sqlite3.Connection, session_id: int, metric: str | None = None,
                 op: str | None = None) -> int:
    """Delete the session's goals (all, one metric's, or one metric and op); returns how many."""
    sql = "DELETE FROM goals WHERE session_id = ?"
    params: list[object] = [session_id]
    if metric is not None:
        sql += " AND metric = ?"
        params.append(metric)
    if op is not None:
        sql += " AND op = ?"
        params.append(op)
    return int(conn.execute(sql, params).rowcount)


def adopt_template(conn: sqlite3.Connection, session_id: int, platform: str,
                   templates: Mapping[str, list[Goal]] | None = None) -> list[Goal]:
    """Copy the platform's template into a session that has no goals; returns what was copied."""
    if list_goals(conn, session_id):
        return []
    goals = template_for(platform, templates)
    for goal in goals:
        set_goal(conn, session_id, goal)
    return goals


def effective_goals(conn: sqlite3.Connection, session_id: int, platform: str,
                    templates: Mapping[str, list[Goal]] | None = None) -> tuple[list[Goal], str]:
    """The goals a review shows: the session's own, else its platform's template (else ``*``'s).

    Returns ``(goals, source)`` with source ``session``, ``template`` or ``none``.
    """
    own = list_goals(conn, session_id)
    if own:
        return own, "session"
    try:
        goals = template_for(platform, templates)
    except GoalError:
        goals = []  # a damaged template file must not stop the review
    return (goals, "template") if goals else ([], "none")


# -- templates ------------------------------------------------------------------------------------------

def template_path() -> Path:
    return paths.data_dir() / TEMPLATE_FILE


def load_templates(path: Path | None = None) -> dict[str, list[Goal]]:
    """Every platform's template; {} when there is no file. Raises GoalError for a damaged file."""
    path = path or template_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise GoalError(f"The goal templates {path} cannot be read: {exc}") from None
    out: dict[str, list[Goal]] = {}
    try:
        for platform, items in dict(raw.get("templates", {})).items():
            out[str(platform)] = sorted((make_goal(i["metric"], i["op"], i["target"]) for i in items), key=_order)
    except (AttributeError, KeyError, TypeError) as exc:
        raise GoalError(f"The goal templates {path} are not in OnAir's format ({exc}).") from None
    return out


def save_templates(templates: Mapping[str, Iterable[Goal]], path: Path | None = None) -> None:
    """Write every template (atomically: a temporary file renamed over the old one)."""
    path = path or template_path()
    doc = {"version": 1, "templates": {
        p: [{"metric": g.metric, "op": g.op, "target": g.target} for g in sorted(goals, key=_order)]
        for p, goals in sorted(templates.items()) if goals}}
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def template_for(platform: str, templates: Mapping[str, list[Goal]] | None = None) -> list[Goal]:
    templates = load_templates() if templates is None else templates
    return list(templates.get(platform) or templates.get(ANY_PLATFORM) or [])


def set_template_goal(platform: str, goal: Goal, path: Path | None = None) -> None:
    templates = load_templates(path)
    goals = [g for g in templates.get(platform, []) if (g.metric, g.op) != (goal.metric, goal.op)]
    templates[platform] = [*goals, goal]
    save_templates(templates, path)


def delete_template_goals(platform: str, metric: str | None = None, path: Path | None = None) -> int:
    templates = load_templates(path)
    before = templates.get(platform, [])
    after = [g for g in before if metric is not None and g.metric != metric]
    templates[platform] = after
    save_templates(templates, path)
    return len(before) - len(after)


# -- evaluation ---------------------------------------------------------------------------------------------

def evaluate(goals: Iterable[Goal], indicators: Mapping[str, float | None]) -> list[GoalResult]:
    """Each goal against the session's value: met is None when the value is unknown."""
    results = []
    for goal in goals:
        actual = indicators.get(goal.metric)
        if actual is None or actual != actual:
            results.append(GoalResult(goal, None, None))
            continue
        met = actual >= goal.target if goal.op == ">=" else actual <= goal.target
        results.append(GoalResult(goal, float(actual), bool(met)))
    return results


def _order(goal: Goal) -> tuple[int, int]:
    return (REPORT_KEYS.index(goal.metric) if goal.metric in REPORT_KEYS else len(REPORT_KEYS), OPS.index(goal.op))
