"""Chat replay: an exported session's chat (JSON lines) played back through the listener calls, and the
hub's batching that carries it to the GUI thread."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Slot

from controllers.chat.hub import ChatHub
from controllers.chat.model import ChatMessage, ChatNotice, ChatRemoval, Emote, NullChatListener
from controllers.chat.replay import ReplayChatSource, read_replay, speed_from_env
from controllers.chat.storage import message_row
from controllers.sessions.export import export_jsonl
from controllers.sessions.recorder import SessionRecorder
from controllers.sessions.store import SessionStore, connect

T0 = 1_700_000_000.0

HOSTILE = [
    "<b>bold</b> <img src=x onerror=alert(1)> <a href='https://evil.example'>click</a> &lt;",
    "line\u2028separator and next\u0085line and para\u2029graph",
    "real\nnewline\r\nand CR\rand tab\t and NUL-ish \x01\x1f",
    "\u202eright-to-left override\u202c and zero\u200bwidth\ufeff",
    "x" * 10_000,
    "你好，世界 — 這是什麼？",
    "😀👍🏽 👨‍👩‍👧 ok",
    "quote \" backslash \\ and \\u2028 as text",
    "",
]


class Collector(NullChatListener):
    """Records what a source hands out, with the monotonic arrival time of each message."""

    def __init__(self) -> None:
        self.messages: list[ChatMessage] = []
        self.arrivals: list[float] = []
        self.notices: list[ChatNotice] = []
        self.statuses: list[tuple[str, str, str]] = []
        self.done = threading.Event()

    def on_chat(self, message: ChatMessage) -> None:
        self.arrivals.append(time.monotonic())
        self.messages.append(message)

    def on_notice(self, notice: ChatNotice) -> None:
        self.notices.append(notice)

    def on_status(self, source_name: str, state: str, reason: str) -> None:
        self.statuses.append((source_name, state, reason))
        if state == "disconnected":
            self.done.set()


def originals() -> list[ChatMessage]:
    out = []
    for n, text in enumerate(HOSTILE):
        out.append(ChatMessage("twitch", f"tw-{n}", f"User{n}", f"u{n}", text, T0 + n * 0.5,
                               roles=("moderator",) if n % 2 else ()))
    out.append(ChatMessage("twitch", "tw-emote", "Emo", "u-e", "Kappa hi Kappa", T0 + 10, color="#FF0000",
                           badges=(("subscriber", "12"), ("premium", "1")), roles=("subscriber",),
                           emotes=(Emote("Kappa", 0, 5), Emote("Kappa", 9, 14)), bits=100, paid_amount=100.0,
                           paid_currency="BITS", channel="dallas", extra={"login": "emo"}))
    out.append(ChatMessage("youtube", "yt-1", "Fan", "UCfan", "great stream", T0 + 11, roles=("member",),
                           paid_amount=5.0, paid_currency="USD", kind="paid"))
    out.append(ChatMessage("twitch", "tw-raid", "Raider", "u-r", "", T0 + 12, kind="raid",
                           system_text="15 raiders from Raider have joined!"))
    return out


def export_session(tmp_path: Path, messages: list[ChatMessage]) -> Path:
    """Record ``messages`` into a rehearsal session and export it with the app's own JSON-lines export."""
    db = tmp_path / "sessions.sqlite3"
    store = SessionStore(db)
    recorder = SessionRecorder(store)
    try:
        session_id = recorder.start_rehearsal("replay source")
        assert session_id is not None
        store.add_rows("chat", [message_row(session_id, m) for m in messages])
        recorder.end_rehearsal()
        assert store.flush()
        conn = connect(db)
        try:
            return export_jsonl(conn, session_id, tmp_path / "chat.jsonl")
        finally:
            conn.close()
    finally:
        recorder.close()
        store.close()


def replay(path: Path, speed: float = 0.0, timeout: float = 10.0) -> tuple[Collector, ReplayChatSource]:
    collector = Collector()
    source = ReplayChatSource(path, collector, speed=speed)
    source.start()
    assert collector.done.wait(timeout), "the replay did not finish"
    source.stop()
    return collector, source


