"""Reading checklists and platform profiles from TOML.

Shipped files live in the repository's ``checklists/`` (platform profiles in ``checklists/platforms/``);
the operator's own files in ``paths.data_dir()/checklists/`` (and ``…/platforms/``) replace shipped ones
with the same ``id``. A malformed file becomes a :class:`LoadError` naming the file, the line and the
problem; every other file still loads.
"""

from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import paths
from .model import GROUPS, KINDS, SEVERITIES, BitrateRange, Checklist, Item, PlatformProfile, Title
from .probes import PROBES

log = logging.getLogger(__name__)

SHIPPED_DIR = Path(__file__).resolve().parents[2] / "checklists"
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def user_dir() -> Path:
    return paths.data_dir() / "checklists"


@dataclass(frozen=True)
class LoadError:
    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.message}"


class SchemaError(ValueError):
    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class Catalog:
    checklists: dict[str, Checklist] = field(default_factory=dict)
    platforms: dict[str, PlatformProfile] = field(default_factory=dict)
    errors: list[LoadError] = field(default_factory=list)


def load_catalog(shipped: Path | None = None, user: Path | None = None) -> Catalog:
    """Every checklist and platform profile: shipped first, then the user's (same id → user's wins)."""
    catalog = Catalog()
    for base in (shipped or SHIPPED_DIR, user or user_dir()):
        for path in sorted(base.glob("*.toml")) if base.is_dir() else []:
            checklist = _load(path, parse_checklist, catalog.errors)
            if checklist is not None:
                if checklist.id in catalog.checklists:
                    log.info("Checklist %s from %s replaces %s", checklist.id, path,
                             catalog.checklists[checklist.id].source)
                catalog.checklists[checklist.id] = checklist
        platforms = base / "platforms"
        for path in sorted(platforms.glob("*.toml")) if platforms.is_dir() else []:
            profile = _load(path, parse_platform, catalog.errors)
            if profile is not None:
                catalog.platforms[profile.id] = profile
    for error in catalog.errors:
        log.warning("Checklist file skipped: %s", error)
    return catalog


def _load(path: Path, parse: Any, errors: list[LoadError]) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        errors.append(LoadError(path, None, f"cannot be read: {exc}"))
        return None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        message = str(getattr(exc, "msg", "") or exc)
        # Python 3.11's message already ends with "(at line N, column M)"; keep only the problem.
        message = re.sub(r"\s*\(at line \d+, column \d+\)$", "", message)
        if line is None:
            match = re.search(r"at line (\d+)", str(exc))
            line = int(match.group(1)) if match else None
        errors.append(LoadError(path, line, f"not valid TOML: {message}"))
        return None
    try:
        return parse(data, text, str(path))
    except SchemaError as exc:
        errors.append(LoadError(path, exc.line, str(exc)))
        return None


def _line_of(text: str, value: str, key: str = "id") -> int | None:
    """The line where ``key = "value"`` appears (for messages; TOML parsers give no key positions)."""
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=\s*[\"']{re.escape(value)}[\"']", re.M)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _title(value: Any, where: str, line: int | None) -> Title:
    if isinstance(value, str) and value:
        return Title(value, value)
    if not isinstance(value, dict) or not isinstance(value.get("en"), str) or not value["en"]:
        raise SchemaError(f"{where}: title must be a table with en and zh_TW, e.g. "
                          '{ en = "…", zh_TW = "…" }', line)
    zh = value.get("zh_TW", "")
    if not isinstance(zh, str):
        raise SchemaError(f"{where}: title.zh_TW must be text", line)
    return Title(value["en"], zh)


def _id(value: Any, where: str, line: int | None) -> str:
    if not isinstance(value, str) or not _ID.match(value):
        raise SchemaError(f"{where}: id must be text of letters, digits, '-', '_' or '.' (got {value!r})", line)
    return value


def _number(value: Any, where: str, line: int | None, *, positive: bool = True) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or (positive and value <= 0):
        raise SchemaError(f"{where} must be a {'positive ' if positive else ''}number (got {value!r})", line)
    return float(value)


