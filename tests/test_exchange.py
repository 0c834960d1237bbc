"""Decisions that travel between clones through .vibetriage/decisions.jsonl: real repositories,
real clones and merges, real databases, driven through the command line."""

from __future__ import annotations

import json
import os
import sqlite3

import pytest

from tests.clirun import run
from tests.gitrepo import GitRepo

CODE = """\
def charge(amount, card):
    if amount <= 0:
        raise ValueError(amount)
    return card.pay(amount)


def refund(payment):
    return payment.reverse()


def audit(log):
    for line in log:
        if "error" in line:
            return line
"""



def decisions(db) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT uid, qualname, tag, removed, actor, note FROM decisions ORDER BY uid").fetchall()


@pytest.fixture
def origin(tmp_path) -> GitRepo:
    repo = GitRepo(tmp_path / "origin")
    repo.write("pay.py", CODE)
    repo.commit("payments", date="2025-03-01T10:00:00")
    repo.git("config", "receive.denyCurrentBranch", "ignore")
    return repo


def test_two_clones_that_tagged_different_regions_both_end_with_the_union(origin, tmp_path, capsys):
    ann, bob = origin.clone(tmp_path / "ann"), origin.clone(tmp_path / "bob")
    for clone, who, target, tag in ((ann, "Ann <ann@x>", "pay.py::charge", "load-bearing"),
                                    (bob, "Bob <bob@x>", "pay.py::refund", "reviewed")):
        assert run(capsys, "scan", "-q", clone.path)[0] == 0
        assert run(capsys, "tag", target, tag, "--repo", clone.path, "--as", who, "--note", f"{who} says so")[0] == 0
        assert run(capsys, "decisions", "export", clone.path)[0] == 0
        clone.commit(f"decisions of {who}", date="2025-03-02T10:00:00", add_all=True)
    ann.git("push", "-q", "origin", "HEAD:main")
    # Bob pulls Ann's decisions into his branch: both appended to the same file, git merges them.
    bob.git("pull", "-q", "--no-rebase", "--no-edit", "origin", "main")
    ann.git("pull", "-q", "--no-rebase", "--no-edit", str(bob.path), "HEAD")
    for clone in (ann, bob):
        code, out, _ = run(capsys, "decisions", "import", clone.path)
        assert code == 0, out
    ann_db, bob_db = (c.path / ".vibetriage" / "triage.db" for c in (ann, bob))
    assert decisions(ann_db) == decisions(bob_db)
    assert {(q, t) for _, q, t, *_ in decisions(ann_db)} == {("charge", "load-bearing"), ("refund", "reviewed")}
    # and the states derived from them agree
    code, out, _ = run(capsys, "show", "pay.py::refund", "--repo", ann.path, "--json")
    assert json.loads(out)["state"]["review"] == "reviewed"


def test_import_is_idempotent_and_export_only_appends(origin, capsys):
    repo = origin
    run(capsys, "scan", "-q", repo.path)
    run(capsys, "tag", "pay.py::audit", "prototype-track", "--repo", repo.path, "--as", "Cy <cy@x>")
    run(capsys, "decisions", "export", repo.path)
    jsonl = repo.path / ".vibetriage" / "decisions.jsonl"
    first = jsonl.read_bytes()
    run(capsys, "tag", "pay.py::audit", "prototype-track", "--remove", "--repo", repo.path, "--as", "Cy <cy@x>")
    assert run(capsys, "decisions", "export", repo.path)[1].startswith("1 decision(s) appended")
    second = jsonl.read_bytes()
    assert second.startswith(first) and second.count(b"\n") == 2  # appended, never rewritten
    assert "already holds every decision" in run(capsys, "decisions", "export", repo.path)[1]
    db = repo.path / ".vibetriage" / "triage.db"
    before = decisions(db)
    for _ in range(2):
        code, out, _ = run(capsys, "decisions", "import", repo.path)
        assert code == 0 and out.startswith("0 decision(s) imported") and "2 already here" in out
    assert decisions(db) == before
    # a fresh database (a new clone) gets both, in order: the tag, then its removal
    fresh = repo.path.parent / "fresh.db"
    assert run(capsys, "decisions", "import", repo.path, "--db", fresh)[0] == 0
    assert [(t, r) for _, _, t, r, *_ in sorted(decisions(fresh), key=lambda d: d[3])] == [("prototype-track", 0), ("prototype-track", 1)]
    assert (repo.path / ".vibetriage" / ".gitattributes").read_text() == "decisions.jsonl merge=union\n"


