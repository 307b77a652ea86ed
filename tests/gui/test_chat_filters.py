"""The chat panel's scroll-back from the session database, filters, highlight rules, hidden users and
keyboard shortcuts (offscreen, a real SQLite session store)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMenu

from controllers.chat.hub import ChatHub
from controllers.chat.model import ChatMessage
from controllers.chat.storage import message_row
from controllers.sessions.queries import chat_page
from controllers.sessions.recorder import SessionRecorder
from controllers.sessions.service import open_for_recording
from controllers.settings import Settings
from ui.chat_highlight_dialog import ChatHighlightDialog
from ui.chat_panel import HIGHLIGHT_BAR, ChatPanel
from ui.models.chat_model import ChatRules, MessageRole

pytestmark = pytest.mark.gui

T0 = 1_700_000_000.0


def msg(n: int, text: str = "hello", *, author: str = "alice", platform: str = "twitch",
        roles: tuple[str, ...] = (), **kw: Any) -> ChatMessage:
    return ChatMessage(platform, f"id-{n}", author, f"u-{author}", text, T0 + n, roles=roles, **kw)


class Recording:
    """A real session store with one open rehearsal session."""

    def __init__(self) -> None:
        self.recording = open_for_recording()
        self.store = self.recording.store
        self.recorder = SessionRecorder(self.store)
        sid = self.recorder.start_rehearsal("scroll-back")
        assert sid is not None
        self.session_id: int = sid

    def store_messages(self, messages: list[ChatMessage]) -> None:
        self.store.add_rows("chat", [message_row(self.session_id, m) for m in messages])
        assert self.store.flush()

    def close(self) -> None:
        self.recorder.close()
        self.recording.close()


@pytest.fixture
def recording() -> Iterator[Recording]:
    rec = Recording()
    yield rec
    rec.close()


def make_panel(qtbot: Any, hub: ChatHub, **kw: Any) -> ChatPanel:
    panel = ChatPanel(hub, **kw)
    qtbot.addWidget(panel)
    panel.resize(420, 360)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def top_message(panel: ChatPanel) -> ChatMessage:
    index = panel.view.indexAt(QPoint(4, 1))
    message = index.data(MessageRole)
    assert isinstance(message, ChatMessage)
    return message


def scroll_to_top_and_wait(qtbot: Any, panel: ChatPanel) -> tuple[ChatMessage, int]:
    """Scroll up to the first row; wait for the page; return the row in view before and the rows now."""
    bar = panel.view.verticalScrollBar()
    assert panel.loader is not None
    requests = panel.loader._next_id
    bar.setValue(0)
    qtbot.waitUntil(lambda: bar.value() == 0, timeout=2000)
    anchor = top_message(panel)
    qtbot.waitUntil(lambda: (panel.loader._next_id > requests and panel._pending is None)  # type: ignore[union-attr]
                    or panel._history_complete, timeout=5000)
    qtbot.waitUntil(lambda: not panel.history_label.isVisible(), timeout=5000)
    return anchor, panel.model.rowCount()


# -- scroll-back ----------------------------------------------------------------------------------


def test_chat_page_walks_back_through_the_session(recording: Recording) -> None:
    recording.store_messages([msg(n, f"m{n}", roles=("moderator",) if n % 2 else (), bits=n % 3,
                                  emotes=()) for n in range(50)])
    conn = recording.store.reader()
    try:
        page = chat_page(conn, recording.session_id, None, None, 20)
        assert [m.message_id for m in page.messages] == [f"id-{n}" for n in range(30, 50)]
        assert page.messages[1].roles == ("moderator",) and page.messages[1].bits == 1
        assert not page.complete and page.cursor is not None
        older = chat_page(conn, recording.session_id, *page.cursor, 20)
        assert [m.message_id for m in older.messages] == [f"id-{n}" for n in range(10, 30)]
        last = chat_page(conn, recording.session_id, *older.cursor, 20)  # type: ignore[misc]
        assert len(last.messages) == 10 and last.complete
        assert chat_page(conn, recording.session_id + 1, None, None, 20).messages == []
    finally:
        conn.close()


def test_scroll_back_pages_5000_messages_from_sqlite_without_jumping(qtbot, recording) -> None:  # type: ignore[no-untyped-def]
    total = 5_000
    recording.store_messages([msg(n, f"message {n}") for n in range(total - 100)])
    hub = ChatHub()
    hub.record_into(recording.store, lambda: recording.session_id)
    panel = make_panel(qtbot, hub, settings=Settings(), page_size=500)
    for n in range(total - 100, total):  # live: shown and stored by the hub's sink
        hub.on_chat(msg(n, f"message {n}"))
    assert recording.store.flush()
    bar = panel.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == bar.maximum(), timeout=3000)
    assert panel.model.rowCount() == 100

    # The GUI thread never reads the database: the page comes from the chat-history thread.
    threads: list[str] = []
    original = panel.loader._job  # type: ignore[union-attr]

    def spy(*args: Any) -> None:
        threads.append(threading.current_thread().name)
        original(*args)

    panel.loader._job = spy  # type: ignore[union-attr,method-assign]
    bar.setValue(0)
    qtbot.waitUntil(lambda: panel.history_label.isVisible() or panel.model.rowCount() > 100, timeout=3000)
    # 500 rows up to the first row's time, that one included (already shown): 499 new.
    qtbot.waitUntil(lambda: panel.model.rowCount() == 599, timeout=5000)
    assert threads and all(name.startswith("chat-history") for name in threads), threads
    assert panel.history_label.text() == "Loading older messages…"
    qtbot.waitUntil(lambda: not panel.history_label.isVisible(), timeout=3000)
    assert top_message(panel).message_id == "id-4900", "the row in view stays in view"
    assert bar.value() > 0 and not panel.follow and not panel.new_button.isVisible()

    for _ in range(40):
        if panel._history_complete and panel.model.rowCount() == total:
            break
        anchor, _rows = scroll_to_top_and_wait(qtbot, panel)
        qtbot.waitUntil(lambda a=anchor: top_message(panel) is a, timeout=3000)  # type: ignore[misc]
    assert panel.model.rowCount() == total and panel._history_complete
    ids = [panel.model.message_at(r).message_id for r in range(total)]  # type: ignore[union-attr]
    assert ids == [f"id-{n}" for n in range(total)], "every message once, in time order"

    # Back to the newest: the paged history goes, live chat follows again.
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton) if panel.new_button.isVisible() \
        else panel.jump_to_newest()
    qtbot.waitUntil(lambda: panel.follow and bar.value() == bar.maximum(), timeout=3000)
    hub.on_chat(msg(total, "after"))
    qtbot.waitUntil(lambda: panel.model.message_at(panel.model.rowCount() - 1).message_id == f"id-{total}",  # type: ignore[union-attr]
                    timeout=3000)


def test_window_stays_bounded_and_the_newest_come_back(qtbot, recording) -> None:  # type: ignore[no-untyped-def]
    recording.store_messages([msg(n, f"old {n}") for n in range(1_000)])
    hub = ChatHub()
    hub.record_into(recording.store, lambda: recording.session_id)
    panel = make_panel(qtbot, hub, settings=Settings(), cap=100, page_size=100)
    for n in range(1_000, 1_100):
        hub.on_chat(msg(n, f"live {n}"))
    assert recording.store.flush()
    bar = panel.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == bar.maximum(), timeout=3000)
    for _ in range(10):
        if not panel.model.live_edge:
            break
        scroll_to_top_and_wait(qtbot, panel)
    assert not panel.model.live_edge, "past twice the cap the newest end is let go"
    assert panel.model.rowCount() <= 2 * panel.model.cap
    hub.on_chat(msg(2_000, "while reading history"))
    qtbot.waitUntil(lambda: panel.new_button.isVisible(), timeout=3000)
    assert panel.new_button.text().startswith("1 new")
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.model.live_edge and panel.follow, timeout=5000)
    model = panel.model
    assert model.rowCount() == 100
    assert model.message_at(99).message_id == "id-2000" and model.message_at(98).message_id == "id-1099"
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == bar.maximum(), timeout=3000)
    scroll_to_top_and_wait(qtbot, panel)
    assert model.rowCount() > 100 and int(model.message_at(0).message_id[3:]) < 1000, "history can be paged again"


def wheel_up(panel: ChatPanel) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    viewport = panel.view.viewport()
    pos = QPointF(viewport.width() / 2, viewport.height() / 2)
    event = QWheelEvent(pos, viewport.mapToGlobal(pos), QPoint(0, 0), QPoint(0, 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, event)


def test_wheel_up_pages_older_when_a_filter_leaves_nothing_to_scroll(qtbot, recording) -> None:  # type: ignore[no-untyped-def]
    recording.store_messages([msg(n, f"old {n}", bits=100 if n % 50 == 0 else 0) for n in range(400)])
    hub = ChatHub()
    hub.record_into(recording.store, lambda: recording.session_id)
    panel = make_panel(qtbot, hub, settings=Settings(), page_size=100)
    for n in range(400, 420):
        hub.on_chat(msg(n, f"live {n}"))
    panel.filter_actions["filterPaid"].setChecked(True)
    assert panel.proxy.rowCount() == 0 and panel.view.verticalScrollBar().maximum() == 0
    wheel_up(panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() > 20 and panel._pending is None, timeout=3000)
    assert shown(panel) == ["id-350"], "the paid message of the page read"
    while not panel._history_complete:
        requests = panel.loader._next_id  # type: ignore[union-attr]
        wheel_up(panel)
        qtbot.waitUntil(lambda r=requests: panel.loader._next_id > r and panel._pending is None,  # type: ignore[misc,union-attr]
                        timeout=3000)
    assert shown(panel) == [f"id-{n}" for n in range(0, 400, 50)]


def test_a_failed_read_is_shown_and_the_panel_keeps_working(qtbot, recording) -> None:  # type: ignore[no-untyped-def]
    hub = ChatHub()
    hub.record_into(recording.store, lambda: recording.session_id)
    panel = make_panel(qtbot, hub, settings=Settings())

    def broken() -> sqlite3.Connection:
        raise sqlite3.OperationalError("database is locked")

    assert panel.loader is not None
    panel.loader.open_db = broken
    for n in range(60):
        hub.on_chat(msg(n))
    bar = panel.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == bar.maximum(), timeout=3000)
    bar.setValue(0)
    qtbot.waitUntil(lambda: "could not be read" in panel.history_label.text() and panel.history_label.isVisible(),
                    timeout=3000)
    assert panel.history_label.text() == "Older messages could not be read: database is locked"
    hub.on_chat(msg(100, "still live"))
    qtbot.waitUntil(lambda: panel.model.rowCount() == 61, timeout=3000)


def test_row_heights_are_cached_but_follow_removal_and_width(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QStyleOptionViewItem

    from controllers.chat.model import ChatRemoval

    panel = make_panel(qtbot, ChatHub(), settings=Settings())
    panel.hub.on_chat(msg(1, "word " * 200))
    option = QStyleOptionViewItem()
    option.font = panel.view.font()
    index = panel.model.index(0)
    tall = panel.delegate.sizeHint(option, index).height()
    assert panel.delegate.sizeHint(option, index).height() == tall and len(panel.delegate._heights) == 1
    panel.hub.on_removal(ChatRemoval("twitch", T0 + 2, message_id="id-1", reason="deleted"))
    short = panel.delegate.sizeHint(option, index).height()
    assert short < tall, "the removed line is one line again"
    panel.resize(800, 360)
    qtbot.waitUntil(lambda: panel.view.viewport().width() > 700, timeout=2000)
    panel.hub.on_chat(msg(2, "word " * 200))
    assert panel.delegate.sizeHint(option, panel.model.index(1)).height() < tall, "wider: fewer lines"


def test_no_store_no_paging(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, ChatHub(), settings=Settings())
    for n in range(50):
        panel.hub.on_chat(msg(n))
    panel.view.verticalScrollBar().setValue(0)
    assert panel.loader is None and not panel.load_older() and not panel.history_label.isVisible()


# -- filters --------------------------------------------------------------------------------------


@pytest.fixture
def filtered(qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ONAIR_TWITCH_CHANNEL", "dallas")
    panel = make_panel(qtbot, ChatHub(), settings=Settings())
    hub = panel.hub
    hub.on_chat(msg(1, "hi @Dallas how are you?", author="ann"))
    hub.on_chat(msg(2, "timeout incoming", author="mod", roles=("moderator",)))
    hub.on_chat(msg(3, "dallasfan is not a mention", author="bob", roles=("subscriber",)))
    hub.on_chat(msg(4, "great stream dallas", author="yt", platform="youtube", roles=("member",), paid_amount=5.0,
                    paid_currency="USD", kind="paid"))
    hub.on_chat(msg(5, "cheer100 ok?", author="cheer", bits=100))
    hub.on_chat(msg(6, "owner here", author="own", platform="youtube", roles=("owner",)))
    return panel


def shown(panel: ChatPanel) -> list[str]:
    return [panel.proxy.index(r, 0).data(MessageRole).message_id for r in range(panel.proxy.rowCount())]


def test_mentions_filter_needs_a_streamer_name(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("ONAIR_TWITCH_CHANNEL", raising=False)
    panel = make_panel(qtbot, ChatHub(), settings=Settings())
    mentions = panel.filter_actions["filterMentions"]
    assert not mentions.isEnabled() and "Highlights" in mentions.toolTip()
    panel.apply_highlights("Dallas", [], True)
    assert mentions.isEnabled() and "Highlights" not in mentions.toolTip()


def test_streamer_name_falls_back_to_the_twitch_channel(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ONAIR_TWITCH_CHANNEL", "#dallas")
    settings = Settings()
    assert settings.streamer_name == "dallas"
    settings.streamer_name = "  Dallas Live "
    assert Settings().streamer_name == "Dallas Live"
    monkeypatch.delenv("ONAIR_TWITCH_CHANNEL")
    settings.streamer_name = ""
    settings.qsettings.setValue("chat/twitch_channel", "from_settings")
    assert Settings().streamer_name == "from_settings"


def test_role_mention_and_paid_filters_combine(qtbot, filtered) -> None:  # type: ignore[no-untyped-def]
    panel = filtered
    actions = panel.filter_actions
    assert set(actions) == {"filterMentions", "filterModerators", "filterMembers", "filterPaid"}
    assert panel.filters_button.menu().objectName() == "chatFiltersMenu"
    actions["filterMentions"].setChecked(True)
    assert shown(panel) == ["id-1", "id-4"], "@Dallas and 'dallas' are mentions, 'dallasfan' is not"
    assert panel.filters_button.text() == "Filters (1) ▾"
    actions["filterMentions"].setChecked(False)
    actions["filterModerators"].setChecked(True)
    assert shown(panel) == ["id-2", "id-6"], "moderators, owners and broadcasters"
    actions["filterModerators"].setChecked(False)
    actions["filterMembers"].setChecked(True)
    assert shown(panel) == ["id-3", "id-4"]
    actions["filterPaid"].setChecked(True)  # AND
    assert shown(panel) == ["id-4"]
    actions["filterMembers"].setChecked(False)
    assert shown(panel) == ["id-4", "id-5"], "Super Chat and bits"
    panel.questions.setChecked(True)
    assert shown(panel) == ["id-5"]
    panel.filter_edit.setText("nothing like this")
    assert shown(panel) == []
    panel.filter_edit.clear()
    panel.questions.setChecked(False)
    actions["filterPaid"].setChecked(False)
    assert len(shown(panel)) == 6 and panel.filters_button.text() == "Filters ▾"


def test_hide_and_unhide_users_persist(qtbot, filtered) -> None:  # type: ignore[no-untyped-def]
    panel = filtered
    assert not panel.hidden_button.isEnabled() and panel.hidden_button.text() == "Hidden (0) ▾"
    row = shown(panel).index("id-2")
    rect = panel.view.visualRect(panel.proxy.index(row, 0))
    panel._on_context_menu(rect.center())
    menu = panel.findChildren(QMenu, "chatContextMenu")[-1]
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    hide = next(a for a in menu.actions() if a.objectName() == "hideAuthorAction")
    assert hide.text() == "Hide messages from mod"
    hide.trigger()
    menu.close()
    assert "id-2" not in shown(panel) and panel.model.rowCount() == 6, "hidden, not deleted"
    panel.hub.on_chat(msg(7, "still moderating", author="mod", roles=("moderator",)))
    assert "id-7" not in shown(panel), "new messages of a hidden user are hidden too"
    assert panel.hidden_button.isEnabled() and panel.hidden_button.text() == "Hidden (1) ▾"
    assert Settings().chat_hidden_users == [{"platform": "twitch", "author_id": "u-mod", "author": "mod"}]

    panel.hide_author(msg(8, author="bob"))
    entries = [a for a in panel.hidden_menu.actions() if a.data()]
    assert [a.text() for a in entries] == ["Show mod (twitch)", "Show bob (twitch)"]
    entries[0].trigger()
    assert "id-2" in shown(panel) and "id-7" in shown(panel) and "id-3" not in shown(panel)
    again = ChatPanel(ChatHub(), settings=Settings())
    qtbot.addWidget(again)
    assert again.rules.hidden == [{"platform": "twitch", "author_id": "u-bob", "author": "bob"}]
    unhide_all = next(a for a in panel.hidden_menu.actions() if a.objectName() == "unhideAllAction")
    unhide_all.trigger()
    assert len(shown(panel)) == 7 and Settings().chat_hidden_users == []


def test_hostile_author_names_stay_plain_in_menus(qtbot, filtered) -> None:  # type: ignore[no-untyped-def]
    panel = filtered
    evil = msg(9, "x", author="<b>x</b>\u202eevil\n&Co")
    panel.hide_author(evil)
    entry = next(a for a in panel.hidden_menu.actions() if a.data())
    assert entry.text() == "Show <b>x</b>⟮RLO⟯evil⏎&&Co (twitch)", "plain, and & is not a mnemonic"


# -- highlights -----------------------------------------------------------------------------------


def row_bar_color(panel: ChatPanel, message_id: str) -> tuple[int, int, int]:
    row = shown(panel).index(message_id)
    rect = panel.view.visualRect(panel.proxy.index(row, 0))
    image = panel.view.viewport().grab(rect).toImage()
    color = image.pixelColor(0, image.height() // 2)
    return color.red(), color.green(), color.blue()


def test_highlight_rules_from_the_dialog_tint_matching_rows(qtbot, filtered) -> None:  # type: ignore[no-untyped-def]
    panel = filtered
    bar = (HIGHLIGHT_BAR.red(), HIGHLIGHT_BAR.green(), HIGHLIGHT_BAR.blue())
    qtbot.waitUntil(lambda: row_bar_color(panel, "id-1") == bar, timeout=2000)  # mentions: on by default
    assert row_bar_color(panel, "id-2") != bar
    qtbot.mouseClick(panel.highlights_button, Qt.MouseButton.LeftButton)
    dialog = panel.findChild(ChatHighlightDialog, "chatHighlightDialog")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    assert dialog.streamer_edit.text() == "dallas" and dialog.mentions_box.isChecked()
    qtbot.keyClicks(dialog.rule_edit, "incoming")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.rule_edit, "@Cheer")
    qtbot.keyClick(dialog.rule_edit, Qt.Key.Key_Return)
    dialog.mentions_box.setChecked(False)
    assert dialog.rules() == ["incoming", "@Cheer"]
    dialog.accept()
    qtbot.waitUntil(lambda: row_bar_color(panel, "id-2") == bar, timeout=2000)
    assert row_bar_color(panel, "id-5") == bar, "a user name rule"
    assert row_bar_color(panel, "id-1") != bar, "mentions no longer highlighted"
    settings = Settings()
    assert settings.chat_highlights == ["incoming", "@Cheer"] and not settings.chat_highlight_mentions


def test_rules_match_words_names_and_mentions() -> None:
    rules = ChatRules("Dallas", ["GG", "@Eve"])
    assert rules.mentions(msg(1, "yo DALLAS!")) and not rules.mentions(msg(1, "xdallas"))
    assert rules.highlighted(msg(1, "gg wp")) and rules.highlighted(msg(1, "hi", author="eve"))
    assert not rules.highlighted(msg(1, "hello", author="evelyn"))
    rules.highlight_mentions = False
    assert not rules.highlighted(msg(1, "@dallas"))
    assert ChatRules("").mentions(msg(1, "anything")) is False


# -- keyboard -------------------------------------------------------------------------------------


def test_ctrl_f_focuses_the_filter_and_escape_clears_it(qtbot, filtered) -> None:  # type: ignore[no-untyped-def]
    panel = filtered
    panel.activateWindow()
    panel.view.setFocus()
    qtbot.waitUntil(lambda: panel.view.hasFocus(), timeout=2000)
    qtbot.keyClick(panel.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.filter_edit.hasFocus(), timeout=2000)
    qtbot.keyClicks(panel.filter_edit, "stream")
    assert shown(panel) == ["id-4"]
    qtbot.keyClick(panel.filter_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: panel.filter_edit.text() == "", timeout=2000)
    assert len(shown(panel)) == 6
    assert QApplication.focusWidget() is panel.filter_edit
