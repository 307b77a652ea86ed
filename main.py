"""OnAir's composition root: the desktop app, or a CLI subcommand (``python main.py --help``)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from cli.app import build_parser, run_cli

    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    if args.command:
        return run_cli(args)
    from ui.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
