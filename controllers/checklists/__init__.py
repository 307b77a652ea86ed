"""Pre-stream checklists and the maintenance schedule: data in TOML, automatic OBS probes, run history
and the go-live gate. Headless (no Qt widgets); see docs/ARCHITECTURE.md › controllers/checklists."""

from .engine import ManualTick, result_dict, run_checks, run_with_worker
from .history import (
    DueItem,
    GateStatus,
    StoredRun,
    due_items,
    gate_status,
    last_passes,
    latest_run,
    list_runs,
    record_override,
    save_run,
)
from .loader import Catalog, LoadError, load_catalog, user_dir
from .model import (
    BitrateRange,
    Checklist,
    Item,
    ItemResult,
    PlatformProfile,
    Readiness,
    RunResult,
    Status,
    Title,
)
from .probes import PROBES, MeterTap, WorkerRequests

__all__ = [
    "PROBES", "BitrateRange", "Catalog", "Checklist", "DueItem", "GateStatus", "Item", "ItemResult", "LoadError",
    "ManualTick", "MeterTap", "PlatformProfile", "Readiness", "RunResult", "Status", "StoredRun", "Title",
    "WorkerRequests", "due_items", "gate_status", "last_passes", "latest_run", "list_runs", "load_catalog",
    "record_override", "result_dict", "run_checks", "run_with_worker", "save_run", "user_dir",
]
