"""Files a cloned repository brings that vibetriage reads or writes beside (decisions.jsonl, CodeTour
files, export targets): malformed or planted ones give one line and exit 1, never a traceback,
and nothing is written through a link."""

from __future__ import annotations

import json
import os

import pytest

from tests.clirun import run
from tests.gitrepo import GitRepo

RECORD = {"v": 1, "uid": "a" * 32, "at": "2025-01-01T00:00:00+00:00", "actor": "x", "path": "svc.py", "kind": "function",
          "qualname": "f", "ordinal": 0, "fingerprint": "x", "tag": "reviewed", "removed": False, "note": ""}


@pytest.fixture
def repo(tmp_path, capsys) -> GitRepo:
    repo = GitRepo(tmp_path / "r")
    repo.write("svc.py", "def f():\n    return 1\n")
    repo.commit("x", date="2025-03-01T10:00:00")
    assert run(capsys, "scan", "-q", repo.path)[0] == 0
    return repo


@pytest.mark.parametrize("line", [
    "[" * 100_000 + "]" * 100_000,
    json.dumps({**RECORD, "at": "0001-01-01T00:00:00+01:00"}),
    json.dumps({**RECORD, "note": "\ud800"}),
    json.dumps({**RECORD, "ordinal": int("9" * 4000)}),
], ids=["deep", "time-overflow", "lone-surrogate", "huge-number"])
def test_a_bad_decisions_line_is_reported_and_the_good_ones_still_count(repo, capsys, line):
    good = json.dumps({**RECORD, "uid": "b" * 32})
    jsonl = repo.path / ".vibetriage" / "decisions.jsonl"
    jsonl.write_text(line + "\n" + good + "\n", encoding="utf-8", errors="surrogatepass")
    code, out, err = run(capsys, "decisions", "import", repo.path)
    assert code == 1 and "line 1:" in err and err.count("\n") == 1 and out.startswith("1 decision(s) imported")
    code, _, err = run(capsys, "check", repo.path)
    assert code == 0 and "line 1:" in err
    run(capsys, "tag", "svc.py::f", "load-bearing", "--repo", repo.path, "--as", "A <a@x>")
    assert run(capsys, "decisions", "export", repo.path)[0] == 0


@pytest.mark.parametrize("doc", [
    '{"title":"t","steps":' + "[" * 100_000 + "]" * 100_000 + "}",
    '{"title":"t","steps":[{"file":"svc.py","line":' + "9" * 5000 + "}]}",
    '{"title":"t\\ud800","steps":[{"file":"svc.py","line":1}]}',
    '{"title":"evil\\u001b]0;pwned\\u0007","steps":[{"file":"svc.py","line":1}]}',
], ids=["deep", "huge-line", "lone-surrogate", "terminal-escapes"])
def test_a_bad_codetour_file_is_one_line(repo, capsys, doc):
    (repo.path / "t.tour").write_text(doc)
    code, _, err = run(capsys, "tour", "import", repo.path / "t.tour", "--repo", repo.path)
    assert code == 1 and err.count("\n") == 1


def test_a_note_longer_than_a_decisions_file_may_carry_is_refused_when_recorded(repo, capsys):
    code, _, err = run(capsys, "tag", "svc.py::f", "reviewed", "--repo", repo.path, "--note", "x" * 10_001)
    assert code == 1 and "keep it under 10000" in err
    assert run(capsys, "tag", "svc.py::f", "reviewed", "--repo", repo.path, "--note", "x" * 10_000, "--as", "A <a@x>")[0] == 0
    run(capsys, "decisions", "export", repo.path)
    fresh = repo.path.parent / "fresh.db"
    assert run(capsys, "decisions", "import", repo.path, "--db", fresh)[1].startswith("1 decision(s) imported")


@pytest.mark.parametrize("where", ["planted-temp-name", "device", "directory", "root"])
def test_tour_export_never_writes_through_a_link_nor_over_something_that_is_not_a_file(repo, tmp_path, capsys, where):
    run(capsys, "tour", "new", "t", "--repo", repo.path)
    victim = tmp_path / "victim"
    victim.write_text("precious\n")
    if where == "planted-temp-name":  # the repository guessed a temporary name beside the target
        (repo.path / ".tours").mkdir()
        for pid in range(os.getpid() - 5, os.getpid() + 5):
            os.symlink(victim, repo.path / ".tours" / f".t.tour.{pid}.tmp")
        assert run(capsys, "tour", "export", "t", "--repo", repo.path)[0] == 0
        assert json.loads((repo.path / ".tours" / "t.tour").read_text())["title"] == "t"
    else:
        target = {"device": tmp_path / "fifo", "directory": tmp_path, "root": "/"}[where]
        if where == "device":
            os.mkfifo(target)
        code, _, err = run(capsys, "tour", "export", "t", "-o", target, "--repo", repo.path)
        assert code == 1 and err.count("\n") == 1
        if where == "device":
            assert not target.is_file()
    assert victim.read_text() == "precious\n"


def test_a_planted_vibetriage_directory_link_is_not_written_through(repo, tmp_path, capsys):
    outside = tmp_path / "outside"
    outside.mkdir()
    db = tmp_path / "elsewhere.db"
    (repo.path / ".vibetriage").rename(tmp_path / "old-vibetriage")
    os.symlink(outside, repo.path / ".vibetriage")
    assert run(capsys, "scan", "-q", repo.path, "--db", db)[0] == 0
    run(capsys, "tag", "svc.py::f", "reviewed", "--repo", repo.path, "--db", db, "--as", "A <a@x>")
    code, _, err = run(capsys, "decisions", "export", repo.path, "--db", db)
    assert code == 1 and "symbolic link" in err
    assert list(outside.iterdir()) == []


def test_a_decisions_file_outside_the_repository_gets_no_gitattributes(repo, tmp_path, capsys):
    run(capsys, "tag", "svc.py::f", "reviewed", "--repo", repo.path, "--as", "A <a@x>")
    team = tmp_path / "shared" / "team.jsonl"
    assert run(capsys, "decisions", "export", repo.path, "--file", team)[0] == 0
    assert team.is_file() and not (team.parent / ".gitattributes").exists()
    assert run(capsys, "decisions", "export", repo.path)[0] == 0
    assert (repo.path / ".vibetriage" / ".gitattributes").read_text() == "decisions.jsonl merge=union\n"
