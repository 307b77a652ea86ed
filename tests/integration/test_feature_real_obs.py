"""Feature a chat message on stream against a real OBS Studio (text source created, shown, hidden)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from controllers.chat.feature import DEFAULT_SOURCE, feature_message, featured_text, text_input_kind
from controllers.chat.model import ChatMessage
from controllers.obs.errors import ObsRequestError
from controllers.obs.worker import FanOutListener, ObsEndpoint, ObsWorker

pytestmark = [pytest.mark.real_obs, pytest.mark.timeout(120)]

HOSTILE = "<b>x</b> 你好，世界？ 🎉"


@pytest.fixture
def worker(own_obs: Any) -> Iterator[ObsWorker]:
    w = ObsWorker(ObsEndpoint(own_obs.host, own_obs.port, own_obs.password), FanOutListener([]),
                  meters_connection=False)
    w.start()
    assert w.wait_connected(15)
    yield w
    w.stop()


def wait_until(check: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def enabled(worker: ObsWorker, scene: str, item_id: int) -> bool:
    return bool(worker.call("GetSceneItemEnabled", {"sceneName": scene, "sceneItemId": item_id})["sceneItemEnabled"])


def inputs_named(worker: ObsWorker, name: str) -> list[dict[str, Any]]:
    return [i for i in worker.call("GetInputList")["inputs"] if i["inputName"] == name]


def test_feature_creates_shows_and_hides_the_text_source(worker: ObsWorker) -> None:
    assert not inputs_named(worker, DEFAULT_SOURCE)
    message = ChatMessage(platform="twitch", message_id="m1", author="viewer", author_id="1", text=HOSTILE, t=0.0)
    text = featured_text(message)
    assert text == f"viewer: {HOSTILE}"
    started = time.monotonic()
    result = feature_message(worker, text, scene="Main", seconds=1.0).result(10)
    assert result.created_input and result.scene == "Main"
    (item,) = inputs_named(worker, DEFAULT_SOURCE)
    assert item["inputKind"] == text_input_kind(str(worker.call("GetVersion")["platform"]))
    settings = worker.call("GetInputSettings", {"inputName": DEFAULT_SOURCE})["inputSettings"]
    assert settings["text"] == "viewer: <b>x</b> 你好，世界？ 🎉"
    item_id = worker.call("GetSceneItemId", {"sceneName": "Main", "sourceName": DEFAULT_SOURCE})["sceneItemId"]
    assert item_id == result.scene_item_id
    assert enabled(worker, "Main", item_id)
    assert result.hidden.result(10) is True
    assert time.monotonic() - started >= 0.9
    assert not enabled(worker, "Main", item_id)

    # Featuring again reuses the same input and scene item, with the new text.
    second = feature_message(worker, "someone: second 第二", scene="Main", seconds=1.0).result(10)
    assert not second.created_input and not second.created_item
    assert second.scene_item_id == item_id
    assert len(inputs_named(worker, DEFAULT_SOURCE)) == 1
    assert worker.call("GetInputSettings", {"inputName": DEFAULT_SOURCE})["inputSettings"]["text"] == \
        "someone: second 第二"
    assert enabled(worker, "Main", item_id)
    assert second.hidden.result(10) is True
    assert not enabled(worker, "Main", item_id)


def test_feature_in_another_scene_adds_the_existing_source_and_a_newer_feature_takes_over(
        worker: ObsWorker) -> None:
    first = feature_message(worker, "a: one", scene="Main", seconds=30).result(10)
    second = feature_message(worker, "b: two", scene="BRB", seconds=1.0).result(10)
    assert not second.created_input and second.created_item
    assert len(inputs_named(worker, DEFAULT_SOURCE)) == 1
    assert first.hidden.result(5) is False  # replaced: its pending hide was cancelled …
    assert not enabled(worker, "Main", first.scene_item_id)  # … and it was hidden at once
    assert enabled(worker, "BRB", second.scene_item_id)
    assert second.hidden.result(10) is True
    assert not enabled(worker, "BRB", second.scene_item_id)


def test_long_text_is_capped_and_a_missing_scene_gives_obs_comment(worker: ObsWorker) -> None:
    result = feature_message(worker, "z" * 5000, scene="Main", seconds=0.5).result(10)
    assert len(result.text) == 300 and result.text.endswith("…")
    assert worker.call("GetInputSettings", {"inputName": DEFAULT_SOURCE})["inputSettings"]["text"] == result.text
    assert result.hidden.result(10) is True
    with pytest.raises(ObsRequestError) as info:
        feature_message(worker, "x: y", scene="No Such Scene", seconds=1).result(10)
    assert info.value.comment  # OBS's own reason


@pytest.mark.gui
def test_chat_panel_feature_button(qtbot: Any, own_obs: Any) -> None:
    from controllers.chat.hub import ChatHub
    from controllers.obs.client import ObsClient
    from controllers.obs.model import LinkState
    from ui.chat_panel import ChatPanel

    client = ObsClient(ObsEndpoint(own_obs.host, own_obs.port, own_obs.password), meters_connection=False)
    client.start()
    hub = ChatHub()
    panel = ChatPanel(hub, obs=client)
    qtbot.addWidget(panel)
    try:
        qtbot.waitUntil(lambda: client.status.state is LinkState.CONNECTED and bool(client.snapshot.program_scene),
                        timeout=15000)
        button = panel.findChild(type(panel.feature_button), "featureButton")
        assert button is not None and not button.isEnabled()
        assert panel.feature_seconds.value() == 10
        panel.model.add_message(ChatMessage(platform="youtube", message_id="y1", author="Ann", author_id="a",
                                            text=HOSTILE, t=1.0))
        panel.view.setCurrentIndex(panel.proxy.index(0, 0))
        assert button.isEnabled() and panel.feature_action.isEnabled()
        panel.feature_seconds.setValue(1)
        scene = client.snapshot.program_scene
        future = panel.feature_selected()
        assert future is not None
        result = future.result(10)
        assert result.scene == scene
        assert client.worker.call("GetInputSettings", {"inputName": DEFAULT_SOURCE})["inputSettings"]["text"] == \
            f"Ann: {HOSTILE}"
        qtbot.waitUntil(lambda: "On stream" in panel.feature_status.text(), timeout=5000)
        assert result.hidden.result(10) is True
    finally:
        client.stop()
