"""The demo repository, built with real git into tmp dirs: its history matches the spec, it carries
the risks the tool exists to show, it is deterministic, and it never writes over existing files."""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
import tomllib
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from vibetriage.assets import data_path
from vibetriage.demo import DemoBuildError, DemoSpecError, build_demo, load_spec

SPEC_PATH = data_path("demo", "spec.toml")
AI_TRAILER = re.compile(r"^Co-authored-by: (Claude|Copilot) <[^>]+>$", re.MULTILINE)


def git(repo: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull)
    result = subprocess.run(
        ["git", "-C", str(repo), *args], env=env, capture_output=True, text=True, check=True
    )
    return result.stdout


def show(repo: Path, path: str) -> str:
    return git(repo, "show", f"HEAD:{path}")


@pytest.fixture(scope="module")
def raw_spec() -> dict:
    with SPEC_PATH.open("rb") as fh:
        return tomllib.load(fh)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    return build_demo(tmp_path_factory.mktemp("demo") / "basketly")


@pytest.fixture(scope="module")
def commits(demo) -> list[dict]:
    """Every commit, newest first: author, dates, full message."""
    out = git(demo, "log", "-z", "--format=%H%x1f%an%x1f%ae%x1f%aI%x1f%cI%x1f%B")
    rows = []
    for record in filter(None, out.split("\0")):
        sha, name, email, authored, committed, body = record.split("\x1f")
        rows.append(
            {
                "sha": sha,
                "author": (name, email),
                "date": datetime.fromisoformat(authored),
                "committed": datetime.fromisoformat(committed),
                "body": body,
            }
        )
    return rows


def test_history_matches_the_spec(demo, commits, raw_spec):
    assert git(demo, "rev-parse", "--is-inside-work-tree").strip() == "true"
    assert git(demo, "symbolic-ref", "HEAD").strip() == "refs/heads/main"
    assert len(commits) == len(raw_spec["commit"]) >= 40
    assert git(demo, "status", "--porcelain", "--untracked-files=all") == ""  # work tree checked out
    # subjects in spec order, oldest first
    subjects = [c["body"].splitlines()[0] for c in reversed(commits)]
    assert subjects == [entry["message"].strip().splitlines()[0] for entry in raw_spec["commit"]]
    tracked = sorted(git(demo, "ls-files", "-z").split("\0")[:-1])
    assert tracked == sorted(load_spec(SPEC_PATH).files)
    assert 25 <= len(tracked) <= 45
    assert {Path(p).suffix for p in tracked} >= {".py", ".go", ".ts", ".tsx", ".js", ".sql"}
    for path in tracked:
        assert (demo / path).read_bytes() == git(demo, "show", f"HEAD:{path}").encode()


def test_several_authors_and_one_mostly_ai_assisted(commits):
    authors = {c["author"] for c in commits}
    assert len(authors) >= 4
    ai = [c for c in commits if AI_TRAILER.search(c["body"])]
    assert len(ai) >= 10
    assert len(ai) < len(commits)  # humans commit alone too
    by_author: dict[tuple, list[bool]] = {}
    for c in commits:
        by_author.setdefault(c["author"], []).append(bool(AI_TRAILER.search(c["body"])))
    share = {author: sum(flags) / len(flags) for author, flags in by_author.items()}
    assert max(share.values()) >= 0.8  # one author almost always commits with an assistant
    assert min(share.values()) == 0.0  # and somebody never does


def test_dates_span_the_year_and_head_has_the_specs_last_date(commits, raw_spec):
    dates = [c["date"] for c in commits]
    assert max(dates) - min(dates) > timedelta(days=8 * 30)
    last = raw_spec["commit"][-1]["date"]
    assert commits[0]["date"] == last
    assert commits[0]["date"].utcoffset() == last.utcoffset()  # the author's own offset is kept
    assert all(c["committed"] == c["date"] for c in commits)
    assert dates == sorted(dates, reverse=True)


