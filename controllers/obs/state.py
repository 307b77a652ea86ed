"""OBS state as OnAir tracks it: read whole on (re)connect, then kept current from events.

Used only on the OBS worker thread. OBS 29 (obs-websocket 5.1) has no UUIDs, so scenes and inputs
are keyed by name and renames are followed.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Any, Protocol

from .errors import ObsRequestError
from .model import AudioInput, ObsSnapshot, OutputState, VideoSettings

log = logging.getLogger(__name__)

#: Events after which the scene list is fetched again (order and names are OBS's to decide).
SCENE_LIST_EVENTS = {"SceneCreated", "SceneRemoved", "SceneNameChanged", "SceneListChanged"}
#: Events after which the whole state is read again.
RELOAD_EVENTS = {"CurrentSceneCollectionChanged", "CurrentProfileChanged"}


class Requester(Protocol):
    def request(self, request_type: str, data: dict[str, Any] | None = None,
                timeout: float | None = None) -> dict[str, Any]: ...

    def request_batch(self, requests: list[tuple[str, dict[str, Any] | None]], *,
                      halt_on_failure: bool = False,
                      timeout: float | None = None) -> list[dict[str, Any] | ObsRequestError]: ...


def scenes_in_ui_order(scene_list: dict[str, Any]) -> tuple[str, ...]:
    """GetSceneList gives sceneIndex 0 for the bottom scene; return names top to bottom as in OBS."""
    scenes = [s for s in scene_list.get("scenes", []) if isinstance(s, dict) and "sceneName" in s]
    scenes.sort(key=lambda s: int(s.get("sceneIndex", 0)), reverse=True)
    return tuple(str(s["sceneName"]) for s in scenes)


def _output(status: dict[str, Any], path: str | None = None) -> OutputState:
    return OutputState(active=bool(status.get("outputActive")),
                       reconnecting=bool(status.get("outputReconnecting")),
                       paused=bool(status.get("outputPaused")), path=path)


def _video(settings: dict[str, Any]) -> VideoSettings:
    num = float(settings.get("fpsNumerator") or 0)
    den = float(settings.get("fpsDenominator") or 1)
    return VideoSettings(
        base_width=int(settings.get("baseWidth") or 0), base_height=int(settings.get("baseHeight") or 0),
        output_width=int(settings.get("outputWidth") or 0),
        output_height=int(settings.get("outputHeight") or 0), fps=num / den if den else 0.0)


def _transition(output_state: str) -> str:
    """OBS_WEBSOCKET_OUTPUT_STARTING → "starting", …_STOPPING → "stopping", anything else → ""."""
    if output_state.endswith("_STARTING"):
        return "starting"
    if output_state.endswith("_STOPPING"):
        return "stopping"
    return ""


class ObsStateTracker:
    """Holds the current :class:`ObsSnapshot`; ``apply_event`` returns True when it changed."""

    def __init__(self) -> None:
        self.snapshot = ObsSnapshot()

    def load(self, obs: Requester, websocket_version: str | None = None) -> ObsSnapshot:
        """Read the whole state from OBS (two batches)."""
        version, scene_list, input_list, studio, stream, record, video = obs.request_batch([
            ("GetVersion", None), ("GetSceneList", None), ("GetInputList", None),
            ("GetStudioModeEnabled", None), ("GetStreamStatus", None), ("GetRecordStatus", None),
            ("GetVideoSettings", None),
        ])
        for result in (version, scene_list, input_list):
            if isinstance(result, ObsRequestError):
                raise result
        assert isinstance(version, dict) and isinstance(scene_list, dict) and isinstance(input_list, dict)
        studio_on = isinstance(studio, dict) and bool(studio.get("studioModeEnabled"))
        self.snapshot = ObsSnapshot(
            obs_version=str(version.get("obsVersion", "")),
            websocket_version=str(version.get("obsWebSocketVersion", websocket_version or "")),
            platform=str(version.get("platformDescription", version.get("platform", ""))),
            scenes=scenes_in_ui_order(scene_list),
            program_scene=str(scene_list.get("currentProgramSceneName") or ""),
            preview_scene=(scene_list.get("currentPreviewSceneName") or None) if studio_on else None,
            studio_mode=studio_on,
            audio_inputs=self._audio_inputs(obs, [
                (str(i.get("inputName")), str(i.get("inputKind", "")))
                for i in input_list.get("inputs", []) if isinstance(i, dict)]),
            stream=_output(stream) if isinstance(stream, dict) else OutputState(),
            record=_output(record) if isinstance(record, dict) else OutputState(),
            video=_video(video) if isinstance(video, dict) else VideoSettings(),
        )
        return self.snapshot

    @staticmethod
    def _audio_inputs(obs: Requester, inputs: list[tuple[str, str]]) -> tuple[AudioInput, ...]:
        """Inputs whose GetInputMute succeeds carry audio (OBS answers 604 for the others)."""
        if not inputs:
            return ()
        batch: list[tuple[str, dict[str, Any] | None]] = []
        for name, _kind in inputs:
            batch += [("GetInputMute", {"inputName": name}), ("GetInputVolume", {"inputName": name})]
        results = obs.request_batch(batch)
        audio = []
        for index, (name, kind) in enumerate(inputs):
            pair = results[2 * index: 2 * index + 2]
            mute, volume = pair if len(pair) == 2 else (None, None)
            if isinstance(mute, dict) and isinstance(volume, dict):
                audio.append(AudioInput(name=name, kind=kind, muted=bool(mute.get("inputMuted")),
                                        volume_db=float(volume.get("inputVolumeDb", 0.0))))
        return tuple(audio)

    def apply_event(self, obs: Requester, event_type: str, data: dict[str, Any]) -> bool:
        """Update the snapshot from one OBS event; may ask OBS for details (worker thread only)."""
        before = self.snapshot
        snap = before
        replace = dataclasses.replace
        if event_type == "CurrentProgramSceneChanged":
            snap = replace(snap, program_scene=str(data.get("sceneName", "")))
        elif event_type == "CurrentPreviewSceneChanged":
            snap = replace(snap, preview_scene=str(data.get("sceneName", "")) if snap.studio_mode else None)
        elif event_type == "StudioModeStateChanged":
            enabled = bool(data.get("studioModeEnabled"))
            preview = None
            if enabled:
                try:
                    preview = str(obs.request("GetCurrentPreviewScene").get("currentPreviewSceneName", ""))
                except ObsRequestError:
                    preview = snap.program_scene
            snap = replace(snap, studio_mode=enabled, preview_scene=preview)
        elif event_type in SCENE_LIST_EVENTS:
            snap = replace(snap, scenes=scenes_in_ui_order(obs.request("GetSceneList")))
            if event_type == "SceneNameChanged":
                snap = self._rename_scene(snap, str(data.get("oldSceneName")), str(data.get("sceneName")))
        elif event_type == "InputCreated":
            added = self._audio_inputs(obs, [(str(data.get("inputName")), str(data.get("inputKind", "")))])
            snap = replace(snap, audio_inputs=snap.audio_inputs + added)
        elif event_type == "InputRemoved":
            name = data.get("inputName")
            snap = replace(snap, audio_inputs=tuple(a for a in snap.audio_inputs if a.name != name))
        elif event_type == "InputNameChanged":
            old, new = data.get("oldInputName"), str(data.get("inputName"))
            snap = replace(snap, audio_inputs=tuple(
                replace(a, name=new) if a.name == old else a for a in snap.audio_inputs))
        elif event_type == "InputMuteStateChanged":
            snap = self._update_input(snap, data, muted=bool(data.get("inputMuted")))
        elif event_type == "InputVolumeChanged":
            snap = self._update_input(snap, data, volume_db=float(data.get("inputVolumeDb", 0.0)))
        elif event_type == "StreamStateChanged":
            state = str(data.get("outputState", ""))
            snap = replace(snap, stream=replace(
                snap.stream, active=bool(data.get("outputActive")), transition=_transition(state),
                reconnecting=state == "OBS_WEBSOCKET_OUTPUT_RECONNECTING"))
        elif event_type == "RecordStateChanged":
            state = str(data.get("outputState", ""))
            path = data.get("outputPath") or snap.record.path
            paused = state == "OBS_WEBSOCKET_OUTPUT_PAUSED"
            snap = replace(snap, record=replace(snap.record, active=bool(data.get("outputActive")),
                                                paused=paused, transition=_transition(state),
                                                path=str(path) if path else None))
        elif event_type == "ExitStarted":
            snap = replace(snap, shutting_down=True)
        elif event_type in RELOAD_EVENTS:
            snap = self.load(obs, snap.websocket_version)
        self.snapshot = snap
        return snap != before

    @staticmethod
    def _rename_scene(snap: ObsSnapshot, old: str, new: str) -> ObsSnapshot:
        return dataclasses.replace(
            snap,
            program_scene=new if snap.program_scene == old else snap.program_scene,
            preview_scene=new if snap.preview_scene == old else snap.preview_scene)

    @staticmethod
    def _update_input(snap: ObsSnapshot, data: dict[str, Any], **changes: Any) -> ObsSnapshot:
        name = data.get("inputName")
        return dataclasses.replace(snap, audio_inputs=tuple(
            dataclasses.replace(a, **changes) if a.name == name else a for a in snap.audio_inputs))
