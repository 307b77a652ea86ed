"""The checklist dock and the go-live gate in the GUI (offscreen, fake OBS)."""

from __future__ import annotations

import sqlite3
import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from controllers import paths
from controllers.checklists import ItemResult, RunResult, Status, load_catalog, save_run
from controllers.obs.worker import ObsEndpoint
from controllers.sessions.service import database_path
from controllers.sessions.store import SessionStore
from controllers.settings import Settings
from tests.gui.helpers import wait_connected
from ui.app import OnAirApp
from ui.checklist_panel import COL_ITEM, COL_NOTE, COL_REASON, COL_STATUS, ChecklistPanel

pytestmark = pytest.mark.gui

PASSING_PRE_STREAM = """
id = "pre-stream"
title = { en = "Before going live", zh_TW = "開播前檢查" }

[[items]]
id = "scene-main"
title = { en = "Main scene exists", zh_TW = "主場景存在" }
group = "scenes"
probe = "scene_exists"
params = { name = "Main" }

[[items]]
id = "mic-not-muted"
title = { en = "Microphone not muted", zh_TW = "麥克風未靜音" }
group = "audio"
probe = "input_not_muted"
params = { name = "Mic/Aux" }

[[items]]
id = "camera-ready"
title = { en = "Camera framed", zh_TW = "攝影機構圖" }
group = "video"
severity = "advisory"
kind = "manual"
"""


def start_app(qtbot, fake_obs) -> OnAirApp:  # type: ignore[no-untyped-def]
    app = OnAirApp(Settings(), ObsEndpoint("127.0.0.1", fake_obs.port, "secret"), poll_interval=0.2)
    qtbot.addWidget(app.window)
    app.start()
    wait_connected(qtbot, app.window)
    return app


@pytest.fixture
def no_warnings(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)


@pytest.fixture
def onair(qtbot, fake_obs, no_warnings):  # type: ignore[no-untyped-def]
    app = start_app(qtbot, fake_obs)
    yield app
    app.shutdown()


def db_rows(sql: str, *params):  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(database_path())
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def panel_of(app: OnAirApp) -> ChecklistPanel:
    panel = app.window.checklist_panel
    assert panel is not None
    return panel


def run_and_wait(qtbot, panel: ChecklistPanel) -> None:  # type: ignore[no-untyped-def]
    history = panel.history.count()
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    assert panel.running, "the run happens off the GUI thread"
    qtbot.waitUntil(lambda: not panel.running, timeout=30000)
    qtbot.waitUntil(lambda: panel.history.count() == history + 1, timeout=10000)


def answer_gate(panel: ChecklistPanel, reason: str | None, seen: list[list[str]]) -> None:
    """When the gate dialog opens: note its blocking items, then Cancel (reason None) or override."""
    def act() -> None:
        dialog = panel.gate_dialog
        if dialog is None:
            QTimer.singleShot(20, act)
            return
        seen.append([dialog.blocking_list.item(i).text() for i in range(dialog.blocking_list.count())])
        if reason is None:
            dialog.cancel_button.click()
        else:
            assert not dialog.go_button.isEnabled(), "an override needs a reason"
            dialog.reason.setText(reason)
            dialog.go_button.click()
    QTimer.singleShot(20, act)


def test_dock_runs_checks_off_the_gui_thread_and_keeps_manual_ticks(qtbot, onair) -> None:  # type: ignore[no-untyped-def]
    window = onair.window
    assert window.findChild(type(window.checklist_dock), "checklistDock") is window.checklist_dock
    assert window.findChild(type(window.checklist_dock.toggleViewAction()), "actionToggleChecklist") is not None
    panel = panel_of(onair)
    assert panel.checklist_picker.currentData() == "pre-stream"
    assert {panel.checklist_picker.itemData(i) for i in range(panel.checklist_picker.count())} >= {
        "pre-stream", "maintenance"}
    assert panel.platform_picker.findData("youtube") >= 0
    rows = panel.rows()
    assert rows["scene-main"].text(COL_ITEM) == "Main scene exists"
    assert rows["scene-main"].parent().text(COL_ITEM) == "Scenes"
    camera = rows["camera-ready"]
    assert camera.flags() & Qt.ItemFlag.ItemIsUserCheckable and camera.flags() & Qt.ItemFlag.ItemIsEditable
    camera.setCheckState(COL_ITEM, Qt.CheckState.Checked)
    camera.setText(COL_NOTE, "Key light <b>on</b>")
    rows["platform-chosen"].setText(COL_NOTE, "title still pending")  # not ticked: the note is kept anyway

    run_and_wait(qtbot, panel)
    rows = panel.rows()
    assert rows["scene-main"].text(COL_STATUS) == "Pass"
    assert rows["camera-ready"].text(COL_STATUS) == "Pass"
    assert rows["platform-chosen"].text(COL_STATUS) == "To confirm"
    assert all(row.text(COL_STATUS) not in ("", "Not run") for row in rows.values())
    assert panel.readiness_label.text().startswith("Readiness: ")
    assert panel.last_run is not None and panel.readiness_label.text() != "Readiness: not checked yet"
    assert "Before going live" in panel.history.item(0).text()

    onair.recording.store.flush()
    assert db_rows("SELECT status, note FROM check_results WHERE item_id = 'camera-ready'") == [
        ("pass", "Key light <b>on</b>")]
    assert db_rows("SELECT checklist_id, overall FROM check_runs") == [("pre-stream", panel.last_run.overall.value)]
    assert db_rows("SELECT status, note FROM check_results WHERE item_id = 'platform-chosen'") == [
        ("manual", "title still pending")]
    assert db_rows("SELECT operator FROM check_runs") == [(onair.settings.operator,)]
    assert onair.settings.operator, "who ran the checks is recorded (setting, else the OS login name)"