def test_the_planted_risks_are_there(demo):
    auth = show(demo, "api/auth.py")
    assert re.search(r"execute\(\s*\"SELECT [^\"]*'%s'[^\"]*\"\s*%", auth), "string-built SQL in auth"
    assert re.search(r'^SECRET_KEY = "sk_live_\w{20,}"$', auth, re.MULTILINE)
    swallowed = re.compile(r"^\s*except Exception:\n\s*pass$", re.MULTILINE)
    assert swallowed.search(show(demo, "api/notifications.py"))
    assert re.search(r'f" AND o\.status = \'\{status\}\'"', show(demo, "api/orders.py"))
    for test_file in ("tests/test_api.py", "tests/test_auth.py"):
        assert re.search(r"^\s+assert \w+ is not None$", show(demo, test_file), re.MULTILINE)
    assert re.search(r"^\s+assert True$", show(demo, "tests/test_auth.py"), re.MULTILINE)
    assert 'exec.Command("sh", "-c",' in show(demo, "worker/jobs/processor.go")
    assert "dangerouslySetInnerHTML" in show(demo, "web/src/components/CheckoutForm.tsx")
    assert "toBeDefined()" in show(demo, "web/src/utils.test.ts")
    assert show(demo, "Dockerfile").startswith("FROM python:latest\n")
    assert not re.search(r"[=<>~]", show(demo, "requirements.txt"))  # nothing pinned


def test_pricing_is_a_renamed_untested_hotspot(demo):
    pricing_history = git(demo, "log", "--follow", "--name-only", "--format=", "--", "api/pricing.py").split()
    assert "api/discounts.py" in pricing_history  # history runs through the rename
    assert len(git(demo, "log", "--follow", "--format=%H", "--", "api/pricing.py").split()) >= 12
    assert len(git(demo, "log", "--format=%H", "--", "api/auth.py").split()) >= 10
    # nothing in the Python tests refers to the pricing module
    for test_file in git(demo, "ls-files", "tests").split():
        text = show(demo, test_file)
        assert "pricing" not in text and "calculate_discount" not in text
    # and its main function grew deep: lines indented five levels or more
    assert re.search(r"^ {20}\S", show(demo, "api/pricing.py"), re.MULTILINE)


def test_every_python_file_version_compiles():
    files = sorted(SPEC_PATH.parent.joinpath("files").rglob("*.py"))
    assert len(files) >= 20  # every version of every Python file of the demo
    broken = []
    for path in files:
        try:
            compile(path.read_bytes(), str(path), "exec")
        except SyntaxError as exc:
            broken.append(f"{path.name}:{exc.lineno}")
    assert broken == []


def test_building_twice_gives_the_same_commit_ids(tmp_path, demo):
    first = build_demo(tmp_path / "one")
    assert git(first, "rev-list", "HEAD") == git(demo, "rev-list", "HEAD")


def test_user_config_and_git_env_do_not_leak_in(tmp_path, monkeypatch, demo):
    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text(
        "[init]\n\tdefaultBranch = trunk\n[core]\n\tautocrlf = true\n[user]\n\tname = Someone Else\n"
    )
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "not-this-repo"))
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Someone Else")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2001-01-01T00:00:00Z")
    built = build_demo(tmp_path / "repo")
    monkeypatch.undo()
    assert git(built, "rev-parse", "HEAD") == git(demo, "rev-parse", "HEAD")
    assert git(built, "symbolic-ref", "HEAD").strip() == "refs/heads/main"
    assert not (tmp_path / "not-this-repo").exists()


def test_build_is_fast(tmp_path):
    started = time.perf_counter()
    build_demo(tmp_path / "timed")
    assert time.perf_counter() - started < 3.0


def test_refuses_a_non_empty_directory(tmp_path):
    dest = tmp_path / "busy"
    dest.mkdir()
    (dest / "notes.txt").write_text("keep me")
    with pytest.raises(FileExistsError, match="not empty"):
        build_demo(dest)
    assert [p.name for p in dest.iterdir()] == ["notes.txt"]
    assert (dest / "notes.txt").read_text() == "keep me"

    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    with pytest.raises(FileExistsError, match="not a directory"):
        build_demo(a_file)


