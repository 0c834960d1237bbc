"""Onboarding tours from the command line: built from a real scan, carried to and from CodeTour
files and Markdown, with hostile text kept inert."""

from __future__ import annotations

import json
import re

import pytest

from tests.clirun import run
from tests.gitrepo import GitRepo

BILLING = """\
def invoice(order, rates, region):
    total = 0
    for line in order:
        if line.taxable and region in rates:
            total += line.amount * (1 + rates[region])
        elif line.discount:
            total += line.amount - line.discount
        else:
            total += line.amount
    return total


def currency(code):
    return code.upper()
"""

AUTH = """\
import sqlite3


def login(db, user, password):
    row = db.execute("SELECT * FROM users WHERE name = '" + user + "'").fetchone()
    if row and row[2] == password:
        return row
    return None


class Session:
    def open(self, user):
        return user

    def close(self):
        return None
"""


def markup_left(markdown: str) -> list[str]:
    """Characters that could open a link, an image, HTML or a code span: each must be escaped."""
    return re.findall(r"(?<!\\)[\[\]<>`|]", markdown)


@pytest.fixture
def repo(tmp_path, capsys) -> GitRepo:
    repo = GitRepo(tmp_path / "repo")
    repo.write("billing/invoice.py", BILLING)
    repo.write("auth/login.py", AUTH)
    repo.write("tests/test_billing.py", "from billing.invoice import invoice\n\ndef test_invoice():\n    assert invoice([], {}, 'eu') == 0\n")
    repo.commit("start", date="2025-01-10T10:00:00")
    for n in range(4):
        repo.write("billing/invoice.py", BILLING + f"\n# v{n}\n")
        repo.commit(f"rates {n}", date=f"2025-02-0{n + 1}T10:00:00")
    assert run(capsys, "scan", "-q", repo.path)[0] == 0
    return repo


def test_an_automatic_tour_starts_with_load_bearing_code_then_the_riskiest_by_directory(repo, capsys):
    assert run(capsys, "tag", "auth/login.py::Session.close", "load-bearing", "--repo", repo.path, "--as", "Ann <ann@x>",
               "--note", "every logout ends here")[0] == 0
    code, out, _ = run(capsys, "tour", "new", "first-week", "--auto", "--hotspots", "3", "--repo", repo.path)
    assert code == 0 and "4 stop(s)" in out
    code, out, _ = run(capsys, "tour", "show", "first-week", "--repo", repo.path)
    places = [m.groups() for m in re.finditer(r"^[> ] +\d+\. (\S+)  (\S+)", out, re.MULTILINE)]
    assert places[0] == ("auth/login.py", "Session.close")
    # then the three riskiest others, the invoice directory (riskiest) before auth; no test code
    assert [p[0] for p in places[1:]] == ["billing/invoice.py", "billing/invoice.py", "auth/login.py"]
    assert "Tested: tests/test_billing.py::test_invoice calls it." in out  # evidence, but test code is no stop
    assert "Load-bearing, says Ann <ann@x>" in out and "every logout ends here" in out
    assert "python.sql-injection" in out  # login's finding is in its note
    assert "changed in 5 commit(s)" in out  # invoice's churn


def test_codetour_export_reimports_to_the_same_tour_and_markdown_stays_inert(repo, tmp_path, capsys):
    run(capsys, "tour", "new", "t", "--auto", "--repo", repo.path)
    hostile = "see [this](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> `rm -rf` | x |"
    # a hand-made stop on a line outside any region, with a hostile note
    from vibetriage.model import Tour, TourStop
    from vibetriage.store import Store

    with Store.open(repo.path / ".vibetriage" / "triage.db") as store:
        tour = store.tour("t")
        store.save_tour(Tour("t", (*tour.stops, TourStop("auth/login.py", None, 1, hostile)), position=2), replace=True)
        before = store.tour("t")
    assert run(capsys, "tour", "export", "t", "--repo", repo.path)[0] == 0
    written = repo.path / ".tours" / "t.tour"
    doc = json.loads(written.read_text())
    assert doc["title"] == "t" and doc["$schema"] == "https://aka.ms/codetour-schema"
    assert all(isinstance(s["description"], str) and s["file"] for s in doc["steps"])
    assert not any(markup_left(step["description"]) for step in doc["steps"])
    assert run(capsys, "tour", "import", written, "--name", "again", "--repo", repo.path)[0] == 0
    with Store.open(repo.path / ".vibetriage" / "triage.db") as store:
        again = store.tour("again")
    assert again.stops == before.stops
    code, out, _ = run(capsys, "tour", "export", "t", "--format", "md", "--repo", repo.path)
    assert code == 0 and out.startswith("# Tour: t\n")
    assert not markup_left(out.split("\n", 1)[1].replace("**", "")) and "\\`rm -rf\\`" in out and "\\| x \\|" in out


@pytest.mark.parametrize("step, message", [
    ({"file": "/etc/passwd", "description": "x"}, "`file` must be a path inside the repository"),
    ({"file": "../outside.py", "description": "x"}, "`file` must be a path inside the repository"),
    ({"directory": "billing", "description": "x"}, "`file` must be a path inside the repository"),
    ({"file": "billing/invoice.py", "line": "1; rm", "description": "x"}, "`line` must be a line number"),
])
def test_a_hostile_codetour_file_is_refused_with_the_step_named(repo, tmp_path, capsys, step, message):
    tour = tmp_path / "x.tour"
    tour.write_text(json.dumps({"title": "x", "steps": [{"file": "billing/invoice.py", "description": "ok"}, step]}))
    code, _, err = run(capsys, "tour", "import", tour, "--repo", repo.path)
    assert code == 1 and f"step 2: {message}" in err and err.count("\n") == 1
    assert "no tours yet" in run(capsys, "tour", "list", repo.path)[1]


def test_step_commands_are_dropped_and_names_resolve_to_regions(repo, tmp_path, capsys):
    tour = tmp_path / "x.tour"
    tour.write_text(json.dumps({"title": "walk", "steps": [
        {"file": "billing/invoice.py", "line": 1, "title": "invoice", "description": "start \\*here\\*",
         "commands": ["workbench.action.terminal.sendSequence?{\"text\":\"rm -rf ~\\n\"}"]},
        {"file": "auth/login.py", "line": 2, "description": "imports"},
    ]}))
    assert run(capsys, "tour", "import", tour, "--repo", repo.path)[0] == 0
    code, out, _ = run(capsys, "tour", "show", "walk", "--repo", repo.path)
    assert "invoice  lines 1-10" in out and "start *here*" in out and "line 2" in out and "rm -rf" not in out
    assert run(capsys, "tour", "export", "walk", "-o", tmp_path / "out.tour", "--repo", repo.path)[0] == 0
    assert "commands" not in (tmp_path / "out.tour").read_text()


def test_tours_are_kept_replaced_only_on_request_and_deleted(repo, capsys):
    assert run(capsys, "tour", "new", "a", "--repo", repo.path)[0] == 0
    code, _, err = run(capsys, "tour", "new", "a", "--auto", "--repo", repo.path)
    assert code == 1 and "already a tour named 'a'" in err
    assert run(capsys, "tour", "new", "a", "--auto", "--replace", "--repo", repo.path)[0] == 0
    assert "a  (" in run(capsys, "tour", "list", repo.path)[1]
    assert run(capsys, "tour", "delete", "a", "--repo", repo.path)[0] == 0
    code, _, err = run(capsys, "tour", "show", "a", "--repo", repo.path)
    assert code == 1 and "no tour named 'a'" in err
