"""Command-line entry: argument parsing and dispatch to the subcommands (no window is created)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from controllers import i18n
from controllers.logging_setup import setup_logging
from controllers.settings import Settings


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py", description="OnAir: a livestream operations console for OBS Studio. "
        "Without a subcommand the desktop app starts.")
    parser.add_argument("--language", choices=["system", "en", "zh_TW"], help="interface language")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    status = sub.add_parser("status", help="show OBS's version, scenes, audio, outputs and stats")
    status.add_argument("--json", action="store_true", help="print JSON instead of text")
    sessions = sub.add_parser("sessions", help="list recorded sessions")
    sessions.add_argument("--json", action="store_true", help="print JSON instead of a table")
    export = sub.add_parser("export", help="write a session's samples, events and chat to files")
    export.add_argument("session_id", type=int, metavar="SESSION_ID")
    export.add_argument("--format", choices=["csv", "json", "jsonl"], default="json")
    export.add_argument("--out", type=Path, required=True,
                        help="JSON / JSONL (chat only, one message a line): the file to write; "
                        "CSV: a folder for samples.csv, events.csv, chat.csv")
    record = sub.add_parser("record", help="record sessions from OBS without a window, until Ctrl+C")
    record.add_argument("--rehearsal", metavar="TITLE", nargs="?", const="",
                        help="also start a rehearsal session (no stream needed)")
    check = sub.add_parser("check", help="run a checklist's automatic checks against OBS (exit 0 ready, 1 not, "
                           "2 OBS unreachable)")
    check.add_argument("checklist_id", nargs="?", metavar="CHECKLIST_ID", help="default: pre-stream")
    check.add_argument("--platform", metavar="P", help="platform profile: youtube, twitch, facebook, custom, …")
    check.add_argument("--json", action="store_true", help="print JSON instead of text")
    check.add_argument("--operator", default="", help="who ran the checks (stored with the run)")
    report = sub.add_parser("report", help="write a session's review (indicators, goals, comparison) to a file")
    report.add_argument("session_id", metavar="SESSION_ID")
    report.add_argument("--format", choices=["json", "csv", "html", "pdf"], default="json")
    report.add_argument("--out", type=Path, required=True,
                        help="JSON / HTML / PDF: the file to write; CSV: a folder (docs/REVIEW.md)")
    goals = sub.add_parser("goals", help="a session's goals, or a platform's goal template: "
                           "list | set METRIC OP VALUE | clear [METRIC]")
    goals.add_argument("target", metavar="SESSION_ID|PLATFORM",
                       help="a session id, or a platform (youtube, twitch, …; '*' for any) for its template")
    goals.add_argument("action", choices=["list", "set", "clear"])
    goals.add_argument("args", nargs="*", metavar="ARG", help="set: METRIC OP VALUE (OP is >= or <=); clear: [METRIC]")
    imp = sub.add_parser("import", help="import a YouTube, Twitch or Meta analytics export into a session "
                         "(prints the session id; without --session a per-stream export makes a new session)")
    imp.add_argument("file", type=Path, metavar="FILE", help="the exported .csv or YouTube Studio .zip")
    imp.add_argument("--session", type=int, metavar="ID", help="the session to import into")
    imp.add_argument("--start", metavar="ISO-8601",
                     help="the stream's start with its UTC offset, e.g. 2026-08-23T20:00:00+08:00 (places "
                     "relative positions and bare clock times; default: the session's start)")
    imp.add_argument("--platform", choices=["youtube", "twitch", "facebook"],
                     help="accept only this platform's exports")
    return parser


def run_cli(args: argparse.Namespace) -> int:
    if args.command == "report":  # HTML/PDF need a QGuiApplication, made before any other application
        from .report import prepare_application
        prepare_application(args.format)
    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    settings = Settings()
    i18n.install_translators(app, args.language or settings.language)
    setup_logging()
    if args.command == "import":
        from . import imports
        return imports.import_command(args.file, args.session, args.start, args.platform)
    if args.command in ("report", "goals"):
        from . import report as report_cli
        if args.command == "report":
            return report_cli.report_command(args.session_id, args.format, args.out)
        return report_cli.goals_command(args.target, args.action, args.args)
    try:
        endpoint = settings.obs_endpoint()
    except ValueError as exc:
        sys.stderr.write(f"{exc}\n")
        return 2
    if args.command == "status":
        from . import status
        return status.run(endpoint, args.json)
    if args.command == "check":
        from . import check
        return check.run(endpoint, args.checklist_id, args.platform, args.json, operator=args.operator)
    from . import sessions
    if args.command == "sessions":
        return sessions.list_command(args.json)
    if args.command == "export":
        return sessions.export_command(args.session_id, args.format, args.out)
    if args.command == "record":
        return sessions.record_command(endpoint, args.rehearsal)
    raise AssertionError(args.command)
