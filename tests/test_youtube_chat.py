"""YouTube live chat source against the fake YouTube Data API (a real HTTP server on 127.0.0.1)."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from controllers import redaction
from controllers.chat import youtube
from controllers.chat.model import ChatMessage, ChatRemoval
from controllers.chat.youtube import YouTubeApiError, YouTubeChatSource, parse_item
from tests.fakes.fake_youtube import (
    FakeYouTubeServer,
    author_details,
    member_milestone,
    message_deleted,
    new_sponsor,
    super_chat,
    super_sticker,
    text_message,
    user_banned,
)
from tests.support.waiting import wait_until

DATA = Path(__file__).parent / "data" / "youtube"
KEY = "AIzaFAKEkey-1234567890abcdef"
TOKEN = "ya29.FAKE-token-abcdef1234567890"


class Recorder:
    """A listener that keeps every call, thread-safely."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.chat: list[ChatMessage] = []
        self.removals: list[ChatRemoval] = []
        self.viewers: list[tuple[str, int]] = []
        self.statuses: list[tuple[str, str, str]] = []

    def on_chat(self, message: ChatMessage) -> None:
        with self.lock:
            self.chat.append(message)

    def on_removal(self, removal: ChatRemoval) -> None:
        with self.lock:
            self.removals.append(removal)

    def on_viewers(self, platform: str, count: int) -> None:
        with self.lock:
            self.viewers.append((platform, count))

    def on_status(self, source_name: str, state: str, reason: str) -> None:
        with self.lock:
            self.statuses.append((source_name, state, reason))

    def on_notice(self, notice: object) -> None:
        pass

    def states(self) -> list[str]:
        with self.lock:
            return [s[1] for s in self.statuses]

    def last_status(self) -> tuple[str, str, str]:
        with self.lock:
            return self.statuses[-1]

    def ids(self) -> list[str]:
        with self.lock:
            return [m.message_id for m in self.chat]


@pytest.fixture
def yt() -> Iterator[FakeYouTubeServer]:
    with FakeYouTubeServer(api_key=KEY, token=TOKEN) as server:
        server.add_video("VID", live_chat_id="CHAT", concurrent_viewers=100)
        server.set_polling_interval(100)
        yield server


@pytest.fixture
def make_source(yt: FakeYouTubeServer) -> Iterator[Callable[..., tuple[YouTubeChatSource, Recorder]]]:
    sources: list[YouTubeChatSource] = []

    def make(**kwargs: Any) -> tuple[YouTubeChatSource, Recorder]:
        recorder = Recorder()
        options: dict[str, Any] = {"api_key": KEY, "api_url": yt.api_url, "viewer_interval_s": 60.0,
                                   "network_backoff": (0.05, 0.2)}
        options.update(kwargs)
        source = YouTubeChatSource(options.pop("video_id", "VID"), recorder, **options)
        sources.append(source)
        source.start()
        return source, recorder

    yield make
    for source in sources:
        source.stop()
        assert not source.is_running()


def connected(recorder: Recorder) -> Callable[[], bool]:
    return lambda: youtube.CONNECTED in recorder.states()


# --- finding the chat ----------------------------------------------------------------------------


def test_finds_active_live_chat_id_and_polls_it(yt: FakeYouTubeServer, make_source: Any) -> None:
    yt.add_video("OTHER", live_chat_id="CHAT-OTHER")
    yt.add_messages(text_message("m1", "Ann", "hi", live_chat_id="CHAT-OTHER"))
    source, rec = make_source(video_id="OTHER")
    wait_until(lambda: rec.ids() == ["m1"], what="the message of the other chat")
    assert source.live_chat_id == "CHAT-OTHER"
    lookup = yt.requests("videos")[0]
    assert lookup.query == {"part": "liveStreamingDetails", "id": "OTHER", "key": KEY}
    poll = yt.requests("liveChat/messages")[0]
    assert poll.query["liveChatId"] == "CHAT-OTHER"
    assert poll.query["part"] == "snippet,authorDetails"
    assert "pageToken" not in poll.query


