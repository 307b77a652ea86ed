"""The chat panel (offscreen): the model, the hub, hostile text shown literally, auto-scroll, filters,
CLEARMSG, chat stored in the session, and one end-to-end run through the fake Twitch server."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QStyleOptionViewItem

from controllers.chat.hub import ChatHub
from controllers.chat.model import ChatMessage, ChatRemoval
from controllers.chat.twitch import TwitchChatSource
from controllers.sessions.recorder import SessionRecorder
from controllers.sessions.service import database_path, open_for_recording
from tests.fakes.fake_twitch import FakeTwitchServer
from ui.chat_panel import ChatListView, ChatPanel, PlainLineDelegate
from ui.models.chat_model import (
    DISPLAY_LIMIT,
    ChatListModel,
    ChatRowMirror,
    MessageRole,
    PaidRole,
    PlatformRole,
    RemovedRole,
    RolesRole,
    TextRole,
    display_text,
    message_line,
)

pytestmark = pytest.mark.gui

T0 = 1_700_000_000.0
HOSTILE = [
    "<b>bold</b>",
    "<img src=x>",
    '<a href="http://x">x</a>',
    "&lt;",
    "abc\u202edcba",
    "zero\u200bwidth",
    "x" * 10_000,
    "你好，世界",
    "😀👍🏽 ok",
]


def msg(n: int, text: str = "hello", *, platform: str = "twitch", t: float | None = None, author: str = "alice",
        roles: tuple[str, ...] = (), **kw: object) -> ChatMessage:
    return ChatMessage(platform, f"id-{n}", author, f"u-{author}", text, T0 + n if t is None else t,
                       roles=roles, **kw)  # type: ignore[arg-type]


@pytest.fixture
def panel(qtbot):  # type: ignore[no-untyped-def]
    hub = ChatHub()
    widget = ChatPanel(hub)
    qtbot.addWidget(widget)
    widget.resize(420, 300)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


# -- the model -----------------------------------------------------------------------------------


def test_model_passes_the_model_tester_and_keeps_time_order(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = ChatListModel(cap=5)
    for n in (1, 2, 4):
        model.add_message(msg(n))
    model.add_message(msg(3))  # late: inserted in order
    model.add_message(msg(2))  # duplicate id: ignored
    model.add_message(msg(9, "Super Chat", platform="youtube", roles=("member",), paid_amount=5.0,
                          paid_currency="USD"))
    qtmodeltester.check(model)
    assert [model.message_at(r).message_id for r in range(model.rowCount())] == ["id-1", "id-2", "id-3", "id-4",
                                                                                 "id-9"]
    last = model.index(4)
    assert model.data(last, PlatformRole) == "youtube" and model.data(last, RolesRole) == ["member"]
    assert model.data(last, PaidRole) is True and "[YouTube]" in model.data(last)
    model.add_message(msg(10))
    model.add_message(msg(11))
    assert model.rowCount() == 5 and model.message_at(0).message_id == "id-3", "the oldest go past the cap"
    qtmodeltester.check(model)


def test_display_text_neutralises_bidi_invisible_and_long_lines() -> None:
    assert display_text("a\u202eb\u2066c") == "a⟮RLO⟯b⟮LRI⟯c"
    assert display_text("a\u200bb\nc") == "a⟮ZWSP⟯b⏎c"
    assert display_text("👨\u200d👩") == "👨\u200d👩", "the joiner of an emoji sequence stays"
    long = display_text("y" * 10_000)
    assert len(long) == DISPLAY_LIMIT + 1 and long.endswith("…")


# -- hub → panel ------------------------------------------------------------------------------------


def test_hostile_text_is_shown_literally(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    for n, text in enumerate(HOSTILE):
        panel.hub.on_chat(msg(n, text))
    model = panel.model
    assert model.rowCount() == len(HOSTILE)
    lines = [model.data(model.index(r)) for r in range(model.rowCount())]
    for line, text in zip(lines[:4], HOSTILE[:4], strict=True):
        assert line.endswith(": " + text), line
    assert "⟮RLO⟯" in lines[4] and "\u202e" not in lines[4]
    assert "⟮ZWSP⟯" in lines[5] and "\u200b" not in lines[5]
    assert lines[6].endswith("x…") and len(lines[6]) < DISPLAY_LIMIT + 60
    assert model.data(model.index(6), TextRole) == "x" * 10_000, "the stored text stays complete"
    assert lines[7].endswith("你好，世界") and lines[8].endswith("😀👍🏽 ok")


def render(widget_text: str, rich: bool) -> QImage:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setText(widget_text)
    label.adjustSize()
    return label.grab().toImage()


def test_markup_is_not_rendered_as_rich_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    hub = ChatHub()
    widget = ChatPanel(hub)
    qtbot.addWidget(widget)
    hub.on_chat(msg(1, "<b>bold</b>", author="a"))
    view: ChatListView = widget.view
    widget.resize(400, 200)
    widget.show()
    qtbot.waitExposed(widget)
    line = widget.model.data(widget.model.index(0))
    assert "<b>bold</b>" in line
    rect = view.visualRect(widget.proxy.index(0, 0))
    shown = view.viewport().grab(rect).toImage()
    # The view draws more pixels than the label's bold word: the literal tags are there.
    inked = sum(1 for x in range(shown.width()) for y in range(shown.height())
                if shown.pixelColor(x, y).lightness() < 128)
    rich = render(line, rich=True)
    plain = render(line, rich=False)
    rich_ink = sum(1 for x in range(rich.width()) for y in range(rich.height())
                   if rich.pixelColor(x, y).lightness() < 128)
    plain_ink = sum(1 for x in range(plain.width()) for y in range(plain.height())
                    if plain.pixelColor(x, y).lightness() < 128)
    assert rich.width() < plain.width(), "sanity: rich text hides the tags"
    assert abs(inked - plain_ink) < abs(inked - rich_ink), (inked, plain_ink, rich_ink)


def test_clearmsg_marks_the_message_removed(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    panel.hub.on_chat(msg(1, "keep"))
    panel.hub.on_chat(msg(2, "spoiler"))
    panel.hub.on_removal(ChatRemoval("twitch", T0 + 3, message_id="id-2", reason="deleted"))
    model = panel.model
    assert "[message removed]" in model.data(model.index(1)) and "spoiler" not in model.data(model.index(1))
    assert model.data(model.index(1), RemovedRole) == "deleted"
    assert model.data(model.index(0)).endswith("keep")
    panel.hub.on_removal(ChatRemoval("twitch", T0 + 4, author_id="u-alice", reason="banned"))
    assert "[message removed]" in model.data(model.index(0))


def test_hub_deduplicates_and_reports_status(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    assert panel.empty_label.isVisibleTo(panel)
    assert "ONAIR_TWITCH_CHANNEL" in panel.empty_label.text()
    with qtbot.waitSignal(panel.hub.source_status):
        panel.hub.on_status("twitch", "connected", "")
    panel.hub.on_chat(msg(1))
    panel.hub.on_chat(msg(1))
    assert panel.model.rowCount() == 1
    assert "twitch: connected" in panel.status_label.text()
    panel.update_rate()
    assert panel.rate_label.text() == "1 msg/min"


def test_auto_scroll_pauses_when_scrolled_up_and_the_button_counts(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    bar = panel.view.verticalScrollBar()
    for n in range(60):
        panel.hub.on_chat(msg(n, f"message {n}"))
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == bar.maximum(), timeout=3000)
    bar.setValue(0)
    assert not panel.follow
    for n in range(60, 63):
        panel.hub.on_chat(msg(n, f"message {n}"))
    qtbot.wait(50)
    assert bar.value() == 0, "scrolled up: the view stays where the operator is"
    assert panel.new_button.isVisible() and panel.new_button.text().startswith("3 new")
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.value() == bar.maximum(), timeout=3000)
    assert not panel.new_button.isVisible() and panel.follow
    panel.hub.on_chat(msg(70, "latest"))
    qtbot.waitUntil(lambda: bar.value() == bar.maximum(), timeout=3000)


def test_row_mirror_follows_the_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = ChatListModel(cap=5)
    rows = ChatRowMirror(model)

    def same() -> bool:
        return rows.rowCount() == model.rowCount() and all(
            rows.index(r, 0).data(MessageRole) is model.message_at(r)
            and rows.index(r, 0).data() == model.data(model.index(r)) for r in range(model.rowCount()))

    model.add_messages([msg(n) for n in (1, 2, 4)])
    model.add_message(msg(3))  # in the middle
    assert same()
    model.add_messages([msg(n) for n in range(5, 9)])  # past the cap: the oldest go
    assert same() and rows.rowCount() == 5
    model.apply_removal(ChatRemoval("twitch", T0 + 9, message_id="id-6", reason="deleted"))
    assert same() and "[message removed]" in rows.index(model.rowCount() - 3, 0).data()
    model.reset_to([msg(20), msg(21)])
    assert same() and rows.rowCount() == 2
    assert not rows.setData(rows.index(0, 0), "edited") and same(), "read-only"
    qtmodeltester.check(rows)


def test_the_list_measures_only_the_rows_it_shows(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """With thousands of rows, a new message costs size hints for the rows in view, not for all."""
    calls = [0]
    size_hint = PlainLineDelegate.sizeHint

    def counted(self: PlainLineDelegate, option: QStyleOptionViewItem, index: object) -> object:
        calls[0] += 1
        return size_hint(self, option, index)

    monkeypatch.setattr(PlainLineDelegate, "sizeHint", counted)
    widget = ChatPanel(ChatHub(), cap=5_000)
    qtbot.addWidget(widget)
    widget.resize(420, 300)
    widget.show()
    qtbot.waitExposed(widget)
    widget.model.add_messages([msg(n, f"message {n} " + "long " * (n % 40)) for n in range(5_000)])
    bar = widget.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == bar.maximum(), timeout=3000)
    qtbot.wait(50)
    calls[0] = 0
    for n in range(5_000, 5_005):
        widget.hub.on_chat(msg(n, f"new {n}"))
        widget.view.executeDelayedItemsLayout()
        qtbot.wait(20)
    assert widget.model.rowCount() == 5_000 and widget.follow
    qtbot.waitUntil(lambda: bar.value() == bar.maximum(), timeout=3000)
    assert 0 < calls[0] < 5 * 200, f"{calls[0]} size hints for 5 messages"
    newest = widget.view.visualRect(widget.proxy.index(widget.proxy.rowCount() - 1, 0))
    assert newest.top() >= 0 and newest.bottom() <= widget.view.viewport().height(), "the newest row is in view"


def test_long_rows_wrap_again_when_the_dock_is_resized(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    panel.hub.on_chat(msg(1, "word " * 120))
    panel.hub.on_chat(msg(2, "short"))
    index = panel.proxy.index(0, 0)
    qtbot.waitUntil(lambda: panel.view.visualRect(index).height() > 0, timeout=2000)
    narrow = panel.view.visualRect(index).height()
    line = panel.view.visualRect(panel.proxy.index(1, 0)).height()
    assert narrow > 3 * line, "a long message wraps over several lines"
    panel.resize(900, 300)
    qtbot.waitUntil(lambda: panel.view.visualRect(index).height() < narrow, timeout=2000)
    assert panel.view.objectName() == "chatList" and panel.view.isHeaderHidden()


def test_selecting_a_row_selects_its_message(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    for n in range(3):
        panel.hub.on_chat(msg(n, f"pick {n}"))
    rect = panel.view.visualRect(panel.proxy.index(1, 0))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    message = panel.selected_message()
    assert message is not None and message.message_id == "id-1"
    assert not panel.feature_button.isEnabled(), "no OBS: nothing to feature on"


def test_filter_and_questions_only(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    panel.hub.on_chat(msg(1, "Hello World"))
    panel.hub.on_chat(msg(2, "what time is it?"))
    panel.hub.on_chat(msg(3, "這是什麼？", author="Bob"))
    panel.filter_edit.setText("WORLD")
    assert panel.proxy.rowCount() == 1
    panel.filter_edit.setText("bob")
    assert panel.proxy.rowCount() == 1
    panel.filter_edit.clear()
    panel.questions.setChecked(True)
    assert panel.proxy.rowCount() == 2
    panel.questions.setChecked(False)
    assert panel.proxy.rowCount() == 3


# -- into the session -----------------------------------------------------------------------------


def test_chat_is_stored_in_the_open_session(qtbot) -> None:  # type: ignore[no-untyped-def]
    recording = open_for_recording()
    recorder = SessionRecorder(recording.store)
    hub = ChatHub()
    hub.record_into(recording.store, lambda: recorder.session_id)
    try:
        hub.on_chat(msg(1, "before any session"))
        session_id = recorder.start_rehearsal("Chat test")
        assert session_id is not None
        hub.on_chat(msg(2, "<b>kept</b> \u202e exactly"))
        hub.on_chat(msg(2, "<b>kept</b> \u202e exactly"))  # a duplicate is not stored twice
        hub.on_viewers("youtube", 42)
        recorder.end_rehearsal()
        recording.store.flush()
        conn = sqlite3.connect(database_path())
        try:
            rows = conn.execute("SELECT session_id, platform, message_id, text FROM chat_messages").fetchall()
            viewers = conn.execute("SELECT session_id, platform, viewers FROM viewer_samples").fetchall()
        finally:
            conn.close()
        assert rows == [(session_id, "twitch", "id-2", "<b>kept</b> \u202e exactly")]
        assert viewers == [(session_id, "youtube", 42)]
    finally:
        recorder.close()
        recording.close()


def test_end_to_end_fake_twitch_to_panel(qtbot) -> None:  # type: ignore[no-untyped-def]
    hub = ChatHub()
    widget = ChatPanel(hub)
    qtbot.addWidget(widget)
    with FakeTwitchServer() as fake:
        source = TwitchChatSource("dallas", hub, url=fake.url, backoff=(0.05, 0.1), connect_timeout=2.0)
        hub.add_source(source)
        try:
            qtbot.waitUntil(lambda: hub.statuses.get("twitch", ("", ""))[0] == "connected", timeout=5000)
            qtbot.waitUntil(lambda: "twitch: connected" in widget.status_label.text(), timeout=5000)
            fake.send_line("@id=m-1;tmi-sent-ts=1642786203573;display-name=Eve;user-id=7 "
                           ":eve!eve@eve.tmi.twitch.tv PRIVMSG #dallas :<img src=x> hi?")
            fake.send_line("@id=m-2;tmi-sent-ts=1642786204573;display-name=Eve;user-id=7 "
                           ":eve!eve@eve.tmi.twitch.tv PRIVMSG #dallas :second")
            qtbot.waitUntil(lambda: widget.model.rowCount() == 2, timeout=5000)
            assert widget.model.data(widget.model.index(0)).endswith("[Twitch] Eve: <img src=x> hi?")
            fake.send_line("@login=eve;target-msg-id=m-2;tmi-sent-ts=1642786205573 "
                           ":tmi.twitch.tv CLEARMSG #dallas :second")
            qtbot.waitUntil(lambda: "[message removed]" in widget.model.data(widget.model.index(1)), timeout=5000)
            assert not widget.empty_label.isVisibleTo(widget)
        finally:
            hub.stop()


# -- the app --------------------------------------------------------------------------------------


def test_app_has_a_chat_dock_and_starts_twitch_from_the_environment(qtbot, fake_obs, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDockWidget, QMessageBox

    from controllers.obs.worker import ObsEndpoint
    from controllers.settings import Settings
    from ui.app import OnAirApp

    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    monkeypatch.delenv("ONAIR_YOUTUBE_VIDEO_ID", raising=False)
    with FakeTwitchServer() as fake:
        monkeypatch.setenv("ONAIR_TWITCH_CHANNEL", "dallas")
        monkeypatch.setenv("ONAIR_TWITCH_IRC_URL", fake.url)
        app = OnAirApp(Settings(), ObsEndpoint("127.0.0.1", fake_obs.port, "secret"))
        qtbot.addWidget(app.window)
        try:
            dock = app.window.findChild(QDockWidget, "chatDock")
            assert dock is not None and app.window.chat_panel is not None
            assert app.window.findChild(type(dock.toggleViewAction()), "actionToggleChat") is not None
            app.start()
            qtbot.waitUntil(lambda: app.chat.statuses.get("twitch", ("", ""))[0] == "connected", timeout=5000)
            session_id = app.recorder.start_rehearsal("chat")
            fake.send_line("@id=e-1;tmi-sent-ts=1642786203573;display-name=Eve;user-id=7 "
                           ":eve!eve@eve.tmi.twitch.tv PRIVMSG #dallas :into the session")
            qtbot.waitUntil(lambda: app.window.chat_panel.model.rowCount() == 1, timeout=5000)
        finally:
            app.shutdown()
        assert not app.window.chat_panel.empty_label.isVisibleTo(app.window.chat_panel)
        conn = sqlite3.connect(database_path())
        try:
            assert conn.execute("SELECT session_id, text FROM chat_messages").fetchall() == [
                (session_id, "into the session")]
        finally:
            conn.close()


def test_app_without_chat_sources_says_how_to_add_them(qtbot, fake_obs, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from controllers.obs.worker import ObsEndpoint
    from controllers.settings import Settings
    from ui.app import OnAirApp

    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    for name in ("ONAIR_TWITCH_CHANNEL", "ONAIR_YOUTUBE_VIDEO_ID"):
        monkeypatch.delenv(name, raising=False)
    app = OnAirApp(Settings(), ObsEndpoint("127.0.0.1", fake_obs.port, "secret"))
    qtbot.addWidget(app.window)
    try:
        app.start()
        panel = app.window.chat_panel
        assert panel is not None and not app.chat.sources
        assert panel.empty_label.isVisibleTo(panel)
        assert panel.empty_label.text() == "No chat sources: set ONAIR_TWITCH_CHANNEL or ONAIR_YOUTUBE_VIDEO_ID"
    finally:
        app.shutdown()


def test_replayed_messages_show_where_they_were_first_said() -> None:
    replayed = msg(1, "hi", platform="replay", extra={"original_platform": "youtube", "original_id": "x"})
    assert " [YouTube ↻] alice: hi" in message_line(replayed)
    assert " [Replay] alice: hi" in message_line(msg(2, "hi", platform="replay"))   # a log without the field
    assert " [Twitch] alice: hi" in message_line(msg(3, "hi"))
