"""Repository text is shown literally: file names, function names, notes and authors that look
like Textual markup or carry control characters appear exactly as they are, and clicking them
does nothing but select them."""

from __future__ import annotations

from tests.gitrepo import GitRepo
from tests.tui.conftest import make_app, scan_into, seen, settle
from tui.screens.file import FileScreen
from tui.screens.note import NoteScreen
from tui.screens.ranking import RankingScreen
from tui.widgets.table import RankTable
from vibetriage.store import Store

QUIT = "[@click=app.quit]y.py"
BOLD = "[bold]x[/].py"
ESC = "esc\x1b[31mred.py"


async def test_markup_and_control_characters_in_names_show_literally_and_do_nothing(tmp_path):
    repo = GitRepo(tmp_path / "odd")
    repo.write(QUIT, "def f(x):\n    if x:\n        return 1\n    return 2\n")
    repo.write(BOLD, "def g():\n    return 1\n")
    repo.write(ESC, "def h():\n    return 1\n")
    repo.commit("odd names", author=("[red]Mallory[/]", "m@example.com"))
    db = tmp_path / "t.db"
    session = scan_into(repo.path, db)
    app = make_app(session)
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        text = await seen(pilot, QUIT, BOLD)
        assert QUIT in text and BOLD in text and "esc\\x1b[31mred.py" in text
        table = app.screen.query_one(RankTable)
        row = next(i for i, r in enumerate(table.rows) if r.key == QUIT)
        await pilot.click(RankTable, offset=(30, row + 1))  # on the name itself
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, RankingScreen) and table.cursor == row
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FileScreen) and QUIT in await seen(pilot, "#1 of 3")
        await pilot.click("#file-head", offset=(14, 0))
        await pilot.press("n")
        assert isinstance(app.screen, NoteScreen) and f"{QUIT}::f" in await seen(pilot, f"{QUIT}::f")
        app.screen.query_one("#note-text").value = "[b]not bold[/b] [@click=app.quit]"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("h")
        text = await seen(pilot, "[b]not bold[/b] [@click=app.quit]")
        assert "[b]not bold[/b] [@click=app.quit]" in text
        notice = next(n for n in app._notifications if "with a note" in n.message)
        assert notice.message == f"reviewed with a note: {QUIT}::f" and not notice.markup  # literal too
        assert app.is_running
    with Store.open(db) as store:
        assert [d.note for d in store.decisions()] == ["[b]not bold[/b] [@click=app.quit]"]