def test_video_without_active_chat_stops_with_a_clear_message(yt: FakeYouTubeServer, make_source: Any) -> None:
    yt.add_video("ENDED", live_chat_id=None)
    source, rec = make_source(video_id="ENDED")
    wait_until(lambda: not source.is_running(), what="the source to stop")
    name, state, reason = rec.last_status()
    assert (name, state) == ("YouTube", youtube.DISCONNECTED)
    assert "ENDED" in reason and "no active live chat" in reason
    assert yt.requests("liveChat/messages") == []


def test_unknown_video_says_so(yt: FakeYouTubeServer, make_source: Any) -> None:
    source, rec = make_source(video_id="NOPE")
    wait_until(lambda: not source.is_running(), what="the source to stop")
    assert "was not found" in rec.last_status()[2]


# --- polling -------------------------------------------------------------------------------------


def test_pages_follow_next_page_token_without_gap_or_duplicate(yt: FakeYouTubeServer, make_source: Any) -> None:
    yt.set_page_size(2)
    yt.set_polling_interval(50)
    yt.add_messages(*[text_message(f"m{i}", "Ann", f"message {i}") for i in range(5)])
    source, rec = make_source()
    wait_until(lambda: len(rec.ids()) >= 5, what="the first five messages")
    yt.add_messages(*[text_message(f"m{i}", "Bob", f"message {i}") for i in range(5, 8)])
    wait_until(lambda: len(rec.ids()) >= 8, what="three more")
    wait_until(lambda: len(yt.poll_times()) >= 8, what="a few empty polls")
    assert rec.ids() == [f"m{i}" for i in range(8)]
    tokens = [r.query.get("pageToken") for r in yt.requests("liveChat/messages")]
    assert tokens[:4] == [None, "pos-2", "pos-4", "pos-5"]
    assert all(t is not None for t in tokens[1:])


def test_never_polls_faster_than_polling_interval_millis(yt: FakeYouTubeServer, make_source: Any) -> None:
    yt.set_polling_interval(150)
    source, rec = make_source()
    wait_until(lambda: len(yt.poll_times()) >= 5, timeout=5, what="five polls")
    times = yt.poll_times()
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert min(gaps) >= 0.150, gaps
    assert max(gaps) < 0.6, gaps  # and it does keep polling


def test_interval_change_is_followed(yt: FakeYouTubeServer, make_source: Any) -> None:
    yt.set_polling_interval(50)
    source, rec = make_source()
    wait_until(lambda: len(yt.poll_times()) >= 3, what="three fast polls")
    yt.set_polling_interval(300)
    count = len(yt.poll_times())
    wait_until(lambda: len(yt.poll_times()) >= count + 3, timeout=5, what="three slow polls")
    times = yt.poll_times()[count:]
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert min(gaps) >= 0.300, gaps


def test_offline_at_stops_polling_with_a_status(yt: FakeYouTubeServer, make_source: Any) -> None:
    source, rec = make_source()
    wait_until(connected(rec), what="connected")
    yt.add_messages(text_message("last", "Ann", "bye"))
    yt.set_offline_at("2024-05-01T13:00:00.000Z")
    wait_until(lambda: not source.is_running(), what="the source to stop")
    polls = len(yt.poll_times())
    assert "last" in rec.ids()  # the page that carries offlineAt is still delivered
    name, state, reason = rec.last_status()
    assert state == youtube.DISCONNECTED and "offline" in reason and "2024-05-01T13:00:00.000Z" in reason
    threading.Event().wait(0.3)
    assert len(yt.poll_times()) == polls


# --- message types -------------------------------------------------------------------------------


