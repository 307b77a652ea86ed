"""Shared fixtures: an isolated ONAIR_HOME, the system-part policy (skip locally, fail in CI), real OBS."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

IN_CI = os.environ.get("CI", "").lower() == "true"


def require_system_part(reason: str | None) -> None:
    """A missing system part skips a test with its reason, except in CI, where it fails."""
    if reason is None:
        return
    if IN_CI:
        pytest.fail(f"CI is missing a system part: {reason}")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def onair_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test writes under its own ONAIR_HOME and never reads the developer's OBS settings."""
    home = tmp_path / "onair-home"
    monkeypatch.setenv("ONAIR_HOME", str(home))
    monkeypatch.delenv("ONAIR_OBS_URL", raising=False)
    monkeypatch.delenv("ONAIR_OBS_PASSWORD", raising=False)
    from controllers import secrets

    secrets._memory.clear()
    return home


@pytest.fixture(autouse=True)
def no_keyring() -> Iterator[None]:
    """Never touch the developer's keyring: every test starts without one; the original comes back after."""
    import keyring
    from keyring.backends import fail

    original = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(original)


@pytest.fixture(autouse=True)
def fresh_redaction() -> Iterator[None]:
    """Secrets registered by one test (e.g. a 3-letter token) must not mask text in the next."""
    from controllers import redaction

    yield
    redaction.forget_all()


@pytest.fixture(scope="session")
def test_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.support.real_obs import make_test_clip, obs_available

    require_system_part(obs_available())
    return make_test_clip(tmp_path_factory.mktemp("media") / "clip.mp4", seconds=10)


@pytest.fixture(scope="session")
def shared_obs(test_clip: Path) -> Iterator[object]:
    """One real OBS for the whole session, with scenes Intro/Main/BRB and two audio inputs.

    Tests that kill or reconfigure OBS must use ``own_obs`` instead.
    """
    from tests.support.real_obs import ObsProcess, populate_show

    with ObsProcess() as obs:
        populate_show(obs, test_clip)
        yield obs


@pytest.fixture
def own_obs(test_clip: Path) -> Iterator[object]:
    """A real OBS for this test alone (it may be killed, restarted or reconfigured)."""
    from tests.support.real_obs import ObsProcess, populate_show

    with ObsProcess() as obs:
        populate_show(obs, test_clip)
        yield obs


@pytest.fixture
def fake_obs() -> Iterator[object]:
    """A fake obs-websocket v5 server on 127.0.0.1 (password "secret")."""
    from tests.fakes.fake_obs import FakeObsServer

    with FakeObsServer(password="secret") as server:
        yield server
