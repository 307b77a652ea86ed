"""The checklist dock: pick a checklist and platform, run the automatic checks off the GUI thread, tick
manual items (with notes), see the overall readiness and the history of past runs; plus the go-live gate
(:meth:`ChecklistPanel.gate`) and the maintenance items that are due.

Disk and OBS work never happens on the GUI thread: probes run on a Python thread, database reads on a
one-thread pool (results come back through signals), writes go through ``SessionStore.submit``.
"""

from __future__ import annotations

import html
import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from controllers.checklists import (
    Catalog,
    Checklist,
    DueItem,
    ItemResult,
    ManualTick,
    MeterTap,
    Readiness,
    RunResult,
    Status,
    StoredRun,
    due_items,
    gate_status,
    last_passes,
    latest_run,
    list_runs,
    record_override,
    run_with_worker,
    save_run,
)
from controllers.obs.client import ObsClient
from controllers.sessions.store import SessionStore

log = logging.getLogger(__name__)

PRE_STREAM = "pre-stream"
MAINTENANCE = "maintenance"
HISTORY_LIMIT = 20
COLUMNS = ("item", "severity", "status", "reason", "note")
COL_ITEM, COL_SEVERITY, COL_STATUS, COL_REASON, COL_NOTE = range(len(COLUMNS))
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_COLORS = {Status.PASS: "#2e7d32", Status.FAIL: "#c62828", Status.ERROR: "#c62828",
                 Status.COULD_NOT_CHECK: "#ef6c00", Status.MANUAL: "#616161"}
READINESS_COLORS = {Readiness.READY: "#2e7d32", Readiness.BLOCKED: "#c62828", Readiness.INCOMPLETE: "#ef6c00"}


@dataclass(frozen=True)
class HistoryState:
    """What the background read found: recent runs, the latest pre-stream run, due maintenance."""

    runs: list[StoredRun]
    latest_pre_stream: StoredRun | None
    due: list[DueItem]


def not_run(checklist: Checklist, operator: str = "") -> RunResult:
    """A run that records going live without checking (the override needs a run to sit on)."""
    now = time.time()
    results = tuple(ItemResult(i.id, Status.COULD_NOT_CHECK if i.automatic else Status.MANUAL,
                               "Not checked before going live", i.required, i.automatic)
                    for i in checklist.items)
    return RunResult(checklist.id, "", now, now, results, operator)


