"""The command line as a user drives it: real repositories, the real entry point, real exit codes."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

from tests.clirun import run
from tests.gitrepo import GitRepo
from vibetriage.schema import SCHEMA_VERSION

AUTH = """\
class Auth:
    def login(self, user, password):
        if not user or not password:
            return None
        return user

    def logout(self, user):
        return True
"""


@pytest.fixture
def repo(tmp_path) -> GitRepo:
    repo = GitRepo(tmp_path / "repo")
    repo.write("api/auth.py", AUTH)
    repo.write("web/app.ts", "export function total(xs: number[]): number { return xs.reduce((a, b) => a + b, 0); }\n")
    repo.commit("start", date="2025-05-01T10:00:00")
    repo.write("api/auth.py", AUTH + "\n\ndef helper(x):\n    return x or 1\n")
    repo.commit("helper", date="2025-06-01T10:00:00", author=("Bob", "bob@x"))
    return repo



def test_scan_then_top_prints_the_ranking_with_reasons(repo, capsys):
    code, out, _ = run(capsys, "scan", "-q", repo.path)
    assert code == 0 and out == ""
    code, out, _ = run(capsys, "top", repo.path)
    assert code == 0
    lines = out.splitlines()
    assert "path" in lines[0] and "why" in lines[0]
    assert "api/auth.py" in lines[1]  # changed twice and the more complex file
    assert "web/app.ts" in out


def test_top_json_carries_every_signal_for_files_and_regions(repo, capsys):
    run(capsys, "scan", "-q", repo.path)
    _, out, _ = run(capsys, "top", repo.path, "--json")
    files = json.loads(out)
    assert [f["path"] for f in files] == ["api/auth.py", "web/app.ts"]
    first = files[0]
    assert first["churn"]["commits"] == 2 and first["churn"]["authors"] == 2
    assert {p["part"] for p in first["breakdown"]} == {"hotspot", "churn", "complexity", "cognitive", "size", "security", "test_gap"}
    _, out, _ = run(capsys, "top", repo.path, "--json", "--regions", "-n", "0")
    regions = {r["qualname"]: r for r in json.loads(out)}
    login = regions["Auth.login"]
    assert (login["file"], login["start_line"], login["end_line"]) == ("api/auth.py", 2, 5)
    assert (login["cyclomatic"], login["cognitive"], login["nesting"], login["length"], login["params"]) == (3, 2, 1, 4, 2)
    assert regions["total"]["language"] == "typescript"


def test_tag_and_show_record_and_display_the_decision_history(repo, capsys):
    run(capsys, "scan", "-q", repo.path)
    code, out, _ = run(capsys, "tag", "api/auth.py::Auth.login", "load-bearing", "--repo", repo.path, "--as", "Ann <ann@x>",
                       "--note", "every request passes here")
    assert code == 0 and "tagged load-bearing: api/auth.py::Auth.login" in out
    run(capsys, "tag", "api/auth.py::Auth.login", "reviewed", "--repo", repo.path, "--as", "Ann <ann@x>")
    _, out, _ = run(capsys, "show", "api/auth.py::Auth.login", "--repo", repo.path, "--json")
    shown = json.loads(out)
    assert shown["state"] == {"track": "load-bearing", "review": "reviewed", "reviewed_by": "Ann <ann@x>",
                              "reviewed_at": shown["decisions"][1]["at"]}
    assert [d["note"] for d in shown["decisions"]] == ["every request passes here", ""]
    _, out, _ = run(capsys, "show", "api/auth.py", "--repo", repo.path)
    assert "every request passes here" in out and "load-bearing" in out


def test_tagging_a_whole_file_tags_each_of_its_regions(repo, capsys):
    run(capsys, "scan", "-q", repo.path)
    code, out, _ = run(capsys, "tag", "api/auth.py", "prototype-track", "--repo", repo.path, "--as", "ann")
    assert code == 0 and "4 regions of api/auth.py" in out
    _, out, _ = run(capsys, "top", repo.path, "--json", "--regions", "-n", "0")
    tracks = {r["qualname"]: r["state"]["track"] for r in json.loads(out) if r["file"] == "api/auth.py"}
    assert tracks == dict.fromkeys(("Auth", "Auth.login", "Auth.logout", "helper"), "prototype-track")


def test_repository_text_is_printed_literally(tmp_path, capsys):
    repo = GitRepo(tmp_path / "r")
    repo.write("[bold]x[/bold].py", "def f():\n    return 1\n")
    repo.write("esc\x1b[31m.py", "def g():\n    return 2\n")
    repo.commit("odd names")
    run(capsys, "scan", "-q", repo.path)
    _, out, _ = run(capsys, "top", repo.path)
    assert "[bold]x[/bold].py" in out
    assert "esc\\x1b[31m.py" in out and "\x1b" not in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["scan", "{tmp}/missing"], "no such directory"),
        (["scan", "{tmp}/file.txt"], "not a directory"),
        (["top", "{repo}"], "run `vibetriage scan` first"),
    ],
)
def test_bad_paths_give_one_line_and_exit_1(repo, tmp_path, capsys, argv, message):
    (tmp_path / "file.txt").write_text("x")
    argv = [a.format(tmp=tmp_path, repo=repo.path) for a in argv]
    code, out, err = run(capsys, *argv)
    assert code == 1 and out == ""
    assert err.startswith("vibetriage: error:") and message in err
    assert len(err.strip().splitlines()) == 1


def test_unknown_region_and_file_are_refused_with_suggestions(repo, capsys):
    run(capsys, "scan", "-q", repo.path)
    code, _, err = run(capsys, "tag", "api/auth.py::Auth.logn", "reviewed", "--repo", repo.path, "--as", "a")
    assert code == 1 and "no region api/auth.py::Auth.logn; did you mean Auth.login" in err
    code, _, err = run(capsys, "show", "api/auht.py", "--repo", repo.path)
    assert code == 1 and "did you mean api/auth.py" in err


def test_corrupt_and_newer_databases_are_refused_untouched(repo, tmp_path, capsys):
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"garbage" * 500)
    code, _, err = run(capsys, "scan", "-q", repo.path, "--db", corrupt)
    assert code == 1 and "not a readable vibetriage database" in err
    assert corrupt.read_bytes() == b"garbage" * 500

    newer = tmp_path / "newer.db"
    run(capsys, "scan", "-q", repo.path, "--db", newer)
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    code, _, err = run(capsys, "top", repo.path, "--db", newer)
    assert code == 1 and "newer vibetriage" in err


def test_console_script_exit_codes(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "vibetriage.cli", "scan", str(tmp_path / "nope")], capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stderr.strip().startswith("vibetriage: error:") and "Traceback" not in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "vibetriage.cli", "top", "--bogus"], capture_output=True, text=True)
    assert proc.returncode == 2  # argparse usage error


def test_demo_builds_scans_and_ranks_pricing_and_auth_first(tmp_path, capsys):
    code, out, _ = run(capsys, "demo", tmp_path / "demo")
    assert code == 0
    top_files = [line.split()[2] for line in out.splitlines() if line[:4].strip().isdigit()][:4]
    assert "api/pricing.py" in top_files[:2] and "api/auth.py" in top_files


def test_scanning_a_plain_directory_says_there_is_no_churn(tmp_path, capsys):
    (tmp_path / "m.py").write_text("def f(x):\n    return x\n")
    code, out, _ = run(capsys, "scan", tmp_path)
    assert code == 0 and "1 files" in out and "not a git repository: no churn" in out


def sarif_log(tool: str, results: list[tuple[str, str, int]]) -> str:
    """A minimal but valid SARIF 2.1.0 log, as Semgrep writes it: (rule id, path, line) per result."""
    return json.dumps({
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [{
            "tool": {"driver": {"name": tool, "rules": [
                {"id": rid, "properties": {"tags": ["CWE-89: Improper Neutralization of Special Elements used in an SQL Command"]},
                 "defaultConfiguration": {"level": "error"}} for rid in sorted({r for r, _, _ in results})]}},
            "results": [
                {"ruleId": rid, "level": "error", "message": {"text": f"{rid} here"},
                 "locations": [{"physicalLocation": {"artifactLocation": {"uri": path, "uriBaseId": "%SRCROOT%"},
                                                     "region": {"startLine": line}}}]}
                for rid, path, line in results
            ],
        }],
    })


def test_sarif_findings_are_attached_kept_and_replaced_per_tool(repo, tmp_path, capsys):
    report = tmp_path / "semgrep.sarif"
    report.write_text(sarif_log("Semgrep OSS", [("python.sqli", "api/auth.py", 3), ("python.other", "api/auth.py", 11)]))
    code, _, _ = run(capsys, "scan", "-q", repo.path, "--sarif", report)
    assert code == 0

    def imported():
        _, out, _ = run(capsys, "show", "api/auth.py", "--repo", repo.path, "--json")
        return {(f["tool"], f["rule"], f["region"], f["severity"], f["cwe"]) for f in json.loads(out)["finding_list"] if f["tool"] != "vibetriage"}

    assert imported() == {("Semgrep OSS", "python.sqli", "Auth.login", "high", "CWE-89"),
                          ("Semgrep OSS", "python.other", "helper", "high", "CWE-89")}
    run(capsys, "scan", "-q", repo.path)  # a later scan without --sarif keeps the import
    assert len(imported()) == 2
    report.write_text(sarif_log("Semgrep OSS", [("python.sqli", "api/auth.py", 3)]))
    run(capsys, "scan", "-q", repo.path, "--sarif", report)  # the same tool again replaces it
    assert imported() == {("Semgrep OSS", "python.sqli", "Auth.login", "high", "CWE-89")}

    bad = tmp_path / "bad.sarif"
    bad.write_text("{not json")
    code, _, err = run(capsys, "scan", "-q", repo.path, "--sarif", bad)
    assert code == 1 and err.startswith("vibetriage: error:") and len(err.strip().splitlines()) == 1
    assert len(imported()) == 1  # a bad report changes nothing


def test_a_database_committed_in_the_repository_is_refused(repo, tmp_path, capsys):
    run(capsys, "scan", "-q", repo.path)
    planted = repo.path / ".vibetriage" / "triage.db"
    repo.git("add", "-f", "--", ".vibetriage/triage.db")
    repo.commit("ship our decisions", date="2025-06-02T10:00:00")
    code, _, err = run(capsys, "top", repo.path)
    assert code == 1 and ".vibetriage/triage.db is committed in the repository" in err
    assert planted.exists()  # refused, not deleted


def test_a_symlinked_database_directory_is_refused_and_nothing_is_written_through_it(repo, tmp_path, capsys):
    victim = tmp_path / "victim"
    victim.mkdir()
    (repo.path / ".vibetriage").symlink_to(victim)
    code, _, err = run(capsys, "scan", "-q", repo.path)
    assert code == 1 and "symbolic link" in err
    assert list(victim.iterdir()) == []


def test_commands_in_a_subdirectory_use_the_repository_database(repo, capsys, monkeypatch):
    run(capsys, "scan", "-q", repo.path)
    run(capsys, "tag", "api/auth.py::Auth.login", "load-bearing", "--repo", repo.path, "--as", "ann")
    monkeypatch.chdir(repo.path / "api")
    code, out, _ = run(capsys, "show", "auth.py::Auth.login", "--repo", ".", "--json")
    assert code == 0 and json.loads(out)["state"]["track"] == "load-bearing"
    assert not (repo.path / "api" / ".vibetriage").exists()


def test_tagging_code_that_changed_since_the_scan_is_refused(repo, capsys):
    run(capsys, "scan", "-q", repo.path)
    repo.write("api/auth.py", AUTH.replace("return user", "return user.strip()"))
    repo.commit("edit login", date="2025-06-03T10:00:00")
    code, _, err = run(capsys, "tag", "api/auth.py::Auth.login", "reviewed", "--repo", repo.path, "--as", "ann")
    assert code == 1 and "the code changed since the last scan" in err
    run(capsys, "scan", "-q", repo.path)
    code, _, _ = run(capsys, "tag", "api/auth.py::Auth.login", "reviewed", "--repo", repo.path, "--as", "ann")
    assert code == 0
    _, out, _ = run(capsys, "show", "api/auth.py::Auth.login", "--repo", repo.path, "--json")
    assert json.loads(out)["state"]["review"] == "reviewed"  # of the code as it is now, not stale


def test_a_broken_pyproject_without_vibetriage_settings_does_not_block_a_scan(repo, capsys):
    (repo.path / "pyproject.toml").write_text('[project]\nname = "a"\nname = "b"\n')  # duplicate key
    code, _, _ = run(capsys, "scan", "-q", repo.path)
    assert code == 0


def test_a_class_shows_the_findings_its_score_counts(tmp_path, capsys):
    repo = GitRepo(tmp_path / "r")
    repo.write("store.py", "class Store:\n    def find(self, cur, name):\n        cur.execute(\"SELECT * FROM t WHERE n = '%s'\" % name)\n")
    repo.commit("store")
    run(capsys, "scan", "-q", repo.path)
    _, out, _ = run(capsys, "top", repo.path, "--json", "--regions")
    rows = {r["qualname"]: r for r in json.loads(out)}
    assert rows["Store.find"]["findings"]["open"] == 1
    assert rows["Store"]["findings"]["open"] == 1
    assert next(p for p in rows["Store"]["breakdown"] if p["part"] == "security")["raw"] == 6.0


def test_a_reused_path_keeps_its_decisions_to_itself(tmp_path, capsys):
    """a.py was renamed to b.py, then a new a.py came: a review of the new a.py::f is not b.py's."""
    repo = GitRepo(tmp_path / "repo")
    repo.write("a.py", "def f(x):\n    return x + 1\n")
    repo.commit("a", date="2025-01-01T10:00:00")
    repo.rename("a.py", "b.py")
    repo.commit("rename", date="2025-01-02T10:00:00")
    repo.write("a.py", "def f(y):\n    return y * 2\n")
    repo.commit("a new a.py", date="2025-01-03T10:00:00")
    assert run(capsys, "scan", "-q", repo.path)[0] == 0
    assert run(capsys, "tag", "a.py::f", "reviewed", "--repo", repo.path, "--as", "Tess <t@x>")[0] == 0
    shown = {path: json.loads(run(capsys, "show", f"{path}::f", "--repo", repo.path, "--json")[1])["state"] for path in ("a.py", "b.py")}
    assert (shown["a.py"]["review"], shown["b.py"]["review"]) == ("reviewed", "unreviewed")
