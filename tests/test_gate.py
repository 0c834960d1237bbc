"""`vibetriage check`, the gate for pre-commit and CI: real repositories, commits and clones."""

from __future__ import annotations

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
