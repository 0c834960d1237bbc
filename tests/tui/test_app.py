"""App-wide keys and flows: help, the command palette, theme, quit; the start-up scan with its
progress screen, cancelling it (nothing half-written), and a repository that changed under an open
session (a decision is refused and the scan runs instead)."""

from __future__ import annotations

import threading

from tests.tui.conftest import REVIEWER, build_repo, hits, make_app, scan_into, seen, settle
from tui import scanning
from tui.data import Session
from tui.screens.file import FileScreen
from tui.screens.help import HelpScreen
from tui.screens.ranking import RankingScreen
from tui.screens.scan import ScanScreen
from tui.widgets.table import RankTable
from vibetriage.config import load as load_config
from vibetriage.store import Store


async def test_help_lists_every_binding_and_closes(session):
    from tui.screens.help import binding_groups

    app = make_app(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        every = [b for _, group in binding_groups() for b in group]
        assert all(b.id and b.description for b in every)
        text = rendered(app.screen.keys_table())
        assert all(b.description in text for b in every)
        for description in ("files/regions", "whole file: reviewed", "undo", "cancel scan", "next file", "next stop", "move down"):
            assert description in text
        await pilot.press("escape")
        assert isinstance(app.screen, RankingScreen)


def rendered(renderable) -> str:
    import io

    from rich.console import Console

    console = Console(width=120, file=io.StringIO(), record=True)
    console.print(renderable)
    return console.export_text()


async def test_command_palette_runs_verb_object_commands(session):
    app = make_app(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"vreg")
        await hits(pilot, "view: regions")
        await pilot.press("enter")
        await settle(pilot)
        ranking = app.screen
        assert isinstance(ranking, RankingScreen) and ranking.view == "regions"
        await pilot.press("ctrl+p", *"gowor")
        await hits(pilot, "go to: worker/worker.go")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FileScreen) and app.screen.path == "worker/worker.go"


