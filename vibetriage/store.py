"""The SQLite store: one database per analyzed repository, read and written only through this API.

Every write is one `BEGIN IMMEDIATE` transaction on a WAL database with a busy timeout, so two
sessions on one database both keep their writes. A file that is not a SQLite database, is not one
of ours, or was written by a newer schema is refused with a StoreError and never modified.
The store returns model dataclasses, not rows. SQL is parameterised everywhere.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from functools import cached_property
from pathlib import Path

import orjson

from vibetriage.decisions import Move, attach, derive, find_moves, follow
from vibetriage.model import (
    MAX_NOTE_CHARS,
    TAGS,
    Commit,
    Decision,
    Diagnostic,
    FileChange,
    FileChurn,
    FileSummary,
    Finding,
    Metrics,
    NewDecision,
    RankedFile,
    RankedRegion,
    Region,
    RegionKey,
    RegionState,
    RegionSummary,
    RiskScore,
    ScanInfo,
    ScorePart,
    SourceFile,
    TestEvidence,
    Tour,
    TourStop,
)
from vibetriage.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT_S = 10.0
DEFAULT_DB = Path(".vibetriage") / "triage.db"


class StoreError(Exception):
    """The database cannot be used; the message says what and what to do."""


def now_iso() -> str:
    # Microseconds: decisions are ordered by time in every clone, and a tag and its undo can come
    # within one second.
    return datetime.now(UTC).isoformat(timespec="microseconds")


class Store:
    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path = path
        self.conn = conn

    @cached_property
    def db(self):
        """sqlite-utils on our connection, for bulk inserts. Imported on first write: it costs more
        to import than an up-to-date re-scan takes in total."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn, execute_plugins=False)

    @staticmethod
    def preload() -> None:
        """Import what the first write needs (0.2 s for sqlite-utils), e.g. on a thread that
        would otherwise wait: a scan does it while its parser processes work."""
        import sqlite_utils  # noqa: F401

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, create: bool = True) -> Store:
        path = Path(path)
        # A link could point the database (or its .gitignore) anywhere outside the repository.
        if path.is_symlink() or path.parent.is_symlink():
            raise StoreError(f"{path} is (or is inside) a symbolic link; vibetriage does not follow links: pass --db with a real path")
        if not path.exists():
            if not create:
                raise StoreError(f"no database at {path}: run `vibetriage scan` first")
            created = not path.parent.exists()
            path.parent.mkdir(parents=True, exist_ok=True)
            if created:
                _ignore_db_in_git(path.parent)
        elif path.is_dir():
            raise StoreError(f"{path} is a directory, not a database file")
        try:
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {path}: {exc}") from exc
        store = cls(path, conn)
        try:
            store._check_and_migrate()
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(f"{path} is not a readable vibetriage database ({exc}); move it aside or pass --db") from exc
        except StoreError:
            conn.close()
            raise
        return store

    def _check_and_migrate(self) -> None:
        c = self.conn
        version = c.execute("PRAGMA user_version").fetchone()[0]  # raises on a non-database file
        app_id = c.execute("PRAGMA application_id").fetchone()[0]
        has_tables = c.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
        if has_tables and app_id != APPLICATION_ID:
            raise StoreError(f"{self.path} is a SQLite database but not a vibetriage one; pass another --db")
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer vibetriage (schema {version}, this one knows {SCHEMA_VERSION}); upgrade vibetriage"
            )
        c.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        c.execute("PRAGMA trusted_schema = OFF")  # a planted trigger or view cannot call functions
        c.execute("PRAGMA foreign_keys = ON")
        if c.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            c.execute("PRAGMA journal_mode = WAL")
        c.execute("PRAGMA synchronous = NORMAL")
        if version == SCHEMA_VERSION:
            return
        with self.transaction():
            # Re-read under the write lock: another process may have migrated meanwhile.
            version = c.execute("PRAGMA user_version").fetchone()[0]
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                for statement in _statements(script):
                    c.execute(statement)
                c.execute(f"PRAGMA user_version = {number}")  # PRAGMA takes no parameters
            c.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction, taken with BEGIN IMMEDIATE so it waits for (rather than fails
        against) a concurrent writer. sqlite-utils calls inside it become savepoints."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- meta --------------------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, values: dict[str, str]) -> None:
        """Write meta keys; call inside a transaction."""
        self.conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", list(values.items()))

    # -- blob cache --------------------------------------------------------------------------

    # A blob's facts are keyed by (blob id, language, role): a test file's facts include its tests.

    def cached_blobs(self, analyzer: str) -> set[tuple[str, str, str]]:
        rows = self.conn.execute("SELECT blob_id, language, role FROM blob_facts WHERE analyzer = ?", (analyzer,))
        return set(rows)

    def blob_facts(self, analyzer: str, keys: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str, str], dict]:
        wanted = set(keys)
        out = {}
        for blob_id, language, role, facts in self.conn.execute(
            "SELECT blob_id, language, role, facts FROM blob_facts WHERE analyzer = ?", (analyzer,)
        ):
            if (blob_id, language, role) in wanted:
                out[(blob_id, language, role)] = orjson.loads(facts)
        return out

    def put_blob_facts(self, analyzer: str, facts: dict[tuple[str, str, str], dict]) -> None:
        with self.transaction():
            self.conn.executemany(
                "INSERT OR REPLACE INTO blob_facts (blob_id, language, role, analyzer, facts) VALUES (?, ?, ?, ?, ?)",
                [(b, lang, role, analyzer, orjson.dumps(f).decode()) for (b, lang, role), f in facts.items()],
            )

    def blob_sizes(self) -> dict[str, int]:
        """The size of every blob the last scan analyzed, by blob id."""
        return dict(self.conn.execute("SELECT blob_id, size FROM files"))

    def prune_blob_facts(self, analyzer: str) -> None:
        """Drop cache entries of other analyzer versions, which can never be read again."""
        with self.transaction():
            self.conn.execute("DELETE FROM blob_facts WHERE analyzer != ?", (analyzer,))

    # -- history cache -----------------------------------------------------------------------

    def add_commits(self, commits: Iterable[Commit], *, replace: bool, state: dict[str, str], expect_head: str | None) -> None:
        """Store commits read from git, newest first in topological order, ahead of the ones already
        cached (they are newer); `replace` drops the cache first (history rewritten, window widened).
        If another scan moved the cached history on since this one read `expect_head`, its commits
        are already there: nothing is stored twice."""
        commits = list(commits)
        with self.transaction():
            if not replace and self.meta("history_head") != expect_head:
                return
            if replace:
                self.conn.execute("DELETE FROM commits")
                self.conn.execute("DELETE FROM commit_files")
            first = self.conn.execute("SELECT coalesce(min(seq), 0) FROM commits").fetchone()[0] - len(commits)
            _bulk(self.conn, "INSERT OR REPLACE INTO commits (sha, seq, author_time, author_name, author_email, ai)",
                  ((c.sha, first + i, c.author_time, c.author_name, c.author_email, int(c.ai_assisted)) for i, c in enumerate(commits)))
            _bulk(self.conn, "INSERT OR IGNORE INTO commit_files (sha, path, old_path, added, deleted)",
                  ((c.sha, f.path, f.old_path or "", f.added, f.deleted) for c in commits for f in c.files))
            self.set_meta(state)

    def commits(self) -> list[Commit]:
        """All cached commits in git's topological order (newest first), each with its file changes."""
        files: dict[str, list[FileChange]] = {}
        for sha, path, old, added, deleted in self.conn.execute(
            "SELECT sha, path, old_path, added, deleted FROM commit_files ORDER BY rowid"
        ):
            files.setdefault(sha, []).append(FileChange(path, old or None, added, deleted))
        return [
            Commit(sha, t, name, email, bool(ai), tuple(files.get(sha, ())))
            for sha, t, name, email, ai in self.conn.execute(
                "SELECT sha, author_time, author_name, author_email, ai FROM commits ORDER BY seq"
            )
        ]

    # -- imported reports --------------------------------------------------------------------

    def replace_import(self, kind: str, tool: str, source: str, findings: list[Finding] = (), coverage=None) -> None:
        """Store a report, replacing the previous one of the same kind and tool."""
        with self.transaction():
            self.conn.execute("DELETE FROM imports WHERE kind = ? AND tool = ?", (kind, tool))
            import_id = self.db["imports"].insert(
                {"kind": kind, "tool": tool, "source": source, "imported_at": now_iso()}
            ).last_pk
            self.db["imported_findings"].insert_all(
                {"import_id": import_id, "rule_id": f.rule_id, "tool": f.tool, "severity": f.severity,
                 "confidence": f.confidence, "cwe": f.cwe, "path": f.path, "start_line": f.start_line,
                 "end_line": f.end_line, "message": f.message, "suppressed": f.suppressed}
                for f in findings
            )
            self.db["imported_coverage"].insert_all(
                {"import_id": import_id, "path": path, "covered": json.dumps(sorted(covered)), "measured": json.dumps(sorted(measured))}
                for path, (covered, measured) in (coverage or {}).items()
            )

    def imported_findings(self) -> list[Finding]:
        rows = self.conn.execute(
            "SELECT rule_id, tool, severity, confidence, cwe, path, start_line, end_line, message, suppressed"
            " FROM imported_findings ORDER BY rowid"
        )
        return [Finding(*r) for r in rows]

    def imported_coverage(self) -> dict[str, tuple[frozenset[int], frozenset[int]]] | None:
        """Covered and measured lines per path from every coverage import, or None without one."""
        rows = self.conn.execute("SELECT path, covered, measured FROM imported_coverage").fetchall()
        if not rows and not self.conn.execute("SELECT 1 FROM imports WHERE kind = 'coverage'").fetchone():
            return None
        merged: dict[str, tuple[set[int], set[int]]] = {}
        for path, covered, measured in rows:
            c, m = merged.setdefault(path, (set(), set()))
            c.update(json.loads(covered))
            m.update(json.loads(measured))
        return {p: (frozenset(c), frozenset(m)) for p, (c, m) in merged.items()}

    def imports_digest(self) -> str:
        """Changes whenever an import is added or replaced: the scan must then re-score."""
        rows = self.conn.execute("SELECT id, kind, tool FROM imports ORDER BY id").fetchall()
        return ",".join(f"{i}:{k}:{t}" for i, k, t in rows)

    # -- scan snapshot -----------------------------------------------------------------------

    def write_snapshot(
        self,
        scan: dict,
        files: list[tuple[SourceFile, Metrics, int, FileChurn, RiskScore]],
        regions: list[tuple[Region, RiskScore]],
        diagnostics: list[Diagnostic],
        meta: dict[str, str],
        findings: list[Finding] = (),
        evidence: dict[RegionKey, TestEvidence] | None = None,
    ) -> int:
        """Replace the current snapshot with a finished scan's, in one transaction."""
        with self.transaction():
            before = dict(((RegionKey(*r[:4]), r[4]) for r in self.conn.execute(
                "SELECT path, kind, qualname, ordinal, fingerprint FROM regions")))
            self.set_meta(meta)
            for statement in ("DELETE FROM files", "DELETE FROM regions", "DELETE FROM diagnostics", "DELETE FROM findings"):
                self.conn.execute(statement)
            _bulk_dicts(self.conn, "files", [_file_row(*f) for f in files])
            evidence = evidence or {}
            _bulk_dicts(self.conn, "regions", [_region_row(r, risk, evidence.get(r.key)) for r, risk in regions])
            _bulk(self.conn, "INSERT INTO diagnostics (path, status, reason, detail)",
                  ((d.path, d.status, d.reason, d.detail) for d in diagnostics))
            _bulk_dicts(self.conn, "findings", [_finding_row(f) for f in findings])
            # Regions that decisions refer to and that moved since the last scan: record where
            # they went, or a later edit of the moved code would orphan the decisions.
            moves = self._moves()
            wanted = {follow(d, moves) for d in self.decisions()}
            after = {r.key: r.fingerprint for r, _ in regions}
            found = find_moves(before, after, wanted, self._renames())
            self.db["region_moves"].insert_all(
                {"path": a.path, "kind": a.kind, "qualname": a.qualname, "ordinal": a.ordinal, "to_path": b.path,
                 "to_kind": b.kind, "to_qualname": b.qualname, "to_ordinal": b.ordinal, "scan_at": scan["finished_at"]}
                for a, b in found.items()
            )
            return self.db["scans"].insert(scan).last_pk

    def last_scan(self) -> ScanInfo | None:
        row = self.conn.execute(
            "SELECT id, finished_at, head, head_time, is_git, shallow, window_days, files, parsed, cached,"
            " skipped, other_files, duration_s FROM scans ORDER BY id DESC LIMIT 1"
        ).fetchone()
        if row is None:
            return None
        return ScanInfo(row[0], row[1], row[2], row[3], bool(row[4]), bool(row[5]), *row[6:])

    def last_scan_keys(self) -> tuple[str | None, str | None, str | None]:
        """(head, analyzer, config) of the last scan: what decides whether a re-scan can be skipped."""
        row = self.conn.execute("SELECT head, analyzer, config FROM scans ORDER BY id DESC LIMIT 1").fetchone()
        return tuple(row) if row else (None, None, None)

    def findings(self, path: str | None = None) -> list[Finding]:
        """Findings of the last scan (of one file, or all), suppressed ones included."""
        rows = self.conn.execute(
            "SELECT rule_id, tool, severity, confidence, cwe, path, start_line, end_line, message, suppressed,"
            " region_kind, region_qualname, region_ordinal FROM findings"
            " WHERE ?1 IS NULL OR path = ?1 ORDER BY path, start_line, rule_id",
            (path,),
        )
        return [
            Finding(*r[:10], region=RegionKey(r[5], r[10], r[11], r[12]) if r[10] is not None else None)
            for r in rows
        ]

    def count_diagnostics(self, reason: str | None = None) -> int:
        """How many diagnostics the last scan left (of one reason); cheap enough for the warm path."""
        return self.conn.execute("SELECT count(*) FROM diagnostics WHERE ?1 IS NULL OR reason = ?1", (reason,)).fetchone()[0]

    def diagnostics(self) -> list[Diagnostic]:
        return [Diagnostic(*row) for row in self.conn.execute("SELECT path, status, reason, detail FROM diagnostics ORDER BY path")]

    def ranked_files(self, limit: int | None = None) -> list[RankedFile]:
        rows = self.conn.execute(
            "SELECT * FROM files ORDER BY score DESC, path LIMIT ?", (-1 if limit is None else limit,)
        )
        names = [d[0] for d in rows.description]
        return [_ranked_file(i, dict(zip(names, row))) for i, row in enumerate(rows, start=1)]

    def file(self, path: str) -> RankedFile | None:
        rows = self.conn.execute(
            "SELECT * FROM (SELECT *, row_number() OVER (ORDER BY score DESC, path) AS rank FROM files) WHERE path = ?",
            (path,),
        )
        names = [d[0] for d in rows.description]
        row = rows.fetchone()
        return _ranked_file(row[-1], dict(zip(names, row))) if row else None

    def file_summaries(self) -> list[FileSummary]:
        """Every file, ranked as `ranked_files` ranks them, without the score's parts: the list a
        screen of every file needs, fast on tens of thousands of files."""
        # The test gap is the score's `test_gap` part: looked up where risk.score_all puts it (a
        # quick path, 0.06 s on 20,000 files), else searched for among the parts (0.14 s).
        rows = self.conn.execute(
            "SELECT path, language, role, score, commits, lines_added + lines_deleted, authors, cyclomatic, cognitive,"
            " loc, regions, CASE WHEN json_extract(breakdown, '$[6][0]') = 'test_gap'"
            "  THEN CASE WHEN json_extract(breakdown, '$[6][4]') THEN json_extract(breakdown, '$[6][1]') END"
            "  ELSE (SELECT json_extract(p.value, '$[1]') FROM json_each(f.breakdown) p"
            "   WHERE json_extract(p.value, '$[0]') = 'test_gap' AND json_extract(p.value, '$[4]')) END"
            " FROM files f ORDER BY score DESC, path"
        )
        return [FileSummary(i, *row) for i, row in enumerate(rows, start=1)]

    def region_summaries(self) -> list[RegionSummary]:
        """Every region of the repository, ranked as `ranked_regions` ranks them, without the
        score's parts."""
        rows = self.conn.execute(
            "SELECT r.path, r.kind, r.qualname, r.ordinal, r.start_line, r.end_line, r.fingerprint, r.cyclomatic,"
            " r.cognitive, r.nesting, r.length, r.params, f.language, r.score, r.evidence, r.covered"
            " FROM regions r JOIN files f ON f.path = r.path ORDER BY r.score DESC, r.path, r.start_line"
        )
        return [
            RegionSummary(i, Region(*row[:7], Metrics(*row[7:12])), row[12], row[13], None if row[14] == "n/a" else row[14], row[15])
            for i, row in enumerate(rows, start=1)
        ]

    def paths(self) -> list[str]:
        """The scanned files' paths, for suggestions when a name is mistyped."""
        return [p for (p,) in self.conn.execute("SELECT path FROM files ORDER BY path")]

    def ranked_regions(self, limit: int | None = None, path: str | None = None) -> list[RankedRegion]:
        sql = (
            "SELECT r.*, f.language FROM regions r JOIN files f ON f.path = r.path"
            + (" WHERE r.path = ?" if path is not None else "")
            # Ties broken down to the identity: the order (and so every rank) is total.
            + " ORDER BY r.score DESC, r.path, r.start_line, r.kind, r.qualname, r.ordinal LIMIT ?"
        )
        params = ((path,) if path is not None else ()) + (-1 if limit is None else limit,)
        rows = self.conn.execute(sql, params)
        names = [d[0] for d in rows.description]
        return [_ranked_region(i, dict(zip(names, row))) for i, row in enumerate(rows, start=1)]

    def region_ranks(self, path: str) -> tuple[dict[RegionKey, int], int]:
        """The rank of each of a file's regions among all regions (as `ranked_regions` ranks
        them), and how many regions there are."""
        rows = self.conn.execute(
            "SELECT path, kind, qualname, ordinal, rank, total FROM (SELECT path, kind, qualname, ordinal,"
            " row_number() OVER (ORDER BY score DESC, path, start_line) AS rank, count(*) OVER () AS total FROM regions)"
            " WHERE path = ?",
            (path,),
        ).fetchall()
        total = rows[0][5] if rows else self.conn.execute("SELECT count(*) FROM regions").fetchone()[0]
        return {RegionKey(*r[:4]): r[4] for r in rows}, total

    def regions(self, path: str | None = None) -> list[Region]:
        return [rr.region for rr in self.ranked_regions(path=path)]

    def find_regions(self, path: str, qualname: str) -> list[Region]:
        return [r for r in self.regions(path) if r.qualname == qualname]

    # -- decisions ---------------------------------------------------------------------------

    def add_decision(
        self, region: Region, tag: str, actor: str, *, note: str = "", removed: bool = False, at: str | None = None
    ) -> Decision:
        return self.add_decisions([NewDecision(region, tag, removed, note)], actor, at=at)[0]

    def add_decisions(self, new: Iterable[NewDecision], actor: str, *, at: str | None = None) -> list[Decision]:
        """Record several decisions (a whole file's regions, or an undo) in one transaction: all of
        them or, if any fails, none. They are one microsecond apart, in the order given: decisions
        are ordered by time in every clone, and an undo's order matters."""
        import uuid  # here: every command imports the store, few record decisions

        new = list(new)
        for n in new:
            if n.tag not in TAGS:
                raise StoreError(f"unknown tag {n.tag!r}; use one of {', '.join(TAGS)}")
            if len(n.note) > MAX_NOTE_CHARS:
                raise StoreError(f"the note has {len(n.note)} characters; keep it under {MAX_NOTE_CHARS} (link to a document for more)")
        start = datetime.fromisoformat(at) if at else datetime.now(UTC)
        out = []
        with self.transaction():
            for i, n in enumerate(new):
                r, uid = n.region, uuid.uuid4().hex
                at = (start + timedelta(microseconds=i)).isoformat(timespec="microseconds")
                cursor = self.conn.execute(
                    "INSERT INTO decisions (uid, at, actor, path, kind, qualname, ordinal, fingerprint, tag, removed, note)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (uid, at, actor, r.path, r.kind, r.qualname, r.ordinal, r.fingerprint, n.tag, int(n.removed), n.note),
                )
                out.append(Decision(cursor.lastrowid, at, actor, r.key, r.fingerprint, n.tag, n.removed, n.note, uid))
        return out

    def import_decisions(self, decisions: Iterable[Decision]) -> int:
        """Add decisions recorded elsewhere (another clone's, through decisions.jsonl), each with
        its own uid, time and author; those already here are left alone. One transaction.
        Returns how many were new."""
        with self.transaction():
            before = self.conn.total_changes
            self.conn.executemany(
                "INSERT OR IGNORE INTO decisions (uid, at, actor, path, kind, qualname, ordinal, fingerprint, tag, removed, note)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(d.uid, d.at, d.actor, *d.key, d.fingerprint, d.tag, int(d.removed), d.note) for d in decisions],
            )
            return self.conn.total_changes - before

    def decisions(self, path: str | None = None) -> list[Decision]:
        """Oldest first by the time they were made, ties by uid: the same order in every clone,
        whichever order they arrived in (decisions imported from another take their place)."""
        rows = self.conn.execute(
            "SELECT id, at, actor, path, kind, qualname, ordinal, fingerprint, tag, removed, note, uid FROM decisions"
            " WHERE ?1 IS NULL OR path = ?1 ORDER BY at, uid",
            (path,),
        )
        return [Decision(r[0], r[1], r[2], RegionKey(r[3], r[4], r[5], r[6]), r[7], r[8], bool(r[9]), r[10], r[11]) for r in rows]

    def region_states(self, path: str | None = None, *, extra: Iterable[Decision] = ()) -> tuple[dict[RegionKey, RegionState], list[Decision]]:
        """Current state of every region (of one file, or all) that has decisions, and the
        decisions that no current region matches (kept, shown, never dropped). `extra` decisions
        (e.g. a decisions file read but not imported) count as if recorded, unless already are."""
        # A decision may have come from another file (a renamed one): read the whole log. Only the
        # regions decisions lead to are read: a repository has far more regions than decisions.
        decisions, moves, renamed = self.decisions(), self._moves(), self._renames()
        known = {d.uid for d in decisions}
        decisions += [d for d in extra if d.uid not in known]
        # Attached over the whole repository, then narrowed: a decision on another file must be
        # seen as present there before git's renames may move it onto this one.
        keys = {follow(d, moves) for d in decisions}
        prints = self._fingerprints_of(keys | {k._replace(path=renamed[k.path]) for k in keys if k.path in renamed})
        result = attach(decisions, prints, moves, renamed)
        attached = result.attached if path is None else {k: ds for k, ds in result.attached.items() if k.path == path}
        orphans = result.orphans if path is None else [d for d in result.orphans if d.key.path == path]
        return {key: derive(ds, prints[key]) for key, ds in attached.items()}, orphans

    def _fingerprints_of(self, keys: Iterable[RegionKey]) -> dict[RegionKey, str]:
        """The fingerprints of those of `keys` that are current regions (one indexed lookup each)."""
        out = {}
        for key in keys:
            row = self.conn.execute(
                "SELECT fingerprint FROM regions WHERE path = ? AND kind = ? AND qualname = ? AND ordinal = ?",
                (key.path, key.kind, key.qualname, key.ordinal),
            ).fetchone()
            if row is not None:
                out[key] = row[0]
        return out

    def _renames(self) -> dict[str, str]:
        """Old path -> current path for every rename in the cached history, chains followed."""
        step = {}
        for old, new in self.conn.execute(
            "SELECT cf.old_path, cf.path FROM commit_files cf JOIN commits c ON c.sha = cf.sha"
            " WHERE cf.old_path != '' ORDER BY c.seq DESC"  # oldest first: later renames win
        ):
            step[old] = new
        out = {}
        for old in step:
            path, seen = old, {old}
            while path in step and step[path] not in seen:
                path = step[path]
                seen.add(path)
            out[old] = path
        return out

    def _moves(self) -> list[Move]:
        rows = self.conn.execute(
            "SELECT scan_at, path, kind, qualname, ordinal, to_path, to_kind, to_qualname, to_ordinal FROM region_moves ORDER BY id"
        )
        return [(r[0], RegionKey(*r[1:5]), RegionKey(*r[5:])) for r in rows]

    def region_state(self, region: Region) -> RegionState:
        states, _ = self.region_states(region.path)
        return states.get(region.key, RegionState())


    # -- tours ---------------------------------------------------------------------------

    def tours(self) -> list[Tour]:
        names = [r[0] for r in self.conn.execute("SELECT name FROM tours ORDER BY name")]
        return [self.tour(name) for name in names]

    def tour(self, name: str) -> Tour | None:
        row = self.conn.execute("SELECT id, position FROM tours WHERE name = ?", (name,)).fetchone()
        if row is None:
            return None
        stops = tuple(
            TourStop(r[0], RegionKey(r[0], r[1], r[2], r[3]) if r[1] is not None else None, r[4], r[5])
            for r in self.conn.execute(
                "SELECT path, kind, qualname, ordinal, line, note FROM tour_stops WHERE tour_id = ? ORDER BY seq", (row[0],)
            )
        )
        return Tour(name, stops, min(row[1], max(len(stops) - 1, 0)))

    def save_tour(self, tour: Tour, *, replace: bool = False) -> None:
        """Store a whole tour (one transaction); an existing one of that name only with `replace`.
        The TUI edits a tour by saving the edited copy: tours are a few dozen stops."""
        if not tour.name.strip():
            raise StoreError("a tour needs a name")
        with self.transaction():
            row = self.conn.execute("SELECT id FROM tours WHERE name = ?", (tour.name,)).fetchone()
            if row is not None and not replace:
                raise StoreError(f"there is already a tour named {tour.name!r}; pick another name or replace it")
            if row is None:
                tour_id = self.conn.execute("INSERT INTO tours (name, created_at, position) VALUES (?, ?, ?)",
                                            (tour.name, now_iso(), tour.position)).lastrowid
            else:
                tour_id = row[0]
                self.conn.execute("UPDATE tours SET position = ? WHERE id = ?", (tour.position, tour_id))
                self.conn.execute("DELETE FROM tour_stops WHERE tour_id = ?", (tour_id,))
            self.conn.executemany(
                "INSERT INTO tour_stops (tour_id, seq, path, kind, qualname, ordinal, line, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(tour_id, seq, s.path, *(s.key[1:] if s.key else (None, None, None)), s.line, s.note)
                 for seq, s in enumerate(tour.stops)],
            )

    def set_tour_position(self, name: str, position: int) -> None:
        with self.transaction():
            self.conn.execute("UPDATE tours SET position = ? WHERE name = ?", (max(position, 0), name))

    def delete_tour(self, name: str) -> bool:
        with self.transaction():
            return self.conn.execute("DELETE FROM tours WHERE name = ?", (name,)).rowcount > 0