def test_round_trip_export_then_replay_delivers_the_same_messages_in_order(tmp_path: Path) -> None:
    sent = originals()
    path = export_session(tmp_path, sent)
    raw = path.read_bytes()
    assert "\u2028".encode() in raw and "\u0085".encode() in raw, "the export keeps them raw: split on \\n only"
    assert len(raw.decode("utf-8").splitlines()) > len(sent), "sanity: splitlines would cut messages apart"

    before = time.time()
    got, source = replay(path)
    assert not got.notices and source.skipped == []
    assert [m.text for m in got.messages] == [m.text for m in sent]
    for original, replayed in zip(sent, got.messages, strict=True):
        assert replayed.text.encode("utf-8") == original.text.encode("utf-8")
        assert replayed.platform == "replay"
        assert replayed.extra["original_platform"] == original.platform
        assert replayed.extra["original_id"] == original.message_id
        assert float(replayed.extra["original_t"]) == original.t
        assert (replayed.author, replayed.author_id, replayed.roles, replayed.kind) == \
            (original.author, original.author_id, original.roles, original.kind)
        assert (replayed.color, replayed.badges, replayed.emotes, replayed.bits) == \
            (original.color, original.badges, original.emotes, original.bits)
        assert (replayed.paid_amount, replayed.paid_currency, replayed.system_text, replayed.channel) == \
            (original.paid_amount, original.paid_currency, original.system_text, original.channel)
        assert before <= replayed.t <= time.time(), "re-based to now: shown as if live"
    assert [m.t for m in got.messages] == sorted(m.t for m in got.messages)
    assert got.messages[len(HOSTILE)].extra["login"] == "emo"
    assert len({m.message_id for m in got.messages}) == len(sent)
    states = [s for _, s, _ in got.statuses]
    assert states == ["connecting", "connected", "disconnected"]
    assert got.statuses[-1][2] == f"Replay finished: {len(sent)} messages."


def test_a_second_replay_of_the_same_file_gets_fresh_ids(tmp_path: Path) -> None:
    path = export_session(tmp_path, originals()[:3])
    first, _ = replay(path)
    second, _ = replay(path)
    assert {m.message_id for m in first.messages}.isdisjoint(m.message_id for m in second.messages)


def write_lines(path: Path, times: list[float]) -> Path:
    path.write_text("".join(json.dumps({"t": t, "platform": "twitch", "message_id": f"m{n}", "author": "A",
                                        "text": f"msg {n}"}) + "\n" for n, t in enumerate(times)),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize(("speed", "span"), [(10.0, 0.3), (2.0, 0.5)])
def test_speed_factor_paces_the_messages(tmp_path: Path, speed: float, span: float) -> None:
    times = [T0 + i * span * speed / 4 for i in range(5)]  # the original spans span*speed seconds
    got, _ = replay(write_lines(tmp_path / "paced.jsonl", times), speed=speed)
    assert len(got.arrivals) == 5
    gaps = [b - a for a, b in zip(got.arrivals, got.arrivals[1:], strict=False)]
    assert got.arrivals[-1] - got.arrivals[0] == pytest.approx(span, abs=0.12)
    assert all(gap > span / 4 * 0.5 for gap in gaps), gaps


def test_speed_zero_is_as_fast_as_possible(tmp_path: Path) -> None:
    times = [T0 + i * 60.0 for i in range(2000)]  # 33 hours of chat
    started = time.monotonic()
    got, _ = replay(write_lines(tmp_path / "fast.jsonl", times), speed=0)
    assert len(got.messages) == 2000 and time.monotonic() - started < 5


def test_malformed_lines_are_skipped_with_one_notice(tmp_path: Path) -> None:
    good = json.dumps({"t": T0, "platform": "twitch", "author": "A", "text": "first"}, ensure_ascii=False)
    path = tmp_path / "broken.jsonl"
    path.write_bytes(b"\n".join([
        good.encode(),
        b"{not json",
        b"[1, 2, 3]",
        json.dumps({"t": T0 + 1, "author": "B"}).encode(),          # no text
        b'{"t": 1, "text": "caf\xe9"}',                              # Latin-1, not UTF-8
        json.dumps({"t": "yesterday", "text": "x"}).encode(),       # no usable time
        b"   ",                                                     # blank: ignored, not an error
        json.dumps({"t": T0 + 2, "author": "C", "text": "second \u2028 still"}, ensure_ascii=False).encode(),
        b"",
    ]))
    got, source = replay(path)
    assert [m.text for m in got.messages] == ["first", "second \u2028 still"]
    assert [n for n, _ in source.skipped] == [2, 3, 4, 5, 6]
    assert len(got.notices) == 1
    notice = got.notices[0].text
    assert "5 unreadable line(s) of broken.jsonl" in notice
    for expected in ("line 2: not JSON", "line 3: not a JSON object", "line 4: no “text”", "line 5: not UTF-8",
                     "line 6: no time"):
        assert expected in notice, notice
    assert got.statuses[-1][1] == "disconnected"


def test_read_replay_splits_on_newline_only() -> None:
    line = json.dumps({"t": T0, "text": "a\u2028b\x85c\u2029d\x1ce"}, ensure_ascii=False).encode()
    items, problems = read_replay(line + b"\r\n" + line)
    assert problems == [] and [i.fields["text"] for i in items] == ["a\u2028b\x85c\u2029d\x1ce"] * 2


def test_stop_is_prompt_even_in_a_long_gap(tmp_path: Path) -> None:
    got = Collector()
    source = ReplayChatSource(write_lines(tmp_path / "gap.jsonl", [T0, T0 + 3600]), got, speed=1)
    source.start()
    deadline = time.monotonic() + 5
    while not got.messages and time.monotonic() < deadline:
        time.sleep(0.01)
    started = time.monotonic()
    source.stop()
    assert time.monotonic() - started < 0.5 and not source.is_running()
    assert len(got.messages) == 1
    assert got.statuses[-1][1:] == ("disconnected", "Stopped after 1 of 2 messages.")


def test_a_missing_file_is_a_status_not_a_crash(tmp_path: Path) -> None:
    got, _ = replay(tmp_path / "nope.jsonl")
    assert got.messages == []
    assert got.statuses[-1][1] == "disconnected" and "Cannot read the chat replay file" in got.statuses[-1][2]


def test_bad_speeds_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError):
        ReplayChatSource(tmp_path / "x.jsonl", Collector(), speed=-1)
    monkeypatch.setenv("ONAIR_CHAT_REPLAY_SPEED", "fast")
    with pytest.raises(ValueError, match="ONAIR_CHAT_REPLAY_SPEED"):
        speed_from_env()
    monkeypatch.setenv("ONAIR_CHAT_REPLAY_SPEED", "2.5")
    assert speed_from_env() == 2.5


