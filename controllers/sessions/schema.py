"""The session database schema, as numbered migrations applied in order (``PRAGMA user_version``)."""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: sessions with samples, events, chat and viewer counts
    """
    CREATE TABLE sessions (
        id                INTEGER PRIMARY KEY,
        kind              TEXT NOT NULL DEFAULT 'stream',    -- stream | rehearsal | imported
        title             TEXT NOT NULL DEFAULT '',
        platform          TEXT NOT NULL DEFAULT '',
        status            TEXT NOT NULL,                     -- live | ended | interrupted
        started_at        REAL NOT NULL,                     -- Unix seconds (UTC)
        ended_at          REAL,
        last_seen_at      REAL NOT NULL,                     -- newest sample/event: where a crash closes it
        obs_version       TEXT NOT NULL DEFAULT '',
        websocket_version TEXT NOT NULL DEFAULT '',
        video_json        TEXT NOT NULL DEFAULT '{}',
        recording_path    TEXT
    );
    CREATE INDEX sessions_started ON sessions(started_at);
    CREATE TABLE samples (
        session_id      INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        t               REAL NOT NULL,
        fps             REAL, cpu REAL, memory_mb REAL, disk_mb REAL,
        render_skipped  INTEGER, render_total INTEGER,
        encoder_skipped INTEGER, encoder_total INTEGER,
        net_dropped     INTEGER, net_total INTEGER,
        bytes           INTEGER, kbps REAL, congestion REAL,
        reconnecting    INTEGER NOT NULL DEFAULT 0,
        duration_ms     INTEGER
    );
    CREATE INDEX samples_session_t ON samples(session_id, t);
    CREATE TABLE events (
        id         INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        t          REAL NOT NULL,
        kind       TEXT NOT NULL,
        detail     TEXT NOT NULL DEFAULT '',
        data_json  TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX events_session_t ON events(session_id, t);
    CREATE TABLE chat_messages (
        id            INTEGER PRIMARY KEY,
        session_id    INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        t             REAL NOT NULL,
        platform      TEXT NOT NULL,
        message_id    TEXT,
        author        TEXT NOT NULL,
        author_id     TEXT,
        text          TEXT NOT NULL,
        roles         TEXT NOT NULL DEFAULT '',
        paid_amount   REAL,
        paid_currency TEXT,
        data_json     TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX chat_session_t ON chat_messages(session_id, t);
    CREATE TABLE viewer_samples (
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        t          REAL NOT NULL,
        platform   TEXT NOT NULL,
        viewers    INTEGER NOT NULL
    );
    CREATE INDEX viewers_session_t ON viewer_samples(session_id, t);
    """,
    # 2: pre-stream / maintenance check runs (controllers/checklists/history.py)
    """
    CREATE TABLE check_runs (
        id              INTEGER PRIMARY KEY,
        checklist_id    TEXT NOT NULL,
        platform        TEXT NOT NULL DEFAULT '',
        started_at      REAL NOT NULL,
        finished_at     REAL NOT NULL,
        operator        TEXT NOT NULL DEFAULT '',
        overall         TEXT NOT NULL,                     -- ready | blocked | incomplete
        override_reason TEXT,                              -- set when the operator went live anyway
        override_at     REAL,
        session_id      INTEGER REFERENCES sessions(id) ON DELETE SET NULL
    );
    CREATE INDEX check_runs_checklist_t ON check_runs(checklist_id, started_at);
    CREATE TABLE check_results (
        run_id      INTEGER NOT NULL REFERENCES check_runs(id) ON DELETE CASCADE,
        item_id     TEXT NOT NULL,
        required    INTEGER NOT NULL,
        automatic   INTEGER NOT NULL,
        status      TEXT NOT NULL,                         -- pass | fail | error | could_not_check | manual
        reason      TEXT NOT NULL DEFAULT '',
        note        TEXT NOT NULL DEFAULT '',
        duration_ms INTEGER NOT NULL DEFAULT 0,
        detail_json TEXT NOT NULL DEFAULT '{}',
        PRIMARY KEY (run_id, item_id)
    );
    CREATE INDEX check_results_item ON check_results(item_id, status);
    """,
    # 3: post-stream review: goals, session notes, imported platform analytics (controllers/review)
    """
    ALTER TABLE sessions ADD COLUMN notes TEXT NOT NULL DEFAULT '';
    CREATE TABLE goals (
        id         INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        metric     TEXT NOT NULL,                          -- a report key, e.g. peak_viewers, engagement_rate
        op         TEXT NOT NULL CHECK (op IN ('>=', '<=')),
        target     REAL NOT NULL,
        UNIQUE (session_id, metric, op)
    );
    CREATE TABLE imports (
        id          INTEGER PRIMARY KEY,
        session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        platform    TEXT NOT NULL,                         -- youtube | twitch | facebook
        kind        TEXT NOT NULL,                         -- e.g. youtube_studio, youtube_live_viewership
        source_name TEXT NOT NULL,                         -- file name as given (for the operator)
        sha256      TEXT NOT NULL,                         -- the same file imported again replaces the old import
        imported_at REAL NOT NULL
    );
    CREATE INDEX imports_session ON imports(session_id);
    CREATE TABLE imported_metrics (                        -- scalar totals, canonical metric keys
        import_id  INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        metric     TEXT NOT NULL,
        value      REAL NOT NULL,
        PRIMARY KEY (import_id, metric)
    );
    CREATE TABLE imported_series (                         -- time series on absolute Unix seconds
        import_id  INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        metric     TEXT NOT NULL,
        t          REAL NOT NULL,
        value      REAL NOT NULL
    );
    CREATE INDEX imported_series_session ON imported_series(session_id, metric, t);
    CREATE TABLE imported_breakdowns (                     -- age / gender / geography / retention tables
        import_id  INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        dimension  TEXT NOT NULL,                          -- age | gender | geography | city | day | retention
        key        TEXT NOT NULL,                          -- '18-24', 'female', 'TW', position '0.25' (retention)
        metric     TEXT NOT NULL,                          -- e.g. views_pct, watch_time_pct, audience_pct
        value      REAL NOT NULL
    );
    CREATE INDEX imported_breakdowns_session ON imported_breakdowns(session_id, dimension);
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)

SAMPLE_COLUMNS = ("session_id", "t", "fps", "cpu", "memory_mb", "disk_mb", "render_skipped", "render_total",
                  "encoder_skipped", "encoder_total", "net_dropped", "net_total", "bytes", "kbps", "congestion",
                  "reconnecting", "duration_ms")
CHAT_COLUMNS = ("session_id", "t", "platform", "message_id", "author", "author_id", "text", "roles",
                "paid_amount", "paid_currency", "data_json")
EVENT_COLUMNS = ("session_id", "t", "kind", "detail", "data_json")
VIEWER_COLUMNS = ("session_id", "t", "platform", "viewers")
