"""Checks of the fake obs-websocket server itself (tests/fakes/fake_obs.py)."""

from __future__ import annotations

import base64
import json
import struct
import threading
import time
import zlib
from collections.abc import Iterator
from typing import Any

import pytest
import websocket
from obswebsocket import events, exceptions, obsws, requests

from tests.fakes.fake_obs import CloseCode, EventSub, FakeObsServer, make_auth_string

PASSWORD = "secret"


@pytest.fixture
def obs() -> Iterator[FakeObsServer]:
    with FakeObsServer(password=PASSWORD) as server:
        yield server


class RawClient:
    """A bare websocket-client connection that does the v5 handshake by hand."""

    def __init__(self, server: FakeObsServer, password: str | None = PASSWORD, subscriptions: int | None = None):
        self.ws = websocket.WebSocket()
        self.ws.settimeout(3)
        self.ws.connect(server.url)
        self.hello = json.loads(self.ws.recv())
        self.password = password
        self.subscriptions = subscriptions
        self._next_id = 0
        self.pending_events: list[dict[str, Any]] = []

    def identify_payload(self) -> dict[str, Any]:
        d: dict[str, Any] = {"rpcVersion": 1}
        auth = self.hello["d"].get("authentication")
        if auth and self.password is not None:
            d["authentication"] = make_auth_string(self.password, auth["salt"], auth["challenge"])
        if self.subscriptions is not None:
            d["eventSubscriptions"] = self.subscriptions
        return {"op": 1, "d": d}

    def identify(self) -> dict[str, Any]:
        self.send(self.identify_payload())
        return self.recv()

    def send(self, payload: dict[str, Any]) -> None:
        self.ws.send(json.dumps(payload))

    def recv(self) -> dict[str, Any]:
        msg: dict[str, Any] = json.loads(self.ws.recv())
        return msg

    def request(self, request_type: str, data: dict[str, Any] | None = None) -> dict[str, Any]:
        """Send a request and return its op-7 `d`, keeping events that arrive meanwhile."""
        self._next_id += 1
        rid = f"r{self._next_id}"
        d: dict[str, Any] = {"requestType": request_type, "requestId": rid}
        if data is not None:
            d["requestData"] = data
        self.send({"op": 6, "d": d})
        while True:
            msg = self.recv()
            if msg["op"] == 7 and msg["d"]["requestId"] == rid:
                response: dict[str, Any] = msg["d"]
                return response
            if msg["op"] == 5:
                self.pending_events.append(msg["d"])

    def recv_close_code(self) -> tuple[int, str]:
        """Read frames until the close frame; return (code, reason)."""
        while True:
            opcode, frame = self.ws.recv_data_frame(True)
            if opcode == websocket.ABNF.OPCODE_CLOSE:
                code = struct.unpack("!H", frame.data[:2])[0]
                return code, frame.data[2:].decode("utf-8")

    def events(self, duration: float) -> list[dict[str, Any]]:
        """The events kept by request() plus those received within `duration` seconds."""
        out, self.pending_events = self.pending_events, []
        deadline = time.monotonic() + duration
        while (left := deadline - time.monotonic()) > 0:
            self.ws.settimeout(left)
            try:
                msg = self.recv()
            except websocket.WebSocketTimeoutException:
                break
            if msg["op"] == 5:
                out.append(msg["d"])
        self.ws.settimeout(3)
        return out

    def close(self) -> None:
        try:
            self.ws.close(timeout=1)
        except (OSError, websocket.WebSocketException):
            pass
        finally:
            self.ws.shutdown()  # after recv_data_frame() answered a close frame, close() is a no-op


@pytest.fixture
def raw(obs: FakeObsServer) -> Iterator[RawClient]:
    client = RawClient(obs)
    assert client.identify() == {"op": 2, "d": {"negotiatedRpcVersion": 1}}
    yield client
    client.close()


