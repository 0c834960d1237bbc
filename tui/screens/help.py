"""Help: every key binding of the workbench, read from the classes that define them (so the list
cannot drift from the code), and what the marks in the tables mean."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

LEGEND = [
    ("L2 R1 S1 P1 ·4", "a file's regions: 2 load-bearing, 1 reviewed, 1 stale, 1 prototype-track, 4 untriaged"),
    ("LOAD / proto", "a region's track: load-bearing, prototype-track"),
    ("rev / STALE", "reviewed; STALE: reviewed, and the code changed since the review"),
    ("sec 2(1)", "2 open findings (colour: worst severity), 1 suppressed"),
    ("gap", "test gap: 0 tested .. 1 no test refers to the code"),
    ("tests", "ref / name: a test refers to it / only by name; 82%: coverage; none"),
    ("▌ in the source", "a line with a finding; the selected region's lines are banded"),
]


def binding_groups() -> list[tuple[str, list[Binding]]]:
    from tui.app import VibeTriageApp
    from tui.screens.confirm import ConfirmScreen
    from tui.screens.file import FileScreen
    from tui.screens.note import NoteScreen
    from tui.screens.pick import PickScreen
    from tui.screens.ranking import RankingScreen
    from tui.screens.scan import ScanScreen
    from tui.screens.tour import TourScreen
    from tui.widgets.source import SourceView
    from tui.widgets.table import RankTable

    def own(cls) -> list[Binding]:
        return [b for b in cls.BINDINGS if isinstance(b, Binding)]

    from tui.screens import tagging

    tags = {b.id for b in tagging.BINDINGS}
    return [
        ("everywhere", [*own(VibeTriageApp), Binding("ctrl+p", "command_palette", "command palette", id="app.palette")]),
        ("ranking", [b for b in own(RankingScreen) if b.id not in tags]),
        ("file", [b for b in own(FileScreen) if b.id not in tags]),
        ("tour", own(TourScreen)),
        ("tagging (ranking: regions view and whole files; file screen)", list(tagging.BINDINGS)),
        ("tables", own(RankTable)),
        ("source", own(SourceView)),
        ("scan", own(ScanScreen)),
        ("dialogs", [*own(NoteScreen), *own(ConfirmScreen), *own(PickScreen)]),
    ]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "close", id="help.close")]

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box", classes="dialog"):
            yield Static(Text("Keys  (escape closes; the mouse works too: click a row, double-click opens, click a header sorts)",
                              style="bold"))
            with VerticalScroll(id="help-scroll"):
                yield Static(self.keys_table(), id="help-keys")
                yield Static(self._legend(), id="help-legend")

    def keys_table(self) -> Table:
        t = Table(box=None, pad_edge=False, show_header=False, expand=True)
        t.add_column("key", no_wrap=True, style="bold", width=16)
        t.add_column("does", ratio=1)
        for title, bindings in binding_groups():
            t.add_row(Text(title, style="bold underline"), "")
            seen = set()
            for b in bindings:
                keys = " ".join(self.app.get_key_display(b.with_key(k)) for k in b.key.split(","))
                if (keys, b.description) in seen:
                    continue
                seen.add((keys, b.description))
                t.add_row(Text(keys), Text(b.description))
            t.add_row("", "")
        return t

    def _legend(self) -> Table:
        t = Table(box=None, pad_edge=False, show_header=False, expand=True, title="What the marks mean", title_justify="left",
                  title_style="bold underline")
        t.add_column("mark", no_wrap=True, style="bold", width=16)
        t.add_column("means", ratio=1)
        for mark, means in LEGEND:
            t.add_row(Text(mark), Text(means))
        return t