def test_platform_choice_is_remembered(qtbot, fake_obs, no_warnings) -> None:  # type: ignore[no-untyped-def]
    app = start_app(qtbot, fake_obs)
    try:
        picker = panel_of(app).platform_picker
        picker.setCurrentIndex(picker.findData("twitch"))
    finally:
        app.shutdown()
    again = start_app(qtbot, fake_obs)
    try:
        assert panel_of(again).platform_picker.currentData() == "twitch"
    finally:
        again.shutdown()


def test_gate_without_a_run_cancel_then_override(qtbot, onair, fake_obs) -> None:  # type: ignore[no-untyped-def]
    panel = panel_of(onair)
    button = onair.window.live.outputs.stream_button
    qtbot.waitUntil(button.isEnabled, timeout=5000)
    seen: list[list[str]] = []
    answer_gate(panel, None, seen)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert seen and any("Main scene exists" in text and "not run" in text for text in seen[0])
    qtbot.wait(300)
    assert fake_obs.requests("StartStream") == [], "Cancel must not start the stream"

    answer_gate(panel, "Sponsor slot cannot wait", seen)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(seen) == 2
    qtbot.waitUntil(lambda: len(fake_obs.requests("StartStream")) == 1, timeout=5000)
    onair.recording.store.flush()
    assert db_rows("SELECT checklist_id, override_reason FROM check_runs WHERE override_at IS NOT NULL") == [
        ("pre-stream", "Sponsor slot cannot wait")]


def test_gate_override_lands_on_the_latest_failing_run(qtbot, onair, fake_obs) -> None:  # type: ignore[no-untyped-def]
    panel = panel_of(onair)
    run_and_wait(qtbot, panel)
    assert panel.last_run is not None and panel.last_run.overall.value != "ready"
    seen: list[list[str]] = []
    answer_gate(panel, "Going anyway", seen)
    qtbot.mouseClick(onair.window.live.outputs.stream_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(fake_obs.requests("StartStream")) == 1, timeout=5000)
    onair.recording.store.flush()
    assert db_rows("SELECT COUNT(*) FROM check_runs") == [(1,)]
    assert db_rows("SELECT override_reason FROM check_runs") == [("Going anyway",)]


def test_passing_run_goes_straight_through(qtbot, fake_obs, no_warnings) -> None:  # type: ignore[no-untyped-def]
    user = paths.data_dir() / "checklists"
    user.mkdir(parents=True, exist_ok=True)
    (user / "pre-stream.toml").write_text(PASSING_PRE_STREAM, encoding="utf-8")
    app = start_app(qtbot, fake_obs)
    try:
        panel = panel_of(app)
        run_and_wait(qtbot, panel)
        assert panel.readiness_label.text() == "Readiness: Ready to go live"
        opened: list[bool] = []
        QTimer.singleShot(200, lambda: opened.append(panel.gate_dialog is not None))
        qtbot.mouseClick(app.window.live.outputs.stream_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(fake_obs.requests("StartStream")) == 1, timeout=5000)
        qtbot.waitUntil(lambda: bool(opened), timeout=2000)
        assert opened == [False]
    finally:
        app.shutdown()


def test_due_maintenance_is_flagged_at_start_up(qtbot, fake_obs, no_warnings) -> None:  # type: ignore[no-untyped-def]
    maintenance = load_catalog().checklists["maintenance"]
    now = time.time()

    def run_at(t: float, skip: str = "") -> RunResult:
        return RunResult("maintenance", "", t, t, tuple(
            ItemResult(i.id, Status.MANUAL if i.id == skip else Status.PASS, "", i.required, i.automatic)
            for i in maintenance.items))

    store = SessionStore(database_path())
    try:
        store.submit(lambda conn: save_run(conn, run_at(now - 20 * 86400))).result(10)
        store.submit(lambda conn: save_run(conn, run_at(now - 3600, skip="spares"))).result(10)
    finally:
        store.close()
    app = start_app(qtbot, fake_obs)
    try:
        panel = panel_of(app)
        qtbot.waitUntil(lambda: bool(panel.due), timeout=5000)
        assert [d.item.id for d in panel.due] == ["spares"] and round(panel.due[0].overdue_days) == 6
        assert app.window.checklist_dock is not None
        assert app.window.checklist_dock.windowTitle() == "Checklist ⚠ 1 due"
        assert "Spare cables" in panel.due_label.text() and not panel.due_label.isHidden()
        assert "Maintenance due" in app.window.statusBar().currentMessage()
        assert panel.history.count() == 2
        panel.select_checklist("maintenance")
        assert panel.rows()["spares"].text(COL_REASON) == "Overdue by 6 day(s)"
    finally:
        app.shutdown()