# The snapshot and history tables take tens of thousands of rows per scan: written with one
# prepared statement each, as sqlite-utils' per-value type checks cost more than the inserts.
_SNAPSHOT_TABLES = frozenset({"files", "regions", "findings"})


def _bulk(conn: sqlite3.Connection, insert: str, rows) -> None:
    """`insert` is "INSERT ... INTO table (columns)" from this module, never from input."""
    rows = list(rows)
    if rows:
        # vibetriage: ignore[python.sql-injection] table and columns are this module's constants; values are bound
        conn.executemany(f"{insert} VALUES ({', '.join('?' * len(rows[0]))})", rows)


def _bulk_dicts(conn: sqlite3.Connection, table: str, rows: list[dict]) -> None:
    assert table in _SNAPSHOT_TABLES  # fixed names: the SQL below is never built from input
    if rows:
        columns = list(rows[0])  # every row comes from one dict display: same keys, same order
        _bulk(conn, f"INSERT INTO {table} ({', '.join(columns)})", map(tuple, map(dict.values, rows)))


def _statements(script: str) -> list[str]:
    # Split a migration into statements; trigger bodies contain `;`, so split on `END;` first.
    out, buf = [], []
    for line in script.splitlines():
        if line.strip().startswith("--"):
            continue
        buf.append(line)
        text = "\n".join(buf).strip()
        if text.endswith(";") and sqlite3.complete_statement(text):
            out.append(text)
            buf = []
    return out


