"""Secrets: kept out of logs and the settings file, in the keyring when there is one, else in memory."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import keyring.backend
import pytest

from controllers import paths, redaction, secrets
from controllers.logging_setup import setup_logging
from controllers.obs.model import LinkState
from controllers.obs.worker import ObsEndpoint, ObsWorker
from controllers.settings import OBS_PASSWORD_SECRET, Settings
from tests.fakes.fake_obs import FakeObsServer
from tests.support.waiting import wait_until

PASSWORD = "Hunter2-onair-7c1f"
WRONG_PASSWORD = "Wrong-onair-93ab"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A tiny in-memory keyring backend."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.store.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)




@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture
def fresh_logging() -> Iterator[Callable[[int], Path]]:
    """setup_logging() as on a fresh start (it configures the root logger only once per process)."""
    root = logging.getLogger()
    saved_handlers, saved_level = list(root.handlers), root.level
    saved_levels = {name: logging.getLogger(name).level for name in ("websocket", "obswebsocket")}
    for handler in saved_handlers:
        if getattr(handler, "_onair", False):
            root.removeHandler(handler)
    yield lambda level: setup_logging(level)
    for handler in list(root.handlers):
        if handler not in saved_handlers:
            root.removeHandler(handler)
            handler.close()
    for handler in saved_handlers:
        if handler not in root.handlers:
            root.addHandler(handler)
    root.setLevel(saved_level)
    for name, level in saved_levels.items():
        logging.getLogger(name).setLevel(level)


class QuietListener:
    def __getattr__(self, name: str) -> Callable[..., None]:
        return lambda *args: None





def test_password_never_reaches_the_debug_log(fresh_logging, onair_home: Path,  # type: ignore[no-untyped-def]
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    log_file = fresh_logging(logging.DEBUG)
    assert log_file == onair_home / "logs" / "onair.log"
    with FakeObsServer(password=PASSWORD) as fake:
        monkeypatch.setenv("ONAIR_OBS_URL", fake.url)
        monkeypatch.setenv("ONAIR_OBS_PASSWORD", PASSWORD)
        endpoint = Settings().obs_endpoint()
        assert endpoint.password == PASSWORD
        worker = ObsWorker(endpoint, QuietListener(), poll_interval=0.05, backoff_ceiling=0.5)
        worker.start()
        try:
            assert worker.wait_connected(5)
            worker.call("SetCurrentProgramScene", {"sceneName": "Main"})
            fake.send_raw(f'{{"op":5,"d":{{"eventType":"Odd","eventData":"{PASSWORD}"}}}}')  # logged as ignored
            fake.send_raw(f"not json {PASSWORD}")  # logged as malformed
            # The operator types a wrong password into the connection dialog (which stores it).
            secrets.set_secret(OBS_PASSWORD_SECRET, WRONG_PASSWORD, remember=False)
            worker.reconnect(ObsEndpoint("127.0.0.1", fake.port, WRONG_PASSWORD))
            wait_until(lambda: worker.status.state is LinkState.DISCONNECTED and worker.status.reason,
                       what="the wrong password to be rejected")
            assert "wrong password" in worker.status.reason
        finally:
            worker.stop()
    log = logging.getLogger("onair.test")
    log.debug("endpoint %r", endpoint)
    try:
        raise RuntimeError(f"failed with {PASSWORD} and {WRONG_PASSWORD}")
    except RuntimeError:
        log.exception("traceback with %s", WRONG_PASSWORD)
    text = log_file.read_text(encoding="utf-8")
    assert "DEBUG" in text and "OBS (re)identified" in text  # debug logging really was on
    assert "malformed" in text
    assert redaction.MASK in text
    assert PASSWORD not in text
    assert WRONG_PASSWORD not in text


def test_tracebacks_are_redacted(fresh_logging) -> None:  # type: ignore[no-untyped-def]
    """The file handler alone (pytest's own log handlers would format the traceback first)."""
    log_file = fresh_logging(logging.INFO)
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "_onair", False))
    log = logging.getLogger("onair.test.isolated")
    log.propagate = False
    log.addHandler(handler)
    redaction.register(PASSWORD)
    try:
        try:
            raise RuntimeError(f"OBS said no to {PASSWORD}")
        except RuntimeError:
            log.exception("could not connect")
    finally:
        log.removeHandler(handler)
        log.propagate = True
    text = log_file.read_text(encoding="utf-8")
    assert "RuntimeError: OBS said no to " + redaction.MASK in text
    assert PASSWORD not in text


