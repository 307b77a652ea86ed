"""Qt face of the OBS worker: its listener calls become signals, delivered queued to the GUI thread.

Signals (all emitted from worker or receive threads; receivers living in the GUI thread get them
queued — connect bound slots of GUI-thread objects, never lambdas):

* ``status_changed(ConnectionStatus)``
* ``snapshot_changed(ObsSnapshot)``
* ``event_received(str, dict)`` — every OBS event except InputVolumeMeters
* ``stats_updated(HealthStats)`` — 1 Hz
* ``meters_updated(dict)`` — {input name: (magnitude dBFS, peak dBFS)}, ~20 Hz
* ``request_failed(str, str)`` — (what the operator tried, OBS's reason)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from .errors import ObsError
from .model import ConnectionStatus, HealthStats, ObsSnapshot
from .worker import FanOutListener, ObsEndpoint, ObsListener, ObsWorker

Callback = Callable[[Any], None]


class ObsClient(QObject):
    """Owns an :class:`ObsWorker`; see the module docstring for its signals."""

    status_changed = Signal(object)
    snapshot_changed = Signal(object)
    event_received = Signal(str, object)
    stats_updated = Signal(object)
    meters_updated = Signal(object)
    request_failed = Signal(str, str)
    _completed = Signal(object, object)

    def __init__(self, endpoint: ObsEndpoint, parent: QObject | None = None, *,
                 listeners: Sequence[ObsListener] = (), **worker_options: Any) -> None:
        """``listeners`` (e.g. the session recorder) get the worker's calls too, on the worker thread,
        before this client re-emits them as signals."""
        super().__init__(parent)
        self.worker = ObsWorker(endpoint, FanOutListener([*listeners, self]), **worker_options)
        self._completed.connect(self._on_completed)

    # listener (worker / receive thread)
    def on_status(self, status: ConnectionStatus) -> None:
        self.status_changed.emit(status)

    def on_snapshot(self, snapshot: ObsSnapshot) -> None:
        self.snapshot_changed.emit(snapshot)

    def on_event(self, event_type: str, data: dict[str, Any]) -> None:
        self.event_received.emit(event_type, data)

    def on_stats(self, stats: HealthStats) -> None:
        self.stats_updated.emit(stats)

    def on_meters(self, levels: dict[str, tuple[float, float]]) -> None:
        self.meters_updated.emit(levels)

    # API (GUI thread)
    @property
    def status(self) -> ConnectionStatus:
        return self.worker.status

    @property
    def snapshot(self) -> ObsSnapshot:
        return self.worker.snapshot

    @property
    def endpoint(self) -> ObsEndpoint:
        return self.worker.endpoint

    def start(self) -> None:
        self.worker.start()

    def stop(self) -> None:
        self.worker.stop()

    def reconnect(self, endpoint: ObsEndpoint | None = None) -> None:
        self.worker.reconnect(endpoint)

    def request(self, what: str, request_type: str, data: dict[str, Any] | None = None,
                on_done: Callback | None = None) -> Future[dict[str, Any]]:
        """Send a request; ``on_done(responseData)`` runs on the GUI thread; failures emit
        ``request_failed(what, reason)`` with OBS's own comment."""
        future = self.worker.submit(request_type, data)
        future.add_done_callback(lambda f: self._completed.emit((what, on_done), f))
        return future

    @Slot(object, object)
    def _on_completed(self, context: tuple[str, Callback | None], future: Future[Any]) -> None:
        what, on_done = context
        error = future.exception()
        if error is None:
            if on_done is not None:
                on_done(future.result())
        elif isinstance(error, ObsError):
            self.request_failed.emit(what, str(error))
        else:
            self.request_failed.emit(what, f"unexpected error: {error!r}")
