"""``main.py sessions``, ``export`` and ``record``: the session store from the command line."""

from __future__ import annotations

import datetime as dt
import json
import signal
import sqlite3
import sys
import threading
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QCoreApplication

from controllers.obs.worker import ObsEndpoint, ObsWorker
from controllers.sessions import queries
from controllers.sessions.export import ExportError, export_csv, export_json, export_jsonl
from controllers.sessions.recorder import SessionRecorder
from controllers.sessions.service import database_path, open_for_recording
from controllers.sessions.store import StoreError, connect, migrate

EXIT_OK, EXIT_ERROR, EXIT_UNREACHABLE = 0, 1, 2


def tr(text: str) -> str:
    return QCoreApplication.translate("cli", text)


def _when(ts: float | None) -> str:
    return dt.datetime.fromtimestamp(ts).astimezone().strftime("%Y-%m-%d %H:%M:%S") if ts else "—"


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def _open_reader() -> sqlite3.Connection:
    path = database_path()
    conn = connect(path)
    migrate(conn, path)
    return conn


def list_command(as_json: bool, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    try:
        conn = _open_reader()
        sessions = queries.list_sessions(conn)
    except StoreError as exc:
        err.write(f"{exc}\n")
        return EXIT_ERROR
    if as_json:
        out.write(json.dumps([s.as_dict() for s in sessions], indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    if not sessions:
        out.write(tr("No sessions yet.") + "\n")
        return EXIT_OK
    out.write(f"{'ID':>5}  {tr('Started'):19}  {tr('Duration'):>9}  {tr('Status'):11}  {tr('Platform'):9}  "
              f"{tr('Samples'):>7}  {tr('Events'):>6}  {tr('Chat'):>6}  {tr('Title')}\n")
    for s in sessions:
        out.write(f"{s.id:>5}  {_when(s.started_at):19}  {_duration(s.duration_s):>9}  {s.status:11}  "
                  f"{s.platform or '—':9}  {s.sample_count:>7}  {s.event_count:>6}  {s.chat_count:>6}  "
                  f"{s.title or (tr('(rehearsal)') if s.kind == 'rehearsal' else '')}\n")
    return EXIT_OK


def export_command(session_id: int, fmt: str, out_path: Path, err: TextIO = sys.stderr,
                   out: TextIO = sys.stdout) -> int:
    try:
        conn = _open_reader()
        if fmt in ("json", "jsonl"):
            (export_json if fmt == "json" else export_jsonl)(conn, session_id, out_path)
            out.write(tr("Wrote {path}").format(path=out_path) + "\n")
        else:
            for path in export_csv(conn, session_id, out_path):
                out.write(tr("Wrote {path}").format(path=path) + "\n")
    except (StoreError, ExportError, OSError) as exc:
        err.write(tr("Export failed: {reason}").format(reason=exc) + "\n")
        return EXIT_ERROR
    return EXIT_OK


def record_command(endpoint: ObsEndpoint, rehearsal: str | None, err: TextIO = sys.stderr,
                   out: TextIO = sys.stdout) -> int:
    """Record sessions headlessly until interrupted (SIGINT/SIGTERM)."""
    try:
        setup = open_for_recording()
    except StoreError as exc:
        err.write(f"{exc}\n")
        return EXIT_ERROR
    if not setup.can_record:
        err.write(tr("Another OnAir is already recording sessions into {path}.").format(path=database_path()) + "\n")
        setup.close()
        return EXIT_ERROR
    for session_id in setup.recovered:
        out.write(tr("Session {id} was interrupted by a crash; it is now closed at its last sample.").format(
            id=session_id) + "\n")
    recorder = SessionRecorder(setup.store)
    worker = ObsWorker(endpoint, recorder)
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    worker.start()
    if rehearsal is not None:
        session_id = recorder.start_rehearsal(rehearsal)
        out.write(tr("Rehearsal session {id} started.").format(id=session_id) + "\n")
    out.write(tr("Recording sessions from OBS at {url}; Ctrl+C stops.").format(url=endpoint.url) + "\n")
    out.flush()
    try:
        while not stop.wait(0.5):
            pass
    finally:
        worker.stop()
        recorder.close()
        setup.close()
    return EXIT_OK


