"""The risk register export as users rely on it: a real repository with hostile file names and
notes, scanned and tagged, exported in every format and read back with a real parser of that format
(csv, JSON Schema, the official SARIF 2.1.0 schema, a Markdown renderer, an HTML parser)."""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest
from markdown_it import MarkdownIt

from tests.gitrepo import GitRepo
from vibetriage.assets import data_path
from vibetriage.cli import main
from vibetriage.export import FORMATS, Options, actions, gather, render, render_register
from vibetriage.export.to_csv import COLUMNS
from vibetriage.export.to_sarif import FINGERPRINT, HOTSPOT_RULE
from vibetriage.model import Finding, Metrics, RankedRegion, Region, RegionState, RiskScore, ScorePart
from vibetriage.store import DEFAULT_DB, Store

SCHEMAS = Path(__file__).parent / "data" / "schemas"

HOSTILE_DIR = '=HYPERLINK("http:evil.example","click")'
HOSTILE_FILE = "|pipes| <script>alert(1)<`tick`>\x1b[31m.py"
HOSTILE_PATH = f"{HOSTILE_DIR}/{HOSTILE_FILE}"
HOSTILE_NOTE = ('=HYPERLINK("http://evil.example","x")\r\nsecond line |a|b| `code` [link](http://evil.example)\r\n'
                "<script>alert(1)</script> \x1b[31mred\x07 \u202eevil")
HOSTILE_ACTOR = '@SUM(1+1) <b>Mallory</b> | ops'

AUTH = """\
class Auth:
    def login(self, cur, user):
        if not user:
            return None
        cur.execute("SELECT * FROM users WHERE name = '%s'" % user)
        return user

    def logout(self, user):
        return True


def check(cur, name):
    # vibetriage: ignore[python.sql-injection] the name comes from our enum [see roles]
    cur.execute("SELECT * FROM roles WHERE n = '%s'" % name)
"""
PRICING = """\
def discount(total, code):
    if code == "A":
        return total * 0.9
    if code == "B" and total > 100:
        return total * 0.8
    return total
"""


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    """A repository whose regions are in every state: load-bearing and unreviewed with a finding
    (hostile path, note and actor), load-bearing and reviewed, reviewed then changed (stale),
    prototype-track; plus file names that start with formula characters."""
    repo = GitRepo(tmp_path_factory.mktemp("export") / "repo")
    repo.write("api/auth.py", AUTH)
    repo.write("api/pricing.py", PRICING)
    repo.write(HOSTILE_PATH, "def run(cur, q):\n    cur.execute(\"SELECT %s\" % q)\n")
    repo.write("@SUM(1+1).py", "def at(x):\n    return x\n")
    repo.write("tools/calc.py", 'def calc(expr):\n    return eval("[" + expr + "](http://evil.example)")\n')
    repo.write("-2+3;=cmd().py", "def minus(x):\n    return -x\n")
    repo.commit("start", date="2025-05-01T10:00:00")
    repo.write("api/auth.py", AUTH + "\n\ndef helper(x):\n    return x or 1\n")
    repo.commit("helper", date="2025-06-01T10:00:00", author=("Bob", "bob@x"))
    assert main(["scan", "-q", str(repo.path)]) == 0
    db = repo.path / DEFAULT_DB
    with Store.open(db) as store:
        def tag(path, qualname, tag, actor="Ann <ann@x>", note="", at="2025-06-02T10:00:00+00:00"):
            region = store.find_regions(path, qualname)[0]
            store.add_decision(region, tag, actor, note=note, at=at)

        tag(HOSTILE_PATH, "run", "load-bearing", actor=HOSTILE_ACTOR, note=HOSTILE_NOTE)
        tag("api/auth.py", "Auth.logout", "load-bearing", note="every request passes here")
        tag("api/auth.py", "Auth.logout", "reviewed", actor="Rita <rita@x>", note="fine as it is")
        tag("api/pricing.py", "discount", "load-bearing")
        tag("api/pricing.py", "discount", "reviewed")
        tag("api/auth.py", "helper", "prototype-track")
    repo.write("api/pricing.py", PRICING.replace("0.8", "0.75"))
    repo.commit("deeper discount", date="2025-06-03T10:00:00")
    assert main(["scan", "-q", str(repo.path)]) == 0
    return repo, db


@pytest.fixture
def store(scanned):
    with Store.open(scanned[1]) as s:
        yield s