def test_super_chat_amount_and_currency(yt: FakeYouTubeServer, make_source: Any) -> None:
    yt.add_messages(super_chat("sc1", "Fan", 5_000_000, "USD", "$5.00", "Great stream!"),
                    super_sticker("st1", "Kid", 1_750_000, "EUR", "€1.75", "A cat waving"))
    source, rec = make_source()
    wait_until(lambda: len(rec.chat) == 2, what="two paid messages")
    chat, sticker = rec.chat
    assert (chat.kind, chat.paid_amount, chat.paid_currency, chat.text) == ("paid", 5.0, "USD", "Great stream!")
    assert chat.paid and chat.extra["amountDisplayString"] == "$5.00" and chat.extra["type"] == "superChatEvent"
    assert chat.system_text == "$5.00 from Fan: Great stream!"
    assert (sticker.kind, sticker.paid_amount, sticker.paid_currency, sticker.text) == ("paid", 1.75, "EUR", "")
    assert sticker.extra["altText"] == "A cat waving" and sticker.extra["type"] == "superStickerEvent"


def test_membership_events(yt: FakeYouTubeServer, make_source: Any) -> None:
    yt.add_messages(new_sponsor("ns1", "Newbie", "Gold"), member_milestone("mm1", "Veteran", 12, "A year!", "Gold"))
    source, rec = make_source()
    wait_until(lambda: len(rec.chat) == 2, what="two membership events")
    joined, milestone = rec.chat
    assert joined.kind == "sub" and joined.extra["memberLevelName"] == "Gold" and "member" in joined.roles
    assert (joined.text, joined.system_text, joined.extra["type"]) == ("", "Welcome to Gold!", "newSponsorEvent")
    assert milestone.kind == "sub" and milestone.extra["memberMonth"] == "12" and milestone.text == "A year!"
    assert milestone.extra["type"] == "memberMilestoneChatEvent" and milestone.paid_amount is None


def test_deleted_message_and_ban_become_removals(yt: FakeYouTubeServer, make_source: Any) -> None:
    yt.add_messages(text_message("bad", author_details("Troll", "UCtroll"), "spam"))
    source, rec = make_source()
    wait_until(lambda: rec.ids() == ["bad"], what="the message")
    yt.add_messages(message_deleted("del1", "bad"), user_banned("ban1", "UCtroll", "Troll", temporary_s=300))
    wait_until(lambda: len(rec.removals) == 2, what="two removals")
    deleted, banned = rec.removals
    assert (deleted.message_id, deleted.author_id, deleted.reason) == ("bad", None, "deleted")
    assert (banned.message_id, banned.author_id, banned.reason, banned.duration_s) == (None, "UCtroll", "timeout", 300)
    assert deleted.channel == "CHAT"
    assert rec.ids() == ["bad"]  # removals are not chat messages


def test_author_roles(yt: FakeYouTubeServer, make_source: Any) -> None:
    yt.add_messages(
        text_message("o", author_details("Owner", owner=True, moderator=True, verified=True), "x"),
        text_message("mod", author_details("Mod", moderator=True), "x"),
        text_message("mem", author_details("Member", member=True), "x"),
        text_message("v", author_details("Verified", verified=True), "x"),
        text_message("plain", author_details("Plain"), "x"),
    )
    source, rec = make_source()
    wait_until(lambda: len(rec.chat) == 5, what="five messages")
    roles = {m.message_id: m.roles for m in rec.chat}
    assert roles == {"o": ("owner", "moderator", "verified"), "mod": ("moderator",), "mem": ("member",),
                     "v": ("verified",), "plain": ()}
    assert {m.author for m in rec.chat} == {"Owner", "Mod", "Member", "Verified", "Plain"}


HOSTILE = [
    "<b>bold</b>",
    '<img src=x onerror="alert(1)">',
    '<a href="https://evil.example">click</a> &lt;b&gt;',
    "abc\u202edcba",
    "zero\u200bwidth\u200b",
    "x" * 10_000,
    "你好，世界 直播",
    "🎉👍🏽👨‍👩‍👧",
    "  leading and trailing  ",
    "line\nbreak\ttab",
]