async def test_theme_toggle_and_quit(session):
    app = make_app(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        dark = app.current_theme.dark
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.current_theme.dark != dark
        assert app.palette.reviewed.color.name != ""  # recomputed for the new theme
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


def hold_scan_at_parse(monkeypatch) -> threading.Event:
    """The workbench's scans wait at their parse phase until the returned event is set."""
    gate, real = threading.Event(), scanning.scan

    def held(root, store, config, *, progress):
        def report(phase, done, total):
            progress(phase, done, total)
            if phase == "parse":
                gate.wait(10)
        return real(root, store, config, progress=report)

    monkeypatch.setattr(scanning, "scan", held)
    return gate


def fresh_session(tmp_path, repo_path):
    return Session(repo_path, tmp_path / "fresh.db", REVIEWER, load_config(repo_path))


async def test_the_first_scan_shows_its_progress_then_the_ranking(scanned_repo, tmp_path, monkeypatch):
    gate = hold_scan_at_parse(monkeypatch)
    app = make_app(fresh_session(tmp_path, scanned_repo[0]))
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(50):
            await pilot.pause(0.05)
            if isinstance(app.screen, ScanScreen):
                break
        assert isinstance(app.screen, ScanScreen) and app.scan_state == "scanning"
        await pilot.pause(0.2)
        assert "parsing  0 / 5 files" in await seen(pilot, "parsing  0 / 5 files")
        gate.set()
        await settle(pilot)
        assert isinstance(app.screen, RankingScreen) and app.scan_state == "current"
        assert len(app.screen.query_one(RankTable).rows) == 5


async def test_cancelling_the_scan_leaves_nothing_half_written(scanned_repo, tmp_path, monkeypatch):
    gate = hold_scan_at_parse(monkeypatch)
    session = fresh_session(tmp_path, scanned_repo[0])
    app = make_app(session)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(50):
            await pilot.pause(0.05)
            if isinstance(app.screen, ScanScreen):
                break
        await pilot.press("escape")
        assert "cancelling" in await seen(pilot, "cancelling")
        await pilot.press("ctrl+c")  # cancels too: it must not end the app in the middle of a scan
        assert app.is_running and isinstance(app.screen, ScanScreen)
        gate.set()
        await settle(pilot)
        assert isinstance(app.screen, RankingScreen) and app.scan_state == "stale"
        assert "no scan yet" in await seen(pilot, "no scan yet")
        await pilot.press("v", "r")  # no region to tag, and no scan to tag against
        await settle(pilot)
    with Store.open(session.db) as store:
        assert store.last_scan() is None and store.file_summaries() == [] and store.decisions() == []


async def test_a_decision_on_code_that_changed_meanwhile_is_refused_and_the_scan_runs(tmp_path):
    repo = build_repo(tmp_path / "shop")
    db = tmp_path / "t.db"
    session = scan_into(repo.path, db)
    app = make_app(session)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.screen.open_path("api/auth.py")
        await settle(pilot)
        repo.write("api/auth.py", repo.read("api/auth.py").decode() + "\n\ndef later(x):\n    return x\n")
        new_head = repo.commit("later", date="2025-07-01T10:00:00")
        await pilot.press("l")
        await settle(pilot, rounds=6)
        assert app.scan_state == "current"
        screen = app.screen
        assert isinstance(screen, FileScreen) and "later" in {r.ranked.region.qualname for r in screen.query_one("#regions", RankTable).rows}
    with Store.open(db) as store:
        assert store.decisions() == [] and store.last_scan().head == new_head


async def test_a_review_of_code_that_changed_since_shows_as_stale_in_both_screens(tmp_path):
    repo = build_repo(tmp_path / "shop")
    db = tmp_path / "t.db"
    session = scan_into(repo.path, db)
    with Store.open(db) as store:
        login = store.find_regions("api/auth.py", "Auth.login")[0]
        store.add_decision(login, "reviewed", "Ann", at="2025-06-02T10:00:00+00:00")
    repo.write("api/auth.py", repo.read("api/auth.py").decode().replace("return row\n", "return row or None\n"))
    repo.commit("edit login", date="2025-07-01T10:00:00")
    app = make_app(session)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot, rounds=6)  # the start-up scan sees the change and re-scans
        assert app.scan_state == "current"
        text = await seen(pilot, "1 stale review")
        auth = next(line for line in text.splitlines() if "api/auth.py" in line)
        assert "S1" in auth and "1 stale review" in text
        await pilot.press("v")
        await settle(pilot)
        login = next(line for line in (await seen(pilot, "STALE")).splitlines() if "Auth.login" in line)
        assert "STALE" in login
        app.screen.open_row(next(r for r in app.screen.query_one(RankTable).rows if r.summary.region.qualname == "Auth.login"))
        await settle(pilot)
        await pilot.press("h")
        text = await seen(pilot, "STALE", "stale: code changed since")
        assert "STALE" in text and "stale: code changed since" in text


async def test_an_internal_error_ends_in_one_line_and_a_log_file_not_a_traceback(session, tmp_path, monkeypatch):
    import tempfile

    import pytest

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    app = make_app(session)
    shown = []
    monkeypatch.setattr(app, "panic", lambda *renderables: shown.extend(str(r) for r in renderables))

    def boom():
        raise RuntimeError("boom [b]x[/b]")

    with pytest.raises(RuntimeError):
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            app.call_later(boom)
            await pilot.pause()
    assert len(shown) == 1
    shown = shown[0]
    assert shown.startswith("vibetriage: error: internal error (RuntimeError: boom [b]x[/b]); the details are in ")
    assert "Traceback" not in shown and app.return_code == 1
    log = next(tmp_path.glob("vibetriage-crash-*.log"))
    assert "Traceback" in log.read_text() and "boom" in log.read_text()


async def test_a_repository_without_source_code_says_so_rather_than_blaming_filters(tmp_path):
    from tests.gitrepo import GitRepo

    repo = GitRepo(tmp_path / "docs")
    repo.write("README.md", "# only words\n")
    repo.commit("docs", date="2025-01-01T10:00:00")
    db = tmp_path / "t.db"
    app = make_app(scan_into(repo.path, db))
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        text = await seen(pilot, "no file of a supported language")
    assert "no file of a supported language in this repository" in text and "no row matches" not in text
