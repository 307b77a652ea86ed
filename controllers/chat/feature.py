"""Feature a chat message on stream: write it into an OBS text source, show it for N seconds, hide it.

:func:`feature_message` runs its request sequence on the OBS worker thread (``submit_fn``): it makes
sure the text input exists (``CreateInput`` in the target scene if missing: ``text_ft2_source_v2`` on
Linux/macOS, ``text_gdiplus_v2`` on Windows), sets its ``text`` (plain text, capped at
:data:`MAX_CHARS`), makes sure it is in the scene (``CreateSceneItem`` if not) and enables it. The hide
is a second job submitted by a :class:`threading.Timer` after ``seconds`` — nothing ever sleeps on the
worker thread. Featuring again before the timer fires replaces the pending hide.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from controllers.obs.errors import ObsRequestError
from controllers.obs.state import Requester

from .model import ChatMessage

T = TypeVar("T")

DEFAULT_SOURCE = "OnAir Featured"
MAX_CHARS = 300
LINUX_TEXT_KIND = "text_ft2_source_v2"
WINDOWS_TEXT_KIND = "text_gdiplus_v2"
#: OBS's "resource not found" request status (GetSceneItemId for a source that is not in the scene).
RESOURCE_NOT_FOUND = 600


class Submitter(Protocol):
    def submit_fn(self, fn: Callable[[Requester], T]) -> Future[T]: ...


@dataclass
class FeatureResult:
    """What :func:`feature_message` did; ``hidden`` completes (True) once the source is hidden again,
    (False) if a newer feature of the same source took over, or with the hide's error."""

    input_name: str
    scene: str
    scene_item_id: int
    text: str
    created_input: bool
    created_item: bool
    hidden: Future[bool] = field(default_factory=Future, repr=False)


def featured_text(message: ChatMessage | str, author: str = "", limit: int = MAX_CHARS) -> str:
    """``"<author>: <text>"`` as plain text, capped at ``limit`` characters (ending in "…")."""
    if isinstance(message, ChatMessage):
        author, body = message.author, message.text
    else:
        body = message
    text = f"{author}: {body}" if author else body
    return text if len(text) <= limit else text[: limit - 1] + "…"


def text_input_kind(platform: str = "") -> str:
    """The text input kind for OBS's ``GetVersion`` platform (``sys.platform`` when empty)."""
    name = (platform or sys.platform).lower()
    return WINDOWS_TEXT_KIND if name.startswith("win") else LINUX_TEXT_KIND


_pending: dict[str, tuple[threading.Timer, FeatureResult]] = {}
_pending_lock = threading.Lock()


def _show(conn: Requester, text: str, scene: str, source_name: str, platform_kind: str | None) -> FeatureResult:
    inputs = conn.request("GetInputList").get("inputs") or []
    exists = any(isinstance(item, dict) and item.get("inputName") == source_name for item in inputs)
    created_input = created_item = False
    item_id: int | None = None
    if not exists:
        kind = platform_kind or text_input_kind(str(conn.request("GetVersion").get("platform") or ""))
        answer = conn.request("CreateInput", {"sceneName": scene, "inputName": source_name, "inputKind": kind,
                                              "inputSettings": {"text": text}, "sceneItemEnabled": False})
        item_id = int(answer["sceneItemId"])
        created_input = created_item = True
    conn.request("SetInputSettings", {"inputName": source_name, "inputSettings": {"text": text}, "overlay": True})
    if item_id is None:
        try:
            item_id = int(conn.request("GetSceneItemId", {"sceneName": scene, "sourceName": source_name})
                          ["sceneItemId"])
        except ObsRequestError as exc:
            if exc.code != RESOURCE_NOT_FOUND:
                raise
            item_id = int(conn.request("CreateSceneItem", {"sceneName": scene, "sourceName": source_name,
                                                           "sceneItemEnabled": False})["sceneItemId"])
            created_item = True
    conn.request("SetSceneItemEnabled", {"sceneName": scene, "sceneItemId": item_id, "sceneItemEnabled": True})
    return FeatureResult(source_name, scene, item_id, text, created_input, created_item)


def _hide(obs: Submitter, result: FeatureResult) -> None:
    with _pending_lock:
        current = _pending.get(result.input_name)
        if current is None or current[1] is not result:
            return
        del _pending[result.input_name]

    def hide(conn: Requester) -> bool:
        conn.request("SetSceneItemEnabled", {"sceneName": result.scene, "sceneItemId": result.scene_item_id,
                                             "sceneItemEnabled": False})
        return True

    _chain(obs.submit_fn(hide), result.hidden)


def _chain(source: Future[Any], target: Future[Any]) -> None:
    def done(f: Future[Any]) -> None:
        if target.done():
            return
        error = f.exception()
        if error is None:
            target.set_result(f.result())
        else:
            target.set_exception(error)

    source.add_done_callback(done)


def feature_message(obs: Submitter, message_text: str, *, scene: str, source_name: str = DEFAULT_SOURCE,
                    seconds: float, platform_kind: str | None = None) -> Future[FeatureResult]:
    """Show ``message_text`` (plain text, capped) in ``source_name`` in ``scene`` for ``seconds``.

    ``obs`` is anything with ``submit_fn`` (an ObsWorker; ``ObsClient.worker``). ``platform_kind``
    forces the input kind used when the source has to be created (default: by OBS's platform). The
    future holds a :class:`FeatureResult` or the ObsError (OBS's comment included)."""
    text = featured_text(message_text)

    def show(conn: Requester) -> FeatureResult:
        result = _show(conn, text, scene, source_name, platform_kind)
        timer = threading.Timer(max(0.0, seconds), _hide, (obs, result))
        timer.daemon = True
        with _pending_lock:
            previous = _pending.pop(source_name, None)
            _pending[source_name] = (timer, result)
        if previous is not None:
            previous[0].cancel()
            old = previous[1]
            if (old.scene, old.scene_item_id) != (result.scene, result.scene_item_id):
                with contextlib.suppress(ObsRequestError):  # it was in another scene: hide it now
                    conn.request("SetSceneItemEnabled", {"sceneName": old.scene, "sceneItemId": old.scene_item_id,
                                                         "sceneItemEnabled": False})
            if not old.hidden.done():
                old.hidden.set_result(False)
        timer.start()
        return result

    return obs.submit_fn(show)


__all__ = ["DEFAULT_SOURCE", "FeatureResult", "MAX_CHARS", "feature_message", "featured_text", "text_input_kind"]
