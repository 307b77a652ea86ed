"""Settings ▸ Chat sources… (offscreen): masked secrets with a show toggle, the keyring note, the
environment note, validation, and applying it (saved; the hub's sources swapped and connected)."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit

from controllers import secrets
from controllers.chat.config import ENV_FIELDS, TWITCH_TOKEN_SECRET, ChatConfig
from controllers.chat.hub import ChatHub
from controllers.chat.twitch import TwitchChatSource
from controllers.obs.client import ObsClient
from controllers.obs.worker import ObsEndpoint
from controllers.settings import Settings
from tests.fakes.fake_twitch import FakeTwitchServer
from tests.test_secrets import MemoryKeyring
from ui.chat_compose import ChatComposer
from ui.chat_settings_dialog import ChatSettingsController, ChatSettingsDialog
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui

TOKEN = "sekrit-twitch-token-42"
YT_KEY = "AIza-sekrit-key-43"


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in (*ENV_FIELDS.values(), "ONAIR_CHAT_REPLAY", "ONAIR_TWITCH_IRC_URL", "ONAIR_YOUTUBE_API_URL"):
        monkeypatch.delenv(var, raising=False)


def open_dialog(qtbot, config: ChatConfig, **kw) -> ChatSettingsDialog:  # type: ignore[no-untyped-def]
    dialog = ChatSettingsDialog(config, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def edit(dialog: QDialog, name: str) -> QLineEdit:
    widget = dialog.findChild(QLineEdit, name)
    assert widget is not None, name
    return widget


def test_secrets_are_masked_until_shown(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, ChatConfig(twitch_channel="chan", twitch_login="bot", twitch_token=TOKEN,
                                           youtube_video_id="dQw4w9WgXcQ", youtube_api_key=YT_KEY))
    token = edit(dialog, "twitchTokenEdit")
    for name in ("twitchTokenEdit", "youtubeKeyEdit", "youtubeTokenEdit"):
        assert edit(dialog, name).echoMode() == QLineEdit.EchoMode.Password
    assert TOKEN not in token.displayText()
    show = dialog.findChild(object, "twitchTokenShow")
    qtbot.mouseClick(show, Qt.MouseButton.LeftButton)
    assert token.echoMode() == QLineEdit.EchoMode.Normal and token.displayText() == TOKEN
    assert show.text() == "Hide"
    assert edit(dialog, "youtubeKeyEdit").echoMode() == QLineEdit.EchoMode.Password  # only that one
    qtbot.mouseClick(show, Qt.MouseButton.LeftButton)
    assert token.echoMode() == QLineEdit.EchoMode.Password


def test_keyring_note_without_and_with_a_keyring(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, ChatConfig())
    note = dialog.findChild(object, "keyringNote")
    assert "kept in memory only" in note.text()
    assert not dialog.remember.isEnabled()
    keyring.set_keyring(MemoryKeyring())
    dialog = open_dialog(qtbot, ChatConfig())
    assert "stored in the OS keyring" in dialog.findChild(object, "keyringNote").text()
    assert dialog.remember.isChecked() and dialog.remember.isEnabled()
    assert not dialog.findChild(object, "envNote").isVisible()


def test_environment_note(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, ChatConfig(), env_overrides=["ONAIR_TWITCH_CHANNEL"])
    note = dialog.findChild(object, "envNote")
    assert note.isVisible() and "ONAIR_TWITCH_CHANNEL" in note.text()


def test_validation_blocks_apply_until_fixed(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, ChatConfig())
    problems = dialog.findChild(object, "chatSettingsProblems")
    apply = dialog.findChild(object, "chatSettingsApply")
    assert apply.isEnabled() and not problems.isVisible()
    edit(dialog, "twitchChannelEdit").setText("https://www.twitch.tv/MyChannel")
    edit(dialog, "twitchTokenEdit").setText("oauth:" + TOKEN)
    assert problems.isVisible() and "login name" in problems.text()
    assert not apply.isEnabled()
    edit(dialog, "twitchLoginEdit").setText("onair_bot")
    edit(dialog, "youtubeVideoEdit").setText("https://youtu.be/dQw4w9WgXcQ")
    assert "YouTube: add an API key" in problems.text()
    edit(dialog, "youtubeKeyEdit").setText(YT_KEY)
    assert not problems.isVisible() and apply.isEnabled()
    config = dialog.config()
    assert (config.twitch_channel, config.twitch_token, config.youtube_video_id) == ("mychannel", TOKEN,
                                                                                     "dQw4w9WgXcQ")
    qtbot.mouseClick(apply, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


@pytest.fixture
def window(qtbot) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    hub = ChatHub()
    win = MainWindow(ObsClient(ObsEndpoint("127.0.0.1", 1)), Settings(), chat_hub=hub)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    hub.stop(2.0)


def test_menu_action_opens_the_dialog_and_applying_restarts_the_sources(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    composer = window.findChild(ChatComposer, "chatComposer")
    assert composer is not None and composer.parent() is window.chat_panel
    action = window.findChild(object, "actionChatSources")
    assert action is not None and action.text() == "&Chat sources…"
    controller = window.findChild(ChatSettingsController, "chatSettingsController")
    hub = window.chat_panel.hub
    with FakeTwitchServer() as server:
        monkeypatch.setenv("ONAIR_TWITCH_IRC_URL", server.url)
        action.trigger()
        dialog = controller.dialog
        assert dialog is not None and dialog.isVisible()
        edit(dialog, "twitchChannelEdit").setText("mychannel")
        edit(dialog, "twitchLoginEdit").setText("onair_bot")
        edit(dialog, "twitchTokenEdit").setText("goodtoken")
        edit(dialog, "streamerNameEdit").setText("My Channel")
        qtbot.mouseClick(dialog.findChild(object, "chatSettingsApply"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: controller.dialog is None)
        assert len(hub.sources) == 1 and isinstance(hub.sources[0], TwitchChatSource)
        qtbot.waitUntil(lambda: hub.statuses.get("twitch", ("",))[0] == "connected", timeout=10000)
        assert window.statusBar().currentMessage() == ("Chat sources applied. Tokens and keys are kept in memory "
                                                       "for this session only.")
        assert [composer.target.itemData(i) for i in range(composer.target.count())] == ["all", "twitch"]
        assert Settings().chat_twitch_channel == "mychannel" and Settings().streamer_name == "My Channel"
        assert window.chat_panel.rules.streamer == "My Channel"
        assert secrets.get_secret(TWITCH_TOKEN_SECRET) == "goodtoken"  # memory only: no keyring in tests
        first = hub.sources[0]
        # applying again (the channel changes) swaps the source: the old one stops, the new one joins
        controller.apply(ChatConfig(twitch_channel="otherchannel", twitch_login="onair_bot", twitch_token="goodtoken"))
        qtbot.waitUntil(lambda: "JOIN #otherchannel" in server.lines("JOIN"), timeout=10000)
        assert hub.sources != [first] and first.state == "disconnected"


def test_screenshot(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, ChatConfig(twitch_channel="mychannel", twitch_login="mychannel",
                                           twitch_token=TOKEN, youtube_video_id="dQw4w9WgXcQ",
                                           youtube_api_key=YT_KEY, streamer_name="My Channel"),
                         env_overrides=["ONAIR_YOUTUBE_VIDEO_ID"])
    edit(dialog, "youtubeTokenEdit").setText("bad token")
    qtbot.wait(50)
    image = dialog.grab()
    assert image.save("/tmp/chat_settings_check.png")
    for name in ("twitchTokenEdit", "youtubeKeyEdit", "youtubeTokenEdit"):
        assert edit(dialog, name).echoMode() == QLineEdit.EchoMode.Password