def _ignore_db_in_git(directory: Path) -> None:
    """Keep the database out of the analyzed repository's commits (decisions.jsonl may be shared),
    in a directory vibetriage has just created: nothing there can be a planted link."""
    (directory / ".gitignore").write_text("triage.db\ntriage.db-*\n", encoding="utf-8")


def _finding_row(f: Finding) -> dict:
    region = f.region
    return {
        "path": f.path, "start_line": f.start_line, "end_line": f.end_line, "rule_id": f.rule_id, "tool": f.tool,
        "severity": f.severity, "confidence": f.confidence, "cwe": f.cwe, "message": f.message,
        "suppressed": f.suppressed, "region_kind": region.kind if region else None,
        "region_qualname": region.qualname if region else None, "region_ordinal": region.ordinal if region else None,
    }


def _risk_json(risk: RiskScore) -> str:
    # [[name, raw, normalised, weight, measured], ...]; orjson writes ten thousand of these in a
    # scan five times faster than json (its floats are Python's shortest repr, 1e-05 as 0.00001).
    return orjson.dumps(risk.parts, default=tuple).decode()


def _risk(score: float, breakdown: str) -> RiskScore:
    return RiskScore(score, tuple(ScorePart(*p) for p in orjson.loads(breakdown)))


def _file_row(f: SourceFile, m: Metrics, region_count: int, churn: FileChurn, risk: RiskScore) -> dict:
    return {
        "path": f.path, "language": f.language, "blob_id": f.blob_id, "size": f.size, "loc": f.loc, "role": f.role,
        "cyclomatic": m.cyclomatic, "cognitive": m.cognitive, "nesting": m.nesting, "lines": m.length,
        "regions": region_count,
        "commits": churn.commits, "lines_added": churn.lines_added, "lines_deleted": churn.lines_deleted,
        "authors": churn.authors, "ai_commits": churn.ai_commits,
        "first_change": churn.first_change, "last_change": churn.last_change,
        "commits_all": churn.commits_all, "lines_all": churn.lines_all, "authors_all": churn.authors_all,
        "score": risk.score, "breakdown": _risk_json(risk),
    }


