"""ObsConnection against the fake obs-websocket v5 server: handshake, errors, a robust receive loop."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from controllers.obs.connection import ObsConnection, _Handshake
from controllers.obs.errors import (
    ObsAuthError,
    ObsClosedError,
    ObsConnectError,
    ObsKickedError,
    ObsRequestError,
    ObsTimeoutError,
)
from controllers.obs.protocol import ONAIR_SUBSCRIPTIONS
from tests.support.waiting import wait_until

EXPECTED_SUBSCRIPTIONS = 2047 | (1 << 16)





class Recorder:
    """on_event / on_closed callbacks that remember what they got (called on the receive thread)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.events: list[tuple[str, dict[str, Any]]] = []
        self.closed: list[ObsClosedError] = []
        self.raise_on: set[str] = set()

    def on_event(self, event_type: str, data: dict[str, Any]) -> None:
        with self.lock:
            self.events.append((event_type, data))
        if event_type in self.raise_on:
            raise RuntimeError(f"callback failed on {event_type}")

    def on_closed(self, error: ObsClosedError) -> None:
        with self.lock:
            self.closed.append(error)

    def event_types(self) -> list[str]:
        with self.lock:
            return [t for t, _ in self.events]

    def data_of(self, event_type: str) -> list[dict[str, Any]]:
        with self.lock:
            return [d for t, d in self.events if t == event_type]


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


def make_conn(fake_obs, recorder: Recorder, password: str = "secret", **options: Any) -> ObsConnection:  # type: ignore[no-untyped-def]
    return ObsConnection("127.0.0.1", fake_obs.port, password, on_event=recorder.on_event,
                         on_closed=recorder.on_closed, **options)


@pytest.fixture
def conn(fake_obs, recorder: Recorder) -> Iterator[ObsConnection]:  # type: ignore[no-untyped-def]
    connection = make_conn(fake_obs, recorder, request_timeout=3.0)
    connection.open(connect_timeout=3.0)
    yield connection
    connection.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_auth_success(fake_obs, conn: ObsConnection) -> None:  # type: ignore[no-untyped-def]
    assert conn.connected
    assert conn.websocket_version == "5.1.0"
    fake_obs.wait_for_clients(1)
    assert conn.request("GetVersion")["obsVersion"] == "29.0.2"


def test_wrong_password_raises_auth_error(fake_obs, recorder: Recorder) -> None:  # type: ignore[no-untyped-def]
    connection = make_conn(fake_obs, recorder, password="not-the-password")
    with pytest.raises(ObsAuthError) as info:
        connection.open(connect_timeout=3.0)
    assert info.value.code == 4009
    assert "wrong password" in str(info.value)
    assert not connection.connected
    assert fake_obs.identified_count() == 0


def test_request_failure_keeps_obs_code_and_comment(conn: ObsConnection) -> None:
    with pytest.raises(ObsRequestError) as info:
        conn.request("SetCurrentProgramScene", {"sceneName": "Nope"})
    assert info.value.code == 600
    assert info.value.comment == "No source was found by the name of `Nope`."
    assert info.value.request_type == "SetCurrentProgramScene"
    assert "No source was found by the name of `Nope`." in str(info.value)


def test_reidentifies_with_ui_and_meter_subscriptions(fake_obs, conn: ObsConnection) -> None:  # type: ignore[no-untyped-def]
    assert ONAIR_SUBSCRIPTIONS == EXPECTED_SUBSCRIPTIONS
    conn.request("GetVersion")  # the fake handles messages in order: the Reidentify is done now
    reidentify = [m for m in fake_obs.received if m.get("op") == 3]
    assert len(reidentify) == 1
    assert reidentify[0]["d"]["eventSubscriptions"] == EXPECTED_SUBSCRIPTIONS
    assert fake_obs.client_subscriptions() == [EXPECTED_SUBSCRIPTIONS]


def test_malformed_frames_do_not_kill_the_receive_thread(fake_obs, conn: ObsConnection,  # type: ignore[no-untyped-def]
                                                          recorder: Recorder) -> None:
    conn.request("GetVersion")
    for raw in ("not json", "[1,2]", '{"op":99,"d":{}}', '{"op":5}', '"just a string"', "{}",
                '{"op":5,"d":{"eventType":"CurrentProgramSceneChanged","eventData":[1,2]}}',
                '{"op":7,"d":{"requestId":"no-such-request"}}'):
        fake_obs.send_raw(raw)
    assert conn.request("GetCurrentProgramScene")["sceneName"] == "Intro"
    fake_obs.perform("SetCurrentProgramScene", {"sceneName": "BRB"})
    wait_until(lambda: recorder.data_of("CurrentProgramSceneChanged"), what="a real event")
    assert recorder.data_of("CurrentProgramSceneChanged") == [{"sceneName": "BRB"}]  # the list one was dropped
    assert conn.connected
    assert recorder.closed == []


