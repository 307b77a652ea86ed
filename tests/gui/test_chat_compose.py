"""The chat composer (offscreen) against the fake Twitch IRC server and the fake YouTube API: one
platform, "All", one failing while the other succeeds, refusals (empty, over a limit, not logged in)
and canned replies kept in the settings."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from controllers.chat.hub import ChatHub
from controllers.chat.model import CONNECTED
from controllers.chat.twitch import TwitchChatSource
from controllers.chat.youtube import YouTubeChatSource
from controllers.settings import Settings
from tests.fakes.fake_twitch import FakeTwitchServer
from tests.fakes.fake_youtube import FakeYouTubeServer
from ui.chat_compose import ChatComposer

pytestmark = pytest.mark.gui

VIDEO = "dQw4w9WgXcQ"


@pytest.fixture
def hub(qapp) -> Iterator[ChatHub]:  # type: ignore[no-untyped-def]
    chat = ChatHub()
    yield chat
    chat.stop(2.0)


@pytest.fixture
def composer(qtbot, hub: ChatHub) -> ChatComposer:  # type: ignore[no-untyped-def]
    widget = ChatComposer(hub, Settings())
    qtbot.addWidget(widget)
    widget.resize(360, 90)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def twitch_server() -> Iterator[FakeTwitchServer]:
    with FakeTwitchServer() as server:
        yield server


@pytest.fixture
def youtube_server() -> Iterator[FakeYouTubeServer]:
    with FakeYouTubeServer(api_key="yt-key", token="yt-token") as server:
        server.add_video(VIDEO, live_chat_id="CHAT")
        yield server


def add_twitch(qtbot, hub: ChatHub, server: FakeTwitchServer, *, token: str | None = "goodtoken") -> TwitchChatSource:  # type: ignore[no-untyped-def]
    source = TwitchChatSource("mychannel", hub, token=token, login="onair_bot" if token else None, url=server.url)
    hub.add_source(source)
    qtbot.waitUntil(lambda: source.state == CONNECTED, timeout=10000)
    return source


def add_youtube(qtbot, hub: ChatHub, server: FakeYouTubeServer, *, token: str | None = "yt-token") -> YouTubeChatSource:  # type: ignore[no-untyped-def]
    source = YouTubeChatSource(VIDEO, hub, api_key="yt-key", oauth_token=token, api_url=server.api_url)
    hub.add_source(source)
    qtbot.waitUntil(lambda: source.state == CONNECTED, timeout=10000)
    return source


def choose(composer: ChatComposer, target: str) -> None:
    index = composer.target.findData(target)
    assert index >= 0, [composer.target.itemData(i) for i in range(composer.target.count())]
    composer.target.setCurrentIndex(index)


def type_and_enter(qtbot, composer: ChatComposer, text: str) -> None:  # type: ignore[no-untyped-def]
    composer.text_edit.setText(text)
    composer.text_edit.setFocus()
    qtbot.keyClick(composer.text_edit, Qt.Key.Key_Return)


def privmsgs(server: FakeTwitchServer) -> list[str]:
    return server.lines("PRIVMSG")


def inserted(server: FakeYouTubeServer) -> list[Any]:
    return [r.body["snippet"]["textMessageDetails"]["messageText"]
            for r in server.requests("liveChat/messages", "POST")]


def status(composer: ChatComposer) -> str:
    return composer.status_label.text()


def test_targets_list_the_platforms_that_can_send(qtbot, hub: ChatHub, composer: ChatComposer,  # type: ignore[no-untyped-def]
                                                  twitch_server: FakeTwitchServer,
                                                  youtube_server: FakeYouTubeServer) -> None:
    assert [composer.target.itemData(i) for i in range(composer.target.count())] == ["all"]
    add_twitch(qtbot, hub, twitch_server, token=None)  # anonymous: reads only
    add_youtube(qtbot, hub, youtube_server)
    assert [composer.target.itemData(i) for i in range(composer.target.count())] == ["all", "youtube"]
    assert composer.target.itemText(0) == "All"
    assert composer.limit() == 200


def test_send_to_twitch(qtbot, hub: ChatHub, composer: ChatComposer,  # type: ignore[no-untyped-def]
                        twitch_server: FakeTwitchServer) -> None:
    add_twitch(qtbot, hub, twitch_server)
    choose(composer, "twitch")
    type_and_enter(qtbot, composer, "  hello chat, 你好 👋 ")
    qtbot.waitUntil(lambda: status(composer) == "✓ Twitch: sent", timeout=5000)
    assert privmsgs(twitch_server) == ["PRIVMSG #mychannel :hello chat, 你好 👋"]
    assert composer.text_edit.text() == ""


def test_all_sends_to_both(qtbot, hub: ChatHub, composer: ChatComposer,  # type: ignore[no-untyped-def]
                           twitch_server: FakeTwitchServer, youtube_server: FakeYouTubeServer) -> None:
    add_twitch(qtbot, hub, twitch_server)
    add_youtube(qtbot, hub, youtube_server)
    choose(composer, "all")
    composer.text_edit.setText("Thanks for watching!")
    qtbot.mouseClick(composer.send_button, Qt.MouseButton.LeftButton)
    assert "sending…" in status(composer)
    qtbot.waitUntil(lambda: status(composer) == "✓ Twitch: sent · ✓ YouTube: sent", timeout=8000)
    assert privmsgs(twitch_server) == ["PRIVMSG #mychannel :Thanks for watching!"]
    assert inserted(youtube_server) == ["Thanks for watching!"]
    request = youtube_server.requests("liveChat/messages", "POST")[0]
    assert request.headers["authorization"] == "Bearer yt-token" and request.body["snippet"]["liveChatId"] == "CHAT"


def test_one_platform_failing_is_reported_while_the_other_succeeds(qtbot, hub: ChatHub, composer: ChatComposer,  # type: ignore[no-untyped-def]
                                                                   twitch_server: FakeTwitchServer,
                                                                   youtube_server: FakeYouTubeServer) -> None:
    add_twitch(qtbot, hub, twitch_server)
    add_youtube(qtbot, hub, youtube_server)
    youtube_server.fail_next(1, 403, "quotaExceeded", "The request cannot be completed because you have exceeded "
                             "your quota.", path="liveChat/messages", method="POST")
    type_and_enter(qtbot, composer, "question answered")
    qtbot.waitUntil(lambda: "✓ Twitch: sent" in status(composer) and "✗ YouTube: quota exceeded" in status(composer),
                    timeout=8000)
    assert privmsgs(twitch_server) == ["PRIVMSG #mychannel :question answered"]
    assert inserted(youtube_server) == ["question answered"]  # tried, refused by the fake
    assert "#b35c00" in composer.status_label.styleSheet()  # one failed, one did not


def test_empty_and_over_limit_text_is_refused(qtbot, hub: ChatHub, composer: ChatComposer,  # type: ignore[no-untyped-def]
                                              twitch_server: FakeTwitchServer,
                                              youtube_server: FakeYouTubeServer) -> None:
    add_twitch(qtbot, hub, twitch_server)
    add_youtube(qtbot, hub, youtube_server)
    type_and_enter(qtbot, composer, "   ")
    assert status(composer) == "Type a message first."
    long_text = "x" * 201
    type_and_enter(qtbot, composer, long_text)
    assert status(composer) == "Too long for YouTube: 201 characters, the limit is 200. Nothing was sent."
    assert composer.counter.text() == "201/200"
    assert composer.text_edit.text() == long_text  # kept for editing
    choose(composer, "twitch")
    assert composer.counter.text() == "201/500"
    type_and_enter(qtbot, composer, "y" * 501)
    assert status(composer).startswith("Too long for Twitch: 501 characters, the limit is 500.")
    qtbot.wait(300)
    assert privmsgs(twitch_server) == [] and inserted(youtube_server) == []
    type_and_enter(qtbot, composer, long_text)  # fine for Twitch alone
    qtbot.waitUntil(lambda: status(composer) == "✓ Twitch: sent", timeout=5000)
    assert privmsgs(twitch_server) == [f"PRIVMSG #mychannel :{long_text}"]


def test_read_only_sources_explain_how_to_send(qtbot, hub: ChatHub, composer: ChatComposer,  # type: ignore[no-untyped-def]
                                               twitch_server: FakeTwitchServer,
                                               youtube_server: FakeYouTubeServer) -> None:
    type_and_enter(qtbot, composer, "hi")
    assert "Settings ▸ Chat sources" in status(composer)
    add_twitch(qtbot, hub, twitch_server, token=None)
    add_youtube(qtbot, hub, youtube_server, token=None)
    type_and_enter(qtbot, composer, "hi")
    assert status(composer) == ("Twitch: not logged in — add an OAuth token in Settings ▸ Chat sources · "
                                "YouTube: reading with an API key only — add an OAuth token in Settings ▸ Chat sources")
    assert privmsgs(twitch_server) == [] and inserted(youtube_server) == []


def test_youtube_sign_in_rejected(qtbot, hub: ChatHub, composer: ChatComposer,  # type: ignore[no-untyped-def]
                                  youtube_server: FakeYouTubeServer) -> None:
    add_youtube(qtbot, hub, youtube_server, token="expired-token")  # reads with the key, the token is bad
    choose(composer, "youtube")
    type_and_enter(qtbot, composer, "hello")
    qtbot.waitUntil(lambda: status(composer).startswith("✗ YouTube: sign-in rejected"), timeout=8000)
    assert "expired-token" not in status(composer)


def test_canned_replies_are_edited_persisted_and_inserted(qtbot, hub: ChatHub,  # type: ignore[no-untyped-def]
                                                          composer: ChatComposer) -> None:
    composer.edit_canned()
    dialog = composer.canned_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.text.setPlainText("Welcome in!\n\n  Link in the description  \nGG")
    qtbot.mouseClick(dialog.findChild(object, "cannedRepliesSave"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: composer.canned_dialog is None)
    assert Settings().chat_canned_replies == ["Welcome in!", "Link in the description", "GG"]
    names = [a.objectName() for a in composer.canned_menu.actions() if a.objectName()]
    assert names == ["cannedReply1", "cannedReply2", "cannedReply3", "cannedEdit"]
    composer.text_edit.setFocus()
    qtbot.waitUntil(composer.text_edit.hasFocus)
    composer.text_edit.setText("@ann ")
    qtbot.keyClick(composer.text_edit, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert composer.text_edit.text() == "@ann Link in the description"
    composer.canned_menu.actions()[2].trigger()
    assert composer.text_edit.text() == "@ann Link in the descriptionGG"
    qtbot.keyClick(composer.text_edit, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert status(composer) == "There is no canned reply 9."
    # a fresh composer (next run) reads them back
    again = ChatComposer(hub, Settings())
    qtbot.addWidget(again)
    assert [a.text() for a in again.canned_menu.actions()[:3]] == ["Welcome in!", "Link in the description", "GG"]


def test_digits_typed_in_the_composer_stay_text(qtbot, composer: ChatComposer) -> None:  # type: ignore[no-untyped-def]
    composer.text_edit.setFocus()
    qtbot.waitUntil(composer.text_edit.hasFocus)
    qtbot.keyClicks(composer.text_edit, "123")
    assert composer.text_edit.text() == "123"
    assert composer.findChild(QLineEdit, "composeText") is composer.text_edit


def test_screenshot(qtbot, hub: ChatHub, composer: ChatComposer,  # type: ignore[no-untyped-def]
                    twitch_server: FakeTwitchServer, youtube_server: FakeYouTubeServer) -> None:
    add_twitch(qtbot, hub, twitch_server)
    add_youtube(qtbot, hub, youtube_server)
    youtube_server.fail_next(1, 403, "quotaExceeded", path="liveChat/messages", method="POST")
    type_and_enter(qtbot, composer, "Thanks for the raid!")
    qtbot.waitUntil(lambda: "Twitch: sent" in status(composer) and "YouTube: quota" in status(composer),
                    timeout=8000)
    composer.text_edit.setText("Next question is a good one")
    qtbot.wait(50)
    image = composer.grab()
    assert image.save("/tmp/compose_check.png")
    assert image.width() > 100 and image.height() > 40


def test_twitch_rate_limit_queue_is_explained(qtbot, hub: ChatHub, composer: ChatComposer,  # type: ignore[no-untyped-def]
                                              twitch_server: FakeTwitchServer) -> None:
    source = TwitchChatSource("mychannel", hub, token="goodtoken", login="onair_bot", url=twitch_server.url,
                              rate_limit=1, rate_window_s=30.0)
    hub.add_source(source)
    qtbot.waitUntil(lambda: source.state == CONNECTED, timeout=10000)
    composer._queue_check.setInterval(200)
    type_and_enter(qtbot, composer, "first")
    qtbot.waitUntil(lambda: status(composer) == "✓ Twitch: sent", timeout=5000)
    type_and_enter(qtbot, composer, "second")  # over the limit of 1 per 30 s: stays queued
    qtbot.waitUntil(lambda: "queued (1 waiting)" in status(composer), timeout=5000)
    assert privmsgs(twitch_server) == ["PRIVMSG #mychannel :first"]