def _region_row(r: Region, risk: RiskScore, evidence: TestEvidence | None) -> dict:
    m = r.metrics
    return {
        "evidence": evidence.kind if evidence else "n/a", "evidence_detail": evidence.detail if evidence else "",
        "covered": evidence.covered if evidence else None,
        "path": r.path, "kind": r.kind, "qualname": r.qualname, "ordinal": r.ordinal,
        "start_line": r.start_line, "end_line": r.end_line, "fingerprint": r.fingerprint,
        "cyclomatic": m.cyclomatic, "cognitive": m.cognitive, "nesting": m.nesting, "length": m.length,
        "params": m.params, "score": risk.score, "breakdown": _risk_json(risk),
    }


def _ranked_file(rank: int, row: dict) -> RankedFile:
    churn = FileChurn(
        row["path"], row["commits"], row["lines_added"], row["lines_deleted"], row["authors"], row["ai_commits"],
        row["first_change"], row["last_change"], row["commits_all"], row["lines_all"], row["authors_all"],
    )
    return RankedFile(
        rank,
        SourceFile(row["path"], row["language"], row["blob_id"], row["size"], row["loc"], row["role"]),
        Metrics(row["cyclomatic"], row["cognitive"], row["nesting"], row["lines"], 0),
        churn,
        _risk(row["score"], row["breakdown"]),
        row["regions"],
    )


def _ranked_region(rank: int, row: dict) -> RankedRegion:
    region = Region(
        row["path"], row["kind"], row["qualname"], row["ordinal"], row["start_line"], row["end_line"], row["fingerprint"],
        Metrics(row["cyclomatic"], row["cognitive"], row["nesting"], row["length"], row["params"]),
    )
    evidence = None if row["evidence"] == "n/a" else TestEvidence(row["evidence"], row["evidence_detail"], row["covered"])
    return RankedRegion(rank, region, _risk(row["score"], row["breakdown"]), row["language"], evidence)
