"""Opening the session store for recording: one recording OnAir at a time, crash recovery first."""

from __future__ import annotations

import fcntl
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from .. import paths
from .queries import recover_interrupted
from .store import SessionStore, StoreError, connect

log = logging.getLogger(__name__)


def database_path() -> Path:
    return paths.data_dir() / "sessions.sqlite3"


class RecorderLock:
    """An exclusive lock file: only the OnAir that holds it records (and recovers) sessions."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: IO[str] | None = None

    def acquire(self) -> bool:
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held open while recording
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._file = handle
        return True

    def release(self) -> None:
        if self._file is not None:
            fcntl.flock(self._file.fileno(), fcntl.LOCK_UN)
            self._file.close()
            self._file = None


@dataclass
class RecordingSetup:
    store: SessionStore
    lock: RecorderLock | None
    recovered: list[int] = field(default_factory=list)

    @property
    def can_record(self) -> bool:
        return self.lock is not None

    def close(self) -> None:
        self.store.close()
        if self.lock is not None:
            self.lock.release()


def open_for_recording(path: Path | None = None) -> RecordingSetup:
    """Open (create, migrate) the store; if no other OnAir records, take the lock and recover
    sessions a crash left 'live'. Raises StoreError with a clear message."""
    path = path or database_path()
    store = SessionStore(path)
    lock = RecorderLock(path.with_suffix(".lock"))
    if not lock.acquire():
        log.warning("Another OnAir is recording into %s; this one will not record", path)
        return RecordingSetup(store, None)
    try:
        conn = connect(path)
        try:
            recovered = recover_interrupted(conn)
        finally:
            conn.close()
    except (StoreError, OSError) as exc:
        lock.release()
        store.close()
        raise StoreError(str(exc)) from exc
    except Exception as exc:
        lock.release()
        store.close()
        raise StoreError(f"The session database {path} cannot be used: {exc}") from exc
    if recovered:
        log.warning("Sessions %s were left open by a crash and are now marked interrupted", recovered)
    return RecordingSetup(store, lock, recovered)
