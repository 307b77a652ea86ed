"""``main.py report`` and ``main.py goals``: a session's review as a file, and its goals."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QCoreApplication

from controllers.review.build import build_review
from controllers.review.goals import (
    ANY_PLATFORM,
    GoalError,
    delete_goals,
    delete_template_goals,
    effective_goals,
    load_templates,
    make_goal,
    set_goal,
    set_template_goal,
)
from controllers.review.model import REPORT_KEYS
from controllers.review.report import ReportError, write_csv, write_json
from controllers.sessions.service import database_path
from controllers.sessions.store import StoreError, connect, migrate

EXIT_OK, EXIT_ERROR = 0, 1
FORMATS = ("json", "csv", "html", "pdf")
GOAL_ACTIONS = ("list", "set", "clear")


def tr(text: str) -> str:
    return QCoreApplication.translate("cli", text)


def _open() -> sqlite3.Connection:
    path = database_path()
    conn = connect(path)
    migrate(conn, path)
    return conn


def _session_id(text: str) -> int | None:
    try:
        value = int(text)
    except ValueError:
        return None
    return value if value > 0 else None


def prepare_application(fmt: str) -> None:
    """HTML and PDF reports draw with QtGui: create the QGuiApplication before the CLI's QCoreApplication."""
    if fmt not in ("html", "pdf") or QCoreApplication.instance() is not None:
        return
    try:
        from controllers.review.render import ensure_gui_application
    except ImportError:
        return  # report_command explains
    try:
        ensure_gui_application()
    except Exception:  # report_command fails with the reason
        return


def report_command(session_text: str, fmt: str, out_path: Path, out: TextIO = sys.stdout,
                   err: TextIO = sys.stderr) -> int:
    """Write the session's review as JSON, a CSV folder, HTML or PDF; exit 1 with one line on failure."""
    session_id = _session_id(session_text)
    if session_id is None:
        err.write(tr("Report failed: {id} is not a session id (a positive whole number).").format(
            id=session_text) + "\n")
        return EXIT_ERROR
    try:
        conn = _open()
        try:
            review = build_review(conn, session_id)
        finally:
            conn.close()
        if review is None:
            err.write(tr("Report failed: there is no session {id}.").format(id=session_id) + "\n")
            return EXIT_ERROR
        if fmt == "json":
            paths = [write_json(review, out_path)]
        elif fmt == "csv":
            paths = write_csv(review, out_path)
        else:
            try:
                from controllers.review.render import write_report
            except ImportError:
                err.write(tr("Report failed: {format} reports are not available in this build of OnAir.").format(
                    format=fmt.upper()) + "\n")
                return EXIT_ERROR
            try:
                paths = [write_report(review, "pdf" if fmt == "pdf" else "html", out_path)]
            except Exception as exc:  # the renderer's trouble: one clear line, never a traceback
                err.write(tr("Report failed: {reason}").format(reason=_one_line(exc)) + "\n")
                return EXIT_ERROR
    except (StoreError, ReportError, OSError, sqlite3.Error, ValueError) as exc:
        err.write(tr("Report failed: {reason}").format(reason=_one_line(exc)) + "\n")
        return EXIT_ERROR
    for path in paths:
        out.write(tr("Wrote {path}").format(path=path) + "\n")
    return EXIT_OK


def goals_command(target: str, action: str, rest: list[str], out: TextIO = sys.stdout,
                  err: TextIO = sys.stderr) -> int:
    """``goals ID|PLATFORM list | set METRIC OP VALUE | clear [METRIC]``.

    A number is a session; any other word is the goal template of that platform (``*``: any platform).
    """
    session_id = _session_id(target)
    try:
        if action == "set":
            if len(rest) != 3:
                err.write(tr("Usage: goals ID set METRIC OP VALUE (for example: goals 12 set peak_viewers '>=' 300)")
                          + "\n")
                return EXIT_ERROR
            goal = make_goal(*rest)
        elif action == "clear":
            if len(rest) > 1:
                err.write(tr("Usage: goals ID clear [METRIC]") + "\n")
                return EXIT_ERROR
            if rest and rest[0] not in REPORT_KEYS:
                make_goal(rest[0], ">=", 0)  # raises the clear "unknown metric" message
        elif rest:
            err.write(tr("Usage: goals ID list") + "\n")
            return EXIT_ERROR
        if session_id is None:
            return _template_goals(target, action, rest, out)
        conn = _open()
        try:
            platform_row = conn.execute("SELECT platform FROM sessions WHERE id = ?", (session_id,)).fetchone()
            if platform_row is None:
                err.write(tr("There is no session {id}.").format(id=session_id) + "\n")
                return EXIT_ERROR
            if action == "set":
                set_goal(conn, session_id, goal)
                out.write(tr("Session {id}: goal {metric} {op} {target} set.").format(
                    id=session_id, metric=goal.metric, op=goal.op, target=_num(goal.target)) + "\n")
            elif action == "clear":
                count = delete_goals(conn, session_id, rest[0] if rest else None)
                out.write(tr("Session {id}: {count} goal(s) removed.").format(id=session_id, count=count) + "\n")
            else:
                goals, source = effective_goals(conn, session_id, str(platform_row[0] or ""))
                if not goals:
                    out.write(tr("Session {id} has no goals.").format(id=session_id) + "\n")
                elif source == "template":
                    out.write(tr("Session {id} has no goals of its own; its platform's template applies:").format(
                        id=session_id) + "\n")
                for g in goals:
                    out.write(f"  {g.metric} {g.op} {_num(g.target)}\n")
        finally:
            conn.close()
    except (GoalError, StoreError, OSError, sqlite3.Error) as exc:
        err.write(tr("Goals failed: {reason}").format(reason=_one_line(exc)) + "\n")
        return EXIT_ERROR
    return EXIT_OK


def _template_goals(platform: str, action: str, rest: list[str], out: TextIO) -> int:
    if action == "set":
        goal = make_goal(*rest)
        set_template_goal(platform, goal)
        out.write(tr("Template {platform}: goal {metric} {op} {target} set.").format(
            platform=platform, metric=goal.metric, op=goal.op, target=_num(goal.target)) + "\n")
    elif action == "clear":
        count = delete_template_goals(platform, rest[0] if rest else None)
        out.write(tr("Template {platform}: {count} goal(s) removed.").format(platform=platform, count=count) + "\n")
    else:
        goals = load_templates().get(platform, [])
        if not goals:
            out.write(tr("Template {platform} has no goals.").format(platform=platform) + "\n")
            if platform != ANY_PLATFORM and load_templates().get(ANY_PLATFORM):
                out.write(tr("(Sessions of this platform use the template for any platform, '*'.)") + "\n")
        for g in goals:
            out.write(f"  {g.metric} {g.op} {_num(g.target)}\n")
    return EXIT_OK


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
