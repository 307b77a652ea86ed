"""The post-stream review panel: pick a session, see its indicators, charts, audience, goals and trend.

Everything that touches the disk runs off the GUI thread: ``build_review`` on the panel's
``review-worker`` thread (its own read connection), goal writes and imports on the session store's
writer thread, report exports on a QThreadPool thread (Qt text layout wants an event dispatcher). Results
come back through queued signals
(:class:`~ui.review.common.Jobs`); a newer request makes older results stale (``generation``).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from controllers.review.model import ComparisonRow, SessionReview
from controllers.review.render import labels
from controllers.sessions import queries
from controllers.sessions.catalog import SessionCatalog
from controllers.sessions.queries import SessionSummary
from controllers.sessions.store import SessionStore

from .cards import CardsGrid
from .charts import TimelineCharts
from .common import Jobs, tr
from .comparison_model import ComparisonModel
from .demographics import AudienceView
from .goals_editor import GoalsEditor
from .video import PlayerFactory, default_player_factory, ms_to_t, t_to_ms

log = logging.getLogger(__name__)

BuildFn = Callable[[sqlite3.Connection, int], SessionReview | None]
COMPARE_N = 5  # earlier sessions in the comparison
ImportFn = Callable[..., Any]
EXPORT_FORMATS = ("html", "pdf", "csv", "json")
PLATFORM_NAMES = {"youtube": "YouTube", "twitch": "Twitch", "facebook": "Facebook", "meta": "Meta"}
_DEFAULT: Any = object()


def _default_build(conn: sqlite3.Connection, session_id: int) -> SessionReview | None:
    from controllers.review.build import build_review

    # the comparison with earlier sessions comes in a second step (_load_comparison): computing five
    # earlier 12-hour sessions' indicators the first time takes seconds, the review itself well under one
    return build_review(conn, session_id, compare_n=0)


def _default_compare(conn: sqlite3.Connection, session_id: int) -> list[ComparisonRow]:
    from controllers.review.compare import compare

    return compare(conn, session_id, COMPARE_N)


def _default_importer() -> ImportFn | None:
    try:
        from controllers.review.imports.service import import_file
    except ImportError:
        return None
    return import_file


def platform_name(platform: str) -> str:
    """``youtube`` → ``YouTube`` (names as the platforms write them)."""
    return PLATFORM_NAMES.get(platform.lower(), platform)


def session_label(s: SessionSummary) -> str:
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(s.started_at))
    end = s.ended_at if s.ended_at is not None else s.last_seen_at
    title = s.title or tr("Untitled")
    platform = f" · {platform_name(s.platform)}" if s.platform else ""
    return f"{when} — {title}{platform} · {labels.duration(max(end - s.started_at, 0))}"


class ReviewPanel(QWidget):
    """The review of one session at a time.

    Object names: ``reviewSessionPicker``, ``reviewReload``, ``reviewImport``, ``reviewExport`` (menu
    actions ``reviewExport_html|pdf|csv|json``), ``reviewHeader``, ``reviewStatus``, ``reviewError``,
    ``reviewCards``, ``reviewCharts``, ``reviewVideoPane``, ``reviewTabs``, ``reviewGoals``,
    ``reviewAudience``, ``reviewComparison``, ``reviewSplitter``, ``reviewChartSplitter``.
    Signals: ``loaded(SessionReview)``, ``comparison_loaded(SessionReview)`` (earlier sessions filled
    in), ``failed(str)``, ``exported(str)`` (the path written).
    """

    loaded = Signal(object)
    comparison_loaded = Signal(object)
    failed = Signal(str)
    exported = Signal(str)

    def __init__(self, store: SessionStore | None, catalog: SessionCatalog | None = None,
                 parent: QWidget | None = None, *, qsettings: QSettings | None = None,
                 player_factory: PlayerFactory | None = _DEFAULT, build: BuildFn | None = None,
                 importer: ImportFn | None = _DEFAULT, language: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPanel")
        self.setAcceptDrops(True)
        self.store = store
        self.catalog = catalog
        self.qsettings = qsettings
        self.language = language
        self.build = build or _default_build
        self.compare: Callable[[sqlite3.Connection, int], list[ComparisonRow]] | None = (
            None if build else _default_compare)   # a custom build fills its own comparison
        self.importer = _default_importer() if importer is _DEFAULT else importer
        self.player_factory = default_player_factory() if player_factory is _DEFAULT else player_factory
        self.jobs = Jobs(self)
        self.generation = 0
        self.review: SessionReview | None = None
        self.session_id: int | None = None
        self.player: Any = None
        self.recording_ok = False
        self.load_seconds = 0.0
        self.build_seconds = 0.0  # build_review on the worker, last load
        self.show_seconds = 0.0   # show_review on the GUI thread, last load
        self._import_queue: list[Path] = []
        self._import_results: list[Any] = []
        self._import_errors: list[str] = []
        self._keep_error_once = False
        self._loading_since = 0.0
        self._build_ui()
        self._restore_splitters()
        if catalog is not None:
            catalog.sessions_loaded.connect(self.show_sessions)
            if catalog.sessions:
                self.show_sessions(catalog.sessions)

    # -- construction ------------------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.picker = QComboBox(self)
        self.picker.setObjectName("reviewSessionPicker")
        self.picker.setMinimumContentsLength(36)
        self.picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.picker.setPlaceholderText(tr("Choose a session…"))
        self.picker.activated.connect(self._on_picked)
        self.reload_button = QPushButton(tr("Reload"), self)
        self.reload_button.setObjectName("reviewReload")
        self.reload_button.clicked.connect(self.reload)
        self.import_button = QPushButton(tr("Import analytics…"), self)
        self.import_button.setObjectName("reviewImport")
        self.import_button.setToolTip(tr("Import a platform's analytics export (YouTube Studio, Twitch, Meta) "
                                         "into this session. You can also drop files on the panel."))
        self.import_button.clicked.connect(self.choose_import)
        # a QPushButton with a menu sizes itself for the menu arrow (a QToolButton's InstantPopup arrow was
        # drawn over the end of the text)
        self.export_button = QPushButton(tr("Export"), self)
        self.export_button.setObjectName("reviewExport")
        menu = QMenu(self.export_button)
        self.export_actions: dict[str, QAction] = {}
        names = {"html": tr("Report as HTML…"), "pdf": tr("Report as PDF…"), "csv": tr("Data as CSV (folder)…"),
                 "json": tr("Data as JSON…")}
        for fmt in EXPORT_FORMATS:
            action = menu.addAction(names[fmt])
            action.setObjectName(f"reviewExport_{fmt}")
            action.setData(fmt)
            action.triggered.connect(self._on_export_action)
            self.export_actions[fmt] = action
        self.export_button.setMenu(menu)
        label = QLabel(tr("Session:"), self)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.picker, 1)
        top.addWidget(self.reload_button)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)

        self.header = QLabel(self)
        self.header.setObjectName("reviewHeader")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setStyleSheet("font-size: 11pt; font-weight: 600;")
        self.status = QLabel(self)
        self.status.setObjectName("reviewStatus")
        self.status.setStyleSheet("color: #57606a;")
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        head = QHBoxLayout()
        head.addWidget(self.header, 1)
        head.addWidget(self.status)
        self.error = QLabel(self)
        self.error.setObjectName("reviewError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setStyleSheet("background: #fdecea; color: #b71c1c; border: 1px solid #f5c2c0; "
                                 "border-radius: 4px; padding: 6px;")
        self.error.hide()

        self.cards = CardsGrid(self)
        self.charts = TimelineCharts(self)
        self.charts.momentClicked.connect(self._on_moment_clicked)
        self.video_pane = QWidget(self)
        self.video_pane.setObjectName("reviewVideoPane")
        self.video_layout = QVBoxLayout(self.video_pane)
        self.video_layout.setContentsMargins(0, 0, 0, 0)
        self.video_note = QLabel(self.video_pane)
        self.video_note.setObjectName("reviewVideoNote")
        self.video_note.setWordWrap(True)
        self.video_note.setStyleSheet("color: #57606a;")
        self.video_layout.addWidget(self.video_note)
        self.video_pane.hide()
        self.chart_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.chart_splitter.setObjectName("reviewChartSplitter")
        self.chart_splitter.addWidget(self.charts)
        self.chart_splitter.addWidget(self.video_pane)
        self.chart_splitter.setStretchFactor(0, 3)
        self.chart_splitter.setStretchFactor(1, 2)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("reviewTabs")
        self.goals = GoalsEditor(self.store.submit if self.store is not None else None, self.tabs)
        self.goals.changed.connect(self.reload)
        self.audience = AudienceView(self.tabs)
        self.comparison_model = ComparisonModel(self)
        self.comparison = QTableView(self.tabs)
        self.comparison.setObjectName("reviewComparison")
        self.comparison.setModel(self.comparison_model)
        self.comparison.verticalHeader().hide()
        self.comparison.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.comparison.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.comparison.doubleClicked.connect(self._on_comparison_double_clicked)
        self.tabs.addTab(self.goals, tr("Goals"))
        self.tabs.addTab(self.audience, tr("Audience"))
        self.tabs.addTab(self.comparison, tr("Previous sessions"))

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("reviewSplitter")
        self.splitter.addWidget(self.chart_splitter)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.splitterMoved.connect(self._save_splitters)
        self.chart_splitter.splitterMoved.connect(self._save_splitters)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(head)
        layout.addWidget(self.error)
        layout.addWidget(self.cards)
        layout.addWidget(self.splitter, 1)
        self._show_empty()

    def _show_empty(self) -> None:
        self.header.setText(tr("No session chosen"))
        self.status.setText(tr("Pick a session above, or open one from the Sessions list."))
        for widget in (self.reload_button, self.export_button):
            widget.setEnabled(False)
        self.import_button.setEnabled(self.store is not None and self.importer is not None)

    # -- QSettings ---------------------------------------------------------------------------------

    def _restore_splitters(self) -> None:
        if self.qsettings is None:
            self.splitter.setSizes([520, 300])
            return
        for key, splitter in (("review/splitter", self.splitter), ("review/chartSplitter", self.chart_splitter)):
            state = self.qsettings.value(key)
            if isinstance(state, QByteArray | bytes):
                splitter.restoreState(QByteArray(state))
        if self.qsettings.value("review/splitter") is None:
            self.splitter.setSizes([520, 300])

    def _save_splitters(self, *_: object) -> None:
        if self.qsettings is not None:
            self.qsettings.setValue("review/splitter", self.splitter.saveState())
            self.qsettings.setValue("review/chartSplitter", self.chart_splitter.saveState())

    # -- sessions ------------------------------------------------------------------------------------

    def refresh_sessions(self) -> None:
        """Re-read the session list (through the catalog when there is one)."""
        if self.catalog is not None:
            self.catalog.refresh()
        elif self.store is not None:
            store = self.store
            self.jobs.run(lambda: _with_reader(store, queries.list_sessions), self.show_sessions, self._on_error)

    def show_sessions(self, sessions: list[SessionSummary]) -> None:
        """Fill the picker, newest first; keeps the chosen session."""
        ordered = sorted(sessions, key=lambda s: (s.started_at, s.id), reverse=True)
        self.picker.blockSignals(True)
        self.picker.clear()
        for s in ordered:
            self.picker.addItem(session_label(s), s.id)
        index = self.picker.findData(self.session_id) if self.session_id is not None else -1
        self.picker.setCurrentIndex(index)
        self.picker.blockSignals(False)

    def _on_picked(self, index: int) -> None:
        session_id = self.picker.itemData(index)
        if session_id is not None and session_id != self.session_id:
            self.open_session(int(session_id))

    def open_session(self, session_id: int) -> None:
        """Show ``session_id`` (selected in the picker) and load its review in the background."""
        self.session_id = session_id
        index = self.picker.findData(session_id)
        if index < 0:
            self.picker.addItem(tr("Session {id}").format(id=session_id), session_id)
            index = self.picker.count() - 1
            self.refresh_sessions()
        self.picker.blockSignals(True)
        self.picker.setCurrentIndex(index)
        self.picker.blockSignals(False)
        self.load(session_id)

    def reload(self) -> None:
        if self.session_id is not None:
            self.load(self.session_id)

    def load(self, session_id: int) -> None:
        """Build the review on the worker; ``loaded`` fires when it is shown."""
        if self.store is None:
            self.show_error(tr("Sessions are not recorded, so there is nothing to review."))
            return
        self.generation += 1
        generation = self.generation
        self._loading_since = time.perf_counter()
        self.status.setText(tr("Loading…"))
        self.reload_button.setEnabled(False)
        self.setCursor(Qt.CursorShape.BusyCursor)
        store, build = self.store, self.build

        def job() -> tuple[SessionReview | None, bool]:
            t0 = time.perf_counter()
            review = _with_reader(store, lambda conn: build(conn, session_id))
            self.build_seconds = time.perf_counter() - t0
            exists = bool(review is not None and review.recording_path and os.path.isfile(review.recording_path))
            return review, exists

        self.jobs.run(job, lambda result: self._on_built(generation, session_id, result),
                      lambda error: self._on_build_failed(generation, error))

    def _on_built(self, generation: int, session_id: int, result: tuple[SessionReview | None, bool]) -> None:
        if generation != self.generation:
            return  # a newer request is on its way
        self.unsetCursor()
        self.reload_button.setEnabled(True)
        review, recording_ok = result
        if review is None:
            self.show_error(tr("Session {id} no longer exists.").format(id=session_id))
            self.status.clear()
            return
        t0 = time.perf_counter()
        self.show_review(review, recording_ok=recording_ok)
        self.show_seconds = time.perf_counter() - t0
        self.load_seconds = time.perf_counter() - self._loading_since
        self.status.setText(tr("Loaded in {ms} ms").format(ms=round(self.load_seconds * 1000)))
        self.loaded.emit(review)
        self._load_comparison(generation, review)

    def _load_comparison(self, generation: int, review: SessionReview) -> None:
        """Earlier sessions on the same platform, computed after the review is on screen."""
        if self.compare is None or self.store is None:
            return
        store, compare, session_id = self.store, self.compare, review.session_id

        def job() -> list[ComparisonRow]:
            return _with_reader(store, lambda conn: compare(conn, session_id))

        def done(rows: list[ComparisonRow]) -> None:
            if generation != self.generation or self.review is not review:
                return
            review.comparison = rows
            self.comparison_model.set_review(review)
            self.comparison_loaded.emit(review)

        self.jobs.run(job, done, lambda error: log.warning("Comparing with earlier sessions failed: %s", error))

    def _on_build_failed(self, generation: int, error: BaseException) -> None:
        if generation != self.generation:
            return
        self.unsetCursor()
        self.reload_button.setEnabled(True)
        self.status.clear()
        self._on_error(error)

    def _on_error(self, error: BaseException) -> None:
        self.show_error(tr("The review could not be loaded: {reason}").format(reason=_reason(error)))

    # -- showing -------------------------------------------------------------------------------------

    def show_review(self, review: SessionReview, *, recording_ok: bool | None = None) -> None:
        """Show ``review`` in every part of the panel (no disk access except the recording check)."""
        self.review = review
        self.session_id = review.session_id
        if self._keep_error_once:
            self._keep_error_once = False  # the import errors stay visible over the reloaded review
        else:
            self.clear_error()
        kind = labels.kind_labels().get(review.kind, review.kind)
        parts = [review.title or tr("Untitled"), kind]
        if review.platform:
            parts.append(platform_name(review.platform))
        parts.append(labels.local_datetime(review.started_at))
        parts.append(labels.duration(review.ended_at - review.started_at))
        self.header.setText("  ·  ".join(parts))
        self.header.setToolTip(review.notes)
        self.cards.set_review(review)
        self.charts.set_review(review)
        self.goals.set_review(review)
        self.audience.set_review(review)
        self.comparison_model.set_review(review)
        for widget in (self.reload_button, self.export_button):
            widget.setEnabled(True)
        self.import_button.setEnabled(self.store is not None and self.importer is not None)
        if recording_ok is None:
            recording_ok = bool(review.recording_path and os.path.isfile(review.recording_path))
        self._show_video(review, recording_ok)

    # -- video -----------------------------------------------------------------------------------------

    def _show_video(self, review: SessionReview, recording_ok: bool) -> None:
        self.recording_ok = False
        self.charts.set_cursor(None)
        self.charts.set_has_video(bool(review.recording_path))
        if not review.recording_path:
            self.video_pane.hide()
            return
        self.video_pane.show()
        if not recording_ok:
            self._drop_player()
            self.video_note.setText(tr("The recording {path} is not there any more.").format(
                path=review.recording_path))
            return
        if review.recording_started_at is None:
            self._drop_player()
            self.video_note.setText(tr("The recording's start time is unknown, so it cannot follow the charts."))
            return
        if self.player_factory is None:
            self.video_note.setText(tr("Video playback needs VLC (python-vlc and libvlc)."))
            return
        if self.player is None:
            self.player = self.player_factory(self.video_pane)
            self.player.positionChanged.connect(self._on_player_position)
            self.player.errorOccurred.connect(self._on_player_error)
            self.video_layout.addWidget(self.player, 1)
        if self.player.load(review.recording_path):
            self.recording_ok = True
            self.video_note.setText(tr("Click a moment on any chart to see it in the recording."))
        else:
            self.video_note.setText(tr("The recording {path} cannot be played.").format(path=review.recording_path))

    def hideEvent(self, event: Any) -> None:  # noqa: N802
        """A hidden review (its dock closed) does not keep playing."""
        if self.player is not None and hasattr(self.player, "pause"):
            self.player.pause()
        super().hideEvent(event)

    def _drop_player(self) -> None:
        if self.player is not None:
            self.player.release()
            self.player.setParent(None)
            self.player.deleteLater()
            self.player = None

    def _on_moment_clicked(self, t: float) -> None:
        review = self.review
        if review is None or self.player is None or not self.recording_ok or review.recording_started_at is None:
            return
        ms = t_to_ms(t, review.recording_started_at)
        if ms < 0:
            self.status.setText(tr("That moment is before the recording started."))
            return
        self.player.seek(ms)
        self.charts.set_cursor(t)

    def _on_player_position(self, ms: int) -> None:
        review = self.review
        if review is not None and review.recording_started_at is not None and self.recording_ok:
            self.charts.set_cursor(ms_to_t(int(ms), review.recording_started_at))

    def _on_player_error(self, message: str) -> None:
        self.video_note.setText(tr("Video: {message}").format(message=message))

    # -- imports ---------------------------------------------------------------------------------------

    def choose_import(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, tr("Import analytics export"), "",
                                                tr("Analytics exports (*.csv *.zip *.txt);;All files (*)"))
        if paths:
            self.import_files([Path(p) for p in paths])

    def import_files(self, paths: list[Path]) -> None:
        """Import the files one by one on the store's writer thread, then reload; errors shown in the panel."""
        if self.store is None or self.importer is None:
            self.show_error(tr("Imports are not available in this build."))
            return
        self.clear_error()
        self._import_queue = list(paths)
        self._import_results = []
        self._import_errors = []
        self.import_button.setEnabled(False)
        self._import_next()

    def _import_next(self) -> None:
        assert self.store is not None and self.importer is not None
        if not self._import_queue:
            self._imports_done()
            return
        path = self._import_queue.pop(0)
        importer, session_id = self.importer, self.session_id
        self.status.setText(tr("Importing {name}…").format(name=path.name))
        future = self.store.submit(lambda conn: importer(conn, path, session_id=session_id))
        self.jobs.attach(future, self._on_imported, self._on_import_failed)

    def _on_imported(self, result: Any) -> None:
        self._import_results.append(result)
        self._import_next()

    def _on_import_failed(self, error: BaseException) -> None:
        self._import_errors.append(_reason(error))
        self._import_next()

    def _imports_done(self) -> None:
        self.import_button.setEnabled(True)
        results, errors = self._import_results, self._import_errors
        if errors:
            self.show_error(tr("Import failed — {reason}").format(reason="\n".join(errors)))
        self.status.setText(tr("Imported {n} file(s).").format(n=len(results)) if results else "")
        if not results:
            return
        self._keep_error_once = bool(errors)
        target = self.session_id
        for result in results:
            sid = result if isinstance(result, int) else getattr(result, "session_id", None)
            if isinstance(sid, int):
                target = sid
        self.refresh_sessions()
        if target is not None:
            self.open_session(target)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if urls and all(u.isLocalFile() for u in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    # -- exports ---------------------------------------------------------------------------------------

    def _on_export_action(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.choose_export(str(action.data()))

    def choose_export(self, fmt: str) -> None:
        review = self.review
        if review is None:
            return
        base = f"onair-session-{review.session_id}"
        if fmt == "csv":
            path = QFileDialog.getExistingDirectory(self, tr("Folder for the CSV files"))
        else:
            filters = {"html": tr("HTML page (*.html)"), "pdf": tr("PDF document (*.pdf)"),
                       "json": tr("JSON (*.json)")}
            path, _ = QFileDialog.getSaveFileName(self, tr("Export the review"), f"{base}.{fmt}", filters[fmt])
        if path:
            self.export(fmt, Path(path))

    def export(self, fmt: str, out: Path) -> None:
        """Write the shown review as ``fmt`` to ``out`` on the worker; ``exported(path)`` when done."""
        review = self.review
        if review is None:
            return
        language = self.language
        self.status.setText(tr("Exporting {fmt}…").format(fmt=fmt.upper()))

        def job() -> str:
            from controllers.review import report

            if fmt in ("html", "pdf"):
                from controllers.review.render import write_report

                return str(write_report(review, fmt, out, language=language))  # type: ignore[arg-type]
            if fmt == "json":
                return str(report.write_json(review, out))
            report.write_csv(review, out)
            return str(out)

        self.jobs.run_qt(job, self._on_exported, self._on_export_failed)

    def _on_exported(self, path: str) -> None:
        self.status.setText(tr("Exported to {path}").format(path=path))
        self.exported.emit(path)

    def _on_export_failed(self, error: BaseException) -> None:
        self.status.clear()
        self.show_error(tr("Export failed — {reason}").format(reason=_reason(error)))

    # -- misc --------------------------------------------------------------------------------------------

    def _on_comparison_double_clicked(self, index: Any) -> None:
        session_id = self.comparison_model.data(index, Qt.ItemDataRole.UserRole)
        if isinstance(session_id, int) and session_id != self.session_id:
            self.open_session(session_id)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.failed.emit(message)

    def clear_error(self) -> None:
        self.error.clear()
        self.error.hide()

    def shutdown(self) -> None:
        """Stop the player and the workers (before the widget goes)."""
        self._save_splitters()
        self._drop_player()
        self.goals.shutdown()
        self.jobs.close()


def _with_reader(store: SessionStore, fn: Callable[[sqlite3.Connection], Any]) -> Any:
    conn = store.reader()
    try:
        return fn(conn)
    finally:
        conn.close()


def _reason(error: BaseException) -> str:
    """An exception as one readable line (never a traceback)."""
    text = str(error).strip()
    if type(error).__name__ in ("ImportFileError", "ImportSessionError", "ImportFailed", "GoalError",
                                "ReportError", "StoreError") or isinstance(error, OSError | ValueError):
        return text or type(error).__name__
    return f"{type(error).__name__}: {text}" if text else type(error).__name__
