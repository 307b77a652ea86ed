"""Twitch viewer counts from Helix Get Streams, against a fake Helix server on 127.0.0.1."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from controllers import redaction
from controllers.chat.helix import TwitchViewerPoller, poller_from_env, viewer_count
from controllers.chat.hub import ChatHub
from controllers.sessions.recorder import SessionRecorder
from controllers.sessions.store import SessionStore
from tests.fakes.fake_helix import FakeHelixServer, sample
from tests.fakes.fake_twitch import FakeTwitchServer

CLIENT_ID = "cid-0123456789"
TOKEN = "helixtoken-s3cr3t-abcdef"


class Viewers:
    """A viewer listener that records counts and statuses (called on the poller's thread)."""

    def __init__(self) -> None:
        self.counts: list[tuple[str, int]] = []
        self.statuses: list[tuple[str, str, str]] = []
        self._cond = threading.Condition()

    def on_viewers(self, platform: str, count: int) -> None:
        with self._cond:
            self.counts.append((platform, count))
            self._cond.notify_all()

    def on_status(self, source_name: str, state: str, reason: str) -> None:
        with self._cond:
            self.statuses.append((source_name, state, reason))
            self._cond.notify_all()

    def wait(self, predicate, timeout: float = 5.0) -> bool:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + timeout
        with self._cond:
            while not predicate():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._cond.wait(remaining)
        return True

    def last_state(self) -> tuple[str, str]:
        with self._cond:
            return self.statuses[-1][1:] if self.statuses else ("", "")


@pytest.fixture
def helix() -> FakeHelixServer:
    with FakeHelixServer(client_id=CLIENT_ID, token=TOKEN) as server:
        yield server  # type: ignore[misc]


def make(helix: FakeHelixServer, listener: Viewers, **kwargs: object) -> TwitchViewerPoller:
    options: dict[str, object] = {"client_id": CLIENT_ID, "token": TOKEN, "api_url": helix.api_url,
                                  "interval_s": 0.1}
    options.update(kwargs)
    return TwitchViewerPoller("Dallas", listener, **options)  # type: ignore[arg-type]


def test_documented_payloads() -> None:
    assert viewer_count(sample("get_streams_live"), "dallas") == 1234
    assert viewer_count(sample("get_streams_offline"), "dallas") is None
    assert viewer_count(sample("get_streams_live"), "someoneelse") is None
    with pytest.raises(ValueError):
        viewer_count({"error": "Unauthorized"}, "dallas")


def test_polls_get_streams_with_client_id_and_bearer_token(helix: FakeHelixServer) -> None:
    helix.set_live("dallas", 1234)
    got = Viewers()
    poller = make(helix, got)
    poller.start()
    try:
        assert got.wait(lambda: ("twitch", 1234) in got.counts)
        helix.set_live("dallas", 1500)
        assert got.wait(lambda: ("twitch", 1500) in got.counts)
        assert got.last_state() == ("connected", "dallas: 1500 viewers")
        helix.set_offline("dallas")
        assert got.wait(lambda: got.last_state() == ("connected", "dallas is offline"))
        offline_from = len(got.counts)
        time.sleep(0.3)
        assert len(got.counts) == offline_from, "offline: no viewer count is sampled"
    finally:
        poller.stop()
    request = helix.requests()[0]
    assert request.path == "/streams" and request.query == {"user_login": ["dallas"]}
    assert request.headers["client-id"] == CLIENT_ID
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert got.statuses[-1][1:] == ("disconnected", "Stopped.")
    assert not poller.is_running()


def test_interval_is_honoured(helix: FakeHelixServer) -> None:
    helix.set_live("dallas", 1)
    got = Viewers()
    poller = make(helix, got, interval_s=0.25)
    poller.start()
    try:
        assert got.wait(lambda: len(got.counts) >= 4)
    finally:
        poller.stop()
    times = [r.t for r in helix.requests()]
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert all(0.2 <= gap <= 0.6 for gap in gaps), gaps


def test_rejected_token_stops_until_reconfigured(helix: FakeHelixServer) -> None:
    helix.set_live("dallas", 77)
    helix.set_token("a-newer-token-xyz")
    got = Viewers()
    poller = make(helix, got)
    poller.start()
    try:
        assert got.wait(lambda: got.last_state()[0] == "disconnected")
        state, reason = got.last_state()
        assert reason.startswith("Twitch token rejected (Invalid OAuth token)")
        asked = len(helix.requests())
        time.sleep(0.4)
        assert len(helix.requests()) == asked == 1, "a rejected token is not retried"
        assert not poller.is_running()
        poller.set_credentials(CLIENT_ID, "oauth:a-newer-token-xyz")
        assert got.wait(lambda: ("twitch", 77) in got.counts)
        assert helix.requests()[-1].headers["authorization"] == "Bearer a-newer-token-xyz"
    finally:
        poller.stop()


def test_rate_limit_waits_for_the_reset_time(helix: FakeHelixServer) -> None:
    helix.set_live("dallas", 5)
    helix.rate_limit(1, reset_in_s=1.0)
    got = Viewers()
    poller = make(helix, got, interval_s=0.05)
    poller.start()
    try:
        assert got.wait(lambda: ("twitch", 5) in got.counts, timeout=5)
    finally:
        poller.stop()
    assert any(s[1] == "reconnecting" and "rate limit" in s[2] for s in got.statuses)
    first, second = helix.requests()[:2]
    assert second.t - first.t >= 0.9, "waited until Ratelimit-Reset, not the 0.05 s interval"


def test_server_errors_and_unreachable_api_are_retried(helix: FakeHelixServer) -> None:
    helix.set_live("dallas", 9)
    helix.fail_next(503)
    got = Viewers()
    poller = make(helix, got)
    poller.start()
    try:
        assert got.wait(lambda: ("twitch", 9) in got.counts)
    finally:
        poller.stop()
    assert any(s[1] == "reconnecting" and "HTTP 503" in s[2] for s in got.statuses)

    down = Viewers()
    poller = make(helix, down, api_url="http://127.0.0.1:9/helix", interval_s=0.1)
    poller.start()
    try:
        assert down.wait(lambda: down.last_state()[0] == "reconnecting")
        assert "Cannot reach the Twitch API" in down.last_state()[1]
    finally:
        poller.stop()


def test_token_is_never_logged(helix: FakeHelixServer, caplog: pytest.LogCaptureFixture) -> None:
    helix.set_token("something-else-entirely")
    caplog.set_level(logging.DEBUG)
    got = Viewers()
    poller = make(helix, got)
    poller.start()
    try:
        assert got.wait(lambda: got.last_state()[0] == "disconnected")
    finally:
        poller.stop()
    assert redaction.redact(f"x {TOKEN} y") == f"x {redaction.MASK} y"
    filt = redaction.RedactingFilter()
    for record in caplog.records:
        filt.filter(record)
        assert TOKEN not in record.getMessage()
    assert all(TOKEN not in reason for _, _, reason in got.statuses)


def test_poller_from_env_needs_channel_client_id_and_token(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ONAIR_TWITCH_CHANNEL", "ONAIR_TWITCH_CLIENT_ID", "ONAIR_TWITCH_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    assert poller_from_env(Viewers()) is None
    monkeypatch.setenv("ONAIR_TWITCH_CHANNEL", "dallas")
    monkeypatch.setenv("ONAIR_TWITCH_CLIENT_ID", CLIENT_ID)
    assert poller_from_env(Viewers()) is None
    monkeypatch.setenv("ONAIR_TWITCH_TOKEN", TOKEN)
    monkeypatch.setenv("ONAIR_TWITCH_API_URL", "http://127.0.0.1:1/helix/")
    poller = poller_from_env(Viewers())
    assert poller is not None and poller.api_url == "http://127.0.0.1:1/helix" and poller.interval_s == 30


def test_hub_from_env_samples_viewers_into_the_session(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ONAIR_YOUTUBE_VIDEO_ID", "ONAIR_CHAT_REPLAY"):
        monkeypatch.delenv(name, raising=False)
    store = SessionStore(tmp_path / "sessions.sqlite3")
    recorder = SessionRecorder(store)
    with FakeHelixServer(client_id=CLIENT_ID, token=TOKEN) as helix, \
            FakeTwitchServer(valid_tokens=(TOKEN,)) as irc:
        helix.set_live("dallas", 4321)
        monkeypatch.setenv("ONAIR_TWITCH_CHANNEL", "dallas")
        monkeypatch.setenv("ONAIR_TWITCH_IRC_URL", irc.url)
        monkeypatch.setenv("ONAIR_TWITCH_CLIENT_ID", CLIENT_ID)
        monkeypatch.setenv("ONAIR_TWITCH_TOKEN", TOKEN)
        monkeypatch.setenv("ONAIR_TWITCH_API_URL", helix.api_url)
        hub = ChatHub()
        session_id = recorder.start_rehearsal("viewers")
        hub.record_into(store, lambda: session_id)
        seen: list[tuple[str, int]] = []
        hub.viewers_changed.connect(lambda platform, n: seen.append((platform, n)))
        started = hub.start_from_env()
        try:
            assert "Twitch viewers" in [s.name for s in started]
            qtbot.waitUntil(lambda: ("twitch", 4321) in seen, timeout=5000)
            qtbot.waitUntil(lambda: hub.statuses.get("Twitch viewers", ("", ""))[0] == "connected", timeout=5000)
        finally:
            hub.stop()
    recorder.end_rehearsal()
    assert store.flush()
    conn = sqlite3.connect(tmp_path / "sessions.sqlite3")
    try:
        rows = conn.execute("SELECT session_id, platform, viewers FROM viewer_samples").fetchall()
    finally:
        conn.close()
    recorder.close()
    store.close()
    assert rows == [(session_id, "twitch", 4321)]
