"""The database schema as numbered migrations. `PRAGMA user_version` records how many have been
applied; a database whose version is higher than this code knows is refused, never touched.
Add a migration by appending to MIGRATIONS; never edit one that has shipped."""

from __future__ import annotations

APPLICATION_ID = 0x76744442  # "vtDB": tells our databases from other SQLite files

MIGRATIONS: tuple[str, ...] = (
    # 1: scan snapshot, blob cache, commit history cache, append-only decisions
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE scans (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL, finished_at TEXT NOT NULL,
        head TEXT, head_time INTEGER, is_git INTEGER NOT NULL, shallow INTEGER NOT NULL,
        window_days INTEGER NOT NULL, analyzer TEXT NOT NULL, config TEXT NOT NULL,
        files INTEGER NOT NULL, parsed INTEGER NOT NULL, cached INTEGER NOT NULL,
        skipped INTEGER NOT NULL, other_files INTEGER NOT NULL, duration_s REAL NOT NULL
    );
    CREATE TABLE blob_facts (
        blob_id TEXT NOT NULL, language TEXT NOT NULL, analyzer TEXT NOT NULL, facts TEXT NOT NULL,
        PRIMARY KEY (blob_id, language, analyzer)
    ) WITHOUT ROWID;
    CREATE TABLE files (
        path TEXT PRIMARY KEY, language TEXT NOT NULL, blob_id TEXT NOT NULL,
        size INTEGER NOT NULL, loc INTEGER NOT NULL,
        cyclomatic INTEGER NOT NULL, cognitive INTEGER NOT NULL, nesting INTEGER NOT NULL,
        lines INTEGER NOT NULL, regions INTEGER NOT NULL,
        commits INTEGER NOT NULL, lines_added INTEGER NOT NULL, lines_deleted INTEGER NOT NULL,
        authors INTEGER NOT NULL, ai_commits INTEGER NOT NULL,
        first_change INTEGER, last_change INTEGER,
        commits_all INTEGER NOT NULL, lines_all INTEGER NOT NULL, authors_all INTEGER NOT NULL,
        score REAL NOT NULL, breakdown TEXT NOT NULL
    );
    CREATE TABLE regions (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL, kind TEXT NOT NULL, qualname TEXT NOT NULL, ordinal INTEGER NOT NULL,
        start_line INTEGER NOT NULL, end_line INTEGER NOT NULL, fingerprint TEXT NOT NULL,
        cyclomatic INTEGER NOT NULL, cognitive INTEGER NOT NULL, nesting INTEGER NOT NULL,
        length INTEGER NOT NULL, params INTEGER NOT NULL,
        score REAL NOT NULL, breakdown TEXT NOT NULL,
        UNIQUE (path, kind, qualname, ordinal)
    );
    CREATE INDEX regions_by_score ON regions (score DESC);
    CREATE TABLE diagnostics (
        path TEXT NOT NULL, status TEXT NOT NULL, reason TEXT NOT NULL, detail TEXT NOT NULL
    );
    -- seq keeps git's topological order (newest first) that following renames depends on;
    -- author dates cannot be trusted to give it.
    CREATE TABLE commits (
        sha TEXT PRIMARY KEY, seq INTEGER NOT NULL, author_time INTEGER NOT NULL,
        author_name TEXT NOT NULL, author_email TEXT NOT NULL, ai INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE commit_files (
        sha TEXT NOT NULL, path TEXT NOT NULL, old_path TEXT, added INTEGER, deleted INTEGER
    );
    CREATE INDEX commit_files_by_sha ON commit_files (sha);
    CREATE TABLE decisions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        uid TEXT NOT NULL UNIQUE,
        at TEXT NOT NULL, actor TEXT NOT NULL,
        path TEXT NOT NULL, kind TEXT NOT NULL, qualname TEXT NOT NULL, ordinal INTEGER NOT NULL,
        fingerprint TEXT NOT NULL,
        tag TEXT NOT NULL CHECK (tag IN ('load-bearing', 'reviewed', 'prototype-track')),
        removed INTEGER NOT NULL DEFAULT 0,
        note TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX decisions_by_path ON decisions (path);
    -- Where a region went when a scan saw it renamed (same code, new name or ordinal), so its
    -- decisions keep following it through later edits. Appended by scans, never changed.
    CREATE TABLE region_moves (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL, kind TEXT NOT NULL, qualname TEXT NOT NULL, ordinal INTEGER NOT NULL,
        to_path TEXT NOT NULL, to_kind TEXT NOT NULL, to_qualname TEXT NOT NULL, to_ordinal INTEGER NOT NULL,
        scan_at TEXT NOT NULL
    );
    -- Decisions are append-only: the database itself refuses to change or delete one.
    CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
        BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
    CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
        BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
    """,
    # 2: findings (ours and imported), test evidence, and the blob cache keyed by the file's role
    # (a test file's facts include its tests); the cache is rebuilt, nothing else is lost.
    """
    DROP TABLE blob_facts;
    CREATE TABLE blob_facts (
        blob_id TEXT NOT NULL, language TEXT NOT NULL, role TEXT NOT NULL, analyzer TEXT NOT NULL,
        facts TEXT NOT NULL,
        PRIMARY KEY (blob_id, language, role, analyzer)
    ) WITHOUT ROWID;
    ALTER TABLE files ADD COLUMN role TEXT NOT NULL DEFAULT 'source';
    ALTER TABLE regions ADD COLUMN evidence TEXT NOT NULL DEFAULT 'none';
    ALTER TABLE regions ADD COLUMN evidence_detail TEXT NOT NULL DEFAULT '';
    ALTER TABLE regions ADD COLUMN covered REAL;
    CREATE TABLE findings (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL, start_line INTEGER NOT NULL, end_line INTEGER NOT NULL,
        rule_id TEXT NOT NULL, tool TEXT NOT NULL, severity TEXT NOT NULL, confidence TEXT NOT NULL,
        cwe TEXT, message TEXT NOT NULL, suppressed TEXT,
        region_kind TEXT, region_qualname TEXT, region_ordinal INTEGER
    );
    CREATE INDEX findings_by_path ON findings (path, start_line);
    -- One row per commit and file ('' for no rename): two scans racing cannot count a change twice.
    DELETE FROM commit_files WHERE rowid NOT IN (
        SELECT min(rowid) FROM commit_files GROUP BY sha, path, coalesce(old_path, ''));
    UPDATE commit_files SET old_path = '' WHERE old_path IS NULL;
    CREATE UNIQUE INDEX commit_files_unique ON commit_files (sha, path, old_path);
    -- Reports brought in by the user (--sarif, --coverage). Kept across scans; a new import of the
    -- same kind and tool replaces the older one.
    CREATE TABLE imports (
        id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: the scan tells imports apart by id
        kind TEXT NOT NULL, tool TEXT NOT NULL, source TEXT NOT NULL,
        imported_at TEXT NOT NULL
    );
    CREATE TABLE imported_findings (
        import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
        rule_id TEXT NOT NULL, tool TEXT NOT NULL, severity TEXT NOT NULL, confidence TEXT NOT NULL,
        cwe TEXT, path TEXT NOT NULL, start_line INTEGER NOT NULL, end_line INTEGER NOT NULL,
        message TEXT NOT NULL, suppressed TEXT
    );
    CREATE TABLE imported_coverage (
        import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
        path TEXT NOT NULL, covered TEXT NOT NULL, measured TEXT NOT NULL  -- JSON line lists
    );
    """,
    # 3: onboarding tours (ordered stops: a region, or a line of a file, and a note; where the
    # reader is), and decisions read in time order.
    """
    CREATE TABLE tours (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        position INTEGER NOT NULL DEFAULT 0  -- the stop the reader is at, to resume there
    );
    CREATE TABLE tour_stops (
        tour_id INTEGER NOT NULL REFERENCES tours (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        path TEXT NOT NULL,
        kind TEXT, qualname TEXT, ordinal INTEGER,  -- the region, or NULL for a line of the file
        line INTEGER,
        note TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (tour_id, seq)
    );
    -- Decisions are ordered by time, ties by uid, the same in every clone. Times had whole seconds:
    -- those recorded within one second get microseconds in the order they were recorded, so that
    -- order survives (a tag and its removal); history is otherwise untouched.
    CREATE TEMP TABLE decision_ties AS
        SELECT id, (SELECT count(*) FROM decisions d2 WHERE d2.at = d.at AND d2.id < d.id) AS k
        FROM decisions d WHERE length(at) = 25;
    DROP TRIGGER decisions_no_update;
    UPDATE decisions SET at = substr(at, 1, 19) || printf('.%06d', (SELECT k FROM decision_ties t WHERE t.id = decisions.id))
        || substr(at, 20) WHERE id IN (SELECT id FROM decision_ties);
    CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
        BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
    DROP TABLE decision_ties;
    CREATE INDEX decisions_in_time ON decisions (at, uid);
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
