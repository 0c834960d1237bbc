"""The ranking screen: every file by risk (or every region of the repository), sortable by any
column, narrowed by a fuzzy path filter and by language, decision state and security hits.
Opening a row shows its file; whole-file tags and, in the regions view, region tags work here too.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Input, Static
from textual.worker import Worker, WorkerState

from tui.data import FileRow, RegionRow, Triage, load_regions, load_triage
from tui.data import file_regions as read_file_regions
from tui.messages import DecisionsRecorded, ScanStateChanged, SnapshotChanged
from tui.screens import tagging
from tui.widgets.cells import (
    Summary, evidence_cell, gap_cell, highlighted, number, score_cell, security_cell, state_cell, summary_cell,
)
from tui.widgets.table import Column, RankTable
from vibetriage.text import visible

STATES = ("untriaged", "load-bearing", "reviewed", "stale", "prototype-track")


@contextmanager
def _long_lived():
    """Around replacing the ranking's data: the old data may go, and the new data -- hundreds of
    thousands of objects that live as long as the screen -- is moved out of the garbage
    collector's sight. Without this every full collection walks all of it, and one lands in a
    page-down now and then (a 60-90 ms stall on 20,000 files, measured)."""
    gc.unfreeze()
    yield
    gc.collect()
    gc.freeze()


@dataclass(frozen=True)
class Sort:
    key: Callable  # row -> sortable value
    descending: bool  # the natural direction: most first for numbers, A-Z for names


class RankingScreen(Screen[None]):
    BINDINGS = [
        Binding("slash", "focus_filter", "filter", id="ranking.filter"),
        Binding("v", "toggle_view", "files/regions", id="ranking.toggle-view"),
        Binding("s", "next_sort", "sort", id="ranking.sort"),
        Binding("S", "reverse_sort", "reverse", show=False, id="ranking.reverse-sort"),
        Binding("g", "pick_language", "language", id="ranking.language"),
        Binding("d", "pick_state", "state", id="ranking.state"),
        Binding("exclamation_mark", "toggle_security", "security hits", show=False, id="ranking.security"),
        Binding("x", "clear_filters", "clear filters", show=False, id="ranking.clear-filters"),
        *tagging.BINDINGS,
    ]

    def __init__(self) -> None:
        super().__init__()
        self.triage: Triage | None = None
        self.view = "files"
        self.language: str | None = None
        self.state: str | None = None
        self.security_only = False
        self.query_text = ""
        self._matcher: re.Pattern[str] | None = None
        self.sort_column = {"files": "rank", "regions": "rank"}
        self.sort_reverse = {"files": False, "regions": False}
        self._regions_loading = False
        self._narrowed: tuple | None = None
        self._generation = 0  # counts changes of decision states (a state filter's result changes)

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        with Horizontal(id="filter-bar"):
            yield Input(placeholder="/ filter paths (fuzzy)", id="filter")
            yield Static(id="filter-info")
        yield RankTable(self._file_columns(), empty="loading…", id="ranking")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(RankTable).focus()
        self.load()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # One region's tags make sense where regions are listed; the files view tags whole files.
        if action in ("tag", "tag_note", "clear_tags") and self.view == "files":
            return False
        return True

    # -- loading -------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="ranking-load", exit_on_error=False)
    def load(self) -> Triage:
        return load_triage(self.app.session)

    @work(thread=True, exclusive=True, group="ranking-regions", exit_on_error=False)
    def load_regions(self, triage: Triage):
        return triage, load_regions(self.app.session, triage.findings)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if event.state == WorkerState.ERROR:
            from tui.app import describe

            self._regions_loading = False
            self.app.say(f"cannot read the database: {describe(worker.error)}", severity="error", timeout=15)
            if worker.group == "ranking-load":
                self.app.ranking_loaded()
            return
        if event.state != WorkerState.SUCCESS:
            return
        if worker.group == "ranking-load":
            keep_regions = self.view == "regions"
            with _long_lived():
                self.triage = worker.result
            self._regions_loading = False
            self.refresh_rows()
            if keep_regions:
                self._ensure_regions()
            self.app.ranking_loaded()
        elif worker.group == "ranking-regions":
            triage, regions = worker.result
            self._regions_loading = False
            if triage is self.triage:
                with _long_lived():
                    triage.regions = regions
                self.refresh_rows()

    @on(SnapshotChanged)
    def _snapshot_changed(self) -> None:
        self.load()

    @on(DecisionsRecorded)
    def _decisions_recorded(self, message: DecisionsRecorded) -> None:
        if self.triage is None:
            return
        for path, states in message.written.states.items():
            self.triage.update_states(path, states)
        self._generation += 1
        if self.state is not None:
            self.refresh_rows()  # a row may have entered or left the state filter
        else:
            self.query_one(RankTable).invalidate()
        self.update_status()

    @on(ScanStateChanged)
    def _scan_state_changed(self) -> None:
        if self.triage is not None and self.triage.scan is None:
            self.refresh_rows()  # the empty table says whether a scan is coming
        else:
            self.update_status()

    def on_unmount(self) -> None:
        gc.unfreeze()

    def restyle(self) -> None:
        if self.is_mounted:
            self.update_status()

    # -- columns -------------------------------------------------------------------------------

    def _file_columns(self) -> list[Column]:
        p = lambda: self.app.palette  # noqa: E731 -- read at draw time: the theme can change
        summaries = lambda row: self.triage.summary(row.key) if self.triage else Summary()  # noqa: E731
        return [
            Column("rank", "#", lambda r: Text(str(r.summary.rank), style=p().muted), width=5, justify="right"),
            Column("score", "score", lambda r: score_cell(r.summary.score, p()), width=11),
            Column("path", "path", self._label_cell, justify="path", min_width=24),
            Column("language", "lang", lambda r: Text(r.summary.language, style=p().muted), width=10, priority=4),
            Column("churn", "churn", lambda r: number(r.summary.commits, p()), width=5, justify="right", priority=2),
            Column("complexity", "cx", lambda r: number(r.summary.cyclomatic, p()), width=4, justify="right", priority=3),
            Column("security", "sec", lambda r: security_cell(r.tally, p()), width=5, justify="right"),
            Column("test_gap", "gap", lambda r: gap_cell(r.summary.test_gap, p()), width=4, justify="right", priority=1),
            Column("decisions", "decisions", lambda r: summary_cell(summaries(r), p()), width=14),
        ]

    def _region_columns(self) -> list[Column]:
        p = lambda: self.app.palette  # noqa: E731
        states = lambda row: self.triage.states.get(row.key) if self.triage else None  # noqa: E731
        return [
            Column("rank", "#", lambda r: Text(str(r.summary.rank), style=p().muted), width=6, justify="right"),
            Column("score", "score", lambda r: score_cell(r.summary.score, p()), width=11),
            Column("path", "region", self._label_cell, justify="path", min_width=28),
            Column("kind", "kind", lambda r: Text(r.summary.region.kind, style=p().muted), width=8, priority=4),
            Column("lines", "lines", lambda r: Text(f"{r.summary.region.metrics.length}", style=p().muted), width=5,
                   justify="right", priority=5),
            Column("complexity", "cx", lambda r: number(r.summary.region.metrics.cyclomatic, p()), width=4, justify="right", priority=2),
            Column("security", "sec", lambda r: security_cell(r.tally, p()), width=5, justify="right"),
            Column("tests", "tests", lambda r: evidence_cell(r.summary.evidence, r.summary.covered, p()), width=5, priority=1),
            Column("state", "state", lambda r: state_cell(states(r), p()), width=11),
        ]

    def _label_cell(self, row: FileRow | RegionRow) -> Text:
        p = self.app.palette
        positions: tuple[int, ...] = ()
        if self._matcher is not None:
            m = self._matcher.search(row.label)
            if m:
                positions = tuple(m.start(i) for i in range(1, (m.lastindex or 0) + 1))
        if isinstance(row, RegionRow):
            cut = len(visible(row.summary.region.path)) + 2
            text = highlighted(row.label, positions, p)
            text.stylize(p.muted, 0, cut)
            return text
        return highlighted(row.label, positions, p)

    SORTS: dict[str, dict[str, Sort]] = {
        "files": {
            "rank": Sort(lambda s, r: r.summary.rank, False),
            "score": Sort(lambda s, r: r.summary.score, True),
            "path": Sort(lambda s, r: r.summary.path, False),
            "language": Sort(lambda s, r: (r.summary.language, r.summary.rank), False),
            "churn": Sort(lambda s, r: r.summary.commits, True),
            "complexity": Sort(lambda s, r: r.summary.cyclomatic, True),
            "security": Sort(lambda s, r: (r.tally.open, r.tally.suppressed), True),
            "test_gap": Sort(lambda s, r: -1.0 if r.summary.test_gap is None else r.summary.test_gap, True),
            "decisions": Sort(lambda s, r: s._decision_order(r), True),
        },
        "regions": {
            "rank": Sort(lambda s, r: r.summary.rank, False),
            "score": Sort(lambda s, r: r.summary.score, True),
            "path": Sort(lambda s, r: r.label, False),
            "kind": Sort(lambda s, r: (r.summary.region.kind, r.summary.rank), False),
            "lines": Sort(lambda s, r: r.summary.region.metrics.length, True),
            "complexity": Sort(lambda s, r: r.summary.region.metrics.cyclomatic, True),
            "security": Sort(lambda s, r: (r.tally.open, r.tally.suppressed), True),
            "tests": Sort(lambda s, r: {"none": 3, "name-match": 2, "coverage": 1, "reference": 0}.get(r.summary.evidence or "", -1), True),
            "state": Sort(lambda s, r: s._state_order(r), True),
        },
    }

    def _decision_order(self, row: FileRow):
        s = self.triage.summary(row.key) if self.triage else Summary()
        return (s.stale, s.untriaged, s.load_bearing + s.prototype + s.reviewed)

    def _state_order(self, row: RegionRow):
        state = self.triage.states.get(row.key) if self.triage else None
        if state is None:
            return (0, 0, 0)
        return (state.review == "stale", state.track == "load-bearing", state.review == "reviewed")

    # -- rows ------------------------------------------------------------------------------------

    def visible_rows(self) -> list[FileRow | RegionRow]:
        """The rows that pass the filters, in the chosen order."""
        if self.triage is None:
            return []
        if self.view == "regions":
            rows = self.triage.regions or []
        else:
            rows = self.triage.files
        if self.language is not None:
            rows = [r for r in rows if r.summary.language == self.language]
        if self.security_only:
            rows = [r for r in rows if r.tally.open]
        if self.state is not None:
            rows = [r for r in rows if self._in_state(r, self.state)]
        if self._matcher is not None:
            rows = self._narrow(rows)
        column = self.sort_column[self.view]
        if column != "rank" or self.sort_reverse[self.view]:
            sort = self.SORTS[self.view][column]
            rows = sorted(rows, key=lambda r: sort.key(self, r), reverse=sort.descending != self.sort_reverse[self.view])
        return rows

    def _narrow(self, rows: list) -> list:
        """The rows whose label the fuzzy filter matches. Typing one more character can only
        narrow the last result: it is searched instead of every row."""
        base = (self.view, self.language, self.state, self.security_only, id(self.triage),
                id(self.triage.regions), self._generation)
        last = self._narrowed
        if last is not None and last[0] == base and self.query_text.startswith(last[1]):
            rows = last[2]
        search = self._filter.search
        found = [r for r in rows if search(r.label)]
        self._narrowed = (base, self.query_text, found)
        return found

    def _in_state(self, row: FileRow | RegionRow, state: str) -> bool:
        if isinstance(row, FileRow):
            return self.triage.summary(row.key).has(state)
        s = self.triage.states.get(row.key)
        if state == "untriaged":
            return s is None or (s.track == "unclassified" and s.review == "unreviewed")
        return s is not None and (s.track == state or s.review == state)

    def refresh_rows(self) -> None:
        table = self.query_one(RankTable)
        current = table.row
        if self.view == "regions" and (self.triage is None or self.triage.regions is None):
            table.empty = "loading every region of the repository…"
        elif self.triage is not None and self.triage.scan is None:
            scanning = self.app.scan_state in ("checking", "scanning")
            table.empty = "scanning the repository…" if scanning else "no scan yet: ctrl+r scans the repository"
        elif self.triage is not None and not (self.triage.regions if self.view == "regions" else self.triage.files):
            table.empty = ("no functions, methods or classes in the scanned files" if self.view == "regions" else
                           "no file of a supported language in this repository (see `vibetriage scan` for what was skipped)")
        else:
            table.empty = "no row matches the filters (x clears them)"
        table.sort_column = self.sort_column[self.view]
        table.sort_reverse = self.sort_reverse[self.view]
        table.set_rows(self.visible_rows(), keep=current.key if current is not None else None)
        self.update_status()

    def update_status(self) -> None:
        p = self.app.palette
        status = Text.assemble(("vibetriage ", "bold"), (visible(self.app.session.name), "bold"))
        t = self.triage
        if t is not None and t.scan is not None:
            head = t.scan.head[:8] if t.scan.head else "no git"
            status.append(f"  {len(t.files)} files · {t.region_count} regions · HEAD {head}", style=p.muted)
            stale = sum(s.stale for s in t.summaries.values())
            if stale:
                status.append(f"  {stale} stale review{'s' if stale != 1 else ''}", style=p.stale)
            if t.orphans:
                status.append(f"  {len(t.orphans)} decision(s) on code that is gone", style=p.medium)
        state = self.app.scan_state
        if state == "stale" and (t is None or t.scan is None):
            state = "unscanned"
        label, style = {"checking": ("checking for changes…", p.muted), "scanning": ("scanning…", p.medium),
                        "current": ("up to date", p.ok), "stale": ("code changed since the scan: ctrl+r", p.stale),
                        "unscanned": ("not scanned: ctrl+r scans", p.stale)}.get(state, (state, p.muted))
        status.append("  ● ", style=style)
        status.append(label, style=style)
        self.query_one("#status", Static).update(status)
        info = Text()
        table = self.query_one(RankTable)
        total = len((t.regions or []) if self.view == "regions" else t.files) if t else 0
        info.append(f"{self.view}: {len(table.rows)}" + (f" of {total}" if len(table.rows) != total else ""), style=p.strong)
        for label, value in (("lang", self.language), ("state", self.state), ("sec", "hits" if self.security_only else None)):
            if value:
                info.append(f"  {label}: {value}", style=p.medium)
        self.query_one("#filter-info", Static).update(info)

    # -- filter, sort, view ----------------------------------------------------------------------

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.set_filter(event.value)

    def set_filter(self, value: str) -> None:
        self.query_text = value
        chars = [c for c in value if not c.isspace()]
        # Two patterns: a plain one to filter every row, one with groups for the matched
        # characters of the rows on screen.
        self._filter = re.compile(".*?".join(re.escape(c) for c in chars), re.IGNORECASE)
        self._matcher = re.compile(".*?".join(f"({re.escape(c)})" for c in chars), re.IGNORECASE) if chars else None
        self.refresh_rows()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.query_one(RankTable).focus()

    def key_escape(self) -> None:
        filter_input = self.query_one("#filter", Input)
        if filter_input.has_focus or filter_input.value:
            filter_input.value = ""
            self.query_one(RankTable).focus()

    def action_toggle_view(self) -> None:
        self.set_view("regions" if self.view == "files" else "files")

    def set_view(self, view: str) -> None:
        if view == self.view:
            return
        self.view = view
        table = self.query_one(RankTable)
        table.set_columns(self._region_columns() if view == "regions" else self._file_columns())
        table.cursor = 0
        self._ensure_regions()
        self.refresh_rows()
        self.refresh_bindings()

    def _ensure_regions(self) -> None:
        if self.view == "regions" and self.triage is not None and self.triage.regions is None and not self._regions_loading:
            self._regions_loading = True
            self.load_regions(self.triage)

    def sort_by(self, column: str, reverse: bool = False) -> None:
        self.sort_column[self.view] = column
        self.sort_reverse[self.view] = reverse
        self.refresh_rows()
        self.query_one(RankTable).scroll_to(y=0, animate=False, immediate=True)
        self.query_one(RankTable).cursor = 0

    def action_next_sort(self) -> None:
        columns = list(self.SORTS[self.view])
        current = self.sort_column[self.view]
        self.sort_by(columns[(columns.index(current) + 1) % len(columns)])

    def action_reverse_sort(self) -> None:
        self.sort_by(self.sort_column[self.view], not self.sort_reverse[self.view])

    @on(RankTable.HeaderClicked)
    def _header_clicked(self, event: RankTable.HeaderClicked) -> None:
        same = event.column == self.sort_column[self.view]
        self.sort_by(event.column, not self.sort_reverse[self.view] if same else False)

    def action_pick_language(self) -> None:
        from tui.screens.pick import PickScreen

        languages = self.triage.languages if self.triage else []
        options = [("", "all languages"), *[(lang, lang) for lang in languages]]
        self.app.push_screen(PickScreen("Show files of", options, self.language or ""), self.set_language)

    def set_language(self, language: str | None) -> None:
        if language is not None:
            self.language = language or None
            self.refresh_rows()

    def action_pick_state(self) -> None:
        from tui.screens.pick import PickScreen

        labels = {"untriaged": "untriaged: regions without any decision", "load-bearing": "load-bearing",
                  "reviewed": "reviewed (and current)", "stale": "stale: reviewed, and the code changed since",
                  "prototype-track": "prototype-track"}
        options = [("", "any decision state"), *[(s, labels[s]) for s in STATES]]
        self.app.push_screen(PickScreen("Show what holds regions that are", options, self.state or ""), self.set_state)

    def set_state(self, state: str | None) -> None:
        if state is not None:
            self.state = state or None
            self.refresh_rows()

    def action_toggle_security(self) -> None:
        self.security_only = not self.security_only
        self.refresh_rows()

    def action_clear_filters(self) -> None:
        self.language, self.state, self.security_only = None, None, False
        self.query_one("#filter", Input).value = ""
        self.set_filter("")

    # -- opening and tagging ---------------------------------------------------------------------

    @on(RankTable.Opened)
    def _opened(self, event: RankTable.Opened) -> None:
        self.open_row(event.row)

    def open_row(self, row: FileRow | RegionRow) -> None:
        from tui.screens.file import FileScreen

        if isinstance(row, FileRow):
            self.app.push_screen(FileScreen(row.key, neighbours=self.neighbours))
        else:
            self.app.push_screen(FileScreen(row.summary.region.path, region=row.key, neighbours=self.neighbours))

    def open_path(self, path: str) -> None:
        from tui.screens.file import FileScreen

        self.app.push_screen(FileScreen(path, neighbours=self.neighbours))

    def neighbours(self, path: str, step: int) -> str | None:
        """The file `step` rows away from `path` in the list as shown (regions: their files)."""
        paths = list(dict.fromkeys(r.key if isinstance(r, FileRow) else r.summary.region.path
                                   for r in self.query_one(RankTable).rows))
        if path not in paths:
            return paths[0] if paths else None
        i = paths.index(path) + step
        return paths[i] if 0 <= i < len(paths) else None

    def selected_region(self):
        row = self.query_one(RankTable).row
        if isinstance(row, RegionRow):
            return row.summary.region
        return None

    def selected_file(self) -> str | None:
        row = self.query_one(RankTable).row
        if row is None:
            return None
        return row.key if isinstance(row, FileRow) else row.summary.region.path

    def region_state(self, region):
        return self.triage.states.get(region.key) if self.triage else None

    def no_region(self) -> str:
        return "open a file (enter) to tag one of its regions, or tag the whole file (L, R, P, C)"

    def file_regions(self, path: str, then: Callable) -> None:
        """Call `then(regions)` with the file's regions, read in a worker (each call keeps its own
        `then`: two quick whole-file keys must not answer each other)."""
        self._read_file_regions(path, then)

    @work(thread=True, exit_on_error=False)
    def _read_file_regions(self, path: str, then: Callable) -> None:
        self.app.call_from_thread(then, read_file_regions(self.app.session, path))

    action_tag = tagging.action_tag
    action_tag_note = tagging.action_tag_note
    action_clear_tags = tagging.action_clear_tags
    action_tag_file = tagging.action_tag_file
    action_clear_file = tagging.action_clear_file
