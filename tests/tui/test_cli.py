"""How the workbench is started from the command line: bare `vibetriage` and `vibetriage tui` on a
terminal open it (help and a one-line error when not on one), bad input stops before it starts
with one line and exit 1, and who decides comes from --reviewer, the user's own settings, or git."""

from __future__ import annotations

import pytest

from tests.tui.conftest import build_repo
from vibetriage import cli


@pytest.fixture
def opened(monkeypatch):
    """Pretend to be on a terminal; record what the workbench would be opened with."""
    calls = []
    monkeypatch.setattr(cli, "_interactive", lambda: True)
    monkeypatch.setattr(cli, "_workbench", lambda root, db, reviewer, config: calls.append((root, db, reviewer)) or 0)
    return calls


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_bare_command_prints_help_when_not_on_a_terminal(capsys):
    code, out, _ = run(capsys)
    assert code == 0 and "usage: vibetriage" in out and "tui" in out


def test_tui_refuses_without_a_terminal(tmp_path, capsys):
    code, out, err = run(capsys, "tui", tmp_path)
    assert code == 1 and out == "" and err.startswith("vibetriage: error:") and "needs a terminal" in err


def test_bare_command_on_a_terminal_opens_the_current_repository(opened, tmp_path, monkeypatch, capsys):
    repo = build_repo(tmp_path / "shop")
    monkeypatch.chdir(repo.path / "api")  # anywhere inside it: the repository's database
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    code, _, _ = run(capsys)
    assert code == 0
    (root, db, reviewer), = opened
    assert root == (repo.path / "api").resolve() and db == repo.path.resolve() / ".vibetriage" / "triage.db"
    assert db.exists() and reviewer  # the database was checked (created) before the app started


def test_reviewer_from_option_then_user_settings_and_validated(opened, tmp_path, monkeypatch, capsys):
    repo = build_repo(tmp_path / "shop")
    config = tmp_path / "cfg" / "vibetriage" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('reviewer = "Rita Review <rita@example.com>"\n')
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    (repo.path / ".vibetriage.toml").write_text('exclude = ["x/*"]\n')
    assert run(capsys, "tui", repo.path)[0] == 0
    assert run(capsys, "tui", repo.path, "--reviewer", "Otto <otto@example.com>")[0] == 0
    assert [c[2] for c in opened] == ["Rita Review <rita@example.com>", "Otto <otto@example.com>"]
    code, _, err = run(capsys, "tui", repo.path, "--reviewer", "evil\x1b[2J")
    assert code == 1 and "control characters" in err and len(opened) == 2
    config.write_text('reviewer = ""\n')
    code, _, err = run(capsys, "tui", repo.path)
    assert code == 1 and "reviewer must be a non-empty name" in err


def test_a_reviewer_in_the_repositorys_own_settings_is_refused(opened, tmp_path, monkeypatch, capsys):
    repo = build_repo(tmp_path / "shop")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    (repo.path / ".vibetriage.toml").write_text('reviewer = "Someone Else"\n')
    code, _, err = run(capsys, "tui", repo.path)
    assert code == 1 and "unknown setting 'reviewer'" in err and opened == []


@pytest.mark.parametrize("problem", ["missing", "corrupt"])
def test_errors_before_the_app_starts_are_one_line(opened, tmp_path, capsys, problem):
    repo = build_repo(tmp_path / "shop")
    argv = ["tui", tmp_path / "nope"]
    if problem == "corrupt":
        bad = tmp_path / "bad.db"
        bad.write_bytes(b"not a database at all" * 100)
        argv = ["tui", repo.path, "--db", bad]
    code, out, err = run(capsys, *argv)
    assert code == 1 and out == "" and opened == []
    assert err.startswith("vibetriage: error:") and len(err.strip().splitlines()) == 1


def test_demo_on_a_terminal_opens_the_workbench_on_the_built_repository(opened, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    code, out, _ = run(capsys, "demo", tmp_path / "demo")
    assert code == 0 and "building the demo repository" in out and "score" not in out  # no printed ranking
    (root, db, _), = opened
    assert (root / "api" / "pricing.py").is_file() and db == root / ".vibetriage" / "triage.db"
