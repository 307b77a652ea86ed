"""Twitch chat: the IRC parser, the conversions to the chat model, and the source against a fake server."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from controllers import redaction
from controllers.chat.irc import IrcParseError, escape_tag_value, parse_line, split_lines, unescape_tag_value
from controllers.chat.model import ChatMessage, ChatNotice, ChatRemoval, Emote
from controllers.chat.storage import ChatStoreSink
from controllers.chat.twitch import (
    SlidingWindowLimiter,
    TwitchChatSource,
    TwitchSendError,
    convert,
    parse_emotes,
)
from controllers.sessions.store import SessionStore
from tests.fakes.fake_twitch import FakeTwitchServer

DATA = Path(__file__).parent / "data" / "twitch" / "samples.irc"
NOW = 1_700_000_000.0


def samples() -> dict[str, str]:
    lines = {}
    for raw in DATA.read_text(encoding="utf-8").splitlines():
        if raw and not raw.startswith("#"):
            name, _, line = raw.partition(": ")
            lines[name] = line
    return lines


SAMPLES = samples()


def sample(name: str) -> ChatMessage | ChatRemoval | ChatNotice | None:
    return convert(parse_line(SAMPLES[name]), NOW)


# -- IRC parser ---------------------------------------------------------------------------------


def test_parse_line_splits_tags_prefix_command_params_and_trailing() -> None:
    msg = parse_line(SAMPLES["privmsg_tags"])
    assert msg.command == "PRIVMSG"
    assert msg.prefix == "abc!abc@abc.tmi.twitch.tv" and msg.nick == "abc"
    assert msg.params == ("#xyz", "HeyGuys") and msg.trailing == "HeyGuys"
    assert msg.tags["badges"] == "broadcaster/1" and msg.tags["user-type"] == "" and msg.tags["emotes"] == ""
    assert msg.tags["flags"] == "0-6:S.7"
    ping = parse_line("PING :tmi.twitch.tv")
    assert (ping.command, ping.params, ping.prefix, ping.tags) == ("PING", ("tmi.twitch.tv",), "", {})
    welcome = parse_line(":tmi.twitch.tv 001 justinfan123 :Welcome, GLHF!")
    assert welcome.command == "001" and welcome.params == ("justinfan123", "Welcome, GLHF!")
    assert parse_line(":tmi.twitch.tv CLEARCHAT #dallas").trailing is None


def test_trailing_parameter_is_kept_exactly() -> None:
    msg = parse_line(":a!a@a PRIVMSG #c ::)  two  spaces  and a : colon ")
    assert msg.params[-1] == ":)  two  spaces  and a : colon "


@pytest.mark.parametrize(("raw", "value"), [
    (r"a\sb", "a b"), (r"semi\:colon", "semi;colon"), (r"back\\slash", "back\\slash"),
    (r"cr\rlf\n", "cr\rlf\n"), (r"unknown\x", "unknownx"), ("trailing\\", "trailing"),
    (r"\\s", "\\s"), ("", ""),
    (r"15\sraiders\sfrom\sTestChannel\shave\sjoined\n!", "15 raiders from TestChannel have joined\n!"),
])
def test_tag_values_are_unescaped_per_ircv3(raw: str, value: str) -> None:
    assert unescape_tag_value(raw) == value


def test_escape_round_trips() -> None:
    text = "a; b\\c\r\nd"
    assert unescape_tag_value(escape_tag_value(text)) == text
    assert parse_line(f"@k={escape_tag_value(text)};empty=;bare :s CMD").tags == {"k": text, "empty": "", "bare": ""}


def test_bad_lines_raise_and_frames_split_on_crlf_only() -> None:
    for bad in ("", "@only-tags", ":only-prefix"):
        with pytest.raises(IrcParseError):
            parse_line(bad)
    assert split_lines("A\r\nB\u2028still B\x85\r\n\r\nC") == ["A", "B\u2028still B\x85", "C"]


# -- conversions --------------------------------------------------------------------------------


def test_privmsg_from_the_tags_page() -> None:
    msg = sample("privmsg_tags")
    assert isinstance(msg, ChatMessage)
    assert (msg.platform, msg.kind, msg.author, msg.author_id, msg.text) == ("twitch", "message", "abc", "713936733",
                                                                             "HeyGuys")
    assert msg.message_id == "eb24e920-8065-492a-8aea-266a00fc5126"
    assert msg.t == pytest.approx(1642786203.573)
    assert msg.color == "#0000FF" and msg.badges == (("broadcaster", "1"),) and msg.roles == ("broadcaster",)
    assert msg.channel == "xyz" and msg.emotes == () and msg.bits == 0 and not msg.paid


def test_privmsg_emotes_positions_and_text_rendering() -> None:
    msg = sample("privmsg_emotes")
    assert isinstance(msg, ChatMessage)
    assert msg.emotes == (Emote("Kappa", 0, 5), Emote("Keepo", 6, 11), Emote("Kappa", 12, 17))
    assert msg.text_only() == ":Kappa: :Keepo: :Kappa:"
    assert msg.segments()[1] == ("text", " ")
    assert msg.t == pytest.approx(1507246572.675) and msg.author_id == "1337"
    old = sample("privmsg_kappa")  # no id, no tmi-sent-ts: received time, mod from user-type is not trusted
    assert isinstance(old, ChatMessage) and old.t == NOW and old.message_id == "" and len(old.emotes) == 3


def test_emote_positions_count_code_points_after_emoji_and_cjk() -> None:
    text = "😀👍🏽 你好 Kappa 𝄞 Kappa"
    start = text.index("Kappa")
    second = text.rindex("Kappa")
    line = (f"@emotes=25:{start}-{start + 4},{second}-{second + 4};id=x :u!u@u PRIVMSG #c :{text}")
    msg = convert(parse_line(line), NOW)
    assert isinstance(msg, ChatMessage)
    assert [e.name for e in msg.emotes] == ["Kappa", "Kappa"]
    assert all(msg.text[e.start:e.end] == "Kappa" for e in msg.emotes)
    assert msg.text_only() == "😀👍🏽 你好 :Kappa: 𝄞 :Kappa:"
    # UTF-16 offsets (what a JavaScript client would count) would be off by 5 here; out-of-range spans are dropped
    assert parse_emotes("25:0-4,900-904", "Kappa") == (Emote("Kappa", 0, 5),)


def test_privmsg_bits_and_action() -> None:
    msg = sample("privmsg_bits")
    assert isinstance(msg, ChatMessage)
    assert (msg.bits, msg.paid_amount, msg.paid_currency, msg.text) == (100, 100.0, "BITS", "cheer100")
    assert msg.badges == (("staff", "1"), ("bits", "1000")) and msg.roles == ()
    action = convert(parse_line("@id=a1;mod=1;subscriber=1;badges=vip/1 :u!u@u PRIVMSG #c :\x01ACTION waves\x01"), NOW)
    assert isinstance(action, ChatMessage)
    assert action.text == "waves" and action.extra["action"] == "1"
    assert action.roles == ("moderator", "vip", "subscriber") and action.author == "u"


def test_usernotices_sub_resub_raid_and_others() -> None:
    resub = sample("usernotice_resub")
    assert isinstance(resub, ChatMessage)
    assert resub.kind == "sub" and resub.text == "Great stream -- keep it up!"
    assert resub.system_text == "ronni has subscribed for 6 months!" and resub.extra["msg-id"] == "resub"
    assert resub.roles == ("broadcaster", "subscriber") and resub.channel == "dallas"
    sub = sample("usernotice_sub")
    assert isinstance(sub, ChatMessage) and sub.kind == "sub" and sub.text == ""
    assert sub.system_text == "burago18 subscribed at Tier 1." and sub.roles == ("moderator", "subscriber")
    gift = sample("usernotice_subgift")
    assert isinstance(gift, ChatMessage) and gift.kind == "sub"
    assert gift.system_text == "TWW2 gifted a Tier 1 sub to Mr_Woodchuck!"
    raid = sample("usernotice_raid")
    assert isinstance(raid, ChatMessage)
    assert (raid.kind, raid.author, raid.text) == ("raid", "TestChannel", "")
    assert raid.system_text == "15 raiders from TestChannel have joined\n!"
    ritual = sample("usernotice_ritual")
    assert isinstance(ritual, ChatMessage) and ritual.kind == "event" and ritual.emotes == (Emote("HeyGuys", 0, 7),)


def test_clearchat_and_clearmsg_become_removals() -> None:
    everything = sample("clearchat_all")
    assert isinstance(everything, ChatRemoval)
    assert everything.clear_all and everything.user is None and everything.reason == "cleared"
    banned = sample("clearchat_user")
    assert isinstance(banned, ChatRemoval)
    assert (banned.clear_all, banned.user, banned.duration_s, banned.reason) == (False, "ronni", None, "banned")
    timeout = sample("clearchat_timeout")
    assert isinstance(timeout, ChatRemoval)
    assert (timeout.user, timeout.author_id, timeout.duration_s, timeout.reason) == ("ronni", "87654321", 350.0,
                                                                                    "timeout")
    assert timeout.t == pytest.approx(1642715756.806)
    for name, target in (("clearmsg_doc", "abc-123-def"), ("clearmsg_tagged", "94e6c7ff-bf98-4faa-af5d-7ad633a158a9")):
        removal = sample(name)
        assert isinstance(removal, ChatRemoval)
        assert removal.message_id == target and not removal.clear_all and removal.reason == "deleted"


def test_notice() -> None:
    notice = sample("notice_slow_off")
    assert isinstance(notice, ChatNotice)
    assert (notice.code, notice.text, notice.channel) == ("slow_off", "This room is no longer in slow mode.", "channel")
    assert convert(parse_line(":tmi.twitch.tv ROOMSTATE #c"), NOW) is None


HOSTILE = [
    "<b>bold</b>", '<img src=x onerror="alert(1)">', '<a href="https://evil.example">x</a>', "&lt;not a tag&gt;",
    "\u202eevil\u202c reversed", "zero\u200bwidth\u200d", "x" * 10_000, "中文字符テスト한국어", "😀👨‍👩‍👧‍👦🏳️‍🌈",
    "  leading and trailing  ", "\\s not an escape \\: here", "line\u2028separator",
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_is_kept_exactly(text: str) -> None:
    msg = convert(parse_line(f"@id=h :u!u@u PRIVMSG #c :{text}"), NOW)
    assert isinstance(msg, ChatMessage) and msg.text == text


# -- rate limiter ---------------------------------------------------------------------------------


def test_sliding_window_limiter() -> None:
    limiter = SlidingWindowLimiter(30.0)
    for i in range(20):
        assert limiter.delay(100.0 + i * 0.1, 20) == 0.0
        limiter.record(100.0 + i * 0.1)
    assert limiter.delay(102.0, 20) == pytest.approx(28.0)  # the 21st waits until the 1st leaves the window
    assert limiter.delay(102.0, 100) == 0.0                  # a moderator may go on
    assert limiter.delay(130.0, 20) == 0.0


# -- against the fake server ----------------------------------------------------------------------


class Recorder:
    def __init__(self) -> None:
        self.messages: list[ChatMessage] = []
        self.removals: list[ChatRemoval] = []
        self.notices: list[ChatNotice] = []
        self.statuses: list[tuple[str, str, str]] = []
        self.cond = threading.Condition()

    def _add(self, items: list, item: object) -> None:  # type: ignore[type-arg]
        with self.cond:
            items.append(item)
            self.cond.notify_all()

    def on_chat(self, message: ChatMessage) -> None:
        self._add(self.messages, message)

    def on_removal(self, removal: ChatRemoval) -> None:
        self._add(self.removals, removal)

    def on_notice(self, notice: ChatNotice) -> None:
        self._add(self.notices, notice)

    def on_status(self, source_name: str, state: str, reason: str) -> None:
        self._add(self.statuses, (source_name, state, reason))

    def wait(self, predicate: Callable[[], bool], timeout: float = 5.0) -> bool:
        deadline = time.monotonic() + timeout
        with self.cond:
            while not predicate():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self.cond.wait(remaining)
        return True

    def states(self) -> list[str]:
        return [s for _, s, _ in self.statuses]

    def connected_count(self) -> int:
        return self.states().count("connected")


@pytest.fixture
def fake() -> Iterator[FakeTwitchServer]:
    with FakeTwitchServer() as server:
        yield server


def make_source(fake: FakeTwitchServer, rec: Recorder, **kwargs: object) -> TwitchChatSource:
    options: dict[str, object] = {"url": fake.url, "backoff": (0.05,), "connect_timeout": 2.0}
    options.update(kwargs)
    return TwitchChatSource("Dallas", rec, **options)  # type: ignore[arg-type]


@pytest.fixture
def rec() -> Recorder:
    return Recorder()


def test_anonymous_handshake_and_messages(fake: FakeTwitchServer, rec: Recorder) -> None:
    source = make_source(fake, rec)
    source.start()
    try:
        assert rec.wait(lambda: rec.connected_count() == 1)
        cap, nick, join = fake.lines()[:3]
        assert cap == "CAP REQ :twitch.tv/tags twitch.tv/commands"
        assert nick.startswith("NICK justinfan") and join == "JOIN #dallas"
        assert not fake.lines("PASS") and rec.statuses[0] == ("twitch", "connecting", "")
        fake.send_line(SAMPLES["privmsg_emotes"])
        fake.send_line(SAMPLES["clearmsg_tagged"])
        fake.send_line(SAMPLES["clearchat_all"])
        fake.send_line(SAMPLES["notice_slow_off"])
        assert rec.wait(lambda: len(rec.notices) == 1)
        assert rec.messages[0].text == "Kappa Keepo Kappa" and len(rec.removals) == 2
        assert rec.removals[0].message_id == "94e6c7ff-bf98-4faa-af5d-7ad633a158a9" and rec.removals[1].clear_all
        with pytest.raises(TwitchSendError):
            source.send("hello")
    finally:
        source.stop()
    assert rec.statuses[-1][1] == "disconnected"


def test_ping_is_answered(fake: FakeTwitchServer, rec: Recorder) -> None:
    source = make_source(fake, rec)
    source.start()
    try:
        assert rec.wait(lambda: rec.connected_count() == 1)
        fake.ping()
        assert fake.wait_for(lambda: "PONG :tmi.twitch.tv" in fake.lines())
    finally:
        source.stop()


def test_silent_server_is_pinged(fake: FakeTwitchServer, rec: Recorder) -> None:
    source = make_source(fake, rec, idle_timeout=0.3)
    source.start()
    try:
        assert fake.wait_for(lambda: "PING :onair" in fake.lines(), timeout=3)
    finally:
        source.stop()


def test_reconnect_notice_reconnects_without_duplicates(fake: FakeTwitchServer, rec: Recorder) -> None:
    fake.replay_on_join = True
    source = make_source(fake, rec)
    source.start()
    try:
        assert rec.wait(lambda: rec.connected_count() == 1)
        fake.send_line(SAMPLES["privmsg_tags"])
        assert rec.wait(lambda: len(rec.messages) == 1)
        fake.reconnect_notice()
        assert rec.wait(lambda: rec.connected_count() == 2)
        assert fake.connections_total == 2
        assert "reconnecting" in rec.states()
        fake.send_line(SAMPLES["privmsg_bits"])
        assert rec.wait(lambda: len(rec.messages) == 2)
        time.sleep(0.1)
        assert [m.message_id for m in rec.messages] == ["eb24e920-8065-492a-8aea-266a00fc5126",
                                                        "b34ccfc7-4977-403a-8a94-33c6bac34fb8"]
    finally:
        source.stop()


def test_dropped_socket_reconnects_with_backoff_and_no_duplicates(fake: FakeTwitchServer, rec: Recorder) -> None:
    fake.replay_on_join = True
    source = make_source(fake, rec)
    source.start()
    try:
        assert rec.wait(lambda: rec.connected_count() == 1)
        fake.send_line(SAMPLES["privmsg_emotes"])
        assert rec.wait(lambda: len(rec.messages) == 1)
        fake.drop()
        assert rec.wait(lambda: rec.connected_count() == 2)
        fake.drop()
        assert rec.wait(lambda: rec.connected_count() == 3)
        # the fake replayed the message on each JOIN: the listener saw it once
        time.sleep(0.1)
        assert len(rec.messages) == 1
        assert rec.states().count("reconnecting") == 2
    finally:
        source.stop()


def test_unreachable_server_retries_with_backoff(rec: Recorder) -> None:
    with FakeTwitchServer() as server:
        url = server.url
    source = TwitchChatSource("dallas", rec, url=url, backoff=(0.05, 0.1), connect_timeout=1.0)
    source.start()
    try:
        assert rec.wait(lambda: rec.states().count("reconnecting") >= 3)
        assert "cannot reach Twitch chat" in rec.statuses[-1][2]
    finally:
        source.stop()


def test_login_failure_is_clear_and_not_retried(fake: FakeTwitchServer, rec: Recorder) -> None:
    source = make_source(fake, rec, token="oauth:wrongtoken", login="OnAirBot")
    source.start()
    try:
        assert rec.wait(lambda: "disconnected" in rec.states())
        _, state, reason = rec.statuses[-1]
        assert state == "disconnected"
        assert "Login authentication failed" in reason and "token" in reason
        time.sleep(0.3)
        assert fake.connections_total == 1 and "reconnecting" not in rec.states()
        assert fake.lines("PASS") == ["PASS oauth:wrongtoken"] and fake.lines("NICK") == ["NICK onairbot"]
    finally:
        source.stop()


def test_send_is_paced_and_queued_not_dropped(fake: FakeTwitchServer, rec: Recorder) -> None:
    source = make_source(fake, rec, token="goodtoken", login="onairbot", rate_window_s=0.8, rate_limit=20)
    source.start()
    try:
        for i in range(21):
            source.send(f"message {i}")  # queued before the connection is even up
        assert fake.wait_for(lambda: len(fake.lines("PRIVMSG")) == 21, timeout=5)
        with fake._cond:
            times = [t for t, line in fake.received if line.startswith("PRIVMSG")]
        assert fake.lines("PRIVMSG")[0] == "PRIVMSG #dallas :message 0"
        assert fake.lines("PRIVMSG")[20] == "PRIVMSG #dallas :message 20"
        assert times[19] - times[0] < 0.5          # the first 20 go out at once
        assert times[20] - times[0] >= 0.75        # the 21st waits for the window
        assert rec.wait(lambda: len(rec.messages) == 21)
        assert rec.messages[0].extra["local"] == "1" and rec.messages[0].author == "onairbot"
        assert source.queued == 0
    finally:
        source.stop()


def test_moderators_get_the_higher_limit(rec: Recorder) -> None:
    with FakeTwitchServer(moderator=True) as fake:
        source = make_source(fake, rec, token="goodtoken", login="onairbot", rate_window_s=5.0, rate_limit=2,
                             mod_rate_limit=10)
        source.start()
        try:
            assert rec.wait(lambda: rec.connected_count() == 1)
            assert fake.wait_for(lambda: source.is_moderator)
            for i in range(5):
                source.send(f"m{i}")
            assert fake.wait_for(lambda: len(fake.lines("PRIVMSG")) == 5, timeout=2)
        finally:
            source.stop()


def test_sent_text_cannot_inject_irc_commands(fake: FakeTwitchServer, rec: Recorder) -> None:
    source = make_source(fake, rec, token="goodtoken", login="onairbot")
    source.start()
    try:
        source.send("hi\r\nJOIN #other\nPART #dallas")
        assert fake.wait_for(lambda: len(fake.lines("PRIVMSG")) == 1)
        assert fake.lines("PRIVMSG") == ["PRIVMSG #dallas :hi  JOIN #other PART #dallas"]
        assert not fake.lines("JOIN #other")
        with pytest.raises(TwitchSendError):
            source.send(" \r\n ")
        with pytest.raises(TwitchSendError):
            source.send("x" * 501)
    finally:
        source.stop()


def test_hostile_text_arrives_unchanged_over_the_wire(fake: FakeTwitchServer, rec: Recorder) -> None:
    source = make_source(fake, rec)
    source.start()
    try:
        assert rec.wait(lambda: rec.connected_count() == 1)
        for i, text in enumerate(HOSTILE):
            fake.send_line(f"@id=hostile-{i};tmi-sent-ts=1642786203573 :u!u@u.tmi.twitch.tv PRIVMSG #dallas :{text}")
        assert rec.wait(lambda: len(rec.messages) == len(HOSTILE))
        assert [m.text for m in rec.messages] == HOSTILE
    finally:
        source.stop()


def test_token_never_reaches_the_log_file(fake: FakeTwitchServer, rec: Recorder, tmp_path: Path) -> None:
    log_file = tmp_path / "onair.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.addFilter(redaction.RedactingFilter())
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        good = make_source(fake, rec, token="oauth:goodtoken", login="onairbot")
        good.start()
        assert rec.wait(lambda: rec.connected_count() == 1)
        good.send("hello")
        assert fake.wait_for(lambda: len(fake.lines("PRIVMSG")) == 1)
        good.stop()
        bad = make_source(fake, rec, token="s3cr3t-bad-token", login="onairbot")
        bad.start()
        assert rec.wait(lambda: rec.states().count("disconnected") == 2)
        bad.stop()
        logging.getLogger("test").info("the token was %s", "s3cr3t-bad-token")  # would leak without redaction
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        handler.close()
    text = log_file.read_text(encoding="utf-8")
    assert "Twitch chat > NICK onairbot" in text and "Login authentication failed" in text  # it did log
    assert "goodtoken" not in text and "s3cr3t-bad-token" not in text
    assert fake.lines("PASS") == ["PASS oauth:goodtoken", "PASS oauth:s3cr3t-bad-token"]


def test_chat_store_sink_writes_into_the_current_session(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "sessions.sqlite3")
    try:
        conn = sqlite3.connect(store.path)
        sid = conn.execute("INSERT INTO sessions (status, started_at, last_seen_at) VALUES ('live', 1, 1)").lastrowid
        conn.commit()
        conn.close()
        current: list[int | None] = [None]
        sink = ChatStoreSink(store, lambda: current[0])
        hostile = convert(parse_line(f"@id=h1;tmi-sent-ts=1642786203573 :u!u@u PRIVMSG #c :{HOSTILE[1]}"), NOW)
        bits = sample("privmsg_bits")
        assert isinstance(hostile, ChatMessage) and isinstance(bits, ChatMessage)
        sink.on_chat(hostile)          # no session: not stored
        current[0] = sid
        sink.on_chat(hostile)
        sink.on_chat(bits)
        assert store.flush()
        reader = store.reader()
        rows = reader.execute("SELECT session_id, t, platform, message_id, author, text, roles, paid_amount, "
                              "paid_currency, data_json FROM chat_messages ORDER BY id").fetchall()
        reader.close()
        assert len(rows) == 2
        assert rows[0][:6] == (sid, pytest.approx(1642786203.573), "twitch", "h1", "u", HOSTILE[1])
        assert rows[1][7:9] == (100.0, "BITS") and '"bits": 100' in rows[1][9]
    finally:
        store.close()


def test_chat_and_viewer_counts_name_the_session_platform(tmp_path: Path) -> None:
    """Recorded sessions learn where they streamed to from chat and viewer counts (for comparisons)."""
    store = SessionStore(tmp_path / "sessions.sqlite3")
    try:
        conn = sqlite3.connect(store.path)
        plain = conn.execute("INSERT INTO sessions (status, started_at, last_seen_at) VALUES ('live', 1, 1)").lastrowid
        typed = conn.execute("INSERT INTO sessions (status, platform, started_at, last_seen_at) "
                             "VALUES ('live', 'Twitch', 1, 1)").lastrowid
        conn.commit()
        conn.close()
        sink = ChatStoreSink(store, lambda: plain)
        message = sample("privmsg_bits")
        assert isinstance(message, ChatMessage)
        sink.on_chat(message)
        sink.on_chat(message)                      # a second message adds nothing
        sink.tag_platform(plain, "youtube")        # a viewer count from YouTube (multistream)
        sink.tag_platform(plain, "replay")         # a replayed log names no platform
        sink.tag_platform(typed, "twitch")         # already named (typed by the operator): unchanged
        assert store.flush()
        reader = store.reader()
        platforms = dict(reader.execute("SELECT id, platform FROM sessions").fetchall())
        reader.close()
        assert platforms == {plain: "twitch+youtube", typed: "Twitch"}
    finally:
        store.close()
