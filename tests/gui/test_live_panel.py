"""The live panel in the main window (offscreen) against the fake OBS."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

from controllers.obs.model import LinkState
from controllers.obs.worker import ObsEndpoint
from tests.gui.helpers import answer_next_confirmation, close_window, open_window, wait_connected
from ui.connection_dialog import ConnectionDialog
from ui.main_window import MainWindow
from ui.models.scene_list_model import PreviewRole, ProgramRole

pytestmark = pytest.mark.gui

SCENE_SWITCH = "SetCurrentProgramScene"


def endpoint_of(fake, password: str = "secret") -> ObsEndpoint:  # type: ignore[no-untyped-def]
    return ObsEndpoint("127.0.0.1", fake.port, password)




@pytest.fixture
def make_window(qtbot) -> Iterator[Callable[..., MainWindow]]:  # type: ignore[no-untyped-def]
    windows: list[MainWindow] = []

    def make(endpoint: ObsEndpoint, **options: object) -> MainWindow:
        window = open_window(qtbot, endpoint, poll_interval=0.2, backoff_ceiling=0.5, **options)
        windows.append(window)
        return window

    yield make
    for window in windows:
        close_window(window)


def wait_ready(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Connected as the GUI sees it: the worker's status reaches the widgets through queued signals."""
    wait_connected(qtbot, window, timeout=5000)
    qtbot.waitUntil(lambda: "Connected to OBS 29.0.2" in window.indicator.text(), timeout=5000)
    # The indicator also reads the live status when a snapshot arrives, so it can run ahead of the
    # status signal that enables the controls.
    qtbot.waitUntil(lambda: window.live.scenes.view.isEnabled() and window.live.mixer.isEnabled(), timeout=5000)