@pytest.fixture
def fixed_time(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # 2025-01-01T00:00:00Z
    return "2025-01-01T00:00:00Z"


def export(store, fmt, **options) -> bytes:
    return render(store, fmt, Options(top=None, **options))


# -- the register ------------------------------------------------------------------------------


def test_the_register_holds_every_region_state_and_the_suggested_action_it_calls_for(store):
    register = gather(store, Options(top=None))
    regions = {i.label: i for i in register.regions}
    hostile = regions[f"{HOSTILE_PATH}::run"]
    assert (hostile.state.track, hostile.state.review, hostile.action) == ("load-bearing", "unreviewed", "review-first")
    logout = regions["api/auth.py::Auth.logout"]
    assert (logout.state.review, logout.state.reviewed_by, logout.action) == ("reviewed", "Rita <rita@x>", "add-tests")
    assert (regions["api/pricing.py::discount"].state.review, regions["api/pricing.py::discount"].action) == ("stale", "re-review")
    assert regions["api/auth.py::helper"].action == "rewrite-or-graduate"
    assert regions["api/auth.py::Auth.login"].action == "fix-findings"  # unclassified, open SQL finding
    assert regions["api/auth.py::check"].action == "classify"  # its finding is suppressed: no hit
    files = {i.path: i for i in register.files}
    assert files["api/auth.py"].action == "fix-findings"  # the most urgent of its regions'
    assert files[HOSTILE_PATH].action == "review-first"
    assert files["api/auth.py"].tally.load_bearing == 1 and files["api/auth.py"].tally.prototype_track == 1
    assert [i.ranked.rank for i in register.regions] == sorted(i.ranked.rank for i in register.regions)


def test_top_and_min_score_select_the_items_of_each_kind(store):
    every = gather(store, Options(top=None))
    two = gather(store, Options(top=2))
    assert [i.label for i in two.files] == [i.label for i in every.files[:2]]
    assert [i.label for i in two.regions] == [i.label for i in every.regions[:2]]
    floor = every.regions[3].ranked.risk.score
    high = gather(store, Options(top=None, min_score=floor, files=False))
    assert high.files == () and high.regions and all(i.ranked.risk.score >= floor for i in high.regions)
    assert len(high.regions) < len(every.regions)


def _region(gap: float) -> RankedRegion:
    region = Region("a.py", "function", "f", 0, 1, 9, "fp", Metrics(3, 2, 1, 9, 1))
    return RankedRegion(1, region, RiskScore(50.0, (ScorePart("test_gap", gap, gap, 0.1),)), "python")


def _finding(severity: str, suppressed: str | None = None) -> Finding:
    return Finding("r", "vibetriage", severity, "high", None, "a.py", 2, 2, "m", suppressed)


@pytest.mark.parametrize(
    ("track", "review", "finding", "gap", "expected"),
    [
        ("load-bearing", "unreviewed", _finding("high"), 1.0, "review-first"),
        ("load-bearing", "stale", _finding("medium"), 0.0, "review-first"),
        ("load-bearing", "reviewed", _finding("critical"), 0.0, "fix-findings"),
        ("prototype-track", "unreviewed", _finding("high"), 1.0, "fix-before-graduating"),
        ("unclassified", "unreviewed", _finding("high"), 1.0, "fix-findings"),
        ("load-bearing", "unreviewed", _finding("low"), 0.0, "review"),  # a low finding is no security hit
        ("load-bearing", "unreviewed", _finding("high", "checked"), 0.0, "review"),  # nor a suppressed one
        ("unclassified", "stale", None, 1.0, "re-review"),
        ("load-bearing", "reviewed", None, 0.6, "add-tests"),
        ("load-bearing", "reviewed", None, 0.3, "keep-watching"),
        ("unclassified", "reviewed", None, 1.0, "classify"),
        ("prototype-track", "reviewed", None, 1.0, "rewrite-or-graduate"),
    ],
)
def test_the_action_table_picks_the_first_matching_row(track, review, finding, gap, expected):
    findings = [finding] if finding else []
    assert actions.for_region(_region(gap), RegionState(track, review), findings) == expected


def test_a_file_takes_the_most_urgent_action_of_its_regions():
    assert actions.for_file(["classify", "review", "keep-watching"], []) == "review"
    assert actions.for_file(["classify"], [_finding("high")]) == "fix-findings"  # a hit outside any region
    assert actions.for_file([], []) == "keep-watching"


# -- CSV ---------------------------------------------------------------------------------------


def test_csv_opens_as_one_row_per_item_with_formula_cells_guarded(store):
    data = export(store, "csv")
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads the file as UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    header, body = rows[0], rows[1:]
    register = gather(store, Options(top=None))
    assert tuple(header) == COLUMNS and len(body) == len(register.files) + len(register.regions)
    assert all(len(row) == len(header) for row in body)
    for row in body:
        for value in row:
            assert value[:1] not in ("=", "+", "-", "@", "\t", "\r", "\n", "\0"), value
            assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f\u202e]", value), value  # only a note's line breaks stay
    paths = {row[header.index("path")] for row in body}
    assert "'" + HOSTILE_PATH.replace("\x1b", "\\x1b") in paths
    assert {"'@SUM(1+1).py", "'-2+3;=cmd().py"} <= paths
    hostile = next(r for r in body if r[0] == "region" and r[header.index("region")] == "run")
    assert hostile[header.index("action_id")] == "review-first"
    notes = hostile[header.index("notes")].split("\n")
    assert notes[0].startswith("2025-06-02T10:00:00.000000+00:00 @SUM(1+1) <b>Mallory</b> | ops, load-bearing: =HYPERLINK(")
    assert notes[2] == "<script>alert(1)</script> \\x1b[31mred\\x07 \\u202eevil"
    assert float(hostile[header.index("score")]) == next(i.ranked.risk.score for i in register.regions if i.label.endswith("::run"))