def test_hostile_text_arrives_unchanged(yt: FakeYouTubeServer, make_source: Any) -> None:
    yt.add_messages(*[text_message(f"h{i}", "Hostile <i>Name</i>\u202e", text) for i, text in enumerate(HOSTILE)])
    source, rec = make_source()
    wait_until(lambda: len(rec.chat) == len(HOSTILE), what="every hostile message")
    assert [m.text for m in rec.chat] == HOSTILE
    assert all(m.author == "Hostile <i>Name</i>\u202e" for m in rec.chat)


def test_sample_page_from_the_docs_parses() -> None:
    page = json.loads((DATA / "live_chat_messages_list.json").read_text(encoding="utf-8"))
    parsed = [parse_item(item, 0.0) for item in page["items"]]
    kinds = [getattr(p, "kind", None) or getattr(p, "reason", None) for p in parsed]
    assert kinds == ["message", "paid", "paid", "sub", "sub", "message", "deleted", "timeout"]
    text = parsed[0]
    assert text is not None and not isinstance(text, ChatRemoval)
    assert text.text == "hello <b>chat</b>" and text.t == pytest.approx(1714564862.345)
    assert text.system_text == "" and text.channel == "Cg0KC1ZJREVPX0xJVkVfMQ" and text.author_id.startswith("UCviewer")
    sticker = parsed[2]
    assert not isinstance(sticker, ChatRemoval) and sticker is not None
    assert (sticker.paid_amount, sticker.paid_currency) == (200.0, "JPY")
    owner = parsed[5]
    assert owner is not None and not isinstance(owner, ChatRemoval)
    assert owner.roles == ("owner", "moderator", "verified")
    error = youtube.error_from_body(403, (DATA / "error_quota_exceeded.json").read_bytes())
    assert (error.status, error.reason) == (403, "quotaExceeded") and "quota" in str(error)
    ended = youtube.error_from_body(403, (DATA / "error_live_chat_ended.json").read_bytes())
    assert ended.reason == "liveChatEnded"


# --- viewers -------------------------------------------------------------------------------------


def test_viewer_count_is_sampled_at_the_configured_interval(yt: FakeYouTubeServer, make_source: Any) -> None:
    source, rec = make_source(viewer_interval_s=0.25)
    wait_until(lambda: rec.viewers, what="the first count")
    assert rec.viewers[0] == ("youtube", 100)
    yt.set_viewers("VID", 150)
    wait_until(lambda: ("youtube", 150) in rec.viewers, what="the new count")
    wait_until(lambda: len(yt.requests("videos")) >= 4, what="a few samples")
    times = [r.t for r in yt.requests("videos")]
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert min(gaps) >= 0.25, gaps
    yt.set_viewers("VID", None)  # hidden by the owner: no sample, no crash
    count = len(rec.viewers)
    wait_until(lambda: len(yt.requests("videos")) >= len(times) + 2, what="samples without a count")
    assert len(rec.viewers) in (count, count + 1)  # at most one already in flight
    assert source.is_running()


# --- errors --------------------------------------------------------------------------------------


def test_quota_error_gives_a_message_and_backs_off(yt: FakeYouTubeServer, make_source: Any) -> None:
    yt.fail_next(3, 403, "quotaExceeded", path="liveChat/messages")
    yt.add_messages(text_message("after", "Ann", "back"))
    source, rec = make_source(quota_backoff=(0.3, 1.0))
    wait_until(lambda: rec.ids() == ["after"], timeout=5, what="the message after the quota error")
    reasons = [r for _, state, r in rec.statuses if state == youtube.RECONNECTING]
    assert reasons and all("quota" in r.lower() for r in reasons)
    times = yt.poll_times()
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert gaps[0] >= 0.3 and gaps[1] >= 0.6 and gaps[2] >= 1.0, gaps  # 0.3, 0.6, 1.0 (ceiling)
    assert rec.last_status()[1] == youtube.CONNECTED