def test_hello_and_auth_with_obs_websocket_py(obs: FakeObsServer) -> None:
    client = obsws("127.0.0.1", obs.port, PASSWORD, legacy=False, timeout=3)
    client.connect()
    try:
        obs.wait_for_clients(1, timeout=2)
        version = client.call(requests.GetVersion())
        assert version.status
        assert version.getObsVersion() == "29.0.2"
        assert version.getObsWebSocketVersion() == "5.1.0"
        assert version.getRpcVersion() == 1
        assert "GetSceneList" in version.getAvailableRequests()
        hello = obs.received[0]
        assert hello["op"] == 1 and hello["d"]["rpcVersion"] == 1
        # obs-websocket-py subscribes to 1023, which leaves out the Ui category (1 << 10).
        assert obs.client_subscriptions() == [1023]
    finally:
        client.disconnect()
    obs.wait_for_disconnect(timeout=2)
    assert obs.identified_count() == 0


def test_hello_without_password_has_no_authentication() -> None:
    with FakeObsServer(password=None) as server:
        client = RawClient(server, password=None)
        assert client.hello == {"op": 0, "d": {"obsWebSocketVersion": "5.1.0", "rpcVersion": 1}}
        assert client.identify()["op"] == 2
        client.close()


def test_wrong_password_closes_with_4009(obs: FakeObsServer) -> None:
    client = RawClient(obs, password="wrong")
    auth = client.hello["d"]["authentication"]
    assert set(auth) == {"challenge", "salt"}
    client.send(client.identify_payload())
    assert client.recv_close_code() == (CloseCode.AUTHENTICATION_FAILED, "Authentication failed.")
    client.close()
    assert obs.identified_count() == 0

    lib_client = obsws("127.0.0.1", obs.port, "wrong", legacy=False, timeout=3)
    try:
        with pytest.raises(exceptions.ConnectionFailure):
            lib_client.connect()
    finally:
        lib_client.ws.shutdown()


def test_request_before_identify_closes_with_4007(obs: FakeObsServer) -> None:
    client = RawClient(obs)
    client.send({"op": 6, "d": {"requestType": "GetVersion", "requestId": "1"}})
    assert client.recv_close_code()[0] == CloseCode.NOT_IDENTIFIED
    client.close()


def test_non_json_closes_with_4002(obs: FakeObsServer, raw: RawClient) -> None:
    raw.ws.send("this is not json")
    assert raw.recv_close_code()[0] == CloseCode.MESSAGE_DECODE_ERROR
    assert obs.received[-1] == {"_raw": "this is not json"}


def test_request_errors_carry_code_and_comment(raw: RawClient) -> None:
    status = raw.request("SetCurrentProgramScene", {"sceneName": "Nope"})["requestStatus"]
    assert status == {"result": False, "code": 600, "comment": "No source was found by the name of `Nope`."}

    status = raw.request("SetCurrentProgramScene", {})["requestStatus"]
    assert status == {
        "result": False,
        "code": 300,
        "comment": "Your request is missing the `sceneName` field.",
    }

    status = raw.request("NoSuchRequest", {})["requestStatus"]
    assert status == {"result": False, "code": 204, "comment": "Your request type is not valid."}

    status = raw.request("SetInputMute", {"inputName": "Camera", "inputMuted": True})["requestStatus"]
    assert status == {"result": False, "code": 604, "comment": "The specified input does not support audio."}

    status = raw.request("GetCurrentPreviewScene")["requestStatus"]
    assert status == {"result": False, "code": 506}

    assert raw.request("StopStream")["requestStatus"]["code"] == 501
    assert raw.request("StartStream")["requestStatus"]["code"] == 100
    assert raw.request("StartStream")["requestStatus"]["code"] == 500


def test_scene_list_is_reverse_ui_order(obs: FakeObsServer) -> None:
    obs.state.scenes = ["Top", "Middle", "Bottom"]
    obs.state.program_scene = "Middle"
    client = obsws("127.0.0.1", obs.port, PASSWORD, legacy=False, timeout=3)
    client.connect()
    try:
        result = client.call(requests.GetSceneList())
        assert result.getScenes() == [
            {"sceneIndex": 0, "sceneName": "Bottom"},
            {"sceneIndex": 1, "sceneName": "Middle"},
            {"sceneIndex": 2, "sceneName": "Top"},
        ]
        assert result.getCurrentProgramSceneName() == "Middle"
        assert result.getCurrentPreviewSceneName() is None
    finally:
        client.disconnect()