def test_csv_quotes_every_cell_so_a_semicolon_cannot_start_one(store):
    # Excel in a locale whose list separator is `;` splits unquoted cells there: `a;=1+1` would
    # become a formula cell. Quoted, it stays one text cell.
    text = export(store, "csv").decode("utf-8-sig")
    assert ',"\'-2+3;=cmd().py",' in text
    assert text.split("\r\n")[1].startswith('"file","1","') and text.endswith("\r\n")


def test_a_cell_longer_than_a_spreadsheet_holds_is_clipped_and_says_so():
    from vibetriage.export.to_csv import MAX_CELL, guard

    cell = guard("=" + "x" * 40_000)
    assert len(cell) == MAX_CELL + 1 and cell.startswith("'=x") and cell.endswith("the JSON export has all of it)")
    assert guard("-1") == "'-1" and guard("api/x.py") == "api/x.py"


# -- JSON --------------------------------------------------------------------------------------


def _schema_validator(path: Path, cls):
    schema = json.loads(path.read_text(encoding="utf-8"))
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def test_json_validates_against_the_shipped_schema_and_keeps_exact_values(store):
    validator = _schema_validator(data_path("schemas", "risk-register.schema.json"), jsonschema.Draft202012Validator)
    doc = json.loads(export(store, "json"))
    validator.validate(doc)
    hostile = next(r for r in doc["regions"] if r["path"] == HOSTILE_PATH)
    assert hostile["decisions"][0]["note"] == HOSTILE_NOTE and hostile["decisions"][0]["actor"] == HOSTILE_ACTOR
    assert hostile["action"]["id"] == "review-first" and hostile["state"]["track"] == "load-bearing"
    assert [f["rule"] for f in hostile["finding_list"]] == ["python.sql-injection"]
    auth = next(f for f in doc["files"] if f["path"] == "api/auth.py")
    assert {f["suppressed"] for f in auth["finding_list"]} == {None, "the name comes from our enum [see roles]"}
    # The schema is strict: an undocumented field or a wrong type is an error.
    hostile["surprise"] = 1
    auth["score"] = "high"
    messages = " / ".join(e.message for e in validator.iter_errors(doc))
    assert "'high' is not of type 'number'" in messages and "'surprise' was unexpected" in messages


def test_json_is_ascii_with_sorted_keys(store):
    data = export(store, "json")
    assert data.isascii() and b"\\u001b" in data
    doc = json.loads(data)
    assert list(doc) == sorted(doc) and list(doc["regions"][0]) == sorted(doc["regions"][0])


# -- Markdown ----------------------------------------------------------------------------------