def test_rate_limit_429_backs_off_too(yt: FakeYouTubeServer, make_source: Any) -> None:
    yt.fail_next(2, 429, "rateLimitExceeded", path="liveChat/messages")
    source, rec = make_source(rate_backoff=(0.2, 1.0))
    wait_until(connected(rec), timeout=5, what="connected after the rate limit")
    assert any("too fast" in r for _, _, r in rec.statuses)
    times = yt.poll_times()
    assert times[1] - times[0] >= 0.2 and times[2] - times[1] >= 0.4


def test_bad_token_stops(yt: FakeYouTubeServer, make_source: Any) -> None:
    source, rec = make_source(api_key=None, oauth_token="ya29.wrong-token")
    wait_until(lambda: not source.is_running(), what="the source to stop")
    state, reason = rec.last_status()[1:]
    assert state == youtube.DISCONNECTED and "rejected" in reason and "401" in reason
    assert len(yt.requests()) == 1  # no retry with a bad credential


def test_bad_api_key_stops(yt: FakeYouTubeServer, make_source: Any) -> None:
    source, rec = make_source(api_key="AIza-wrong-key")
    wait_until(lambda: not source.is_running(), what="the source to stop")
    assert "rejected the API key" in rec.last_status()[2]


@pytest.mark.parametrize(("status", "reason", "words"), [
    (403, "liveChatEnded", "ended"), (404, "liveChatNotFound", "does not exist"),
    (403, "liveChatDisabled", "turned the live chat off"),
])
def test_chat_gone_stops_with_a_message(yt: FakeYouTubeServer, make_source: Any, status: int, reason: str,
                                        words: str) -> None:
    source, rec = make_source()
    wait_until(connected(rec), what="connected")
    yt.fail_next(1, status, reason, path="liveChat/messages")
    wait_until(lambda: not source.is_running(), what="the source to stop")
    state, text = rec.last_status()[1:]
    assert state == youtube.DISCONNECTED and words in text and reason in text


def test_network_error_retries_same_page(yt: FakeYouTubeServer, make_source: Any) -> None:
    yt.add_messages(text_message("a", "Ann", "one"))
    source, rec = make_source()
    wait_until(lambda: rec.ids() == ["a"], what="the first message")
    yt.fail_next(2, 503, "backendError", path="liveChat/messages")
    yt.add_messages(text_message("b", "Bob", "two"))
    wait_until(lambda: rec.ids() == ["a", "b"], timeout=5, what="the message after the outage")
    assert youtube.RECONNECTING in rec.states()
    tokens = [r.query.get("pageToken") for r in yt.requests("liveChat/messages")]
    assert tokens.count("pos-1") >= 3  # the same page asked again: no gap


def test_unreachable_server_retries_with_backoff(make_source: Any) -> None:
    source, rec = make_source(api_url="http://127.0.0.1:9/youtube/v3", network_backoff=(0.1, 0.2))
    wait_until(lambda: rec.states().count(youtube.RECONNECTING) >= 3, timeout=5, what="three retries")
    assert "Cannot reach YouTube" in rec.last_status()[2]
    assert source.is_running()


# --- sending -------------------------------------------------------------------------------------


def test_send_posts_the_right_body_with_the_bearer_token(yt: FakeYouTubeServer, make_source: Any) -> None:
    source, rec = make_source(oauth_token=TOKEN)
    wait_until(connected(rec), what="connected")
    sent = source.send("Hello <b>chat</b> 你好 🎉").result(timeout=5)
    post = yt.requests("liveChat/messages", "POST")[0]
    assert post.query == {"part": "snippet"}
    assert post.headers["authorization"] == f"Bearer {TOKEN}"
    assert post.headers["content-type"].startswith("application/json")
    assert post.body == {"snippet": {"liveChatId": "CHAT", "type": "textMessageEvent",
                                     "textMessageDetails": {"messageText": "Hello <b>chat</b> 你好 🎉"}}}
    assert sent.text == "Hello <b>chat</b> 你好 🎉" and "owner" in sent.roles and sent.kind == "message"
    wait_until(lambda: sent.message_id in rec.ids(), what="our message to come back through the poll")
    assert rec.ids().count(sent.message_id) == 1