@pytest.fixture
def window(qtbot, fake_obs, make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    win = make_window(endpoint_of(fake_obs))
    wait_ready(qtbot, win)
    qtbot.waitUntil(lambda: win.live.scenes.model.rowCount() == 3, timeout=3000)
    return win


def scene_names(window: MainWindow) -> list[str | None]:
    model = window.live.scenes.model
    return [model.scene_at(row) for row in range(model.rowCount())]


def click_row(qtbot, window: MainWindow, row: int) -> None:  # type: ignore[no-untyped-def]
    view = window.live.scenes.view
    rect = view.visualRect(view.model().index(row, 0))
    assert rect.isValid()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def no_request(fake, request_type: str, since: int, within: float = 0.5) -> bool:  # type: ignore[no-untyped-def]
    try:
        fake.wait_for_request(request_type, timeout=within, since=since)
    except TimeoutError:
        return True
    return False


def focus_window(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def test_scene_list_shows_obs_order_and_marks_program(qtbot, window: MainWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = window.live.scenes.model
    assert scene_names(window) == ["Intro", "Main", "BRB"]
    assert [model.data(model.index(r, 0)) for r in range(3)] == ["1  Intro", "2  Main", "3  BRB"]
    assert [model.data(model.index(r, 0), ProgramRole) for r in range(3)] == [True, False, False]
    assert [model.data(model.index(r, 0), PreviewRole) for r in range(3)] == [False, False, False]
    assert model.data(model.index(0, 0), Qt.ItemDataRole.FontRole).bold()
    qtmodeltester.check(model)
    assert sorted(window.live.mixer.strips) == ["Clip", "Mic/Aux"]  # Camera has no audio


def test_click_switches_program_scene(qtbot, window: MainWindow, fake_obs) -> None:  # type: ignore[no-untyped-def]
    since = len(fake_obs.received)
    click_row(qtbot, window, 1)
    request = fake_obs.wait_for_request(SCENE_SWITCH, timeout=3, since=since)
    assert request["requestData"] == {"sceneName": "Main"}
    model = window.live.scenes.model
    qtbot.waitUntil(lambda: model.data(model.index(1, 0), ProgramRole) is True, timeout=3000)
    assert model.data(model.index(0, 0), ProgramRole) is False


def test_number_key_switches_scene(qtbot, window: MainWindow, fake_obs) -> None:  # type: ignore[no-untyped-def]
    focus_window(qtbot, window)
    window.live.scenes.view.setFocus()
    since = len(fake_obs.received)
    qtbot.keyClick(window.live.scenes.view, Qt.Key.Key_2)
    request = fake_obs.wait_for_request(SCENE_SWITCH, timeout=3, since=since)
    assert request["requestData"] == {"sceneName": "Main"}
    qtbot.waitUntil(lambda: window.client.snapshot.program_scene == "Main", timeout=3000)


def test_number_keys_type_into_text_fields(qtbot, window: MainWindow, fake_obs) -> None:  # type: ignore[no-untyped-def]
    edit = QLineEdit(window)
    edit.setObjectName("testNote")
    window.statusBar().addWidget(edit)
    edit.show()
    focus_window(qtbot, window)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus, timeout=2000)
    since = len(fake_obs.received)
    qtbot.keyClick(edit, Qt.Key.Key_3)
    assert edit.text() == "3"
    # Also when the shortcut fires anyway (Qt lets line edits override it; the window checks focus too).
    window.scene_shortcuts[2].activated.emit()
    assert no_request(fake_obs, SCENE_SWITCH, since)
    assert window.client.snapshot.program_scene == "Intro"
    # the same key switches scenes once the text field is left
    window.live.scenes.view.setFocus()
    qtbot.waitUntil(window.live.scenes.view.hasFocus, timeout=2000)
    qtbot.keyClick(window.live.scenes.view, Qt.Key.Key_3)
    assert fake_obs.wait_for_request(SCENE_SWITCH, timeout=3, since=since)["requestData"] == {"sceneName": "BRB"}


def test_request_failure_shows_obs_comment(qtbot, window: MainWindow, fake_obs) -> None:  # type: ignore[no-untyped-def]
    comment = "No source was found by the name of `Main`."
    fake_obs.inject_error(SCENE_SWITCH, 600, comment)
    click_row(qtbot, window, 1)
    qtbot.waitUntil(lambda: comment in window.statusBar().currentMessage(), timeout=3000)
    assert comment in window.last_error
    assert window.last_error.startswith("Switch scene")
    assert window.client.snapshot.program_scene == "Intro"


def test_hostile_names_are_plain_text(qtbot, fake_obs, make_window) -> None:  # type: ignore[no-untyped-def]
    bold, img = "<b>bold</b>", "<img src=x>"
    fake_obs.state.scenes = [bold, "Main", "BRB"]
    fake_obs.state.program_scene = bold
    fake_obs.state.inputs = {img if name == "Mic/Aux" else name: value
                             for name, value in fake_obs.state.inputs.items()}
    window = make_window(endpoint_of(fake_obs))
    wait_ready(qtbot, window)
    model = window.live.scenes.model
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=3000)
    assert model.scene_at(0) == bold
    assert model.data(model.index(0, 0)) == f"1  {bold}"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.AccessibleTextRole) == bold
    assert model.data(model.index(0, 0), ProgramRole) is True
    qtbot.waitUntil(lambda: img in window.live.mixer.strips, timeout=3000)
    strip = window.live.mixer.strips[img]
    assert strip.label.text() == img
    assert strip.label.textFormat() == Qt.TextFormat.PlainText
    assert window.findChild(type(strip.mute_button), f"mute:{img}") is strip.mute_button
    since = len(fake_obs.received)
    click_row(qtbot, window, 0)
    assert fake_obs.wait_for_request(SCENE_SWITCH, timeout=3, since=since)["requestData"] == {"sceneName": bold}


