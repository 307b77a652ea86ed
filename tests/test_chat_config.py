"""Chat sources set up in settings: the round trip, secrets in the keyring (or memory only), the
environment winning, redaction, validation, the sources built from it and the hub swapping them."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import keyring
import pytest

from controllers import paths, redaction, secrets
from controllers.chat.config import (
    ENV_FIELDS,
    SOURCE_NAMES,
    TWITCH_TOKEN_SECRET,
    YOUTUBE_API_KEY_SECRET,
    YOUTUBE_TOKEN_SECRET,
    ChatConfig,
    build_sources,
    clean_video_id,
    start_chat_sources,
)
from controllers.chat.helix import TwitchViewerPoller
from controllers.chat.hub import ChatHub
from controllers.chat.twitch import TwitchChatSource
from controllers.chat.youtube import YouTubeChatSource
from controllers.settings import Settings
from tests.fakes.fake_twitch import FakeTwitchServer
from tests.test_secrets import MemoryKeyring

TWITCH_TOKEN = "twtok-3f9a1c2b7d"
YT_KEY = "AIzaYtKey-8d7e6f5a"
YT_TOKEN = "ya29.ytTok-11aa22bb"
FULL = ChatConfig(twitch_channel="MyChannel", twitch_login="onair_bot", twitch_token=TWITCH_TOKEN,
                  twitch_client_id="clientid123", youtube_video_id="dQw4w9WgXcQ", youtube_api_key=YT_KEY,
                  youtube_token=YT_TOKEN, streamer_name="My Channel")


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in (*ENV_FIELDS.values(), "ONAIR_CHAT_REPLAY", "ONAIR_TWITCH_IRC_URL"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


def ini_text() -> str:
    path = Path(paths.settings_file())
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_round_trip_keeps_secrets_in_the_keyring_not_the_ini(memory_keyring: MemoryKeyring) -> None:
    settings = Settings()
    assert FULL.save(settings) is True
    loaded = ChatConfig.load(Settings(), env=False)
    assert loaded == FULL.cleaned()
    assert loaded.twitch_channel == "mychannel"
    assert memory_keyring.store == {("OnAir", TWITCH_TOKEN_SECRET): TWITCH_TOKEN,
                                    ("OnAir", YOUTUBE_API_KEY_SECRET): YT_KEY,
                                    ("OnAir", YOUTUBE_TOKEN_SECRET): YT_TOKEN}
    text = ini_text()
    assert "mychannel" in text and "dQw4w9WgXcQ" in text and "clientid123" in text
    for secret in (TWITCH_TOKEN, YT_KEY, YT_TOKEN):
        assert secret not in text
    secrets._memory.clear()  # a new run: the keyring still has them
    assert ChatConfig.load(Settings(), env=False).youtube_token == YT_TOKEN


def test_clearing_a_secret_deletes_it_from_the_keyring(memory_keyring: MemoryKeyring) -> None:
    FULL.save(Settings())
    ChatConfig(twitch_channel="mychannel").save(Settings())
    assert memory_keyring.store == {}
    assert ChatConfig.load(Settings(), env=False) == ChatConfig(twitch_channel="mychannel")


def test_without_a_keyring_secrets_live_in_memory_for_this_run_only() -> None:
    assert FULL.save(Settings()) is False  # the UI tells the operator
    assert ChatConfig.load(Settings(), env=False).twitch_token == TWITCH_TOKEN
    secrets._memory.clear()  # next run
    loaded = ChatConfig.load(Settings(), env=False)
    assert (loaded.twitch_token, loaded.youtube_api_key, loaded.youtube_token) == ("", "", "")
    assert loaded.twitch_channel == "mychannel" and loaded.youtube_video_id == "dQw4w9WgXcQ"
    assert TWITCH_TOKEN not in ini_text()


def test_environment_wins_and_is_never_saved(monkeypatch: pytest.MonkeyPatch,
                                           memory_keyring: MemoryKeyring) -> None:
    FULL.save(Settings())
    monkeypatch.setenv("ONAIR_TWITCH_CHANNEL", "#EnvChannel")
    monkeypatch.setenv("ONAIR_TWITCH_TOKEN", "oauth:envtoken-77")
    monkeypatch.setenv("ONAIR_YOUTUBE_VIDEO_ID", "https://www.youtube.com/watch?v=abcdefghijk")
    loaded = ChatConfig.load(Settings())
    assert loaded.twitch_channel == "envchannel"
    assert loaded.twitch_token == "envtoken-77"
    assert loaded.youtube_video_id == "abcdefghijk"
    assert loaded.youtube_api_key == YT_KEY  # not overridden: from the keyring
    assert ChatConfig.env_overrides() == ["ONAIR_TWITCH_CHANNEL", "ONAIR_TWITCH_TOKEN", "ONAIR_YOUTUBE_VIDEO_ID"]
    stored = ChatConfig.load(Settings(), env=False)
    assert stored.twitch_channel == "mychannel" and stored.twitch_token == TWITCH_TOKEN
    assert redaction.redact("token envtoken-77") == f"token {redaction.MASK}"


def test_secrets_are_redacted_from_logs_and_repr(caplog: pytest.LogCaptureFixture) -> None:
    ChatConfig(twitch_token="fresh-twitch-token-1", youtube_api_key="fresh-yt-key-2").save(Settings())
    secrets._memory.clear()
    caplog.handler.addFilter(redaction.RedactingFilter())  # as setup_logging() installs it
    logging.getLogger("test.chat.config").warning("token=%s key=%s", "fresh-twitch-token-1", "fresh-yt-key-2")
    assert "fresh-twitch-token-1" not in caplog.text and "fresh-yt-key-2" not in caplog.text
    assert redaction.MASK in caplog.text
    assert "fresh-twitch" not in repr(ChatConfig(twitch_token="fresh-twitch-token-1"))


def test_cleaning_links_and_prefixes() -> None:
    config = ChatConfig(twitch_channel="https://www.twitch.tv/SomeOne?x=1", twitch_token=" oauth:abc123 ",
                        youtube_video_id="https://youtu.be/abcdefghijk", youtube_token="Bearer ya29.x").cleaned()
    assert config.twitch_channel == "someone"
    assert config.twitch_token == "abc123"
    assert config.youtube_video_id == "abcdefghijk"
    assert config.youtube_token == "ya29.x"
    assert clean_video_id("youtube.com/live/abcdefghijk?feature=share") == "abcdefghijk"


def test_problems_are_plain_sentences() -> None:
    assert FULL.problems() == []
    assert ChatConfig().problems() == []
    problems = ChatConfig(twitch_channel="my channel", twitch_token="tok", youtube_video_id="short",
                          twitch_client_id="cid").problems()
    text = "\n".join(problems)
    assert "Twitch channel" in text
    assert "login name" in text
    assert "YouTube video id" in text
    assert "API key (read only) or an OAuth token" in text
    assert ChatConfig(twitch_client_id="cid", twitch_channel="a").problems() == [
        "Twitch viewer counts need an OAuth token as well as the client id."]
    assert ChatConfig(youtube_api_key="k").problems() == ["YouTube: enter the video id of the live stream."]


def test_build_sources(qapp) -> None:  # type: ignore[no-untyped-def]
    hub = ChatHub()
    sources = build_sources(FULL, hub)
    assert [type(s) for s in sources] == [TwitchChatSource, TwitchViewerPoller, YouTubeChatSource]
    twitch, _viewers, youtube = sources
    assert isinstance(twitch, TwitchChatSource) and twitch.can_send and twitch.channel == "mychannel"
    assert isinstance(youtube, YouTubeChatSource) and youtube.can_send
    assert {s.name for s in sources} == set(SOURCE_NAMES)
    read_only = build_sources(ChatConfig(twitch_channel="chan", youtube_video_id="dQw4w9WgXcQ",
                                         youtube_api_key=YT_KEY), hub)
    assert [type(s) for s in read_only] == [TwitchChatSource, YouTubeChatSource]
    assert not any(s.can_send for s in read_only)  # type: ignore[attr-defined]
    assert build_sources(ChatConfig(youtube_video_id="dQw4w9WgXcQ"), hub) == []  # no key: nothing to read with
    # a token without its login is reported as the source's status, not raised
    assert build_sources(ChatConfig(twitch_channel="chan", twitch_token="tok"), hub) == []
    assert hub.statuses["twitch"][0] == "disconnected"


class _Fake:
    def __init__(self, name: str, log: list[str]) -> None:
        self.name, self.log = name, log

    def start(self) -> None:
        self.log.append(f"start {self.name}@{id(self)}")

    def stop(self, timeout: float = 5.0) -> None:
        self.log.append(f"stop {self.name}@{id(self)}")


def test_hub_replace_sources_stops_the_old_then_starts_the_new_and_keeps_others(qapp) -> None:  # type: ignore[no-untyped-def]
    hub = ChatHub()
    log: list[str] = []
    old_twitch, replay = _Fake("twitch", log), _Fake("replay", log)
    hub.add_source(old_twitch, start=False)
    hub.add_source(replay, start=False)
    new_twitch, new_youtube = _Fake("twitch", log), _Fake("YouTube", log)
    thread = hub.replace_sources([new_twitch, new_youtube], SOURCE_NAMES)
    assert isinstance(thread, threading.Thread) and thread.name == "chat-swap"
    thread.join(5)
    assert hub.sources == [replay, new_twitch, new_youtube]
    assert log == [f"stop twitch@{id(old_twitch)}", f"start twitch@{id(new_twitch)}",
                   f"start YouTube@{id(new_youtube)}"]


def test_start_chat_sources_connects_what_the_environment_says(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    with FakeTwitchServer() as server:
        monkeypatch.setenv("ONAIR_TWITCH_IRC_URL", server.url)
        monkeypatch.setenv("ONAIR_TWITCH_CHANNEL", "envchan")
        monkeypatch.setenv("ONAIR_TWITCH_LOGIN", "onair_bot")
        monkeypatch.setenv("ONAIR_TWITCH_TOKEN", "goodtoken")
        Settings().chat_twitch_channel = "stored"  # the environment wins
        hub = ChatHub()
        started = start_chat_sources(hub, Settings())
        try:
            assert len(started) == 1 and isinstance(started[0], TwitchChatSource)
            assert started[0].can_send
            qtbot.waitUntil(lambda: hub.statuses.get("twitch", ("",))[0] == "connected", timeout=10000)
            assert server.lines("JOIN") == ["JOIN #envchan"]
        finally:
            hub.stop()