def test_send_needs_a_token_and_reports_youtube_errors(yt: FakeYouTubeServer, make_source: Any) -> None:
    source, rec = make_source()
    with pytest.raises(YouTubeApiError, match="sign-in"):
        source.send("hi").result(timeout=1)
    other, rec2 = make_source(oauth_token=TOKEN)
    wait_until(connected(rec2), what="connected")
    yt.fail_next(1, 403, "rateLimitExceeded", path="liveChat/messages", method="POST")
    with pytest.raises(YouTubeApiError, match="too fast") as info:
        other.send("one").result(timeout=5)
    assert info.value.reason == "rateLimitExceeded"
    assert other.send("two").result(timeout=5).text == "two"
    assert other.is_running() and rec2.last_status()[1] == youtube.CONNECTED


def test_send_after_stop_fails_fast(yt: FakeYouTubeServer, make_source: Any) -> None:
    source, rec = make_source(oauth_token=TOKEN)
    wait_until(connected(rec), what="connected")
    source.stop()
    with pytest.raises(YouTubeApiError, match="not connected"):
        source.send("late").result(timeout=1)


# --- secrets -------------------------------------------------------------------------------------


def test_key_and_token_never_reach_the_log_file(yt: FakeYouTubeServer, make_source: Any, tmp_path: Path) -> None:
    log_file = tmp_path / "onair.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.addFilter(redaction.RedactingFilter())
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("controllers.chat.youtube")
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yt.fail_next(1, 403, "quotaExceeded", path="liveChat/messages")
        source, rec = make_source(oauth_token=TOKEN, quota_backoff=(0.05, 0.1))
        wait_until(connected(rec), what="connected")
        source.send("hello").result(timeout=5)
        bad, rec_bad = make_source(api_key=None, oauth_token=TOKEN + "-revoked")
        wait_until(lambda: not bad.is_running(), what="the bad source to stop")
        logging.getLogger("controllers.chat.youtube").warning("explicit %s and %s", KEY, TOKEN)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
        handler.close()
    text = log_file.read_text(encoding="utf-8")
    assert "liveChat/messages" in text and "quota" in text  # the log did record the traffic
    assert redaction.MASK in text
    for secret in (KEY, TOKEN, TOKEN + "-revoked"):
        assert secret not in text


def test_source_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ONAIR_YOUTUBE_VIDEO_ID", raising=False)
    assert youtube.source_from_env(Recorder()) is None
    monkeypatch.setenv("ONAIR_YOUTUBE_VIDEO_ID", "VID")
    monkeypatch.setenv("ONAIR_YOUTUBE_API_KEY", KEY)
    monkeypatch.setenv("ONAIR_YOUTUBE_API_URL", "http://127.0.0.1:1/youtube/v3/")
    source = youtube.source_from_env(Recorder())
    assert source is not None and source.video_id == "VID" and source.api_url == "http://127.0.0.1:1/youtube/v3"
    assert not source.can_send


def test_youtube_messages_make_session_rows_with_text_as_received() -> None:
    from controllers.chat.storage import message_row

    page = json.loads((DATA / "live_chat_messages_list.json").read_text(encoding="utf-8"))
    paid = parse_item(page["items"][1], 0.0)
    assert isinstance(paid, ChatMessage)
    row = message_row(7, paid)
    assert row[:10] == (7, paid.t, "youtube", "LCC.superchat-2", "Big Fan", "UCfan00000000000000000002",
                        "Great stream!", "member", 5.0, "USD")
    assert json.loads(row[10])["extra"]["amountDisplayString"] == "$5.00"