def test_builds_into_an_existing_empty_directory(tmp_path, demo):
    dest = tmp_path / "empty"
    dest.mkdir()
    assert build_demo(dest) == dest.resolve()
    assert git(dest, "rev-parse", "HEAD") == git(demo, "rev-parse", "HEAD")


def test_a_failed_build_leaves_nothing_behind(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "no-git-here"))
    with pytest.raises(DemoBuildError, match="git is not installed"):
        build_demo(tmp_path / "repo")
    assert not (tmp_path / "repo").exists()
    (tmp_path / "empty").mkdir()
    with pytest.raises(DemoBuildError):
        build_demo(tmp_path / "empty")
    assert list((tmp_path / "empty").iterdir()) == []


def _tiny_spec(tmp_path: Path, commits: list[dict], suffix: str = ".json") -> Path:
    (tmp_path / "files" / "v1").mkdir(parents=True)
    (tmp_path / "files" / "v1" / "app.py").write_text("def main():\n    return 1\n")
    spec = {
        "authors": {"ann": {"name": "Ann", "email": "ann@example.com"}},
        "co_authors": {"claude": "Claude <noreply@anthropic.com>"},
        "commit": commits,
    }
    path = tmp_path / f"spec{suffix}"
    path.write_text(json.dumps(spec))
    return path


def test_a_json_spec_with_edits_renames_and_deletes(tmp_path):
    spec = _tiny_spec(
        tmp_path,
        [
            {"date": "2026-01-01T10:00:00+01:00", "author": "ann", "message": "Start",
             "write": [{"path": "app.py", "version": "v1"}, {"path": "old.txt", "content": "bye\n"}]},
            {"date": "2026-01-02T10:00:00+01:00", "author": "ann", "co_authors": ["claude"], "message": "Change",
             "rename": [{"from": "app.py", "to": "src/app.py"}], "delete": ["old.txt"],
             "edit": [{"path": "src/app.py", "old": "return 1", "new": "return 2"}]},
        ],
    )  # fmt: skip
    repo = build_demo(tmp_path / "repo", spec)
    assert git(repo, "ls-files").split() == ["src/app.py"]
    assert (repo / "src" / "app.py").read_text() == "def main():\n    return 2\n"
    assert git(repo, "log", "-1", "--format=%B").strip().endswith("Co-authored-by: Claude <noreply@anthropic.com>")
    assert git(repo, "log", "-1", "--format=%aI").strip() == "2026-01-02T10:00:00+01:00"


@pytest.mark.parametrize(
    ("commit", "error"),
    [
        ({"edit": [{"path": "app.py", "old": "return 3", "new": "x"}]}, "occurs 0 times, expected 1"),
        ({"write": [{"path": "app.py", "version": "v9"}]}, "cannot read"),
        ({"write": [{"path": "../escape.py", "content": "x"}]}, "unsafe or malformed path"),
        ({"write": [{"path": ".git/config", "content": "x"}]}, "unsafe or malformed path"),
        ({"delete": ["missing.py"]}, "no such file"),
        ({"write": [{"path": "app.py", "version": "v1"}]}, "changes nothing"),
        ({"author": "bob", "write": [{"path": "b.py", "content": "x"}]}, "unknown author"),
        ({"date": "2025-12-31T10:00:00+01:00", "write": [{"path": "b.py", "content": "x"}]}, "not after"),
        ({"date": "2026-02-01T10:00:00", "write": [{"path": "b.py", "content": "x"}]}, "no UTC offset"),
        ({"wirte": [{"path": "b.py", "content": "x"}]}, "unknown keys 'wirte'"),
    ],
)
def test_spec_mistakes_are_reported_before_anything_is_written(tmp_path, commit, error):
    first = {"date": "2026-01-01T10:00:00+01:00", "author": "ann", "message": "Start",
             "write": [{"path": "app.py", "version": "v1"}]}  # fmt: skip
    second = {"date": "2026-01-02T10:00:00+01:00", "author": "ann", "message": "Second"} | commit
    spec = _tiny_spec(tmp_path, [first, second])
    with pytest.raises(DemoSpecError, match=re.escape(error)):
        build_demo(tmp_path / "repo", spec)
    assert not (tmp_path / "repo").exists()