def test_state_changes_emit_events_to_obs_websocket_py(obs: FakeObsServer) -> None:
    client = obsws("127.0.0.1", obs.port, PASSWORD, legacy=False, timeout=3)
    seen: list[Any] = []
    got = threading.Event()

    def on_event(event: Any) -> None:
        seen.append(event)
        got.set()

    client.register(on_event, events.CurrentProgramSceneChanged)
    client.connect()
    try:
        assert client.call(requests.SetCurrentProgramScene(sceneName="BRB")).status
        assert got.wait(2)
        assert seen[0].getSceneName() == "BRB"
        assert client.call(requests.GetCurrentProgramScene()).getCurrentProgramSceneName() == "BRB"
        assert obs.wait_for_request("SetCurrentProgramScene")["requestData"] == {"sceneName": "BRB"}
    finally:
        client.disconnect()


def test_mute_volume_and_output_events(raw: RawClient) -> None:
    assert raw.request("ToggleInputMute", {"inputName": "Mic/Aux"})["responseData"] == {"inputMuted": True}
    assert raw.request("SetInputVolume", {"inputName": "Clip", "inputVolumeDb": -20.0})["requestStatus"]["result"]
    volume = raw.request("GetInputVolume", {"inputName": "Clip"})["responseData"]
    assert volume["inputVolumeDb"] == -20.0
    assert volume["inputVolumeMul"] == pytest.approx(0.1)
    raw.request("StartRecord")
    stop = raw.request("StopRecord")["responseData"]
    assert stop["outputPath"].endswith(".mkv")
    got = [(e["eventType"], e["eventIntent"], e.get("eventData")) for e in raw.events(0.3)]
    assert got == [
        ("InputMuteStateChanged", EventSub.INPUTS, {"inputName": "Mic/Aux", "inputMuted": True}),
        ("InputVolumeChanged", EventSub.INPUTS, {"inputName": "Clip", **volume}),
        (
            "RecordStateChanged",
            EventSub.OUTPUTS,
            {"outputActive": False, "outputState": "OBS_WEBSOCKET_OUTPUT_STARTING", "outputPath": None},
        ),
        (
            "RecordStateChanged",
            EventSub.OUTPUTS,
            {"outputActive": True, "outputState": "OBS_WEBSOCKET_OUTPUT_STARTED", "outputPath": None},
        ),
        (
            "RecordStateChanged",
            EventSub.OUTPUTS,
            {"outputActive": False, "outputState": "OBS_WEBSOCKET_OUTPUT_STOPPING", "outputPath": None},
        ),
        (
            "RecordStateChanged",
            EventSub.OUTPUTS,
            {
                "outputActive": False,
                "outputState": "OBS_WEBSOCKET_OUTPUT_STOPPED",
                "outputPath": stop["outputPath"],
            },
        ),
    ]


def test_stream_status_grows_while_active(raw: RawClient) -> None:
    raw.request("StartStream")
    time.sleep(0.05)
    status = raw.request("GetStreamStatus")["responseData"]
    assert status["outputActive"] is True
    assert status["outputDuration"] >= 50
    assert status["outputBytes"] > 0
    assert status["outputTimecode"].startswith("00:00:00.")


def test_meters_only_after_reidentify_with_meter_bit(obs: FakeObsServer) -> None:
    client = RawClient(obs, subscriptions=EventSub.ALL)
    client.identify()
    obs.start_meters(hz=50)
    try:
        assert [e for e in client.events(0.15) if e["eventType"] == "InputVolumeMeters"] == []
        client.send({"op": 3, "d": {"eventSubscriptions": EventSub.ALL | EventSub.INPUT_VOLUME_METERS}})
        assert client.recv() == {"op": 2, "d": {"negotiatedRpcVersion": 1}}
        meters = [e for e in client.events(0.15) if e["eventType"] == "InputVolumeMeters"]
    finally:
        obs.stop_meters()
    assert meters
    assert meters[0]["eventIntent"] == 1 << 16
    inputs = meters[0]["eventData"]["inputs"]
    assert [i["inputName"] for i in inputs] == ["Mic/Aux", "Clip"]
    assert all(len(channel) == 3 for i in inputs for channel in i["inputLevelsMul"])
    client.close()


