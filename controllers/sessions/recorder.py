"""Turns OBS activity into durable sessions: samples at 1 Hz, events, operator markers.

A session begins when OBS's stream output becomes active — whoever pressed Start — and ends when it
stops. When OBS itself goes away mid-stream the session stays open for ``resume_grace_s``; if the
stream is live again by then, the same session continues and the outage is recorded as a gap
(``obs_disconnected`` … ``obs_reconnected``). An operator can also run a rehearsal session.

Listener methods (``on_status`` … ``on_meters``) run on the OBS worker thread; the operator methods
(:meth:`add_marker`, :meth:`start_rehearsal`, :meth:`end_rehearsal`) may be called from any thread.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from ..obs.model import ConnectionStatus, HealthStats, LinkState, ObsSnapshot
from ..obs.protocol import OUTPUT_RECONNECTED, OUTPUT_RECONNECTING, OUTPUT_STARTED, OUTPUT_STOPPED
from .store import SessionStore

log = logging.getLogger(__name__)

DEFAULT_RESUME_GRACE_S = 600.0


class SessionRecorder:
    """See the module docstring. ``on_change()`` is called when a session starts or ends, once that is
    committed (on the store's writer thread: it must not wait for the store)."""

    def __init__(self, store: SessionStore, *, clock: Callable[[], float] = time.time,
                 resume_grace_s: float = DEFAULT_RESUME_GRACE_S,
                 on_change: Callable[[], None] | None = None) -> None:
        self.store = store
        self.clock = clock
        self.resume_grace_s = resume_grace_s
        self.on_change = on_change
        self.session_id: int | None = None
        self.kind = ""
        self.outage_since: float | None = None   # OBS (or its stream) gone while a session is open
        self._connected = False
        self._snapshot = ObsSnapshot()
        self._lock = threading.RLock()

    # -- listener (OBS worker thread) ----------------------------------------------------------------

    def on_status(self, status: ConnectionStatus) -> None:
        with self._lock:
            now = self.clock()
            self._expire_outage(now)  # before a reconnection: a stream back too late is a new session
            if status.state is LinkState.CONNECTED and not self._connected:
                self._connected = True
                self._on_connected(now)
            elif status.state is not LinkState.CONNECTED and self._connected:
                self._connected = False
                if self.session_id is not None and self.kind == "stream":
                    self.outage_since = now
                    self._event(now, "obs_disconnected", status.reason or "connection to OBS lost")

    def on_snapshot(self, snapshot: ObsSnapshot) -> None:
        with self._lock:
            self._snapshot = snapshot

    def on_event(self, event_type: str, data: dict[str, Any]) -> None:
        with self._lock:
            now = self.clock()
            self._expire_outage(now)
            if event_type == "StreamStateChanged":
                self._on_stream_state(now, str(data.get("outputState", "")))
            elif event_type == "RecordStateChanged":
                state = str(data.get("outputState", ""))
                if state == OUTPUT_STARTED:
                    self._event(now, "record_started")
                elif state == OUTPUT_STOPPED:
                    path = data.get("outputPath")
                    self._event(now, "record_stopped", str(path or ""))
                    if path and self.session_id is not None:
                        self.store.execute("UPDATE sessions SET recording_path = ? WHERE id = ?",
                                           (str(path), self.session_id))
            elif event_type == "CurrentProgramSceneChanged":
                self._event(now, "scene", str(data.get("sceneName", "")))
            elif event_type == "InputMuteStateChanged":
                self._event(now, "mute" if data.get("inputMuted") else "unmute", str(data.get("inputName", "")))
            elif event_type == "ExitStarted":
                self._event(now, "obs_exit")

    def on_stats(self, stats: HealthStats) -> None:
        with self._lock:
            now = self.clock()
            self._expire_outage(now)  # OBS may be back without its stream: the grace still runs out
            if self.session_id is None or self.outage_since is not None:
                return
            self.store.add_rows("samples", [(
                self.session_id, now, stats.active_fps, stats.cpu_usage, stats.memory_mb,
                stats.available_disk_mb, stats.render_skipped, stats.render_total, stats.encoder_skipped,
                stats.encoder_total, stats.network_dropped, stats.network_total, stats.stream_bytes,
                stats.bitrate_kbps, stats.congestion, int(stats.stream_reconnecting), stats.stream_duration_ms)])

    def on_meters(self, levels: dict[str, tuple[float, float]]) -> None:
        """Meters are not recorded."""

    # -- operator API (any thread) -------------------------------------------------------------------

    def add_marker(self, text: str = "", at: float | None = None) -> bool:
        """Mark "now" (or ``at``) in the open session; False when no session is open."""
        with self._lock:
            if self.session_id is None:
                return False
            self._event(self.clock() if at is None else at, "marker", text)
            return True

    def start_rehearsal(self, title: str = "") -> int | None:
        """Open a rehearsal session (no stream needed); returns its id."""
        with self._lock:
            if self.session_id is not None:
                return self.session_id if self.kind == "rehearsal" else None
            return self._start(self.clock(), "rehearsal", title)

    def end_rehearsal(self) -> bool:
        with self._lock:
            if self.session_id is None or self.kind != "rehearsal":
                return False
            self._end(self.clock(), "rehearsal_ended")
            return True

    def close(self) -> None:
        """OnAir is quitting: an open session ends now (the stream may go on without us)."""
        with self._lock:
            if self.session_id is not None:
                self._end(self.clock(), "onair_closed")

    # -- internals ------------------------------------------------------------------------------------

    def _on_connected(self, now: float) -> None:
        streaming = self._snapshot.stream.active
        if self.session_id is not None and self.outage_since is not None:
            gap = now - self.outage_since
            self._event(now, "obs_reconnected", f"{gap:.1f} s", {"gap_s": gap})
            if streaming:
                self.outage_since = None
                self._event(now, "stream_resumed")
        elif self.session_id is None and streaming:
            self._start(now, "stream")
        elif self.session_id is not None and self.kind == "stream" and not streaming:
            self._end(now, "stream_stopped")

    def _on_stream_state(self, now: float, state: str) -> None:
        if state == OUTPUT_STARTED:
            if self.session_id is not None and self.kind == "stream":
                if self.outage_since is not None:
                    self.outage_since = None
                    self._event(now, "stream_resumed")
                return
            if self.session_id is not None and self.kind == "rehearsal":
                self._end(now, "rehearsal_ended")
            self._start(now, "stream")
            self._event(now, "stream_started")
        elif state == OUTPUT_STOPPED:
            if self.session_id is not None and self.kind == "stream":
                self._end(now, "stream_stopped")
        elif state == OUTPUT_RECONNECTING:
            self._event(now, "stream_reconnecting")
        elif state == OUTPUT_RECONNECTED:
            self._event(now, "stream_reconnected")

    def _expire_outage(self, now: float) -> None:
        if self.session_id is not None and self.outage_since is not None \
                and now - self.outage_since > self.resume_grace_s:
            session_id = self.session_id
            # ended where OBS was last seen: the UPDATE goes before the event that moves last_seen_at
            self.store.execute("UPDATE sessions SET status = 'ended', ended_at = last_seen_at WHERE id = ?",
                               (session_id,))
            self._event(now, "session_expired", f"OBS or its stream did not come back within "
                                                f"{self.resume_grace_s:.0f} s")
            self._forget()

    def _start(self, now: float, kind: str, title: str = "") -> int | None:
        snap = self._snapshot
        video = json.dumps(asdict(snap.video))

        def insert(conn: Any) -> int:
            cursor = conn.execute(
                "INSERT INTO sessions (kind, title, status, started_at, last_seen_at, obs_version, "
                "websocket_version, video_json) VALUES (?, ?, 'live', ?, ?, ?, ?, ?)",
                (kind, title, now, now, snap.obs_version, snap.websocket_version, video))
            return int(cursor.lastrowid)

        try:
            session_id = self.store.submit(insert).result(timeout=10)
        except Exception as exc:
            log.error("Could not start a session: %s", exc)
            return None
        self.session_id, self.kind, self.outage_since = session_id, kind, None
        log.info("Session %d (%s) started", session_id, kind)
        if snap.program_scene:
            self._event(now, "scene", snap.program_scene)
        self._notify()
        return session_id

    def _end(self, now: float, reason: str) -> None:
        session_id = self.session_id
        if session_id is None:
            return
        self._event(now, reason)
        self.store.execute("UPDATE sessions SET status = 'ended', ended_at = ?, last_seen_at = MAX(last_seen_at, ?) "
                           "WHERE id = ?", (now, now, session_id))
        log.info("Session %d ended (%s)", session_id, reason)
        self._forget()

    def _forget(self) -> None:
        self.session_id, self.kind, self.outage_since = None, "", None
        self._notify()

    def _event(self, now: float, kind: str, detail: str = "", data: dict[str, Any] | None = None) -> None:
        if self.session_id is not None:
            self.store.add_rows("events", [(self.session_id, now, kind, detail, json.dumps(data or {}))])

    def _notify(self) -> None:
        # only once the writer has committed what is queued so far, so that a refresh reads it
        if self.on_change is not None:
            self.store.submit(lambda conn: None).add_done_callback(self._changed)

    def _changed(self, _written: Any) -> None:
        if self.on_change is not None:
            try:
                self.on_change()
            except Exception:
                log.exception("on_change callback failed")
