"""Shared bits of the review panel: the translation wrapper and a background job runner."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal, Slot

CONTEXT = "ReviewPanel"


def tr(text: str) -> str:
    """Translate in the review panel's context (``ReviewPanel``)."""
    return QCoreApplication.translate("ReviewPanel", text)


class Jobs(QObject):
    """Runs callables on a private worker thread; results come back on the GUI thread.

    ``run(fn, on_done, on_error)``: ``fn()`` runs on the worker; ``on_done(result)`` or
    ``on_error(exception)`` runs on the GUI thread (the delivery signal is queued because this
    object lives in the GUI thread). ``attach(future, ...)`` does the same for a future made elsewhere
    (e.g. ``SessionStore.submit`` on the writer thread). ``run_qt`` runs on a QThreadPool thread
    instead: Qt's text layout (the PDF/HTML reports) wants a thread with an event dispatcher.
    """

    _delivered = Signal(object, object, object)

    def __init__(self, parent: QObject | None = None, *, name: str = "review-worker") -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._delivered.connect(self._on_delivered)
        self._closed = False
        self.pending = 0
        self._qt_pool = QThreadPool(self)
        self._qt_pool.setMaxThreadCount(1)

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None]) -> None:
        if self._closed:
            return
        self.attach(self._pool.submit(fn), on_done, on_error)

    def run_qt(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
               on_error: Callable[[BaseException], None]) -> None:
        if self._closed:
            return
        future: Future[Any] = Future()

        def task() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                future.set_result(fn())
            except BaseException as exc:  # noqa: BLE001 (handed to on_error on the GUI thread)
                future.set_exception(exc)

        self.attach(future, on_done, on_error)
        self._qt_pool.start(task)

    def attach(self, future: Future[Any], on_done: Callable[[Any], None],
               on_error: Callable[[BaseException], None]) -> None:
        self.pending += 1
        future.add_done_callback(lambda f: self._delivered.emit(f, on_done, on_error))

    def close(self) -> None:
        self._closed = True
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._qt_pool.waitForDone()

    @Slot(object, object, object)
    def _on_delivered(self, future: Future[Any], on_done: Callable[[Any], None],
                      on_error: Callable[[BaseException], None]) -> None:
        self.pending -= 1
        if self._closed or future.cancelled():
            return
        error = future.exception()
        if error is None:
            on_done(future.result())
        else:
            on_error(error)