class GoLiveGateDialog(QDialog):
    """``goLiveGateDialog``: the blocking items, a reason (``overrideReason``), Go live anyway / Cancel."""

    def __init__(self, blocking: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("goLiveGateDialog")
        self.setWindowTitle(self.tr("Not ready to go live"))
        intro = QLabel(self.tr("The pre-stream checklist is not passing. Blocking items:"), self)
        intro.setWordWrap(True)
        self.blocking_list = QListWidget(self)
        self.blocking_list.setObjectName("gateBlockingItems")
        for text in blocking:
            self.blocking_list.addItem(QListWidgetItem(text))
        self.reason = QLineEdit(self)
        self.reason.setObjectName("overrideReason")
        self.reason.setPlaceholderText(self.tr("Why go live anyway? (required, stored in the history)"))
        self.buttons = QDialogButtonBox(self)
        self.go_button = self.buttons.addButton(self.tr("Go live anyway"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.go_button.setObjectName("goLiveAnywayButton")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("gateCancelButton")
        self.cancel_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.blocking_list, 1)
        layout.addWidget(QLabel(self.tr("Reason for the override:"), self))
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        self.go_button.setEnabled(bool(self.reason.text().strip()))


class ChecklistPanel(QWidget):
    """``checklistPicker``, ``platformPicker``, ``checklistItems``, ``runChecksButton``, ``readinessLabel``,
    ``checkHistory``, ``maintenanceDueLabel``."""

    #: The maintenance items due or overdue (list[DueItem]), after each history read.
    due_changed = Signal(object)
    #: A run finished (RunResult), before it is stored.
    run_finished = Signal(object)
    _run_done = Signal(object)
    _delivered = Signal(object, object)

    def __init__(self, client: ObsClient, catalog: Catalog, *, store: SessionStore | None = None,
                 meters: MeterTap | None = None, language: str = "en", operator: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklistPanel")
        self.client = client
        self.catalog = catalog
        self.store = store
        self.meters = meters
        self.language = language
        self.operator = operator
        self.running = False
        self.last_run: RunResult | None = None
        self.runs: list[StoredRun] = []
        self.due: list[DueItem] = []
        #: The newest pre-stream run known (stored, or just finished and on its way to the database).
        self.latest_pre_stream: StoredRun | RunResult | None = None
        self._latest_pre_stream_id: int | None = None
        self.gate_dialog: GoLiveGateDialog | None = None
        self._closed = False
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="checklist-reader")
        self._run_done.connect(self._on_run_done)
        self._delivered.connect(self._on_delivered)

        self.checklist_picker = QComboBox(self)
        self.checklist_picker.setObjectName("checklistPicker")
        for checklist in sorted(catalog.checklists.values(), key=lambda c: (c.id != PRE_STREAM, c.id)):
            self.checklist_picker.addItem(checklist.title.text(language), checklist.id)
        self.platform_picker = QComboBox(self)
        self.platform_picker.setObjectName("platformPicker")
        self.platform_picker.addItem(self.tr("Any platform"), "")
        for profile in sorted(catalog.platforms.values(), key=lambda p: p.id):
            self.platform_picker.addItem(profile.title.text(language), profile.id)
        self.run_button = QPushButton(self.tr("Run checks"), self)
        self.run_button.setObjectName("runChecksButton")
        self.run_button.clicked.connect(self.run_checks)
        self.readiness_label = QLabel(self)
        self.readiness_label.setObjectName("readinessLabel")
        self.due_label = QLabel(self)
        self.due_label.setObjectName("maintenanceDueLabel")
        self.due_label.setWordWrap(True)
        self.due_label.hide()

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("checklistItems")
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels([self.tr("Item"), self.tr("Severity"), self.tr("Status"), self.tr("Reason"),
                                   self.tr("Note")])
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setSectionResizeMode(COL_ITEM, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_ITEM, 250)
        header.setSectionResizeMode(COL_SEVERITY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.resizeSection(COL_REASON, 260)

        self.history = QListWidget(self)
        self.history.setObjectName("checkHistory")

        pickers = QHBoxLayout()
        pickers.addWidget(QLabel(self.tr("Checklist:"), self))
        pickers.addWidget(self.checklist_picker, 1)
        pickers.addWidget(QLabel(self.tr("Platform:"), self))
        pickers.addWidget(self.platform_picker, 1)
        pickers.addWidget(self.run_button)
        status_row = QHBoxLayout()
        status_row.addWidget(self.readiness_label, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.tree)
        history_box = QWidget(splitter)
        history_layout = QVBoxLayout(history_box)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addWidget(QLabel(self.tr("Past runs"), history_box))
        history_layout.addWidget(self.history)
        splitter.addWidget(history_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(pickers)
        layout.addLayout(status_row)
        layout.addWidget(self.due_label)
        layout.addWidget(splitter, 1)

        self.checklist_picker.currentIndexChanged.connect(self._on_checklist_changed)
        self._on_checklist_changed()
        if catalog.errors:
            self.readiness_label.setToolTip("\n".join(map(str, catalog.errors)))
        self.refresh_history()

    # -- the checklist shown -----------------------------------------------------------------------

    def checklist(self) -> Checklist | None:
        return self.catalog.checklists.get(str(self.checklist_picker.currentData() or ""))

    def select_checklist(self, checklist_id: str) -> None:
        index = self.checklist_picker.findData(checklist_id)
        if index >= 0:
            self.checklist_picker.setCurrentIndex(index)

    def _on_checklist_changed(self, *_: object) -> None:
        self.tree.clear()
        checklist = self.checklist()
        self._show_readiness(None)
        if checklist is None:
            return
        groups: dict[str, QTreeWidgetItem] = {}
        for item in checklist.items:
            parent = groups.get(item.group)
            if parent is None:
                parent = QTreeWidgetItem(self.tree, [self._group_title(item.group)])
                parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = parent.font(COL_ITEM)
                font.setBold(True)
                parent.setFont(COL_ITEM, font)
                parent.setFirstColumnSpanned(True)
                groups[item.group] = parent
            row = QTreeWidgetItem(parent)
            row.setData(COL_ITEM, ITEM_ROLE, item.id)
            row.setText(COL_ITEM, item.title.text(self.language))
            row.setToolTip(COL_ITEM, item.help or item.id)
            row.setText(COL_SEVERITY, self.tr("required") if item.required else self.tr("advisory"))
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if not item.automatic:
                row.setFlags(flags | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
                row.setCheckState(COL_ITEM, Qt.CheckState.Unchecked)
                row.setToolTip(COL_NOTE, self.tr("Double-click to add a note"))
            else:
                row.setFlags(flags)
            self._show_result(row, None, item.automatic)
        self.tree.expandAll()
        self._mark_due()

    def _group_title(self, group: str) -> str:
        titles = {"platform": self.tr("Platform"), "video": self.tr("Video"), "audio": self.tr("Audio"),
                  "network": self.tr("Network"), "scenes": self.tr("Scenes"), "recording": self.tr("Recording"),
                  "maintenance": self.tr("Maintenance")}
        return titles.get(group, group)

    def rows(self) -> dict[str, QTreeWidgetItem]:
        """item id → its row in ``checklistItems``."""
        found: dict[str, QTreeWidgetItem] = {}
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            for c in range(group.childCount() if group is not None else 0):
                row = group.child(c) if group is not None else None
                if row is not None:
                    found[str(row.data(COL_ITEM, ITEM_ROLE))] = row
        return found

    def status_text(self, status: Status) -> str:
        return {Status.PASS: self.tr("Pass"), Status.FAIL: self.tr("Fail"), Status.ERROR: self.tr("Error"),
                Status.COULD_NOT_CHECK: self.tr("Could not check"), Status.MANUAL: self.tr("To confirm")}[status]

    def _show_result(self, row: QTreeWidgetItem, result: ItemResult | None, automatic: bool) -> None:
        style = self.style()
        if result is None:
            row.setText(COL_STATUS, self.tr("Not run") if automatic else self.tr("To confirm"))
            row.setIcon(COL_STATUS, style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxQuestion))
            row.setText(COL_REASON, "")
            row.setForeground(COL_STATUS, self.palette().text())
            return
        icons = {Status.PASS: QStyle.StandardPixmap.SP_DialogApplyButton,
                 Status.FAIL: QStyle.StandardPixmap.SP_MessageBoxCritical,
                 Status.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
                 Status.COULD_NOT_CHECK: QStyle.StandardPixmap.SP_MessageBoxWarning,
                 Status.MANUAL: QStyle.StandardPixmap.SP_MessageBoxQuestion}
        row.setIcon(COL_STATUS, style.standardIcon(icons[result.status]))
        row.setText(COL_STATUS, self.status_text(result.status))
        from PySide6.QtGui import QBrush, QColor

        row.setForeground(COL_STATUS, QBrush(QColor(STATUS_COLORS[result.status])))
        # Plain text only: a QTreeWidgetItem never interprets rich text.
        row.setText(COL_REASON, result.reason)
        row.setToolTip(COL_REASON, result.reason)

    def _show_readiness(self, readiness: Readiness | None) -> None:
        if readiness is None:
            self.readiness_label.setText(self.tr("Readiness: not checked yet"))
            self.readiness_label.setStyleSheet("")
            return
        text = {Readiness.READY: self.tr("Ready to go live"), Readiness.BLOCKED: self.tr("Blocked"),
                Readiness.INCOMPLETE: self.tr("Incomplete: manual items to confirm")}[readiness]
        self.readiness_label.setText(self.tr("Readiness: {state}").format(state=text))
        self.readiness_label.setStyleSheet(f"color: {READINESS_COLORS[readiness]}; font-weight: bold;")

    def manual_ticks(self) -> dict[str, ManualTick]:
        """The manual items of the checklist shown that are ticked or carry a note."""
        checklist = self.checklist()
        ticks: dict[str, ManualTick] = {}
        if checklist is None:
            return ticks
        rows = self.rows()
        for item in checklist.items:
            row = rows.get(item.id)
            if item.automatic or row is None:
                continue
            note = row.text(COL_NOTE).strip()
            if row.checkState(COL_ITEM) == Qt.CheckState.Checked:
                ticks[item.id] = ManualTick(True, note)
            elif note:  # not confirmed yet, but what the operator wrote is kept with the run
                ticks[item.id] = ManualTick(None, note)
        return ticks

    # -- running -----------------------------------------------------------------------------------

    @Slot()
    def run_checks(self) -> None:
        """Run the automatic items on a background thread; the result comes back to ``_on_run_done``."""
        checklist = self.checklist()
        if checklist is None or self.running:
            return
        profile = self.catalog.platforms.get(str(self.platform_picker.currentData() or ""))
        manual = self.manual_ticks()
        worker, meters, operator = self.client.worker, self.meters, self.operator
        self.running = True
        self.run_button.setEnabled(False)
        self.readiness_label.setText(self.tr("Checking…"))
        self.readiness_label.setStyleSheet("")

        def job() -> None:
            try:
                result: Any = run_with_worker(checklist, worker, profile=profile, meters=meters, manual=manual,
                                              operator=operator)
            except Exception as exc:  # never leave the button disabled
                log.exception("Checklist run failed")
                result = exc
            self._run_done.emit(result)

        threading.Thread(target=job, name="checklist-run", daemon=True).start()

    @Slot(object)
    def _on_run_done(self, result: object) -> None:
        self.running = False
        self.run_button.setEnabled(True)
        if not isinstance(result, RunResult):
            self.readiness_label.setText(self.tr("The checks could not run: {error}").format(error=str(result)))
            self.readiness_label.setStyleSheet("color: #c62828;")
            return
        self.last_run = result
        self.show_run(result)
        self.run_finished.emit(result)
        if result.checklist_id == PRE_STREAM:
            self.latest_pre_stream = result
            self._latest_pre_stream_id = None
        if self.store is None or self._closed:
            return
        future = self.store.submit(lambda conn: save_run(conn, result))

        def saved(f: Future[int]) -> None:
            if f.exception() is None and result.checklist_id == PRE_STREAM:
                self._delivered.emit(self._on_saved, (result, f.result()))
            self._delivered.emit(lambda _r: self.refresh_history(), None)

        future.add_done_callback(saved)

    def _on_saved(self, saved: tuple[RunResult, int]) -> None:
        run, run_id = saved
        if self.latest_pre_stream is run:
            self._latest_pre_stream_id = run_id

    def show_run(self, run: RunResult | StoredRun) -> None:
        checklist = self.checklist()
        if checklist is None or checklist.id != run.checklist_id:
            self.select_checklist(run.checklist_id)
            checklist = self.checklist()
        if checklist is None:
            return
        rows = self.rows()
        for item in checklist.items:
            row = rows.get(item.id)
            if row is not None:
                self._show_result(row, run.result(item.id), item.automatic)
        self._show_readiness(run.overall if isinstance(run, RunResult) else run.overall)

    # -- history (background reads) ----------------------------------------------------------------

    def read(self, fn: Callable[[sqlite3.Connection], Any], on_done: Callable[[Any], None]) -> None:
        """Run ``fn(connection)`` on the reader thread; ``on_done(result)`` runs on the GUI thread."""
        if self.store is None or self._closed:
            return
        store = self.store

        def job() -> Any:
            conn = store.reader()
            try:
                return fn(conn)
            finally:
                conn.close()

        future = self._pool.submit(job)
        future.add_done_callback(lambda f: self._delivered.emit(on_done, f))

    def refresh_history(self) -> None:
        if self.store is None:
            self.history.clear()
            self.history.addItem(self.tr("Runs are not stored: the session database is not available."))
            return
        maintenance = self.catalog.checklists.get(MAINTENANCE)

        def fn(conn: sqlite3.Connection) -> HistoryState:
            due = due_items(maintenance, last_passes(conn, MAINTENANCE), time.time()) if maintenance else []
            return HistoryState(list_runs(conn, None, HISTORY_LIMIT), latest_run(conn, PRE_STREAM), due)

        self.read(fn, self._on_history)

    def _on_history(self, state: HistoryState) -> None:
        self.runs = state.runs
        self.history.clear()
        for run in state.runs:
            checklist = self.catalog.checklists.get(run.checklist_id)
            title = checklist.title.text(self.language) if checklist else run.checklist_id
            when = datetime.fromtimestamp(run.finished_at).strftime("%Y-%m-%d %H:%M")
            text = f"{when}  {title}  —  {self._readiness_word(run.overall)}"
            if run.platform:
                text += f"  ({run.platform})"
            if run.operator:
                text += "  " + self.tr("by {operator}").format(operator=run.operator)
            if run.override_reason:
                text += "  " + self.tr("[went live anyway: {reason}]").format(reason=run.override_reason)
            entry = QListWidgetItem(text)
            ticked = [r for r in run.results if not r.automatic and r.status is Status.PASS]
            notes = [f"{r.item_id}: {r.note}" for r in run.results if r.note]
            lines = [self.tr("{n} manual item(s) confirmed").format(n=len(ticked)), *notes]
            entry.setToolTip("<p>" + "<br>".join(html.escape(line) for line in lines) + "</p>")  # notes as text
            entry.setData(Qt.ItemDataRole.UserRole, run.id)
            self.history.addItem(entry)
        pending = isinstance(self.latest_pre_stream, RunResult) and self._latest_pre_stream_id is None
        if state.latest_pre_stream is not None and not pending:
            self.latest_pre_stream = state.latest_pre_stream
            self._latest_pre_stream_id = state.latest_pre_stream.id
        self.due = state.due
        self._mark_due()
        self.due_changed.emit(state.due)

    def _readiness_word(self, readiness: Readiness) -> str:
        return {Readiness.READY: self.tr("ready"), Readiness.BLOCKED: self.tr("blocked"),
                Readiness.INCOMPLETE: self.tr("incomplete")}[readiness]

    def _mark_due(self) -> None:
        if not self.due:
            self.due_label.hide()
            return
        titles = [d.item.title.text(self.language) for d in self.due]
        shown = ", ".join(titles[:2]) + (f", … (+{len(titles) - 2})" if len(titles) > 2 else "")
        self.due_label.setText(self.tr("Maintenance due: {items}").format(items=shown))
        self.due_label.setToolTip("\n".join(titles))
        self.due_label.setStyleSheet("color: #ef6c00; font-weight: bold;")
        self.due_label.show()
        due_ids = {d.item.id: d for d in self.due}
        checklist = self.checklist()
        if checklist is None or checklist.id != MAINTENANCE:
            return
        for item_id, row in self.rows().items():
            due = due_ids.get(item_id)
            if due is not None and not row.text(COL_REASON):
                row.setText(COL_REASON, self.tr("Never done: due now") if due.never_done else
                            self.tr("Overdue by {days:.0f} day(s)").format(days=due.overdue_days))
                row.setForeground(COL_REASON, self.palette().highlight())

    @Slot(object, object)
    def _on_delivered(self, on_done: Callable[[Any], None], payload: object) -> None:
        if isinstance(payload, Future):
            error = payload.exception()
            if error is not None:
                self.readiness_label.setToolTip(str(error))
                log.warning("Checklist history could not be read: %s", error)
                return
            payload = payload.result()
        on_done(payload)

    # -- the go-live gate --------------------------------------------------------------------------

    def gate(self) -> bool:
        """Called before OnAir starts the stream: True to go ahead. When the latest pre-stream run has a
        required item not passing (or there is no run), asks for an explicit, recorded override."""
        checklist = self.catalog.checklists.get(PRE_STREAM)
        if checklist is None:
            return True
        status = gate_status(self.latest_pre_stream, checklist)
        if status.ok:
            return True
        titles = []
        for item_id, state in status.blocking:
            item = checklist.item(item_id)
            title = item.title.text(self.language) if item else item_id
            word = self.tr("not run") if state == "not run" else self.status_text(Status(state))
            titles.append(f"{title} — {word}")
        dialog = GoLiveGateDialog(titles, self)
        self.gate_dialog = dialog
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.reason.text().strip():
                return False
            self.record_override(dialog.reason.text().strip())
            return True
        finally:
            self.gate_dialog = None
            dialog.deleteLater()

    def record_override(self, reason: str) -> None:
        """Store the override on the latest pre-stream run (or on a run saved for this purpose)."""
        checklist = self.catalog.checklists.get(PRE_STREAM)
        if self.store is None or checklist is None:
            log.warning("Went live without a passing checklist (not stored): %s", reason)
            return
        at = time.time()
        known_id = self._latest_pre_stream_id
        pending = isinstance(self.latest_pre_stream, RunResult)
        placeholder = not_run(checklist, self.operator)

        def job(conn: sqlite3.Connection) -> int:
            run_id = known_id
            if run_id is None and pending:
                stored = latest_run(conn, PRE_STREAM)
                run_id = stored.id if stored is not None else None
            if run_id is None:
                run_id = save_run(conn, placeholder)
            record_override(conn, run_id, reason, at)
            return run_id

        future = self.store.submit(job)
        future.add_done_callback(lambda _f: self._delivered.emit(lambda _r: self.refresh_history(), None))

    def shutdown(self) -> None:
        self._closed = True
        self._pool.shutdown(wait=True)
