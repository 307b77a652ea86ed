"""ObsWorker against the fake obs-websocket v5 server: state, events, health, reconnects, holds."""

from __future__ import annotations

import math
import socket
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from typing import Any

import pytest

from controllers.obs.errors import ObsNotConnectedError
from controllers.obs.model import ConnectionStatus, HealthStats, LinkState, ObsSnapshot
from controllers.obs.worker import REMOVAL_GRACE_S, ObsEndpoint, ObsWorker
from tests.support.waiting import wait_until

OPTIONS = {"poll_interval": 0.1, "backoff_ceiling": 0.5, "connect_timeout": 2.0, "request_timeout": 2.0}





class Listener:
    """Records every listener call (worker and receive threads)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.statuses: list[ConnectionStatus] = []
        self.snapshots: list[ObsSnapshot] = []
        self.events: list[tuple[float, str, dict[str, Any]]] = []
        self.stats: list[HealthStats] = []
        self.meters: list[dict[str, tuple[float, float]]] = []

    def on_status(self, status: ConnectionStatus) -> None:
        with self.lock:
            self.statuses.append(status)

    def on_snapshot(self, snapshot: ObsSnapshot) -> None:
        with self.lock:
            self.snapshots.append(snapshot)

    def on_event(self, event_type: str, data: dict[str, Any]) -> None:
        with self.lock:
            self.events.append((time.monotonic(), event_type, data))

    def on_stats(self, stats: HealthStats) -> None:
        with self.lock:
            self.stats.append(stats)

    def on_meters(self, levels: dict[str, tuple[float, float]]) -> None:
        with self.lock:
            self.meters.append(levels)

    def event_types(self) -> list[str]:
        with self.lock:
            return [t for _, t, _ in self.events]

    def events_of(self, event_type: str) -> list[tuple[float, dict[str, Any]]]:
        with self.lock:
            return [(at, d) for at, t, d in self.events if t == event_type]


def identify_count(fake_obs) -> int:  # type: ignore[no-untyped-def]
    return sum(1 for m in list(fake_obs.received) if m.get("op") == 1)


def endpoint(fake_obs, password: str = "secret") -> ObsEndpoint:  # type: ignore[no-untyped-def]
    return ObsEndpoint("127.0.0.1", fake_obs.port, password)


@pytest.fixture
def listener() -> Listener:
    return Listener()


@pytest.fixture
def make_worker(listener: Listener) -> Iterator[Callable[..., ObsWorker]]:
    workers: list[ObsWorker] = []

    def make(ep: ObsEndpoint, **options: Any) -> ObsWorker:
        worker = ObsWorker(ep, listener, **{**OPTIONS, **options})
        workers.append(worker)
        return worker.start()

    yield make
    for worker in workers:
        worker.stop()


@pytest.fixture
def worker(fake_obs, make_worker) -> ObsWorker:  # type: ignore[no-untyped-def]
    w = make_worker(endpoint(fake_obs))
    assert w.wait_connected(5)
    return w


def test_connects_and_reads_the_state_in_ui_order(fake_obs, worker: ObsWorker, listener: Listener) -> None:  # type: ignore[no-untyped-def]
    wire = [s["sceneName"] for s in fake_obs.perform("GetSceneList")["responseData"]["scenes"]]
    assert wire == ["BRB", "Main", "Intro"]  # OBS lists the bottom scene first
    snap = worker.snapshot
    assert worker.status.state is LinkState.CONNECTED
    assert worker.status.url == fake_obs.url
    assert snap.scenes == ("Intro", "Main", "BRB")
    assert snap.program_scene == "Intro"
    assert snap.obs_version == "29.0.2" and snap.websocket_version == "5.1.0"
    assert [a.name for a in snap.audio_inputs] == ["Mic/Aux", "Clip"]  # Camera has no audio
    assert snap.audio_input("Clip").volume_db == -6.0
    assert snap.studio_mode is False and snap.preview_scene is None
    assert (snap.video.base_width, snap.video.output_height, snap.video.fps) == (1920, 720, 30.0)
    assert listener.snapshots[-1] == snap
    states = [s.state for s in listener.statuses]
    assert states[:2] == [LinkState.CONNECTING, LinkState.CONNECTED]


def test_obs_side_changes_update_the_snapshot(fake_obs, worker: ObsWorker) -> None:  # type: ignore[no-untyped-def]
    fake_obs.perform("SetInputMute", {"inputName": "Mic/Aux", "inputMuted": True})
    wait_until(lambda: worker.snapshot.audio_input("Mic/Aux").muted, what="mute")
    fake_obs.perform("SetInputVolume", {"inputName": "Clip", "inputVolumeDb": -12.5})
    wait_until(lambda: worker.snapshot.audio_input("Clip").volume_db == -12.5, what="volume")

    fake_obs.perform("SetCurrentProgramScene", {"sceneName": "Main"})
    wait_until(lambda: worker.snapshot.program_scene == "Main", what="program scene")

    fake_obs.perform("SetStudioModeEnabled", {"studioModeEnabled": True})
    wait_until(lambda: worker.snapshot.studio_mode, what="studio mode")
    wait_until(lambda: worker.snapshot.preview_scene == "Main", what="preview scene")

    def rename(state: Any) -> None:
        state.scenes[state.scenes.index("Main")] = "Main <live>"
        state.program_scene = state.preview_scene = "Main <live>"

    fake_obs.call_in_loop(rename)
    fake_obs.emit_event("SceneNameChanged", {"oldSceneName": "Main", "sceneName": "Main <live>"})
    wait_until(lambda: worker.snapshot.scenes == ("Intro", "Main <live>", "BRB"), what="renamed scene")
    assert worker.snapshot.program_scene == "Main <live>"
    assert worker.snapshot.preview_scene == "Main <live>"

    fake_obs.perform("SetStudioModeEnabled", {"studioModeEnabled": False})
    wait_until(lambda: not worker.snapshot.studio_mode, what="studio mode off")
    assert worker.snapshot.preview_scene is None


def test_meters_reach_the_listener_as_db(fake_obs, worker: ObsWorker, listener: Listener) -> None:  # type: ignore[no-untyped-def]
    def fixed_levels(state: Any) -> None:
        state.inputs["Mic/Aux"]["meter_level"] = 0.5  # magnitude 0.5, peak 0.7 (fake: mag * 1.4)
        state.inputs["Clip"]["meter_level"] = 0.5  # at -6 dB volume

    fake_obs.call_in_loop(fixed_levels)
    fake_obs.start_meters(50)
    wait_until(lambda: listener.meters, what="meters")
    fake_obs.stop_meters()
    levels = listener.meters[0]
    assert set(levels) == {"Mic/Aux", "Clip"}
    mic_mag, mic_peak = levels["Mic/Aux"]
    assert mic_mag == pytest.approx(20 * math.log10(0.5))  # -6.02 dBFS
    assert mic_peak == pytest.approx(20 * math.log10(0.7))  # -3.10 dBFS
    clip_mag, _ = levels["Clip"]
    assert clip_mag == pytest.approx(20 * math.log10(0.5) - 6.0, abs=1e-6)
    assert "InputVolumeMeters" not in listener.event_types()  # meters bypass the event path


def test_stats_carry_a_bitrate_while_streaming(worker: ObsWorker, listener: Listener) -> None:
    wait_until(lambda: listener.stats, what="a first health sample")
    idle = listener.stats[-1]
    assert idle.stream_active is False and idle.bitrate_kbps is None
    assert idle.cpu_usage == 3.5 and idle.render_total == 9000 and idle.available_disk_mb == 123456.5
    worker.call("StartStream")
    wait_until(lambda: worker.snapshot.stream.active, what="stream active")

    def rates() -> list[float]:
        with listener.lock:
            return [s.bitrate_kbps for s in listener.stats if s.stream_active and s.bitrate_kbps is not None]

    wait_until(lambda: len(rates()) >= 3, what="bitrate samples")
    assert all(rate > 0 for rate in rates())
    # The fake sends 6 Mbit/s; timing jitter of a 0.1 s poll moves single samples a little.
    assert any(3000 < rate < 12000 for rate in rates()), rates()


def test_reconnects_after_obs_vanishes(fake_obs, worker: ObsWorker, listener: Listener) -> None:  # type: ignore[no-untyped-def]
    fake_obs.stop()
    wait_until(lambda: worker.status.state is LinkState.RECONNECTING and worker.status.reason,
               what="reconnecting")
    assert worker.status.reason
    fake_obs.state.program_scene = "BRB"  # changed while OnAir could not see it (server is down)
    fake_obs.state.scenes.append("Outro")
    fake_obs.start()
    started = time.monotonic()
    wait_until(lambda: worker.status.state is LinkState.CONNECTED, timeout=4, what="connected again")
    assert time.monotonic() - started < 3
    assert worker.snapshot.program_scene == "BRB"
    assert worker.snapshot.scenes == ("Intro", "Main", "BRB", "Outro")
    assert worker.call("GetCurrentProgramScene")["sceneName"] == "BRB"


def test_wrong_password_holds_until_reconnect_with_the_right_one(fake_obs, make_worker,  # type: ignore[no-untyped-def]
                                                                 listener: Listener) -> None:
    worker = make_worker(endpoint(fake_obs, "wrong"))
    wait_until(lambda: worker.status.state is LinkState.DISCONNECTED and worker.status.reason,
               what="disconnected")
    assert "wrong password" in worker.status.reason
    wait_until(lambda: fake_obs.connection_count() == 0, what="the fake to drop the rejected session")
    identifies = identify_count(fake_obs)
    assert identifies == 1
    deadline = time.monotonic() + 1.2  # more than two backoff periods (0.5 s): a retry loop would show
    while time.monotonic() < deadline:
        assert identify_count(fake_obs) == identifies and fake_obs.connection_count() == 0
        time.sleep(0.05)
    assert worker.status.state is LinkState.DISCONNECTED

    started = time.monotonic()
    future = worker.submit("GetVersion")
    assert isinstance(future.exception(timeout=1), ObsNotConnectedError)
    assert time.monotonic() - started < 1.0  # well under request_timeout: not sent anywhere

    worker.reconnect(endpoint(fake_obs, "secret"))
    assert worker.wait_connected(5)
    assert worker.status.state is LinkState.CONNECTED
    assert worker.endpoint.password == "secret"
    assert worker.call("GetVersion")["obsVersion"] == "29.0.2"


def test_kick_disconnects_without_retrying(fake_obs, make_worker, listener: Listener) -> None:  # type: ignore[no-untyped-def]
    # No health polls in flight while kicking: the fake's kick() races with a message being handled
    # (its handler then ends the session with a plain 1000 close instead of 4011).
    worker = make_worker(endpoint(fake_obs), poll_interval=60)
    assert worker.wait_connected(5)
    wait_until(lambda: listener.stats, what="the first (and only) health poll")
    before = identify_count(fake_obs)
    fake_obs.kick(4011)
    wait_until(lambda: worker.status.state is LinkState.DISCONNECTED, what="disconnected")
    assert "kicked" in worker.status.reason
    deadline = time.monotonic() + 0.8  # a lost connection is retried at once: it would show
    while time.monotonic() < deadline:
        assert identify_count(fake_obs) == before
        time.sleep(0.05)
    assert worker.status.state is LinkState.DISCONNECTED


def test_submit_while_disconnected_fails_fast(make_worker) -> None:  # type: ignore[no-untyped-def]
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    worker = make_worker(ObsEndpoint("127.0.0.1", port, "x"))  # nothing listens: it keeps retrying
    wait_until(lambda: worker.status.retry_in_s, what="a retry plan")
    assert worker.status.state is LinkState.CONNECTING
    assert "refused" in worker.status.reason
    started = time.monotonic()
    future: Future[dict[str, Any]] = worker.submit("GetVersion")
    assert isinstance(future.exception(timeout=1.5), ObsNotConnectedError)
    assert time.monotonic() - started < 1.0  # not queued until a connection exists


def test_removal_burst_before_exit_is_not_a_deletion(fake_obs, worker: ObsWorker, listener: Listener) -> None:  # type: ignore[no-untyped-def]
    fake_obs.emit_event("SceneRemoved", {"sceneName": "BRB"})
    fake_obs.emit_event("SceneRemoved", {"sceneName": "Main"})
    fake_obs.emit_event("InputRemoved", {"inputName": "Clip"})
    fake_obs.emit_event("ExitStarted")
    fake_obs.emit_event("InputRemoved", {"inputName": "Ghost"})  # a marker: applied after the grace period
    wait_until(lambda: listener.events_of("InputRemoved"), what="the marker event")
    assert [d for _, d in listener.events_of("InputRemoved")] == [{"inputName": "Ghost"}]
    assert "SceneRemoved" not in listener.event_types()
    assert "ExitStarted" in listener.event_types()
    snap = worker.snapshot
    assert snap.shutting_down is True
    assert snap.scenes == ("Intro", "Main", "BRB")
    assert [a.name for a in snap.audio_inputs] == ["Mic/Aux", "Clip"]


def test_lone_removal_is_applied_after_the_grace_period(fake_obs, worker: ObsWorker,  # type: ignore[no-untyped-def]
                                                        listener: Listener) -> None:
    fake_obs.call_in_loop(lambda state: state.scenes.remove("BRB"))
    sent = time.monotonic()
    fake_obs.emit_event("SceneRemoved", {"sceneName": "BRB"})
    wait_until(lambda: listener.events_of("SceneRemoved"), what="SceneRemoved")
    applied_at, data = listener.events_of("SceneRemoved")[0]
    assert data == {"sceneName": "BRB"}
    assert applied_at - sent >= REMOVAL_GRACE_S - 0.05
    wait_until(lambda: worker.snapshot.scenes == ("Intro", "Main"), what="scene removed from the snapshot")
    assert worker.snapshot.shutting_down is False


def test_stop_ends_the_thread(fake_obs, worker: ObsWorker, listener: Listener) -> None:  # type: ignore[no-untyped-def]
    worker.stop()
    assert not worker._thread.is_alive()
    assert worker.status.state is LinkState.DISCONNECTED
    assert listener.statuses[-1].reason == "OnAir stopped"
    fake_obs.wait_for_disconnect(3)


def test_meters_come_on_their_own_session_and_control_gets_ui_events(fake_obs, worker: ObsWorker) -> None:  # type: ignore[no-untyped-def]
    """Control session: all low-volume categories incl. Ui (2047); meters (1<<16) on a second session, so
    ~20 meter messages a second never queue in front of request answers."""
    wait_until(lambda: sorted(fake_obs.client_subscriptions()) == [2047, 1 << 16], what="two sessions")
    fake_obs.perform("SetStudioModeEnabled", {"studioModeEnabled": True})  # a Ui-category event
    wait_until(lambda: worker.snapshot.studio_mode, what="StudioModeStateChanged to arrive")


def test_without_a_meters_session_one_session_carries_everything(fake_obs, make_worker) -> None:  # type: ignore[no-untyped-def]
    make_worker(endpoint(fake_obs), meters_connection=False)
    wait_until(lambda: fake_obs.client_subscriptions() == [2047 | (1 << 16)], what="one reidentified session")
