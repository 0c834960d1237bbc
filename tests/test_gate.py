"""`vibetriage check`, the gate for pre-commit and CI: real repositories, commits and clones."""

from __future__ import annotations

import json

import pytest

from tests.clirun import run
from tests.gitrepo import GitRepo
from vibetriage.cli import EXIT_CHECK_FAILED

SERVICE = """\
import os
import random


def deploy(name):
    if not name:
        raise ValueError("no name")
    return name.upper()


def greet(name):
    return "hello " + name


def cleanup(path):
    os.system("rm -rf " + path)
"""



@pytest.fixture
def repo(tmp_path) -> GitRepo:
    repo = GitRepo(tmp_path / "repo")
    repo.write("svc.py", SERVICE)
    repo.commit("service", date="2025-04-01T10:00:00")
    return repo


def tag(capsys, repo: GitRepo, target: str, *tags: str, who: str = "Ann <ann@x>", note: str = "") -> None:
    assert run(capsys, "scan", "-q", repo.path)[0] == 0
    for name in tags:
        assert run(capsys, "tag", target, name, "--repo", repo.path, "--as", who, "--note", note)[0] == 0


def edit(repo: GitRepo, old: str, new: str, message: str) -> str:
    repo.write("svc.py", repo.read("svc.py").decode().replace(old, new))
    return repo.commit(message, date="2025-04-02T10:00:00")


def test_load_bearing_code_changed_since_its_review_fails_until_reviewed_again(repo, capsys):
    assert run(capsys, "check", repo.path)[0] == 0
    tag(capsys, repo, "svc.py::deploy", "load-bearing", "reviewed")
    code, out, _ = run(capsys, "check", repo.path)
    assert code == 0 and "1 of 1 load-bearing region(s) reviewed" in out
    edit(repo, "return name.upper()", "return name.lower()", "lower")
    code, out, _ = run(capsys, "check", repo.path)
    assert code == EXIT_CHECK_FAILED
    assert "load-bearing code changed since its review (1)" in out and "svc.py::deploy" in out and "Ann <ann@x>" in out
    tag(capsys, repo, "svc.py::deploy", "reviewed", who="Bob <bob@x>")
    assert run(capsys, "check", repo.path)[0] == 0


def test_a_new_serious_finding_since_the_base_fails_an_old_or_moved_one_does_not(repo, capsys):
    base = repo.head()
    # The old finding (cleanup's os.system) moves down: same rule, same line text, not new.
    edit(repo, "def greet(name):", "def greet(name):\n    name = name.strip()", "strip")
    assert run(capsys, "check", repo.path, "--base", base)[0] == 0
    edit(repo, 'return "hello " + name', 'os.system("echo hello " + name)\n    return name', "shout")
    code, out, _ = run(capsys, "check", repo.path, "--base", base)
    assert code == EXIT_CHECK_FAILED
    assert "new findings (1)" in out and "svc.py::greet" in out and "python.command-injection" in out
    assert "svc.py::cleanup" not in out
    # Against the commit that introduced it, it is old news.
    assert run(capsys, "check", repo.path, "--base", "HEAD")[0] == 0


def test_staged_changes_are_checked_against_head_by_default_for_pre_commit(repo, capsys):
    repo.write("svc.py", SERVICE + '\n\ndef token():\n    session_token = random.choice("abcdef")\n    return session_token\n')
    repo.git("add", "svc.py")
    assert run(capsys, "check", repo.path)[0] == 0  # a medium finding: below the default threshold
    code, out, _ = run(capsys, "check", repo.path, "--min-severity", "medium")
    assert code == EXIT_CHECK_FAILED and "python.insecure-random" in out and "svc.py::token" in out


def test_a_reviewed_region_that_is_not_load_bearing_passes_with_its_new_finding_reported_elsewhere(repo, capsys):
    base = repo.head()
    edit(repo, 'return "hello " + name', 'os.system("echo " + name)\n    return name', "shout")
    tag(capsys, repo, "svc.py::greet", "reviewed", note="echo is fine here")
    assert run(capsys, "check", repo.path, "--base", base)[0] == 0
    tag(capsys, repo, "svc.py::greet", "load-bearing")
    code, out, _ = run(capsys, "check", repo.path, "--base", base)
    assert code == EXIT_CHECK_FAILED and "in a load-bearing region, reviewed" in out


def test_what_fails_is_configurable_in_the_repository_and_on_the_command_line(repo, capsys):
    tag(capsys, repo, "svc.py::deploy", "load-bearing", "reviewed")
    tag(capsys, repo, "svc.py::greet", "load-bearing")
    assert run(capsys, "check", repo.path)[0] == 0  # greet is load-bearing but never reviewed: not a default check
    code, out, _ = run(capsys, "check", repo.path, "--fail-on", "unreviewed-load-bearing")
    assert code == EXIT_CHECK_FAILED and "load-bearing code never reviewed (1)" in out and "svc.py::greet" in out
    edit(repo, "return name.upper()", "return name.title()", "title")
    repo.write(".vibetriage.toml", '[check]\nfail_on = ["new-findings"]\n')
    repo.commit("settings", date="2025-04-03T10:00:00")
    assert run(capsys, "check", repo.path)[0] == 0  # deploy is stale, but the team does not gate on it
    repo.write(".vibetriage.toml", '[check]\nfail_on = ["everything"]\n')
    code, _, err = run(capsys, "check", repo.path)
    assert code == 1 and "check.fail_on must list checks from" in err