# -- through the hub --------------------------------------------------------------------------------


class Receiver(QObject):
    """GUI-thread receiver of the hub's signals (bound slots, as the panel connects them)."""

    def __init__(self) -> None:
        super().__init__()
        self.batches: list[list[ChatMessage]] = []
        self.singles: list[ChatMessage] = []
        self.order: list[Any] = []

    @Slot(object)
    def on_batch(self, batch: list[ChatMessage]) -> None:
        self.batches.append(list(batch))
        self.order.extend(batch)

    @Slot(object)
    def on_single(self, message: ChatMessage) -> None:
        self.singles.append(message)

    @Slot(object)
    def on_removal(self, removal: ChatRemoval) -> None:
        self.order.append(removal)

    @property
    def count(self) -> int:
        return sum(len(b) for b in self.batches)


def connect_receiver(hub: ChatHub) -> Receiver:
    receiver = Receiver()
    hub.messages_received.connect(receiver.on_batch)
    hub.message_received.connect(receiver.on_single)
    hub.message_removed.connect(receiver.on_removal)
    return receiver


def test_replay_from_the_environment_through_the_hub(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ONAIR_TWITCH_CHANNEL", "ONAIR_YOUTUBE_VIDEO_ID", "ONAIR_TWITCH_CLIENT_ID"):
        monkeypatch.delenv(name, raising=False)
    sent = originals()
    monkeypatch.setenv("ONAIR_CHAT_REPLAY", str(export_session(tmp_path, sent)))
    monkeypatch.setenv("ONAIR_CHAT_REPLAY_SPEED", "0")
    hub = ChatHub()
    receiver = connect_receiver(hub)
    started = hub.start_from_env()
    try:
        assert [s.name for s in started] == ["replay"]
        qtbot.waitUntil(lambda: receiver.count == len(sent), timeout=5000)
        qtbot.waitUntil(lambda: hub.statuses.get("replay", ("", ""))[0] == "disconnected", timeout=5000)
        assert [m.text for b in receiver.batches for m in b] == [m.text for m in sent]
        assert [m.text for m in receiver.singles] == [m.text for m in sent]
    finally:
        hub.stop()


def test_a_bad_replay_speed_in_the_environment_is_reported(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ONAIR_TWITCH_CHANNEL", "ONAIR_YOUTUBE_VIDEO_ID", "ONAIR_TWITCH_CLIENT_ID"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ONAIR_CHAT_REPLAY", str(tmp_path / "chat.jsonl"))
    monkeypatch.setenv("ONAIR_CHAT_REPLAY_SPEED", "-3")
    hub = ChatHub()
    assert hub.start_from_env() == []
    state, reason = hub.statuses["replay"]
    assert state == "disconnected" and "ONAIR_CHAT_REPLAY_SPEED" in reason


def test_hub_batches_messages_from_a_source_thread_and_keeps_removals_in_order(qtbot) -> None:  # type: ignore[no-untyped-def]
    hub = ChatHub()
    receiver = connect_receiver(hub)

    def produce() -> None:
        for n in range(5000):
            hub.on_chat(ChatMessage("twitch", f"m{n}", "A", "u", f"text {n}", T0 + n))
            if n == 2500:
                hub.on_removal(ChatRemoval("twitch", T0 + n, message_id="m2500", reason="deleted"))

    thread = threading.Thread(target=produce)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: receiver.count == 5000, timeout=5000)
    assert len(receiver.batches) < 100, "one signal per batch, not per message"
    assert [m.message_id for m in receiver.singles] == [f"m{n}" for n in range(5000)]
    position = next(i for i, item in enumerate(receiver.order) if isinstance(item, ChatRemoval))
    assert position == 2501, "the removal comes right after the message it removes"
    assert hub.backlog == 0


def test_hub_calls_on_its_own_thread_are_delivered_at_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    hub = ChatHub()
    receiver = connect_receiver(hub)
    hub.on_chat(ChatMessage("twitch", "a", "A", "u", "now", T0))
    assert receiver.count == 1 and receiver.singles[0].text == "now"
    hub.on_chat(ChatMessage("twitch", "a", "A", "u", "now", T0))  # duplicate
    assert receiver.count == 1