def parse_checklist(data: dict[str, Any], text: str = "", source: str = "") -> Checklist:
    checklist_id = _id(data.get("id"), "the checklist", 1)
    title = _title(data.get("title"), f"checklist {checklist_id!r}", _line_of(text, checklist_id))
    raw_items = data.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        raise SchemaError(f"checklist {checklist_id!r} has no [[items]]", None)
    items: list[Item] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_items, 1):
        if not isinstance(raw, dict):
            raise SchemaError(f"item {index} is not a table", None)
        line = _line_of(text, str(raw.get("id", "")))
        item_id = _id(raw.get("id"), f"item {index}", line)
        where = f"item {item_id!r}"
        if item_id in seen:
            raise SchemaError(f"{where}: the id is used twice", line)
        seen.add(item_id)
        known = {"id", "title", "group", "severity", "kind", "probe", "params", "interval_days", "timeout_s", "help"}
        unknown = sorted(set(raw) - known)
        if unknown:
            raise SchemaError(f"{where}: unknown key(s) {', '.join(unknown)} (known: {', '.join(sorted(known))})",
                              line)
        group = raw.get("group")
        if group not in GROUPS:
            raise SchemaError(f"{where}: group must be one of {', '.join(GROUPS)} (got {group!r})", line)
        severity = raw.get("severity", "required")
        if severity not in SEVERITIES:
            raise SchemaError(f"{where}: severity must be required or advisory (got {severity!r})", line)
        kind = raw.get("kind", "probe" if "probe" in raw else "manual")
        if kind not in KINDS:
            raise SchemaError(f"{where}: kind must be manual or probe (got {kind!r})", line)
        params = raw.get("params", {})
        if not isinstance(params, dict):
            raise SchemaError(f"{where}: params must be a table", line)
        probe = raw.get("probe", "")
        if kind == "probe":
            if probe not in PROBES:
                raise SchemaError(f"{where}: unknown probe {probe!r} (known: {', '.join(sorted(PROBES))})", line)
            spec = PROBES[probe]
            missing = [p for p in spec.required if p not in params]
            if missing:
                raise SchemaError(f"{where}: probe {probe} needs parameter(s) {', '.join(missing)}", line)
            extra = sorted(set(params) - set(spec.required) - set(spec.optional))
            if extra:
                raise SchemaError(f"{where}: probe {probe} has no parameter(s) {', '.join(extra)}", line)
        elif probe or params:
            raise SchemaError(f"{where}: a manual item takes no probe or params", line)
        interval = raw.get("interval_days")
        if interval is not None:
            interval = _number(interval, f"{where}: interval_days", line)
        elif group == "maintenance":
            raise SchemaError(f"{where}: a maintenance item needs interval_days", line)
        timeout = raw.get("timeout_s")
        if timeout is not None:
            timeout = _number(timeout, f"{where}: timeout_s", line)
        help_text = raw.get("help", "")
        if not isinstance(help_text, str):
            raise SchemaError(f"{where}: help must be text", line)
        items.append(Item(item_id, _title(raw.get("title"), where, line), str(group), severity == "required",
                          str(kind), str(probe), dict(params), interval, timeout, help_text))
    return Checklist(checklist_id, title, tuple(items), source)


def parse_platform(data: dict[str, Any], text: str = "", source: str = "") -> PlatformProfile:
    platform_id = _id(data.get("id"), "the platform profile", 1)
    where = f"platform {platform_id!r}"
    title = _title(data.get("title"), where, _line_of(text, platform_id))

    def strings(key: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SchemaError(f"{where}: {key} must be a list of text", None)
        return tuple(value)

    patterns = strings("ingest_patterns")
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise SchemaError(f"{where}: ingest pattern {pattern!r} is not a regular expression: {exc}",
                              None) from exc
    resolutions = data.get("resolutions", [])
    if not isinstance(resolutions, list) or not all(
            isinstance(r, list) and len(r) == 2 and all(isinstance(n, int) and n > 0 for n in r)
            for r in resolutions):
        raise SchemaError(f"{where}: resolutions must be a list of [width, height] pairs", None)
    fps = data.get("fps", [])
    if not isinstance(fps, list):
        raise SchemaError(f"{where}: fps must be a list of numbers", None)
    bitrates: list[BitrateRange] = []
    for row in data.get("bitrates", []):
        if not isinstance(row, dict):
            raise SchemaError(f"{where}: each [[bitrates]] must be a table", None)
        try:
            low, high = int(row["min_kbps"]), int(row["max_kbps"])
            bitrates.append(BitrateRange(int(row["height"]), float(row["fps"]), low, high))
        except (KeyError, TypeError, ValueError) as exc:
            raise SchemaError(f"{where}: [[bitrates]] needs height, fps, min_kbps, max_kbps ({exc})", None) from exc
        if low > high:
            raise SchemaError(f"{where}: [[bitrates]] {row['height']}p{row['fps']}: min_kbps above max_kbps", None)
    key_s = data.get("keyframe_interval_s")
    max_key_s = data.get("max_keyframe_interval_s")
    return PlatformProfile(
        platform_id, title, patterns, strings("obs_services"),
        tuple((int(w), int(h)) for w, h in resolutions),
        tuple(_number(f, f"{where}: fps", None) for f in fps), tuple(bitrates),
        None if key_s is None else _number(key_s, f"{where}: keyframe_interval_s", None),
        None if max_key_s is None else _number(max_key_s, f"{where}: max_keyframe_interval_s", None),
        source)