def test_studio_mode_event_needs_ui_bit(obs: FakeObsServer) -> None:
    without_ui = RawClient(obs, subscriptions=EventSub.ALL & ~EventSub.UI)
    with_ui = RawClient(obs, subscriptions=EventSub.UI)
    without_ui.identify()
    with_ui.identify()
    assert without_ui.request("SetStudioModeEnabled", {"studioModeEnabled": True})["requestStatus"]["result"]
    assert [e["eventType"] for e in with_ui.events(0.2)] == ["StudioModeStateChanged"]
    assert "StudioModeStateChanged" not in [e["eventType"] for e in without_ui.events(0.1)]

    obs.emit_event("StudioModeStateChanged", {"studioModeEnabled": False})
    assert [e["eventIntent"] for e in with_ui.events(0.2)] == [EventSub.UI]
    assert without_ui.events(0.1) == []
    without_ui.close()
    with_ui.close()


def test_studio_mode_transition_swaps_scenes(raw: RawClient) -> None:
    raw.request("SetStudioModeEnabled", {"studioModeEnabled": True})
    raw.request("SetCurrentPreviewScene", {"sceneName": "Main"})
    assert raw.request("TriggerStudioModeTransition")["requestStatus"]["result"]
    scenes = raw.request("GetSceneList")["responseData"]
    assert scenes["currentProgramSceneName"] == "Main"
    assert scenes["currentPreviewSceneName"] == "Intro"


def test_request_batch(raw: RawClient) -> None:
    raw.send(
        {
            "op": 8,
            "d": {
                "requestId": "batch-1",
                "haltOnFailure": True,
                "requests": [
                    {
                        "requestType": "SetCurrentProgramScene",
                        "requestId": "a",
                        "requestData": {"sceneName": "Main"},
                    },
                    {"requestType": "Sleep", "requestData": {"sleepMillis": 10}},
                    {"requestType": "GetInputMute", "requestId": "c", "requestData": {"inputName": "Nope"}},
                    {"requestType": "GetVersion", "requestId": "d"},
                ],
            },
        }
    )
    while (msg := raw.recv())["op"] != 9:
        pass
    results = msg["d"]["results"]
    assert msg["d"]["requestId"] == "batch-1"
    assert [r.get("requestId") for r in results] == ["a", None, "c"]  # halted after the failure
    assert [r["requestStatus"]["code"] for r in results] == [100, 100, 600]
    assert raw.request("GetCurrentProgramScene")["responseData"]["currentProgramSceneName"] == "Main"


def test_screenshot_is_a_valid_png(raw: RawClient) -> None:
    data = raw.request(
        "GetSourceScreenshot",
        {"sourceName": "Main", "imageFormat": "png", "imageWidth": 32, "imageHeight": 18},
    )["responseData"]["imageData"]
    prefix = "data:image/png;base64,"
    assert data.startswith(prefix)
    png = base64.b64decode(data[len(prefix) :])
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (32, 18)
    idat_len = struct.unpack(">I", png[33:37])[0]
    assert len(zlib.decompress(png[41 : 41 + idat_len])) == 18 * (1 + 32 * 3)


def test_send_raw_and_received(obs: FakeObsServer, raw: RawClient) -> None:
    obs.send_raw('{"op":99}')
    assert raw.recv() == {"op": 99}
    obs.send_raw("[1,2]")
    assert raw.ws.recv() == "[1,2]"


def test_response_delay(obs: FakeObsServer, raw: RawClient) -> None:
    obs.set_response_delay(0.2)
    start = time.monotonic()
    raw.request("GetVersion")
    assert time.monotonic() - start >= 0.2


def test_kick_closes_with_4011(obs: FakeObsServer) -> None:
    client = obsws("127.0.0.1", obs.port, PASSWORD, legacy=False, timeout=3)
    client.connect()
    raw = RawClient(obs)
    raw.identify()
    obs.wait_for_clients(2)
    obs.kick()
    assert raw.recv_close_code() == (CloseCode.SESSION_INVALIDATED, "Kicked by the OBS user.")
    raw.close()
    obs.wait_for_disconnect(timeout=1)
    assert obs.identified_count() == 0


def test_stop_drops_connected_clients(obs: FakeObsServer, raw: RawClient) -> None:
    obs.stop()
    with pytest.raises(websocket.WebSocketConnectionClosedException):
        raw.ws.recv()
    with pytest.raises(OSError):
        websocket.create_connection(obs.url, timeout=1)
    # and it can come back on the same port, like a restarted OBS
    obs.start()
    again = RawClient(obs)
    assert again.identify()["op"] == 2
    again.close()