def test_failing_event_callback_does_not_kill_the_receive_thread(fake_obs, conn: ObsConnection,  # type: ignore[no-untyped-def]
                                                                 recorder: Recorder) -> None:
    recorder.raise_on = {"CurrentProgramSceneChanged"}
    conn.request("GetVersion")
    fake_obs.perform("SetCurrentProgramScene", {"sceneName": "Main"})
    wait_until(lambda: "SceneTransitionEnded" in recorder.event_types(), what="events after the failure")
    assert conn.request("GetCurrentProgramScene")["sceneName"] == "Main"
    fake_obs.perform("SetInputMute", {"inputName": "Mic/Aux", "inputMuted": True})
    wait_until(lambda: recorder.data_of("InputMuteStateChanged"), what="a later event")
    assert recorder.data_of("InputMuteStateChanged") == [{"inputName": "Mic/Aux", "inputMuted": True}]
    assert recorder.closed == []


def test_unknown_event_type_is_delivered_raw(fake_obs, conn: ObsConnection,  # type: ignore[no-untyped-def]
                                             recorder: Recorder) -> None:
    conn.request("GetVersion")
    fake_obs.emit_event("SomeFutureEvent", {"answer": 42, "nested": {"x": [1, 2]}}, intent=1)
    wait_until(lambda: recorder.data_of("SomeFutureEvent"), what="SomeFutureEvent")
    assert recorder.data_of("SomeFutureEvent") == [{"answer": 42, "nested": {"x": [1, 2]}}]


def test_kick_reports_kicked_error(fake_obs, conn: ObsConnection, recorder: Recorder) -> None:  # type: ignore[no-untyped-def]
    conn.request("GetVersion")
    fake_obs.kick(4011)
    wait_until(lambda: recorder.closed, what="on_closed")
    assert len(recorder.closed) == 1
    error = recorder.closed[0]
    assert isinstance(error, ObsKickedError)
    assert error.code == 4011
    assert "kicked" in str(error)


def test_server_vanishing_reports_closed_without_code(fake_obs, conn: ObsConnection,  # type: ignore[no-untyped-def]
                                                      recorder: Recorder) -> None:
    conn.request("GetVersion")
    fake_obs.stop()
    wait_until(lambda: recorder.closed, what="on_closed")
    error = recorder.closed[0]
    assert type(error) is ObsClosedError
    assert error.code is None


def test_port_4444_stays_on_protocol_v5() -> None:
    handshake = _Handshake("127.0.0.1", 4444, "x", 1.0)
    assert handshake.legacy is False


def test_request_batch_returns_results_and_errors_in_order(conn: ObsConnection) -> None:
    results = conn.request_batch([
        ("GetVersion", None),
        ("SetCurrentProgramScene", {"sceneName": "Nope"}),
        ("GetInputMute", {"inputName": "Camera"}),
        ("GetCurrentProgramScene", None),
    ])
    assert len(results) == 4
    assert isinstance(results[0], dict) and results[0]["obsWebSocketVersion"] == "5.1.0"
    assert isinstance(results[1], ObsRequestError)
    assert (results[1].request_type, results[1].code, results[1].comment) == (
        "SetCurrentProgramScene", 600, "No source was found by the name of `Nope`.")
    assert isinstance(results[2], ObsRequestError)
    assert (results[2].code, results[2].comment) == (604, "The specified input does not support audio.")
    assert results[3] == {"sceneName": "Intro", "currentProgramSceneName": "Intro"}


def test_request_timeout(fake_obs, conn: ObsConnection) -> None:  # type: ignore[no-untyped-def]
    conn.request("GetVersion")
    fake_obs.set_unresponsive(True)
    started = time.monotonic()
    with pytest.raises(ObsTimeoutError):
        conn.request("GetVersion", timeout=0.3)
    assert 0.25 <= time.monotonic() - started < 2.0
    fake_obs.set_unresponsive(False)
    assert conn.request("GetVersion")["obsVersion"] == "29.0.2"  # the connection is still usable


def test_connecting_to_a_closed_port_is_refused(recorder: Recorder) -> None:
    connection = ObsConnection("127.0.0.1", free_port(), "x", on_event=recorder.on_event,
                               on_closed=recorder.on_closed)
    with pytest.raises(ObsConnectError) as info:
        connection.open(connect_timeout=2.0)
    assert "refused" in str(info.value)
    assert not connection.connected


def test_ipv6_literal_host_fails_as_a_connect_error(recorder: Recorder) -> None:
    """An IPv6 host is bracketed in the URL (it used to raise a bare ValueError: a CLI traceback)."""
    connection = ObsConnection("::1", free_port(), "x", on_event=recorder.on_event, on_closed=recorder.on_closed)
    with pytest.raises(ObsConnectError):
        connection.open(connect_timeout=2.0)
