"""The file screen: one file's regions with their metrics and decision state, its source
(highlighted, scrolled to the selected region, finding lines marked), why it and the selected
region rank where they do, its findings, and the selected region's decision history. Tags apply
to the selected region, or to every region of the file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static, TabbedContent, TabPane
from textual.worker import Worker, WorkerState

from tui.data import FileDetail, load_file, tally
from tui.messages import DecisionsRecorded, SnapshotChanged
from tui.screens import tagging
from tui.widgets.breakdown import Breakdown
from tui.widgets.cells import Summary, Tally, evidence_cell, number, score_cell, security_cell, state_cell, summary_cell
from tui.widgets.findings import Findings
from tui.widgets.history import History
from tui.widgets.source import SourceView
from tui.widgets.table import Column, RankTable
from vibetriage.model import RankedRegion, Region, RegionKey, RegionState
from vibetriage.text import plain, visible


@dataclass(frozen=True)
class RegionItem:
    ranked: RankedRegion
    tally: Tally

    @property
    def key(self) -> RegionKey:
        return self.ranked.region.key


class FileScreen(Screen[None]):
    BINDINGS = [
        Binding("escape,backspace", "back", "back", id="file.back"),
        Binding("right_square_bracket", "step(1)", "next file", id="file.next"),
        Binding("left_square_bracket", "step(-1)", "previous file", show=False, id="file.previous"),
        Binding("o", "toggle_order", "order", show=False, id="file.order"),
        Binding("w", "details('why')", "why", show=False, id="file.why"),
        Binding("f", "details('findings')", "findings", show=False, id="file.findings"),
        Binding("h", "details('history')", "history", show=False, id="file.history"),
        Binding("e", "focus_source", "source", show=False, id="file.source"),
        *tagging.BINDINGS,
    ]

    def __init__(self, path: str, *, region: RegionKey | None = None,
                 neighbours: Callable[[str, int], str | None] | None = None) -> None:
        super().__init__()
        self.path = path
        self.initial_region = region
        self.neighbours = neighbours
        self.detail: FileDetail | None = None
        self.by_line = False
        self._shown: RegionItem | None = None
        self._details_stale: set[str] = set()

    def compose(self) -> ComposeResult:
        yield Static(Text.assemble(plain(self.path, "bold"), ("  loading…", "dim")), id="file-head")
        with Horizontal(id="file-body"):
            with Vertical(id="file-left"):
                yield RankTable(self._columns(), empty="loading…", id="regions")
                with TabbedContent(id="details"):
                    with TabPane("why", id="why"):
                        with VerticalScroll():
                            yield Breakdown(id="breakdown")
                    with TabPane("findings", id="findings"):
                        with VerticalScroll():
                            yield Findings(id="finding-list")
                    with TabPane("history", id="history"):
                        with VerticalScroll():
                            yield History(id="history-list")
            yield SourceView(id="source")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(SourceView).restyle(self.app.current_theme.dark)
        self.query_one("#regions", RankTable).focus()
        self.load(self.path)

    # -- loading -------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="file-load", exit_on_error=False)
    def load(self, path: str) -> tuple[str, FileDetail | None]:
        return path, load_file(self.app.session, path)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "file-load":
            return
        if event.state == WorkerState.ERROR:
            from tui.app import describe

            self.app.say(f"cannot read {self.path}: {describe(event.worker.error)}", severity="error", timeout=15)
            return
        if event.state != WorkerState.SUCCESS:
            return
        path, detail = event.worker.result
        if path != self.path:
            return
        if detail is None:
            self.app.say(f"{path} is not among the scanned files any more")
            self.dismiss()
            return
        keep = self.initial_region
        table = self.query_one("#regions", RankTable)
        if keep is None and table.row is not None and self.detail is not None and self.detail.ranked.file.path == path:
            keep = table.row.key
        self.detail = detail
        self.initial_region = None
        self._show_file(keep)

    def _show_file(self, keep: RegionKey | None) -> None:
        d = self.detail
        p = self.app.palette
        f = d.ranked
        c = f.churn
        # What matters most first: on a narrow terminal the details wrap to the second line.
        head = Text.assemble((f"#{f.rank}", "bold"), (f" of {d.files_total}  ", p.muted), plain(f.file.path, "bold"), "  ")
        head.append_text(score_cell(f.risk.score, p))
        head.append("  ")
        head.append_text(summary_cell(Summary.of(list(d.states.values()), len(d.regions)), p))
        head.append(f"   {f.file.language} · {f.file.loc} loc · {c.commits} commits by {c.authors} authors", style=p.muted)
        if c.ai_commits:
            head.append(f" ({c.ai_commits} AI-assisted)", style=p.muted)
        self.query_one("#file-head", Static).update(head)
        source = self.query_one(SourceView)
        source.set_source(d.lines, d.source_error or "")
        marks = {}
        for finding in sorted(d.findings, key=lambda x: x.severity):
            style = p.muted if finding.suppressed else p.severity(finding.severity)
            marks.setdefault(finding.start_line, style)
        source.set_marks(marks, p.region_band, p.finding_band, p.load_bearing)
        table = self.query_one("#regions", RankTable)
        table.empty = "no functions, methods or classes in this file"
        items = [RegionItem(r, self._tally(r.region)) for r in d.regions]
        if self.by_line:
            items.sort(key=lambda i: (i.ranked.region.start_line, -i.ranked.region.end_line))
        table.set_rows(items, keep=keep)
        if not items:
            self._show_region(None)

    def _tally(self, region: Region) -> Tally:
        return tally(self.detail.findings_of(region))

    # -- columns ---------------------------------------------------------------------------------

    def _columns(self) -> list[Column]:
        p = lambda: self.app.palette  # noqa: E731 -- read at draw time: the theme can change
        return [
            Column("score", "score", lambda i: score_cell(i.ranked.risk.score, p(), bar=3), width=9),
            Column("kind", "", lambda i: Text({"class": "◇", "method": "·", "function": "ƒ"}.get(i.ranked.region.kind, " "),
                                              style=p().muted), width=1),
            Column("region", "region", self._region_cell, justify="path", min_width=20),
            Column("lines", "lines", lambda i: Text(f"{i.ranked.region.start_line}-{i.ranked.region.end_line}", style=p().muted),
                   width=9, justify="right", priority=3),
            Column("complexity", "cx", lambda i: number(i.ranked.region.metrics.cyclomatic, p()), width=3, justify="right", priority=2),
            Column("security", "sec", lambda i: security_cell(i.tally, p()), width=4, justify="right", priority=1),
            Column("tests", "tests", lambda i: evidence_cell(i.ranked.evidence.kind if i.ranked.evidence else None,
                                                             i.ranked.evidence.covered if i.ranked.evidence else None, p()),
                   width=5, priority=4),
            Column("state", "state", lambda i: state_cell(self.detail.states.get(i.key) if self.detail else None, p()), width=11),
        ]

    def _region_cell(self, item: RegionItem) -> Text:
        """`Auth.login`; in the order of the source, a method shows indented under its class, by
        its own name. A long name loses its start, not its end: the end names the function."""
        r = item.ranked.region
        name = r.qualname
        if self.by_line and "." in name and r.kind == "method":
            name = "  " + name.rsplit(".", 1)[1]
        text = Text(visible(name) + (f"#{r.ordinal}" if r.ordinal else ""))
        dot = text.plain.rfind(".")
        if dot > 0:
            text.stylize(self.app.palette.muted, 0, dot + 1)  # the class part
        return text

    # -- the selected region -------------------------------------------------------------------

    @on(RankTable.Highlighted, "#regions")
    def _highlighted(self, event: RankTable.Highlighted) -> None:
        self._show_region(event.row)

    def _show_region(self, item: RegionItem | None) -> None:
        d = self.detail
        if d is None:
            return
        self._shown = item
        if item is not None:
            region = item.ranked.region
            self.query_one(SourceView).show_lines(region.start_line, region.end_line)
        state = d.states.get(item.key) if item else None
        tabs = self.query_one(TabbedContent)
        for pane, label in (("findings", f"findings ({len(d.findings)})" if d.findings else "findings"),
                            ("history", f"history ({len(state.decisions)})" if state and state.decisions else "history")):
            tab = tabs.get_tab(pane)
            if tab.label_text != label:
                tab.label = label
        # Only the panel on show is drawn now (each redraw lays the screen out again); the others
        # when their tab is chosen.
        self._details_stale = {"why", "findings", "history"}
        self._draw_details(tabs.active)

    def _draw_details(self, pane: str) -> None:
        if pane not in self._details_stale or self.detail is None:
            return
        self._details_stale.discard(pane)
        d, p, item = self.detail, self.app.palette, self._shown
        region = item.ranked.region if item else None
        if pane == "why":
            sections = []
            if item is not None:
                title = Text.assemble(("region ", p.muted), plain(region.qualname, "bold"),
                                      (f"  #{d.region_rank.get(region.key, '?')} of {d.regions_total} regions · score "
                                       f"{item.ranked.risk.score:.1f}", p.muted))
                sections.append((title, item.ranked.risk))
            f = d.ranked
            sections.append((Text.assemble(("file ", p.muted), plain(f.file.path, "bold"),
                                           (f"  #{f.rank} of {d.files_total} files · score {f.risk.score:.1f}", p.muted)), f.risk))
            self.query_one(Breakdown).show(sections, p)
        elif pane == "findings":
            self.query_one(Findings).show(d.findings, region, p)
        else:
            state = d.states.get(region.key) if region else None
            self.query_one(History).show(list(state.decisions) if state else [], p, region.fingerprint if region else None)

    @on(TabbedContent.TabActivated, "#details")
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self._draw_details(event.pane.id or "")

    def selected_item(self) -> RegionItem | None:
        return self.query_one("#regions", RankTable).row

    # -- updates ---------------------------------------------------------------------------------

    @on(DecisionsRecorded)
    def _decisions_recorded(self, message: DecisionsRecorded) -> None:
        states = message.written.states.get(self.path)
        if states is None or self.detail is None:
            return
        self.detail.states = states
        table = self.query_one("#regions", RankTable)
        table.invalidate()
        self._show_file(table.row.key if table.row else None)
        self._show_region(table.row)

    def restyle(self) -> None:
        if self.detail is not None and self.is_mounted:
            table = self.query_one("#regions", RankTable)
            self._show_file(table.row.key if table.row else None)
            self._show_region(table.row)

    @on(SnapshotChanged)
    def _snapshot_changed(self) -> None:
        self.load(self.path)

    # -- actions -------------------------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss()

    def action_step(self, step: int) -> None:
        target = self.neighbours(self.path, step) if self.neighbours else None
        if target is None:
            self.app.say("no further file in the ranking as shown" if step > 0 else "this is the first file in the ranking as shown")
            return
        self.go_to(target)

    def go_to(self, path: str) -> None:
        self.path = path
        self.query_one("#file-head", Static).update(Text.assemble(plain(path, "bold"), ("  loading…", "dim")))
        self.load(path)

    def action_toggle_order(self) -> None:
        self.by_line = not self.by_line
        if self.detail is not None:
            table = self.query_one("#regions", RankTable)
            self._show_file(table.row.key if table.row else None)
        self.app.say("regions in the order of the source" if self.by_line else "regions by risk")

    def action_details(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab

    def action_focus_source(self) -> None:
        self.query_one(SourceView).focus()

    # -- what the tagging keys act on --------------------------------------------------------------

    def _loaded(self) -> bool:
        """The screen shows the file it names (after `]`, the previous one shows until it loads)."""
        return self.detail is not None and self.detail.ranked.file.path == self.path

    def selected_region(self) -> Region | None:
        item = self.selected_item() if self._loaded() else None
        return item.ranked.region if item else None

    def region_state(self, region: Region) -> RegionState | None:
        return self.detail.states.get(region.key) if self.detail else None

    def selected_file(self) -> str | None:
        if not self._loaded():
            self.app.say(f"{self.path} is still loading")
            return None
        return self.path

    def file_regions(self, path: str, then: Callable) -> None:
        then(sorted((r.region for r in self.detail.regions), key=lambda r: r.start_line) if self._loaded() else [])

    def no_region(self) -> str:
        if not self._loaded():
            return f"{self.path} is still loading"
        return "this file has no functions, methods or classes: nothing to tag"

    action_tag = tagging.action_tag
    action_tag_note = tagging.action_tag_note
    action_clear_tags = tagging.action_clear_tags
    action_tag_file = tagging.action_tag_file
    action_clear_file = tagging.action_clear_file
