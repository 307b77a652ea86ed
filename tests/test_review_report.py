"""The review's JSON and CSV reports (stable keys, hand-checked values) and ``main.py report`` / ``goals``."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from controllers.review import goals as goals_mod
from controllers.review.build import build_review
from controllers.review.model import REPORT_KEYS
from controllers.review.report import CSV_FILES, ReportError, report_dict, write_csv, write_json
from controllers.sessions.store import connect, migrate
from tests.test_review_indicators import make_imported_session, make_session_a

ROOT = Path(__file__).resolve().parents[1]

#: The JSON report's top-level keys, in order: changing them breaks users' scripts (docs/REVIEW.md).
STABLE_KEYS = ["format", "version", "session", *REPORT_KEYS, "lights", "sources", "paid_currency", "paid_amounts",
               "obs_outage_s", "imported", "imports", "goal_source", "goals", "comparison", "breakdowns", "retention",
               "outages", "markers"]
SESSION_KEYS = ["id", "title", "platform", "kind", "status", "started_at", "ended_at", "started_at_iso",
                "ended_at_iso", "notes", "recording_path", "recording_started_at"]


@pytest.fixture
def db(onair_home: Path) -> sqlite3.Connection:
    path = onair_home / "data" / "sessions.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = connect(path)
    migrate(conn, path)
    return conn


def test_json_report_keys_and_values(db: sqlite3.Connection, tmp_path: Path) -> None:
    sid = make_session_a(db)
    goals_mod.set_goal(db, sid, goals_mod.make_goal("peak_viewers", ">=", 30))
    goals_mod.set_goal(db, sid, goals_mod.make_goal("new_followers", ">=", 50))
    review = build_review(db, sid, templates={})
    assert review is not None
    out = write_json(review, tmp_path / "deep" / "r.json")
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert list(doc) == STABLE_KEYS
    assert list(doc["session"]) == SESSION_KEYS
    assert doc["format"] == "onair-review" and doc["version"] == 1
    assert doc["session"]["started_at_iso"] == "1970-01-01T00:16:40+00:00"
    assert doc["duration_s"] == 20 and doc["avg_viewers"] == 25 and doc["unique_chatters"] == 6
    assert doc["cpu_p95"] == 48 and doc["fps_mean"] == 53.6
    assert doc["hours_watched"] == round(500 / 3600, 6)
    assert doc["reach"] is None                                  # unknown → null, never 0
    assert doc["paid_currency"] == "USD" and doc["paid_amounts"] == {"BITS": 100, "USD": 7}
    assert doc["goals"] == [{"metric": "peak_viewers", "op": ">=", "target": 30, "actual": 30, "met": True},
                            {"metric": "new_followers", "op": ">=", "target": 50, "actual": None, "met": None}]
    assert doc["lights"]["encoder_skipped_pct"] == "red"
    assert doc["outages"] == [{"start": 1003.5, "end": 1008.5, "duration_s": 5},
                              {"start": 1009.0, "end": 1010.5, "duration_s": 1.5}]
    assert doc["markers"] == [{"t": 1005.0, "note": "giveaway"}]
    assert doc["retention"] is None and doc["comparison"] == [] and doc["imports"] == []
    assert not list(out.parent.glob(".r.json.*"))               # no temporary file left


def test_json_report_imports(db: sqlite3.Connection) -> None:
    review = build_review(db, make_imported_session(db), templates={})
    assert review is not None
    doc = report_dict(review)
    assert list(doc) == STABLE_KEYS
    assert doc["imported"]["views"] == 1000 and doc["imported"]["peak_viewers"] == 350
    assert doc["retention"] == [[0, 100], [0.5, 40], [1, 10]]
    assert doc["breakdowns"][2] == {"dimension": "geography", "metric": "views_pct", "platform": "youtube",
                                    "rows": [["TW", 50], ["US", 30], ["JP", 20]]}
    json.dumps(doc)  # plain JSON types only


def test_csv_report(db: sqlite3.Connection, tmp_path: Path) -> None:
    sid = make_session_a(db)
    goals_mod.set_goal(db, sid, goals_mod.make_goal("dropped_frames_pct", "<=", 0.5))
    review = build_review(db, sid, templates={})
    assert review is not None
    written = write_csv(review, tmp_path / "csv")
    assert [p.name for p in written] == list(CSV_FILES)

    def read(name: str) -> list[dict[str, str]]:
        with open(tmp_path / "csv" / name, encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))

    rows = {r["key"]: r for r in read("indicators.csv")}
    assert list(rows) == list(REPORT_KEYS)
    assert rows["avg_bitrate_kbps"] == {"key": "avg_bitrate_kbps", "value": "5750", "unit": "kbit/s", "source": "obs",
                                        "light": "", "goal": "", "goal_met": ""}
    assert rows["dropped_frames_pct"]["light"] == "green"
    assert (rows["dropped_frames_pct"]["goal"], rows["dropped_frames_pct"]["goal_met"]) == ("<= 0.5", "no")
    assert rows["paid_amount"]["unit"] == "USD"
    assert rows["reach"]["value"] == ""
    # one minute (960..1020): each series' points in it averaged
    (minute,) = read("series_per_minute.csv")
    assert minute["minute_utc"] == "1970-01-01T00:16:00+00:00" and minute["t"] == "960"
    assert float(minute["viewers"]) == 20.0                      # (10 + 20 + 30) / 3
    assert minute["chat_per_minute"] == "8"
    assert float(minute["bitrate_kbps"]) == 5750.0
    assert float(minute["dropped_frames_pct"]) == pytest.approx((100 / 60 + 0 + 5 + 0) / 4, abs=1e-6)
    assert float(minute["cpu"]) == 30.0 and float(minute["fps"]) == pytest.approx(53.6)
    assert read("goals.csv") == [{"metric": "dropped_frames_pct", "op": "<=", "target": "0.5", "actual": "1",
                                  "met": "no"}]
    assert [(e["kind"], e["label"]) for e in read("events.csv")][:2] == [("scene", "Intro"), ("record_started", "")]
    (tmp_path / "file").write_text("x")
    with pytest.raises(ReportError, match="is a file"):
        write_csv(review, tmp_path / "file")
    with pytest.raises(ReportError, match="Cannot write"):
        write_json(review, tmp_path / "file" / "r.json")


def _env(onair_home: Path, home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ONAIR_", "XDG_")) and k != "HOME"}
    env.update({"ONAIR_HOME": str(onair_home), "HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
                "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"})
    return env


def test_cli_report_and_goals(db: sqlite3.Connection, onair_home: Path, tmp_path: Path) -> None:
    sid = make_session_a(db)
    db.close()
    home = tmp_path / "home"
    home.mkdir()
    (tmp_path / "a_file").write_text("x")
    cases = {
        "json": ["report", str(sid), "--format", "json", "--out", str(tmp_path / "r.json")],
        "csv": ["report", str(sid), "--format", "csv", "--out", str(tmp_path / "csv")],
        "missing": ["report", "999", "--format", "json", "--out", str(tmp_path / "x.json")],
        "not_a_number": ["report", "abc", "--format", "json", "--out", str(tmp_path / "x.json")],
        "unwritable": ["report", str(sid), "--format", "json", "--out", str(tmp_path / "a_file" / "r.json")],
        "goal_bad_metric": ["goals", str(sid), "set", "viewers", ">=", "3"],
        "goal_bad_target": ["goals", str(sid), "set", "peak_viewers", ">=", "lots"],
        "goal_missing_session": ["goals", "999", "list"],
        "template": ["goals", "twitch", "set", "fps_min", ">=", "50"],
    }
    procs = {name: subprocess.Popen([sys.executable, "main.py", *args], cwd=ROOT, text=True, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, env=_env(onair_home, home)) for name, args in cases.items()}
    res = {name: (p.wait(60), p.stdout.read() if p.stdout else "", p.stderr.read() if p.stderr else "")
           for name, p in procs.items()}
    assert res["json"][0] == 0, res["json"]
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["avg_viewers"] == 25
    assert res["csv"][0] == 0 and res["csv"][1].count("Wrote ") == len(CSV_FILES)
    for name, message in (("missing", "there is no session 999"), ("not_a_number", "abc is not a session id"),
                          ("unwritable", "Cannot write"), ("goal_bad_metric", "Unknown metric 'viewers'"),
                          ("goal_bad_target", "'lots' is not a number"), ("goal_missing_session", "no session 999")):
        code, out, err = res[name]
        assert code == 1, (name, out, err)
        assert message in err, (name, err)
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, (name, err)
    assert res["template"][0] == 0, res["template"]
    assert goals_mod.load_templates(onair_home / "data" / "goal_templates.json") == {
        "twitch": [goals_mod.Goal("fps_min", ">=", 50.0)]}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, text=True, capture_output=True,
                              env=_env(onair_home, home), timeout=60)

    listed = run("goals", str(sid), "list")   # no goals of its own: the twitch template applies
    assert listed.returncode == 0 and "template" in listed.stdout and "fps_min >= 50" in listed.stdout
    assert run("goals", str(sid), "set", "peak_viewers", ">=", "300").returncode == 0
    listed = run("goals", str(sid), "list")
    assert listed.stdout.splitlines() == ["  peak_viewers >= 300"]
    report = run("report", str(sid), "--format", "json", "--out", str(tmp_path / "g.json"))
    assert report.returncode == 0, report.stderr
    goals = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))["goals"]
    assert goals == [{"metric": "peak_viewers", "op": ">=", "target": 300, "actual": 30, "met": False}]
    cleared = run("goals", str(sid), "clear")
    assert cleared.returncode == 0 and "1 goal(s) removed" in cleared.stdout