def test_redact_and_mask() -> None:
    redaction.register("tok-3f9a77")
    redaction.register("ab")  # too short to mask safely: ignored
    assert redaction.redact("token tok-3f9a77 ok ab") == f"token {redaction.MASK} ok ab"
    assert redaction.mask("") == ""
    assert redaction.mask("abc") == redaction.MASK
    assert redaction.mask("live_1234567890", keep=4) == redaction.MASK + "7890"
    assert redaction.mask("abcd", keep=2) == redaction.MASK  # too short to show any of it
    assert redaction.mask("abcde", keep=2) == redaction.MASK + "de"


def test_secrets_stay_in_memory_without_a_keyring() -> None:
    assert not secrets.keyring_available()
    assert "memory" in secrets.keyring_status()
    assert secrets.set_secret("stream-key", "live_abc123", remember=True) is False
    assert secrets.get_secret("stream-key") == "live_abc123"
    assert redaction.redact("key live_abc123") == f"key {redaction.MASK}"
    secrets.delete_secret("stream-key")
    assert secrets.get_secret("stream-key") is None


def test_secrets_go_to_the_keyring_when_there_is_one(memory_keyring: MemoryKeyring) -> None:
    assert secrets.keyring_available()
    assert "MemoryKeyring" in secrets.keyring_status()
    assert secrets.set_secret(OBS_PASSWORD_SECRET, "kr-pass-1", remember=True) is True
    assert memory_keyring.store == {(secrets.SERVICE, OBS_PASSWORD_SECRET): "kr-pass-1"}
    secrets._memory.clear()  # a new run: only the keyring remembers
    assert secrets.get_secret(OBS_PASSWORD_SECRET) == "kr-pass-1"
    assert secrets.set_secret("session-only", "mem-pass-2", remember=False) is False
    assert ("OnAir", "session-only") not in memory_keyring.store
    assert secrets.get_secret("session-only") == "mem-pass-2"
    secrets.delete_secret(OBS_PASSWORD_SECRET)
    assert memory_keyring.store == {}
    assert secrets.get_secret(OBS_PASSWORD_SECRET) is None


def test_environment_overrides_stored_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings()
    settings.save_obs_endpoint(ObsEndpoint("10.0.0.9", 4460, "stored-pass"), remember_password=True)
    assert settings.obs_endpoint() == ObsEndpoint("10.0.0.9", 4460, "stored-pass")
    monkeypatch.setenv("ONAIR_OBS_PASSWORD", "env-pass-1")
    assert settings.obs_endpoint() == ObsEndpoint("10.0.0.9", 4460, "env-pass-1")
    monkeypatch.setenv("ONAIR_OBS_URL", "ws://192.168.7.7:4999")
    assert settings.obs_endpoint() == ObsEndpoint("192.168.7.7", 4999, "env-pass-1")
    monkeypatch.delenv("ONAIR_OBS_PASSWORD")
    assert settings.obs_endpoint() == ObsEndpoint("192.168.7.7", 4999, "stored-pass")
    monkeypatch.setenv("ONAIR_OBS_PASSWORD", "")  # set but empty: no password, not the stored one
    assert settings.obs_endpoint().password == ""
    assert redaction.redact("env-pass-1") == redaction.MASK


@pytest.mark.parametrize("with_keyring", [False, True])
def test_settings_file_never_holds_the_password(request: pytest.FixtureRequest, onair_home: Path,
                                                with_keyring: bool) -> None:
    if with_keyring:
        request.getfixturevalue("memory_keyring")
    settings = Settings()
    persisted = settings.save_obs_endpoint(ObsEndpoint("obs.lan", 4461, "ini-pass-5d2e"), remember_password=True)
    assert persisted is with_keyring
    settings.sync()
    ini = paths.settings_file()
    assert ini.is_relative_to(onair_home / "config")
    text = ini.read_text(encoding="utf-8")
    assert "obs.lan" in text and "4461" in text
    assert "ini-pass-5d2e" not in text
    assert Settings().obs_endpoint() == ObsEndpoint("obs.lan", 4461, "ini-pass-5d2e")
