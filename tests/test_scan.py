"""End to end through the pipeline: real git repositories, real parsers, a real SQLite file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.gitrepo import GitRepo
from vibetriage.config import ConfigError
from vibetriage.config import load as load_config
from vibetriage.pipeline import ScanError, resolve_root, scan
from vibetriage.store import Store

AUTH_V1 = """\
def login(user, password):
    if not user or not password:
        return None
    return user


def logout(user):
    return True
"""

PRICING = """\
def price(cart, coupon):
    total = 0
    for item in cart:
        if item.qty > 10:
            total += item.price * 0.9
        elif item.qty > 5:
            total += item.price * 0.95
        else:
            total += item.price
    if coupon and coupon.valid:
        total -= coupon.amount
    return total
"""


def build(tmp_path) -> GitRepo:
    repo = GitRepo(tmp_path / "repo")
    repo.write("api/auth.py", AUTH_V1)
    repo.write("web/util.js", "export function add(a, b) { return a + b; }\n")
    repo.write("README.md", "# readme\n")
    repo.commit("start", date="2021-01-10T10:00:00", author=("Ann", "ann@x"))
    repo.write("api/pricing.py", PRICING)
    repo.commit("pricing", date="2021-02-10T10:00:00", author=("Bob", "bob@x"))
    for i in range(3):
        repo.write("api/pricing.py", PRICING + f"\n\nRATE_{i} = {i}\n")
        repo.commit(f"tweak {i}", date=f"2021-03-1{i}T10:00:00", author=("Cy", "cy@x"))
    return repo


def run_scan(root, db, **overrides):
    with Store.open(db) as store:
        return scan(resolve_root(root), store, load_config(root, **overrides), jobs=1)


def test_scan_measures_ranks_and_stores_every_source_file(tmp_path):
    repo = build(tmp_path)
    db = tmp_path / "t.db"
    outcome = run_scan(repo.path, db)
    assert not outcome.up_to_date
    assert (outcome.info.files, outcome.info.parsed, outcome.info.other_files) == (3, 3, 1)
    with Store.open(db) as store:
        files = {f.file.path: f for f in store.ranked_files()}
        assert set(files) == {"api/auth.py", "api/pricing.py", "web/util.js"}
        assert files["web/util.js"].file.language == "javascript"
        # pricing: the most changed and the most complex file is ranked first
        assert store.ranked_files()[0].file.path == "api/pricing.py"
        pricing = files["api/pricing.py"]
        assert pricing.churn.commits == 4 and pricing.churn.authors == 2
        parts = {p.name: p for p in pricing.risk.parts}
        assert parts["hotspot"].normalised == 1.0
        assert (parts["security"].raw, parts["security"].measured) == (0, True)  # no findings in pricing
        regions = {r.region.qualname: r.region for r in store.ranked_regions(path="api/pricing.py")}
        assert regions["price"].metrics.cyclomatic == 6  # 1 + for, if, elif, if, and


def test_churn_window_ends_at_head_date_not_today(tmp_path):
    repo = build(tmp_path)  # every commit is from 2021
    db = tmp_path / "t.db"
    run_scan(repo.path, db, window_days=30)
    with Store.open(db) as store:
        files = {f.file.path: f.churn for f in store.ranked_files()}
    # HEAD is 2021-03-12: the window holds March's three tweaks only, all time holds four commits
    assert files["api/pricing.py"].commits == 3
    assert files["api/pricing.py"].commits_all == 4
    assert files["api/auth.py"].commits == 0 and files["api/auth.py"].commits_all == 1


def test_unchanged_rescan_parses_nothing_and_a_change_parses_only_that_file(tmp_path):
    repo = build(tmp_path)
    db = tmp_path / "t.db"
    run_scan(repo.path, db)
    again = run_scan(repo.path, db)
    assert again.up_to_date and again.info.parsed == 0
    repo.write("api/auth.py", AUTH_V1 + "\n\ndef extra():\n    return 1\n")
    repo.commit("extra", date="2021-03-20T10:00:00")
    third = run_scan(repo.path, db)
    assert not third.up_to_date
    assert (third.info.parsed, third.info.cached) == (1, 2)
    with Store.open(db) as store:
        assert len(store.commits()) == 6  # the cached history was extended by the one new commit
        assert "extra" in {r.qualname for r in store.regions("api/auth.py")}


def test_a_staged_change_or_a_subdirectory_scan_is_not_taken_for_the_last_scan(tmp_path):
    # The up-to-date check compares the index listing (what `git add` changes, HEAD or not) and
    # the part of the repository scanned.
    repo = build(tmp_path)
    db = tmp_path / "t.db"
    run_scan(repo.path, db)
    repo.write("web/util.js", "export function add(a, b) { return a + b + 0; }\n")
    assert run_scan(repo.path, db).up_to_date  # edited but not staged: the scan reads the index
    repo.git("add", "web/util.js")
    staged = run_scan(repo.path, db)
    assert not staged.up_to_date and staged.info.parsed == 1
    assert run_scan(repo.path, db).up_to_date
    sub = run_scan(repo.path / "api", db)
    assert not sub.up_to_date and sub.info.files == 2


def test_changed_settings_rescore_without_reparsing(tmp_path):
    repo = build(tmp_path)
    db = tmp_path / "t.db"
    run_scan(repo.path, db)
    (repo.path / ".vibetriage.toml").write_text("[weights]\nhotspot = 0\nsize = 1\n")
    outcome = run_scan(repo.path, db)
    assert not outcome.up_to_date and outcome.info.parsed == 0
    with Store.open(db) as store:
        parts = {p.name: p.weight for p in store.ranked_files()[0].risk.parts}
    assert parts["hotspot"] == 0 and parts["size"] == 1


def test_bad_settings_are_a_clear_error(tmp_path):
    (tmp_path / ".vibetriage.toml").write_text("[weights]\nhotspt = 1\n")
    with pytest.raises(ConfigError, match="weights.hotspt is not a risk component"):
        load_config(tmp_path)


def test_decisions_follow_moved_and_renamed_functions_and_go_stale_on_edit(tmp_path):
    repo = build(tmp_path)
    db = tmp_path / "t.db"
    run_scan(repo.path, db)
    with Store.open(db) as store:
        login = store.find_regions("api/auth.py", "login")[0]
        store.add_decision(login, "load-bearing", "ann")
        store.add_decision(login, "reviewed", "ann")

    def state_of(name):
        with Store.open(db) as store:
            region = store.find_regions("api/auth.py", name)[0]
            return region, store.region_state(region)

    # moved: lines shift down
    repo.write("api/auth.py", "import os\n\nLIMIT = 3\n\n\n" + AUTH_V1)
    repo.commit("move", date="2021-04-01T10:00:00")
    run_scan(repo.path, db)
    region, state = state_of("login")
    assert region.start_line == 6
    assert (state.track, state.review) == ("load-bearing", "reviewed")

    # renamed: same code under a new name keeps its decisions
    repo.write("api/auth.py", "import os\n\nLIMIT = 3\n\n\n" + AUTH_V1.replace("def login", "def sign_in"))
    repo.commit("rename", date="2021-04-02T10:00:00")
    run_scan(repo.path, db)
    _, state = state_of("sign_in")
    assert (state.track, state.review) == ("load-bearing", "reviewed")

    # edited: the review no longer covers the code
    repo.write("api/auth.py", "import os\n\n" + AUTH_V1.replace("def login", "def sign_in").replace("return user", "return user.strip()"))
    repo.commit("edit", date="2021-04-03T10:00:00")
    run_scan(repo.path, db)
    _, state = state_of("sign_in")
    assert (state.track, state.review) == ("load-bearing", "stale")
    with Store.open(db) as store:
        assert len(store.decisions()) == 2  # nothing was rewritten or lost


def test_directory_that_is_not_git_still_scans_without_churn(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "m.py").write_text(PRICING)
    db = tmp_path / "db" / "t.db"
    outcome = run_scan(tmp_path, db)
    assert outcome.info.is_git is False and outcome.info.files == 1
    with Store.open(db) as store:
        assert store.ranked_files()[0].churn.commits == 0
        assert any(d.reason == "not-git" for d in store.diagnostics())
    assert run_scan(tmp_path, db).up_to_date


def test_files_that_cannot_be_measured_become_diagnostics_and_the_scan_goes_on(tmp_path):
    repo = build(tmp_path)
    repo.write("api/blob.py", b"\x00\x01binary")
    repo.write("api/broken.py", "def ok():\n    return 1\n\ndef broken(:\n")
    repo.write("vendor/lib.py", "x = 1\n")
    repo.commit("odd files", date="2021-03-30T10:00:00")
    db = tmp_path / "t.db"
    run_scan(repo.path, db)
    with Store.open(db) as store:
        reasons = {d.path: (d.status, d.reason) for d in store.diagnostics()}
        paths = {f.file.path for f in store.ranked_files()}
    assert reasons["api/blob.py"] == ("skipped", "binary")
    assert reasons["vendor/lib.py"] == ("skipped", "vendored")
    assert reasons["api/broken.py"] == ("partial", "syntax-error")
    assert "api/broken.py" in paths and "api/blob.py" not in paths


def test_shallow_clone_is_flagged(tmp_path):
    repo = build(tmp_path)
    clone = repo.clone(tmp_path / "shallow", depth=1)
    db = tmp_path / "s.db"
    outcome = run_scan(clone.path, db)
    assert outcome.info.shallow
    with Store.open(db) as store:
        assert any(d.reason == "shallow-clone" for d in store.diagnostics())


def test_missing_path_and_file_path_are_refused(tmp_path):
    with pytest.raises(ScanError, match="no such directory"):
        resolve_root(tmp_path / "nope")
    (tmp_path / "f").write_text("x")
    with pytest.raises(ScanError, match="not a directory"):
        resolve_root(tmp_path / "f")


def test_excluded_paths_are_listed_as_skipped_not_ranked(tmp_path):
    repo = build(tmp_path)
    (repo.path / ".vibetriage.toml").write_text('exclude = ["web/*"]\n')
    db = tmp_path / "t.db"
    run_scan(repo.path, db)
    with Store.open(db) as store:
        assert "web/util.js" not in {f.file.path for f in store.ranked_files()}
        assert ("web/util.js", "skipped", "excluded") in {(d.path, d.status, d.reason) for d in store.diagnostics()}


def test_a_file_over_the_parse_time_cap_becomes_a_diagnostic_and_the_scan_goes_on(tmp_path):
    repo = build(tmp_path)
    repo.write("api/huge.py", "".join(f"def f{i}(a):\n    return a + {i}\n\n" for i in range(20000)))
    repo.commit("generated-looking but not marked", date="2021-03-30T10:00:00")
    (repo.path / ".vibetriage.toml").write_text("parse_timeout_s = 0.01\n")
    db = tmp_path / "t.db"
    run_scan(repo.path, db)
    with Store.open(db) as store:
        reasons = {d.path: (d.status, d.reason) for d in store.diagnostics()}
        ranked = {f.file.path for f in store.ranked_files()}
    assert reasons["api/huge.py"] == ("failed", "parse-timeout")
    assert "api/huge.py" not in ranked and "api/pricing.py" in ranked


def test_scanning_a_subdirectory_keeps_to_it_with_repository_paths(tmp_path):
    repo = build(tmp_path)
    db = tmp_path / "t.db"
    run_scan(repo.path / "api", db)
    with Store.open(db) as store:
        files = {f.file.path: f.churn for f in store.ranked_files()}
    assert set(files) == {"api/auth.py", "api/pricing.py"}
    assert files["api/pricing.py"].commits == 4


def test_unreadable_history_costs_the_churn_not_the_scan(tmp_path):
    repo = build(tmp_path)
    # A blob-less partial clone: HEAD's blobs came with the checkout, older ones did not, so
    # diffing the history would need a fetch (which vibetriage never lets git make).
    repo.git("config", "uploadpack.allowFilter", "true")
    clone = repo.clone(tmp_path / "partial", args=["--filter=blob:none"])
    db = tmp_path / "p.db"
    outcome = run_scan(clone.path, db)
    with Store.open(db) as store:
        rows = {(d.path, d.reason) for d in store.diagnostics()}
        files = {f.file.path: f for f in store.ranked_files()}
    assert ("", "history-unreadable") in rows
    assert outcome.info.files == 3 and files["api/pricing.py"].metrics.cyclomatic > 1
    assert all(f.churn.commits == 0 for f in files.values())


def test_settings_are_read_from_pyproject_when_there_is_no_vibetriage_toml(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.vibetriage]\nwindow_days = 90\n\n[tool.vibetriage.weights]\nsize = 0\n')
    config = load_config(tmp_path)
    assert (config.window_days, config.weights["size"], config.source) == (90, 0.0, "pyproject.toml")
    (tmp_path / ".vibetriage.toml").write_text("window_days = 30\n")
    assert load_config(tmp_path).window_days == 30  # the dedicated file wins
    assert load_config(tmp_path, window_days=7).window_days == 7  # and the command line wins over both


def test_findings_are_attached_to_their_region_and_raise_its_score(tmp_path):
    repo = build(tmp_path)
    repo.write("api/users.py", (
        "def find(cur, name):\n"
        "    cur.execute(\"SELECT * FROM users WHERE name = '%s'\" % name)\n"
        "\n"
        "def count(cur, name):\n"
        "    # vibetriage: ignore[python.sql-injection] name comes from our own enum\n"
        "    cur.execute(\"SELECT count(*) FROM users WHERE name = '%s'\" % name)\n"
    ))
    repo.commit("users", date="2021-03-25T10:00:00")
    db = tmp_path / "t.db"
    run_scan(repo.path, db)
    with Store.open(db) as store:
        found = {(f.region.qualname, f.start_line): f for f in store.findings("api/users.py")}
        regions = {r.region.qualname: r for r in store.ranked_regions(path="api/users.py")}
    assert set(found) == {("find", 2), ("count", 6)}
    assert found[("find", 2)].rule_id == "python.sql-injection" and found[("find", 2)].cwe == "CWE-89"
    assert found[("count", 6)].suppressed == "name comes from our own enum"
    security = {name: next(p for p in r.risk.parts if p.name == "security") for name, r in regions.items()}
    assert security["find"].raw == 6.0 and security["find"].normalised == 1.0  # high x high confidence
    assert security["count"].raw == 0  # suppressed: shown, not scored
    assert regions["find"].risk.score > regions["count"].risk.score


def test_a_renamed_file_keeps_its_decisions_and_a_deleted_region_leaves_an_orphan(tmp_path):
    repo = build(tmp_path)
    repo.write("api/auth.py", AUTH_V1 + "\n\ndef audit(user):\n    return [user, user]\n")
    repo.commit("audit", date="2021-03-20T10:00:00")
    db = tmp_path / "t.db"
    run_scan(repo.path, db)
    with Store.open(db) as store:
        for name, tag in (("login", "reviewed"), ("logout", "load-bearing"), ("audit", "reviewed")):
            store.add_decision(store.find_regions("api/auth.py", name)[0], tag, "ann")
    repo.rename("api/auth.py", "api/authn.py")
    repo.write("api/authn.py", AUTH_V1.replace("return user\n", "return user.lower()\n").replace("def logout", "def sign_out"))
    repo.commit("rename the module, edit login, rename logout, drop audit", date="2021-04-05T10:00:00")
    run_scan(repo.path, db)
    with Store.open(db) as store:
        states, orphans = store.region_states()
    assert states[key_of("api/authn.py", "login")].review == "stale"  # followed the file; the edit made it stale
    assert states[key_of("api/authn.py", "sign_out")].track == "load-bearing"  # same code under a new name
    assert [(d.key.qualname, d.tag) for d in orphans] == [("audit", "reviewed")]  # deleted: kept, not dropped


def key_of(path, qualname):
    from vibetriage.model import RegionKey

    return RegionKey(path, "function", qualname, 0)


@pytest.mark.parametrize("linked_worktree", [False, True], ids=["clone", "linked-worktree"])
def test_deepening_a_shallow_clone_reads_the_history_it_gained(tmp_path, linked_worktree):
    # A linked worktree (git worktree add) shares the clone's `shallow` file: deepening the clone
    # deepens it too.
    repo = build(tmp_path)
    clone = repo.clone(tmp_path / "shallow", depth=1)
    scanned = clone.path
    if linked_worktree:
        scanned = tmp_path / "worktree"
        clone.git("worktree", "add", "-q", "--detach", str(scanned), "HEAD")
    db = tmp_path / "s.db"
    run_scan(scanned, db)
    with Store.open(db) as store:
        assert {f.file.path: f.churn.commits_all for f in store.ranked_files()}["api/pricing.py"] == 1
    clone.git("-c", "protocol.file.allow=always", "fetch", "-q", "--unshallow")
    outcome = run_scan(scanned, db)
    assert not outcome.up_to_date and not outcome.info.shallow
    with Store.open(db) as store:
        assert {f.file.path: f.churn.commits_all for f in store.ranked_files()}["api/pricing.py"] == 4
        assert not any(d.reason == "shallow-clone" for d in store.diagnostics())


def test_a_blob_missing_from_the_object_store_is_scanned_once_it_is_back(tmp_path):
    # Whether a blob is in the object store is not in the index listing: after a scan that could
    # not read a file, the next one looks at every file again (a moved loose object, an alternate
    # store that was away), and once all is read the listing decides again.
    repo = build(tmp_path)
    repo.write("api/extra.py", "def extra(x):\n    return x\n")
    repo.git("add", "api/extra.py")  # staged: a loose object only the index names
    oid = repo.git("rev-parse", ":api/extra.py").strip()
    loose = repo.path / ".git" / "objects" / oid[:2] / oid[2:]
    aside = tmp_path / "aside"
    loose.rename(aside)
    db = tmp_path / "t.db"
    first = run_scan(repo.path, db)
    assert first.info.files == 3
    with Store.open(db) as store:
        assert ("api/extra.py", "unreadable") in [(d.path, d.reason) for d in store.diagnostics()]
    aside.rename(loose)
    back = run_scan(repo.path, db)
    assert not back.up_to_date and back.info.files == 4
    assert run_scan(repo.path, db).up_to_date


def test_parsing_across_processes_gives_the_same_results_as_inline(tmp_path):
    repo = build(tmp_path)
    body = "".join(f"def f{i}(a, b):\n    if a and b:\n        return a\n    return b\n\n" for i in range(5))
    bulk = 'TEXT = """\n' + "lorem ipsum dolor sit amet\n" * 3000 + '"""\n'  # size without regions
    for n in range(30):  # ~2.4 MB: over the size at which the scan starts worker processes
        repo.write(f"gen/m{n}.py", f"# module {n}\n" + body + bulk)
    repo.commit("bulk", date="2021-03-28T10:00:00")

    def rows(jobs):
        db = tmp_path / f"j{jobs}.db"
        with Store.open(db) as store:
            scan(resolve_root(repo.path), store, load_config(repo.path), jobs=jobs)
            return [(f.file.path, f.risk.score, f.metrics) for f in store.ranked_files()], len(store.regions())

    inline, parallel = rows(1), rows(2)
    assert parallel == inline
    assert inline[1] == 30 * 5 + 4  # every generated function, plus the base repository's


def test_summaries_list_every_file_and_region_as_the_full_ranking_does(tmp_path):
    repo = build(tmp_path)
    db = tmp_path / "t.db"
    run_scan(repo.path, db)
    with Store.open(db) as store:
        full = store.ranked_files()
        summaries = store.file_summaries()
        assert [(s.rank, s.path, s.language, s.score, s.loc, s.regions) for s in summaries] == [
            (f.rank, f.file.path, f.file.language, f.risk.score, f.file.loc, f.regions) for f in full]
        gaps = {f.file.path: next(p for p in f.risk.parts if p.name == "test_gap") for f in full}
        assert {s.path: s.test_gap for s in summaries} == {p: (g.raw if g.measured else None) for p, g in gaps.items()}
        pricing = next(s for s in summaries if s.path == "api/pricing.py")
        churn = store.file("api/pricing.py").churn
        assert (pricing.commits, pricing.authors, pricing.lines_changed) == (4, 2, churn.lines_changed) and churn.lines_changed > 12
        regions = store.region_summaries()
        assert [(r.rank, r.region, r.score, r.language) for r in regions] == [
            (r.rank, r.region, r.risk.score, r.language) for r in store.ranked_regions()]
        assert {r.region.qualname: r.evidence for r in regions}["price"] == "none"


def test_an_up_to_date_rescan_loads_no_grammar_rule_or_history_code(tmp_path):
    # The re-scan a hook runs on every commit must stay a few imports and a `git ls-files`: it
    # loads neither the parsers, the rule pack, the history reader nor the check gate.
    repo = build(tmp_path)
    db = tmp_path / "t.db"
    run_scan(repo.path, db)
    code = (
        "import sys\n"
        "from vibetriage.cli import main\n"
        "rc = main(['scan', '-q', '--db', sys.argv[1], sys.argv[2]])\n"
        "heavy = ('tree_sitter', 'ahocorasick_rs', 'sqlite_utils', 'analyzers.facts', 'analyzers.security',\n"
        "         'analyzers.churn', 'vibetriage.parsing', 'vibetriage.gate')\n"
        "print(rc, sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run([sys.executable, "-c", code, str(db), str(repo.path)], cwd=root, capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "0 []"
