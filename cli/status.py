"""``main.py status``: what OBS is doing, without opening a window."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from typing import Any, TextIO

from PySide6.QtCore import QCoreApplication

from controllers.obs.connection import ObsConnection
from controllers.obs.errors import ObsError
from controllers.obs.model import ObsSnapshot, percent
from controllers.obs.state import ObsStateTracker
from controllers.obs.worker import ObsEndpoint

EXIT_OK, EXIT_UNREACHABLE = 0, 2


def tr(text: str) -> str:
    return QCoreApplication.translate("cli", text)


def collect(endpoint: ObsEndpoint, timeout: float = 5.0) -> dict[str, Any]:
    """Read OBS's state and stats once; raises ObsError."""
    conn = ObsConnection(endpoint.host, endpoint.port, endpoint.password,
                         on_event=lambda _t, _d: None, on_closed=lambda _e: None, request_timeout=timeout)
    conn.open(connect_timeout=timeout, subscriptions=0)
    try:
        snapshot = ObsStateTracker().load(conn, conn.websocket_version)
        stats = conn.request("GetStats")
        stream = conn.request("GetStreamStatus")
        record = conn.request("GetRecordStatus")
    finally:
        conn.close()
    return status_dict(endpoint, snapshot, stats, stream, record)


def status_dict(endpoint: ObsEndpoint, snap: ObsSnapshot, stats: dict[str, Any],
                stream: dict[str, Any], record: dict[str, Any]) -> dict[str, Any]:
    """The ``status --json`` document (stable keys)."""
    return {
        "connected": True,
        "url": endpoint.url,
        "obs_version": snap.obs_version,
        "websocket_version": snap.websocket_version,
        "platform": snap.platform,
        "program_scene": snap.program_scene,
        "preview_scene": snap.preview_scene,
        "studio_mode": snap.studio_mode,
        "scenes": list(snap.scenes),
        "audio_inputs": [asdict(a) for a in snap.audio_inputs],
        "video": asdict(snap.video),
        "stream": {"active": bool(stream.get("outputActive")),
                   "reconnecting": bool(stream.get("outputReconnecting")),
                   "timecode": stream.get("outputTimecode"),
                   "bytes": stream.get("outputBytes"),
                   "congestion": stream.get("outputCongestion"),
                   "dropped_frames": stream.get("outputSkippedFrames"),
                   "total_frames": stream.get("outputTotalFrames")},
        "record": {"active": bool(record.get("outputActive")), "paused": bool(record.get("outputPaused")),
                   "timecode": record.get("outputTimecode")},
        "stats": {"fps": stats.get("activeFps"), "cpu_percent": stats.get("cpuUsage"),
                  "memory_mb": stats.get("memoryUsage"), "disk_free_mb": stats.get("availableDiskSpace"),
                  "render_skipped_frames": stats.get("renderSkippedFrames"),
                  "render_total_frames": stats.get("renderTotalFrames"),
                  "encoder_skipped_frames": stats.get("outputSkippedFrames"),
                  "encoder_total_frames": stats.get("outputTotalFrames")},
    }


def render_text(doc: dict[str, Any]) -> str:
    on, off = tr("on"), tr("off")
    lines = [tr("OBS {obs} (obs-websocket {ws}) at {url}").format(
        obs=doc["obs_version"], ws=doc["websocket_version"], url=doc["url"])]
    lines.append(tr("Program scene: {scene}").format(scene=doc["program_scene"]))
    if doc["studio_mode"]:
        lines.append(tr("Studio mode: on, preview scene: {scene}").format(scene=doc["preview_scene"]))
    lines.append(tr("Scenes:"))
    for scene in doc["scenes"]:
        lines.append(("  * " if scene == doc["program_scene"] else "    ") + scene)
    lines.append(tr("Audio inputs:"))
    for audio in doc["audio_inputs"]:
        state = tr("muted") if audio["muted"] else tr("live")
        lines.append(f"    {audio['name']}  [{state}]  {audio['volume_db']:.1f} dB")
    if not doc["audio_inputs"]:
        lines.append("    " + tr("(none)"))
    stream, record, stats = doc["stream"], doc["record"], doc["stats"]
    lines.append(tr("Stream: {state} {timecode}").format(
        state=on if stream["active"] else off, timecode=stream["timecode"] if stream["active"] else ""))
    lines.append(tr("Record: {state} {timecode}").format(
        state=on if record["active"] else off, timecode=record["timecode"] if record["active"] else ""))
    render_pct = percent(int(stats["render_skipped_frames"] or 0), int(stats["render_total_frames"] or 0))
    enc_pct = percent(int(stats["encoder_skipped_frames"] or 0), int(stats["encoder_total_frames"] or 0))
    template = tr("Stats: {fps:.1f} fps, CPU {cpu:.1f} %, memory {mem:.0f} MB, render skipped {render:.1f} %, encoder skipped {enc:.1f} %, disk free {disk:.1f} GB")  # noqa: E501
    lines.append(template.format(
        fps=float(stats["fps"] or 0), cpu=float(stats["cpu_percent"] or 0),
        mem=float(stats["memory_mb"] or 0), render=render_pct, enc=enc_pct,
        disk=float(stats["disk_free_mb"] or 0) / 1024))
    return "\n".join(lines)


def run(endpoint: ObsEndpoint, as_json: bool, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    try:
        doc = collect(endpoint)
    except ObsError as exc:
        message = tr("Cannot connect to OBS at {url}: {reason}").format(url=endpoint.url, reason=exc)
        if as_json:
            out.write(json.dumps({"connected": False, "url": endpoint.url, "error": str(exc)}) + "\n")
        err.write(message + "\n")
        return EXIT_UNREACHABLE
    out.write((json.dumps(doc, indent=2, ensure_ascii=False) if as_json else render_text(doc)) + "\n")
    return EXIT_OK
