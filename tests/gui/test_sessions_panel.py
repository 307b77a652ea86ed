"""Sessions in the GUI (offscreen, fake OBS): markers, the sessions list, rename, delete, a damaged DB."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from controllers.obs.worker import ObsEndpoint
from controllers.sessions.service import database_path
from controllers.settings import Settings
from tests.gui.helpers import wait_connected
from ui.app import OnAirApp
from ui.models.session_list_model import COLUMNS

pytestmark = pytest.mark.gui


@pytest.fixture
def onair(qtbot, fake_obs, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    app = OnAirApp(Settings(), ObsEndpoint("127.0.0.1", fake_obs.port, "secret"), poll_interval=0.2)
    qtbot.addWidget(app.window)
    app.start()
    wait_connected(qtbot, app.window)
    yield app
    app.shutdown()


def db_rows(sql: str, *params):  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(database_path())
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def test_marker_button_without_a_session_says_so(qtbot, onair) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(onair.window.live.outputs.marker_button, Qt.MouseButton.LeftButton)
    assert "marker not added" in onair.window.statusBar().currentMessage()


def test_stream_session_listed_with_marker_then_renamed_and_deleted(qtbot, onair, fake_obs) -> None:  # type: ignore[no-untyped-def]
    window = onair.window
    fake_obs.perform("StartStream")  # started in OBS, not in OnAir
    qtbot.waitUntil(lambda: onair.recorder.session_id is not None, timeout=5000)
    qtbot.waitUntil(lambda: "Recording session" in window.recording_label.text(), timeout=5000)
    qtbot.mouseClick(window.live.outputs.marker_button, Qt.MouseButton.LeftButton)
    assert window.statusBar().currentMessage() == "Marker added"
    session_id = onair.recorder.session_id
    onair.recorder.store.flush()
    assert db_rows("SELECT kind FROM events WHERE session_id = ? AND kind = 'marker'", session_id) == [("marker",)]
    fake_obs.perform("StopStream")
    qtbot.waitUntil(lambda: onair.recorder.session_id is None, timeout=5000)

    panel = window.sessions_panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1 and panel.model.session_at(0).status == "ended",
                    timeout=5000)
    title_index = panel.model.index(0, COLUMNS.index("title"))
    assert panel.model.data(title_index) == "Untitled"
    assert panel.model.setData(title_index, "Launch <b>day</b>")
    qtbot.waitUntil(lambda: panel.model.session_at(0).title == "Launch <b>day</b>", timeout=5000)
    assert db_rows("SELECT title FROM sessions WHERE id = ?", session_id) == [("Launch <b>day</b>",)]

    panel.table.selectRow(0)

    def answer(yes: bool) -> None:
        def click() -> None:
            if panel.confirm_box is None:
                QTimer.singleShot(20, click)
                return
            button = QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.Cancel
            panel.confirm_box.button(button).click()
        QTimer.singleShot(20, click)

    answer(False)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    qtbot.wait(300)
    assert db_rows("SELECT COUNT(*) FROM sessions") == [(1,)], "Cancel keeps the session"
    answer(True)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=5000)
    assert db_rows("SELECT COUNT(*) FROM sessions") == [(0,)]
    assert db_rows("SELECT COUNT(*) FROM events") == [(0,)], "its events go with it"


def test_rehearsal_records_samples_without_a_stream(qtbot, onair) -> None:  # type: ignore[no-untyped-def]
    session_id = onair.recorder.start_rehearsal("Dry run")
    assert session_id is not None
    qtbot.waitUntil(lambda: len(db_rows("SELECT t FROM samples WHERE session_id = ?", session_id)) >= 3,
                    timeout=5000)
    onair.window.end_rehearsal()
    assert onair.recorder.session_id is None
    onair.recorder.store.flush()
    assert db_rows("SELECT kind, title, status FROM sessions") == [("rehearsal", "Dry run", "ended")]


def test_damaged_database_is_reported_and_the_console_still_runs(qtbot, fake_obs, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = database_path()
    garbage = b"this is not a database\n" * 200
    path.write_bytes(garbage)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warnings.append(text))
    app = OnAirApp(Settings(), ObsEndpoint("127.0.0.1", fake_obs.port, "secret"))
    qtbot.addWidget(app.window)
    try:
        app.start()
        wait_connected(qtbot, app.window)
        assert warnings and str(path) in warnings[0] and "damaged" in warnings[0]
        assert app.window.recording_label.text() == "Sessions not recorded"
        qtbot.waitUntil(lambda: app.window.live.scenes.model.rowCount() == 3)  # works without the database
    finally:
        app.shutdown()
    assert path.read_bytes() == garbage, "OnAir must not touch a damaged database"
