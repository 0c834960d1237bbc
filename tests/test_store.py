"""The store on real SQLite files: migrations, refusal of foreign/corrupt/newer databases,
append-only decisions, and two connections writing at once."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from vibetriage.model import Metrics, Region
from vibetriage.schema import SCHEMA_VERSION
from vibetriage.store import Store, StoreError


def region(qualname="Auth.login", fingerprint="f1", path="api/auth.py", ordinal=0, kind="method") -> Region:
    return Region(path, kind, qualname, ordinal, 10, 20, fingerprint, Metrics(3, 2, 1, 11, 2))


def test_new_database_is_migrated_to_the_current_schema_in_wal_mode(tmp_path):
    path = tmp_path / "sub" / "triage.db"
    with Store.open(path):
        pass
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert (path.parent / ".gitignore").read_text().splitlines()[0] == "triage.db"


def test_missing_database_is_an_error_when_not_creating(tmp_path):
    with pytest.raises(StoreError, match="run `vibetriage scan` first"):
        Store.open(tmp_path / "none.db", create=False)


def test_corrupt_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "triage.db"
    junk = b"this is not sqlite at all" * 100
    path.write_bytes(junk)
    with pytest.raises(StoreError, match="not a readable vibetriage database"):
        Store.open(path)
    assert path.read_bytes() == junk


def test_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a vibetriage one"):
        Store.open(path)


def test_database_from_a_newer_version_is_refused_and_not_modified(tmp_path):
    path = tmp_path / "triage.db"
    with Store.open(path) as store:
        store.add_decision(region(), "reviewed", "ann")
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer vibetriage"):
        Store.open(path)
    assert path.read_bytes() == before


def test_decisions_are_append_only_even_through_raw_sql(tmp_path):
    path = tmp_path / "triage.db"
    with Store.open(path) as store:
        store.add_decision(region(), "load-bearing", "ann", note="holds auth up")
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE decisions SET note = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("DELETE FROM decisions")


def test_unknown_tag_is_refused(tmp_path):
    with Store.open(tmp_path / "t.db") as store, pytest.raises(StoreError, match="unknown tag"):
        store.add_decision(region(), "important", "ann")


def test_two_sessions_writing_at_once_both_keep_their_decisions(tmp_path):
    path = tmp_path / "triage.db"
    Store.open(path).close()
    errors = []

    def session(name: str) -> None:
        try:
            with Store.open(path) as store:
                for i in range(40):
                    store.add_decision(region(f"f{i}"), "reviewed", name, note=str(i))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=session, args=(n,)) for n in ("ann", "bob")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Store.open(path) as store:
        decisions = store.decisions()
    assert len(decisions) == 80
    assert {d.actor for d in decisions} == {"ann", "bob"}


def test_a_failed_transaction_leaves_nothing_behind(tmp_path):
    with Store.open(tmp_path / "t.db") as store:
        with pytest.raises(RuntimeError):
            with store.transaction():
                store.set_meta({"k": "v"})
                raise RuntimeError("boom")
        assert store.meta("k") is None


def test_history_extended_by_another_scan_meanwhile_is_not_stored_twice(tmp_path):
    from vibetriage.model import Commit, FileChange

    newer = [Commit("b" * 40, 2000, "Ann", "ann@x", False, (FileChange("a.py", None, 3, 1),))]
    with Store.open(tmp_path / "t.db") as store:
        store.add_commits([Commit("a" * 40, 1000, "Ann", "ann@x", False, (FileChange("a.py", None, 1, 0),))],
                          replace=True, state={"history_head": "a" * 40}, expect_head=None)
        # two scans both read the cache at head a...; the first to write extends it
        store.add_commits(newer, replace=False, state={"history_head": "b" * 40}, expect_head="a" * 40)
        store.add_commits(newer, replace=False, state={"history_head": "b" * 40}, expect_head="a" * 40)
        commits = store.commits()
    assert [c.sha[0] for c in commits] == ["b", "a"]
    assert sum(f.added for c in commits for f in c.files) == 4


def test_a_version_2_database_keeps_every_decision_and_their_order_through_migration_3(tmp_path):
    """Version 2 recorded whole seconds: a tag and its removal in one second must keep their order."""
    from vibetriage.decisions import derive
    from vibetriage.schema import APPLICATION_ID, MIGRATIONS
    from vibetriage.store import _statements

    path = tmp_path / "triage.db"
    conn = sqlite3.connect(path, isolation_level=None)
    for script in MIGRATIONS[:2]:
        for statement in _statements(script):
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 2")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    rows = [  # uids chosen so that sorting by uid alone would put the removal first
        ("f" * 32, "2025-05-01T10:00:00+00:00", "load-bearing", 0),
        ("0" * 32, "2025-05-01T10:00:00+00:00", "load-bearing", 1),
        ("e" * 32, "2025-05-01T10:00:00+00:00", "reviewed", 0),
        ("1" * 32, "2025-04-01T09:00:00+00:00", "prototype-track", 0),
    ]
    for uid, at, tag, removed in rows:
        conn.execute("INSERT INTO decisions (uid, at, actor, path, kind, qualname, ordinal, fingerprint, tag, removed, note)"
                     " VALUES (?, ?, 'Ann', 'api/auth.py', 'method', 'Auth.login', 0, 'f1', ?, ?, '')", (uid, at, tag, removed))
    conn.close()
    with Store.open(path) as store:
        decisions = store.decisions()
        state = derive(decisions, "f1")
        assert [(d.uid[0], d.tag, d.removed) for d in decisions] == [
            ("1", "prototype-track", False), ("f", "load-bearing", False), ("0", "load-bearing", True), ("e", "reviewed", False)]
        assert [d.at for d in decisions][1:] == [f"2025-05-01T10:00:00.00000{k}+00:00" for k in range(3)]
        assert (state.track, state.review) == ("unclassified", "reviewed")  # load-bearing replaced prototype, then was removed
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            store.conn.execute("UPDATE decisions SET note = 'x'")


def test_several_decisions_are_recorded_in_one_transaction_or_not_at_all(tmp_path):
    from vibetriage.model import NewDecision

    with Store.open(tmp_path / "t.db") as store:
        a, b = region("f", "fa"), region("g", "fg")
        written = store.add_decisions([NewDecision(a, "load-bearing", note="core"), NewDecision(b, "reviewed", removed=True)], "ann")
        assert [(d.key.qualname, d.tag, d.removed, d.note, d.actor) for d in store.decisions()] == [
            ("f", "load-bearing", False, "core", "ann"), ("g", "reviewed", True, "", "ann")]
        assert [d.id for d in written] == [d.id for d in store.decisions()]
        assert written[0].at < written[1].at and written[0].at[:19] == written[1].at[:19]  # one action, in order
        with pytest.raises(StoreError, match="unknown tag"):
            store.add_decisions([NewDecision(a, "reviewed"), NewDecision(b, "important")], "ann")
        assert len(store.decisions()) == 2  # the valid first one was not written either


def test_file_summaries_find_the_test_gap_wherever_the_parts_put_it(tmp_path):
    from vibetriage.model import FileChurn, RiskScore, ScorePart, SourceFile

    def risk(*parts):
        return RiskScore(50.0, tuple(ScorePart(*p) for p in parts))

    others = [(name, 1.0, 0.5, 0.1) for name in ("hotspot", "churn", "complexity", "cognitive", "size", "security")]
    files = [
        (SourceFile("usual.py", "python", "b1", 10, 5), Metrics(1, 1, 1, 5, 0), 1, FileChurn("usual.py"),
         risk(*others, ("test_gap", 0.6, 0.6, 0.1))),
        (SourceFile("moved.py", "python", "b2", 10, 5), Metrics(1, 1, 1, 5, 0), 1, FileChurn("moved.py"),
         risk(("test_gap", 0.3, 0.3, 0.1), *others)),
        (SourceFile("none.py", "python", "b3", 10, 5), Metrics(1, 1, 1, 5, 0), 1, FileChurn("none.py"),
         risk(*others, ("test_gap", 0.0, 0.0, 0.1, False))),
    ]
    scan = {"started_at": "t", "finished_at": "t", "head": None, "head_time": None, "is_git": 0, "shallow": 0, "window_days": 365,
            "analyzer": "a", "config": "c", "files": 3, "parsed": 3, "cached": 0, "skipped": 0, "other_files": 0, "duration_s": 0.1}
    with Store.open(tmp_path / "t.db") as store:
        store.write_snapshot(scan, files, [], [], meta={})
        assert {s.path: s.test_gap for s in store.file_summaries()} == {"usual.py": 0.6, "moved.py": 0.3, "none.py": None}