def test_studio_mode_preview_and_transition(qtbot, window: MainWindow, fake_obs) -> None:  # type: ignore[no-untyped-def]
    scenes = window.live.scenes
    assert not scenes.transition_button.isVisible()
    fake_obs.perform("SetStudioModeEnabled", {"studioModeEnabled": True})  # the operator, in OBS
    qtbot.waitUntil(scenes.transition_button.isVisible, timeout=3000)
    assert scenes.studio_toggle.isChecked()
    model = scenes.model
    qtbot.waitUntil(lambda: model.data(model.index(0, 0), PreviewRole) is True, timeout=3000)

    since = len(fake_obs.received)
    click_row(qtbot, window, 2)
    assert fake_obs.wait_for_request("SetCurrentPreviewScene", timeout=3, since=since)["requestData"] == {
        "sceneName": "BRB"}
    assert no_request(fake_obs, SCENE_SWITCH, since, within=0.1)
    qtbot.waitUntil(lambda: model.data(model.index(2, 0), PreviewRole) is True, timeout=3000)
    assert fake_obs.state.program_scene == "Intro"

    since = len(fake_obs.received)
    qtbot.mouseClick(scenes.transition_button, Qt.MouseButton.LeftButton)
    fake_obs.wait_for_request("TriggerStudioModeTransition", timeout=3, since=since)
    qtbot.waitUntil(lambda: model.data(model.index(2, 0), ProgramRole) is True, timeout=3000)
    assert window.client.snapshot.program_scene == "BRB"
    qtbot.waitUntil(lambda: model.data(model.index(0, 0), PreviewRole) is True, timeout=3000)  # OBS swaps

    fake_obs.perform("SetStudioModeEnabled", {"studioModeEnabled": False})
    qtbot.waitUntil(lambda: not scenes.transition_button.isVisible(), timeout=3000)


def test_mute_button_sends_request_and_follows_obs(qtbot, window: MainWindow, fake_obs) -> None:  # type: ignore[no-untyped-def]
    strip = window.live.mixer.strips["Mic/Aux"]
    button = strip.mute_button
    assert not button.isChecked() and button.text() == "Live"
    since = len(fake_obs.received)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not button.isChecked()  # not until OBS says so
    request = fake_obs.wait_for_request("SetInputMute", timeout=3, since=since)
    assert request["requestData"] == {"inputName": "Mic/Aux", "inputMuted": True}
    qtbot.waitUntil(button.isChecked, timeout=3000)
    assert button.text() == "Muted"
    fake_obs.perform("SetInputMute", {"inputName": "Mic/Aux", "inputMuted": False})  # unmuted in OBS
    qtbot.waitUntil(lambda: not button.isChecked(), timeout=3000)
    assert button.text() == "Live"

    fake_obs.inject_error("SetInputMute", 604, "The specified input does not support audio.")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "does not support audio" in window.last_error, timeout=3000)
    assert not button.isChecked()


def test_stop_stream_asks_first(qtbot, window: MainWindow, fake_obs) -> None:  # type: ignore[no-untyped-def]
    outputs = window.live.outputs
    fake_obs.perform("StartStream")
    qtbot.waitUntil(lambda: outputs.stream_button.text() == "Stop streaming" and outputs.stream_button.isEnabled(),
                    timeout=3000)

    since = len(fake_obs.received)
    answer_next_confirmation(outputs, yes=False)
    qtbot.mouseClick(outputs.stream_button, Qt.MouseButton.LeftButton)
    assert outputs.confirm_box is None  # answered and closed
    assert no_request(fake_obs, "StopStream", since, within=0.3)
    assert fake_obs.state.stream_active

    answer_next_confirmation(outputs, yes=True)
    qtbot.mouseClick(outputs.stream_button, Qt.MouseButton.LeftButton)
    fake_obs.wait_for_request("StopStream", timeout=3, since=since)
    qtbot.waitUntil(lambda: outputs.stream_button.text() == "Start streaming", timeout=3000)
    assert not fake_obs.state.stream_active


def test_connection_dialog_reconnects_with_new_password(qtbot, fake_obs, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(endpoint_of(fake_obs, "wrong"))
    qtbot.waitUntil(lambda: "wrong password" in window.indicator.text(), timeout=5000)
    assert window.client.status.state is LinkState.DISCONNECTED
    seen: list[str] = []

    def fill_dialog() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, ConnectionDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(20, fill_dialog)
            return
        seen.append(dialog.password_edit.text())
        edit = dialog.findChild(QLineEdit, "passwordEdit")
        edit.setText("secret")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    focus_window(qtbot, window)
    QTimer.singleShot(20, fill_dialog)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert seen == ["wrong"]  # the dialog opened with the current endpoint
    wait_ready(qtbot, window)
    assert window.client.endpoint == endpoint_of(fake_obs, "secret")