class Collector(HTMLParser):
    """Start tags (with attributes) and text of an HTML document."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list]] = []
        self.text: list[str] = []
        self.tables: list[list[int]] = []  # per table, the cells of each row

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append(0)
        elif tag in ("td", "th"):
            self.tables[-1][-1] += 1

    def handle_data(self, data):
        self.text.append(data)


def test_markdown_renders_as_tables_where_repository_text_stays_text(store):
    source = export(store, "md").decode("utf-8")
    rendered = MarkdownIt("gfm-like").render(source)  # tables, raw HTML and autolinks all on
    page = Collector()
    page.feed(rendered)
    tags = {t for t, _ in page.tags}
    assert tags <= {"h1", "h2", "p", "table", "thead", "tbody", "tr", "th", "td", "strong", "br"}, tags
    assert "script" not in tags and "a" not in tags and "code" not in tags and "b" not in tags
    # Files, regions, findings, actions: no repository text ended a row or a cell early.
    assert [t[0] for t in page.tables] == [9, 12, 8, 2]
    assert all(set(t) == {t[0]} for t in page.tables)
    register = gather(store, Options(top=None))
    assert [len(t) - 1 for t in page.tables[:2]] == [len(register.files), len(register.regions)]
    text = "".join(page.text)
    assert HOSTILE_PATH.replace("\x1b", "\\x1b") + "::run" in text
    assert "<script>alert(1)</script> \\x1b[31mred\\x07 \\u202eevil" in text
    assert '=HYPERLINK("http://evil.example","x")' in text and "|a|b| `code` [link](http://evil.example)" in text


def test_markdown_lists_the_findings_and_the_action_table(store):
    source = export(store, "md").decode("utf-8")
    assert "## Findings of these items" in source and "python.sql-injection" in source and "the name comes from our enum \\[see roles\\]" in source
    assert "| **Review first** |" in source


# -- SARIF -------------------------------------------------------------------------------------


def sarif_log(store, **options) -> dict:
    return json.loads(export(store, "sarif", **options))


def test_sarif_is_valid_against_the_official_2_1_0_schema(store):
    validator = _schema_validator(SCHEMAS / "sarif-schema-2.1.0.json", jsonschema.Draft4Validator)
    log = sarif_log(store)
    validator.validate(log)
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert len(list(validator.iter_errors(log))) == 1  # the schema is really checking


def test_sarif_results_are_the_findings_and_the_load_bearing_hotspots(store):
    run = sarif_log(store)["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert rules == sorted(rules) and HOTSPOT_RULE in rules
    for result in run["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]
    by_place = {(unquote(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]), r["ruleId"],
                 r["locations"][0]["physicalLocation"]["region"]["startLine"]): r for r in run["results"]}
    suppressed = by_place[("api/auth.py", "python.sql-injection", 14)]
    assert suppressed["suppressions"] == [{"kind": "inSource", "status": "accepted",
                                           "justification": "the name comes from our enum [see roles]"}]
    assert "suppressions" not in by_place[("api/auth.py", "python.sql-injection", 5)]
    hotspots = {r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]: r for r in run["results"] if r["ruleId"] == HOTSPOT_RULE}
    assert set(hotspots) == {"run", "Auth.logout", "discount"}  # load-bearing ones; helper is prototype-track
    assert hotspots["Auth.logout"]["suppressions"] == [
        {"kind": "external", "status": "accepted", "justification": "reviewed by Rita <rita@x> at 2025-06-02T10:00:00.000000+00:00: fine as it is"}]
    assert "suppressions" not in hotspots["discount"] and "changed since" in hotspots["discount"]["message"]["text"]
    assert "suppressions" not in hotspots["run"] and hotspots["run"]["level"] == "warning"
    sql = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "python.sql-injection")
    assert sql["properties"]["security-severity"] == "8.0" and "external/cwe/cwe-89" in sql["properties"]["tags"]
    assert sql["helpUri"].startswith("https://")


def test_sarif_can_leave_suppressed_results_out_for_code_scanning(store):
    run = sarif_log(store, omit_suppressed=True)["runs"][0]
    assert all("suppressions" not in r for r in run["results"])
    assert {r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] for r in run["results"]
            if r["ruleId"] == HOTSPOT_RULE} == {"run", "discount"}


def test_sarif_uris_are_escaped_and_messages_are_inert_plain_text(store):
    run = sarif_log(store)["runs"][0]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert all(re.fullmatch(r"[A-Za-z0-9\-._~%!$&'()*+,;=@/]+", u) for u in uris), uris  # no ':' (a scheme), no raw controls
    assert HOSTILE_PATH in {unquote(u) for u in uris}
    hostile = next(r for r in run["results"] if unquote(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) == HOSTILE_PATH
                   and r["ruleId"] == HOTSPOT_RULE)
    texts = [r["message"]["text"] for r in run["results"]]
    assert any('\\[" + expr + "\\](http://evil.example)' in t for t in texts)  # code quoted by the eval rule
    for text in texts:
        assert not re.search(r"[\x00-\x1f\x7f]", text)
        # SARIF reads [text](target) as a link (§3.11.6): every bracket comes escaped.
        assert not re.search(r"(?<!\\)(?:\\\\)*[\[\]]", text), text
    assert "suggested action: review first" in hostile["message"]["text"].lower()


def test_sarif_fingerprints_survive_an_edit_elsewhere_in_the_file(tmp_path):
    repo = GitRepo(tmp_path / "r")
    repo.write("db.py", "def find(cur, name):\n    cur.execute(\"SELECT * FROM t WHERE n = '%s'\" % name)\n")
    repo.commit("db")
    main(["scan", "-q", str(repo.path)])

    def results():
        with Store.open(repo.path / DEFAULT_DB) as store:
            return {r["partialFingerprints"][FINGERPRINT]: r["locations"][0]["physicalLocation"]["region"]["startLine"]
                    for r in sarif_log(store)["runs"][0]["results"]}

    before = results()
    repo.write("db.py", "import os\n\n\n" + repo.read("db.py").decode())
    repo.commit("imports", date="2025-02-01T10:00:00")
    main(["scan", "-q", str(repo.path)])
    after = results()
    assert set(after) == set(before) and len(before) == 1
    assert list(after.values()) == [line + 3 for line in before.values()]


# -- HTML --------------------------------------------------------------------------------------


ALLOWED_HTML = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "table", "thead", "tbody", "tr", "th", "td",
                "span", "br", "ul", "li", "svg", "rect", "text", "line", "circle"}


def test_html_is_one_self_contained_page_where_repository_text_is_text(store):
    page = Collector()
    page.feed(export(store, "html").decode("utf-8"))
    page.close()
    tags = {t for t, _ in page.tags}
    assert tags <= ALLOWED_HTML, tags - ALLOWED_HTML
    attrs = [(tag, name, value or "") for tag, pairs in page.tags for name, value in pairs]
    assert not [a for a in attrs if a[1].startswith("on") or a[1] in ("src", "href", "action", "srcdoc")]
    assert not [a for a in attrs if "script" in a[2].lower() and a[1] != "content"]  # only the CSP names scripts
    csp = next(v for t, n, v in attrs if t == "meta" and n == "content" and "default-src" in v)
    assert "default-src 'none'" in csp and "script-src" not in csp
    text = "".join(page.text)
    assert HOSTILE_PATH.replace("\x1b", "\\x1b") in text
    assert '=HYPERLINK("http://evil.example","x")' in text and "<script>alert(1)</script> \\x1b[31mred\\x07" in text
    assert HOSTILE_ACTOR in text
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text)


def test_html_chart_has_a_point_per_file_with_its_tooltip(store):
    register = gather(store, Options(top=None))
    page = Collector()
    page.feed(render_register(register, "html").decode("utf-8"))
    circles = [dict(a) for t, a in page.tags if t == "circle"]
    assert len(circles) == len(register.files) and all(c["class"] in ("urgent", "soon", "later", "fine") for c in circles)
    text = "".join(page.text)
    for item in register.files:
        shown = item.path.replace("\x1b", "\\x1b")
        assert f"#{item.ranked.rank} {shown}: {item.ranked.churn.commits} commits" in text


# -- determinism -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_same_database_gives_the_same_bytes(scanned, fmt, fixed_time):
    outputs = []
    for _ in range(2):
        with Store.open(scanned[1]) as store:
            outputs.append(export(store, fmt))
    assert outputs[0] == outputs[1]
    assert fmt == "csv" or fixed_time.encode() in outputs[0]


@pytest.mark.parametrize("fmt", FORMATS)
def test_only_the_generated_at_time_differs_between_two_exports(store, fmt):
    first = render(store, fmt, Options(generated_at="2025-01-01T00:00:00Z"))
    second = render(store, fmt, Options(generated_at="2026-12-31T23:59:59Z"))
    assert first.replace(b"2025-01-01T00:00:00Z", b"2026-12-31T23:59:59Z") == second


def test_a_malformed_source_date_epoch_is_refused(store, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(Exception, match="SOURCE_DATE_EPOCH must be whole seconds"):
        render(store, "json")


# -- the command line --------------------------------------------------------------------------


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_export_writes_the_format_its_file_name_asks_for_atomically(scanned, tmp_path, capsys):
    repo, _ = scanned
    target = tmp_path / "out" / "risks.sarif"
    target.parent.mkdir()
    target.write_text("old")
    code, out, _ = run(capsys, "export", repo.path, "-o", target, "--top", "2")
    assert code == 0 and out.startswith(f"wrote {target} (sarif): 2 files, 2 regions")
    assert json.loads(target.read_text())["version"] == "2.1.0"
    assert [p.name for p in target.parent.iterdir()] == ["risks.sarif"]  # no temporary file left


def test_export_replaces_a_symbolic_link_instead_of_writing_through_it(scanned, tmp_path, capsys):
    repo, _ = scanned
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    link = tmp_path / "risks.md"
    link.symlink_to(victim)
    code, _, _ = run(capsys, "export", repo.path, "-o", link)
    assert code == 0 and victim.read_text() == "precious"
    assert not link.is_symlink() and link.read_text(encoding="utf-8").startswith("# Risk register")


def test_export_to_standard_output_needs_a_format(scanned, capsys):
    repo, _ = scanned
    code, _, err = run(capsys, "export", repo.path)
    assert code == 1 and err.startswith("vibetriage: error: name a format") and len(err.strip().splitlines()) == 1
    code, out, _ = run(capsys, "export", repo.path, "--format", "json", "--regions", "--top", "1")
    doc = json.loads(out)
    assert code == 0 and doc["files"] == [] and len(doc["regions"]) == 1 and doc["selection"]["kinds"] == ["regions"]


def test_export_refuses_a_directory_and_the_database_itself(scanned, tmp_path, capsys):
    repo, db = scanned
    before = db.read_bytes()
    code, _, err = run(capsys, "export", repo.path, "-f", "csv", "-o", db)
    assert code == 1 and "is the database itself" in err and db.read_bytes() == before
    code, _, err = run(capsys, "export", repo.path, "-f", "csv", "-o", tmp_path)
    assert code == 1 and "is a directory" in err


def test_export_refuses_a_missing_scan_and_a_moved_head(tmp_path, capsys):
    repo = GitRepo(tmp_path / "r")
    repo.write("a.py", "def f():\n    return 1\n")
    repo.commit("a")
    code, _, err = run(capsys, "export", repo.path, "-f", "md")
    assert code == 1 and "run `vibetriage scan" in err and len(err.strip().splitlines()) == 1
    run(capsys, "scan", "-q", repo.path)
    repo.write("a.py", "def f():\n    return 2\n")
    repo.commit("b", date="2025-02-01T10:00:00")
    code, out, err = run(capsys, "export", repo.path, "-f", "md")
    assert code == 1 and out == "" and "HEAD moved since the last scan" in err and len(err.strip().splitlines()) == 1
    code, out, _ = run(capsys, "export", repo.path, "-f", "md", "--allow-stale")
    assert code == 0 and out.startswith("# Risk register")


# -- documentation -----------------------------------------------------------------------------


ROOT = Path(__file__).resolve().parent.parent


def test_the_documented_action_table_is_the_one_the_code_applies():
    from vibetriage.export.actions import ACTIONS

    doc = (ROOT / "docs" / "risk-register.md").read_text(encoding="utf-8")
    documented = re.findall(r"^\| \d+ \| `([a-z-]+)` \| ([^|]+?) \|", doc, re.M)
    assert documented == [(a.id, a.label) for a in ACTIONS]


def test_the_readme_example_is_a_valid_export_command():
    from vibetriage.cli import _parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Risk register", 1)[1].split("\n## ", 1)[0]
    lines = re.findall(r"^vibetriage export .*$", section, re.M)
    assert lines
    for line in lines:
        argv = shlex.split(line, comments=True)
        argv = argv[: argv.index(">")] if ">" in argv else argv  # the shell's redirection
        args = _parser().parse_args(argv[1:])
        assert args.command == "export" and (args.format or args.output)
