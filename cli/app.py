"""Command-line entry: argument parsing and dispatch to the subcommands (no window is created)."""

from __future__ import annotations

import argparse
import sys

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
    return parser


def run_cli(args: argparse.Namespace) -> int:
    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    settings = Settings()
    i18n.install_translators(app, args.language or settings.language)
    setup_logging()
    try:
        endpoint = settings.obs_endpoint()
    except ValueError as exc:
        sys.stderr.write(f"{exc}\n")
        return 2
    if args.command == "status":
        from . import status
        return status.run(endpoint, args.json)
    raise AssertionError(args.command)