def test_ci_on_a_fresh_clone_uses_the_committed_decisions(repo, tmp_path, capsys):
    tag(capsys, repo, "svc.py::deploy", "load-bearing", "reviewed")
    run(capsys, "decisions", "export", repo.path)
    repo.commit("decisions", date="2025-04-02T09:00:00")
    edit(repo, "return name.upper()", "return name.swapcase()", "swap")
    ci = repo.clone(tmp_path / "ci")
    code, out, _ = run(capsys, "check", ci.path, "--base", "HEAD~1")
    assert code == EXIT_CHECK_FAILED and "svc.py::deploy" in out


def test_an_unknown_base_is_one_clear_line(repo, capsys):
    code, out, err = run(capsys, "check", repo.path, "--base", "origin/nowhere")
    assert code == 1 and "'origin/nowhere' is not a commit of this repository" in err and err.count("\n") == 1


def test_a_renamed_file_keeps_its_old_findings_and_its_decisions_follow_in_a_fresh_clone(repo, tmp_path, capsys):
    tag(capsys, repo, "svc.py::deploy", "load-bearing", "reviewed")
    run(capsys, "decisions", "export", repo.path)
    repo.commit("decisions", date="2025-04-02T09:00:00")
    base = repo.head()
    repo.rename("svc.py", "service.py")
    repo.commit("rename", date="2025-04-02T09:30:00")
    assert run(capsys, "check", repo.path, "--base", base)[0] == 0  # cleanup's finding moved with its file: not new
    repo.write("service.py", repo.read("service.py").decode().replace("return name.upper()", "return name.swapcase()"))
    repo.commit("swap", date="2025-04-02T10:00:00")
    ci = repo.clone(tmp_path / "ci")  # never scanned svc.py: only git's rename links the decision
    code, out, _ = run(capsys, "check", ci.path, "--base", base)
    assert code == EXIT_CHECK_FAILED and "service.py::deploy" in out and "1 load-bearing" in out


def test_removing_a_suppression_makes_its_finding_new(tmp_path, capsys):
    repo = GitRepo(tmp_path / "r")
    code = 'import os\n\n\ndef cleanup(path):\n    # vibetriage: ignore[python.command-injection] a constant in tests\n    os.system("rm -rf " + path)\n'
    repo.write("svc.py", code)
    base = repo.commit("x", date="2025-03-01T10:00:00")
    repo.write("svc.py", code.replace("    # vibetriage: ignore[python.command-injection] a constant in tests\n", ""))
    repo.commit("path now comes from a request", date="2025-03-02T10:00:00")
    code_, out, _ = run(capsys, "check", repo.path, "--base", base)
    assert code_ == EXIT_CHECK_FAILED and "python.command-injection" in out


def test_the_base_is_where_the_branch_left_it_not_where_it_is_now(repo, capsys):
    repo.git("branch", "feature")
    # main fixes the old finding after the branch was cut
    repo.write("svc.py", SERVICE.replace('os.system("rm -rf " + path)', "shutil.rmtree(path)"))
    repo.commit("fix on main", date="2025-04-02T10:00:00")
    repo.git("checkout", "-q", "feature")
    repo.write("util.py", "def f():\n    return 2\n")
    repo.commit("unrelated feature work", date="2025-04-03T10:00:00")
    code, out, _ = run(capsys, "check", repo.path, "--base", "main")
    assert code == 0 and "new findings checked since" in out


def test_a_branch_decisions_file_counts_but_never_enters_the_database(repo, capsys):
    tag(capsys, repo, "svc.py::deploy", "load-bearing", who="Maintainer <m@x>")
    run(capsys, "decisions", "export", repo.path)
    repo.commit("decisions", date="2025-04-01T11:00:00")
    repo.git("checkout", "-q", "-b", "pr")
    jsonl = repo.path / ".vibetriage" / "decisions.jsonl"
    forged = {**json.loads(jsonl.read_text().splitlines()[0]), "uid": "f" * 32, "removed": True, "at": "2099-01-01T00:00:00+00:00"}
    jsonl.write_text(jsonl.read_text() + json.dumps(forged) + "\n")
    repo.commit("pr drops the tag", date="2025-04-01T12:00:00")
    assert "0 of 0 load-bearing" in run(capsys, "check", repo.path, "--fail-on", "unreviewed-load-bearing")[1]
    repo.git("checkout", "-q", "main")
    assert run(capsys, "decisions", "export", repo.path)[0] == 0
    assert "f" * 32 not in jsonl.read_text()
    code, out, _ = run(capsys, "show", "svc.py::deploy", "--repo", repo.path, "--json")
    assert json.loads(out)["state"]["track"] == "load-bearing"


def test_base_outside_git_is_refused(tmp_path, capsys):
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "svc.py").write_text(SERVICE)
    assert run(capsys, "check", plain)[0] == 0
    code, _, err = run(capsys, "check", plain, "--base", "HEAD")
    assert code == 1 and "--base needs a git repository" in err