def test_bad_lines_are_reported_by_number_and_the_good_ones_still_imported(origin, tmp_path, capsys):
    run(capsys, "scan", "-q", origin.path)
    run(capsys, "tag", "pay.py::charge", "load-bearing", "--repo", origin.path, "--as", "Ann <ann@x>")
    run(capsys, "decisions", "export", origin.path)
    good = (origin.path / ".vibetriage" / "decisions.jsonl").read_text()
    record = json.loads(good)
    hostile = tmp_path / "incoming.jsonl"
    hostile.write_text("\n".join([
        "not json at all",
        json.dumps({**record, "uid": "a" * 32, "tag": "owned"}),
        json.dumps({**record, "uid": "b" * 32, "ordinal": "0; DROP TABLE decisions"}),
        json.dumps({**record, "uid": "c" * 32, "v": 99}),
        json.dumps({**record, "uid": "d" * 32, "at": "yesterday"}),
        json.dumps({**record, "uid": "e" * 32, "note": "\x1b[31mred\x07", "tag": "reviewed"}),
    ]) + "\n", encoding="utf-8")
    fresh = tmp_path / "fresh.db"
    code, out, err = run(capsys, "decisions", "import", origin.path, "--file", hostile, "--db", fresh)
    assert code == 1
    assert "1 decision(s) imported" in out
    assert "5 line(s) skipped" in err
    for number in (1, 2, 3, 4, 5):
        assert f"line {number}:" in err
    assert "line 6" not in err
    rows = decisions(fresh)
    assert [(r[0], r[2], r[5]) for r in rows] == [("e" * 32, "reviewed", "\x1b[31mred\x07")]  # kept verbatim, shown escaped


def test_a_planted_symlink_is_never_written_through(origin, tmp_path, capsys):
    run(capsys, "scan", "-q", origin.path)
    run(capsys, "tag", "pay.py::charge", "load-bearing", "--repo", origin.path, "--as", "Ann <ann@x>")
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    os.symlink(victim, origin.path / ".vibetriage" / "decisions.jsonl")
    code, _, err = run(capsys, "decisions", "export", origin.path)
    assert code == 1 and "symbolic link" in err and err.count("\n") == 1
    assert victim.read_text() == "precious\n"
    code, _, err = run(capsys, "decisions", "import", origin.path)
    assert code == 1 and "symbolic link" in err


def test_clones_that_exchange_decisions_agree_on_the_latest_whatever_order_they_arrive_in(origin, tmp_path, capsys):
    ann, bob = origin.clone(tmp_path / "ann"), origin.clone(tmp_path / "bob")
    for clone in (ann, bob):
        assert run(capsys, "scan", "-q", clone.path)[0] == 0
    # Ann marks it load-bearing; a moment later Bob, who has not pulled, marks it prototype-track.
    assert run(capsys, "tag", "pay.py::charge", "load-bearing", "--repo", ann.path, "--as", "Ann <ann@x>")[0] == 0
    assert run(capsys, "tag", "pay.py::charge", "prototype-track", "--repo", bob.path, "--as", "Bob <bob@x>")[0] == 0
    files = {}
    for clone in (ann, bob):
        assert run(capsys, "decisions", "export", clone.path)[0] == 0
        files[clone] = (clone.path / ".vibetriage" / "decisions.jsonl").read_text()
    # each receives the other's line after its own (what a union merge does)
    (ann.path / ".vibetriage" / "decisions.jsonl").write_text(files[ann] + files[bob])
    (bob.path / ".vibetriage" / "decisions.jsonl").write_text(files[bob] + files[ann])
    for clone in (ann, bob):
        assert run(capsys, "decisions", "import", clone.path)[0] == 0
        code, out, _ = run(capsys, "show", "pay.py::charge", "--repo", clone.path, "--json")
        assert json.loads(out)["state"]["track"] == "prototype-track"
