"""The tour screen: an onboarding tour, one stop at a time -- where the stop is, its note, and the
source of its file scrolled to it -- with the tour's stops listed beside it (below it on a narrow
terminal), the reader's stop highlighted. Moving to a stop saves the reader's place, so the tour
resumes there next time; stops can be moved up and down, their notes edited, and removed. Every
change is written at once (`VibeTriageApp.write`), the whole tour at a time.

A stop whose region the last scan no longer has still shows: its file at the line stored with it
(from its top when there is none), marked "not in the last scan"."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import Worker, WorkerState

from tui.data import Lines, TourDetail, load_source, load_tour, save_tour, set_tour_position
from tui.messages import SnapshotChanged, TourChanged
from tui.widgets.source import SourceView
from tui.widgets.table import Column, RankTable
from vibetriage.model import Tour, TourStop
from vibetriage.text import plain, visible


class StopRow:
    """A stop's line in the list; keyed by its number, as a region may be a stop twice."""

    __slots__ = ("key", "stop", "found")

    def __init__(self, index: int, stop: TourStop, found: bool) -> None:
        self.key, self.stop, self.found = index, stop, found


def stop_label(stop: TourStop) -> str:
    """`path::qualname`, `path:line` or `path`, as shown (control characters made visible)."""
    if stop.key is not None:
        return visible(stop.key.label())
    return visible(stop.path) + (f":{stop.line}" if stop.line else "")


def note_text(note: str, muted) -> Text:
    """A note as it was written: its lines kept, nothing in it read as markup or sent raw."""
    if not note.strip():
        return Text("no note at this stop yet: e writes one", style=muted)
    return Text("\n").join(plain(line) for line in note.split("\n"))


class TourScreen(Screen[None]):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding("n,right", "step(1)", "next stop", id="tour.next"),
        Binding("p,left", "step(-1)", "previous", id="tour.previous"),
        Binding("e", "edit_note", "edit note", id="tour.edit-note"),
        Binding("d", "delete_stop", "delete stop", id="tour.delete-stop"),
        Binding("K,ctrl+up", "move_stop(-1)", "move up", id="tour.move-up"),
        Binding("J,ctrl+down", "move_stop(1)", "move down", id="tour.move-down"),
        # A priority binding: the list of stops has an enter of its own, which would hide this
        # one from the footer.
        Binding("enter", "open_file", "open file", priority=True, id="tour.open-file"),
        Binding("escape,backspace", "back", "back", id="tour.back"),
    ]

    def __init__(self, name: str) -> None:
        super().__init__()
        self.tour_name = name
        self.detail: TourDetail | None = None
        self.position = 0
        self._sources: dict[str, tuple[Lines | None, str | None]] = {}  # path -> its source, once read
        self._source_path: str | None = None  # the file the source view shows
        self._gone = False  # the tour was deleted

    @property
    def tour(self) -> Tour | None:
        return self.detail.tour if self.detail else None

    def compose(self) -> ComposeResult:
        yield Static(Text.assemble(("tour ", "dim"), plain(self.tour_name, "bold"), ("  loading…", "dim")), id="tour-head")
        with Horizontal(id="tour-body"):
            yield RankTable(self._columns(), empty="loading…", id="tour-stops")
            with Vertical(id="tour-main"):
                yield Static(id="tour-place")
                with VerticalScroll(id="tour-note-box"):
                    yield Static(id="tour-note")
                yield SourceView(id="tour-source")
        yield Footer()

    def on_mount(self) -> None:
        self.restyle_source()
        self.query_one(RankTable).focus()
        self.load()

    def _columns(self) -> list[Column]:
        p = lambda: self.app.palette  # noqa: E731 -- read at draw time: the theme can change
        return [
            Column("number", "#", lambda r: Text(str(r.key + 1), style=p().muted), width=3, justify="right"),
            Column("stop", "stops", self._stop_cell, justify="path", min_width=16),
        ]

    def _stop_cell(self, row: StopRow) -> Text:
        p = self.app.palette
        text = Text(stop_label(row.stop))
        if row.stop.key is not None:
            text.stylize(p.muted, 0, len(visible(row.stop.path)) + 2)
        if not row.found:
            text.stylize(p.stale)
        return text

    # -- loading -------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="tour-load", exit_on_error=False)
    def load(self) -> TourDetail | None:
        return load_tour(self.app.session, self.tour_name)

    @work(thread=True, exclusive=True, group="tour-source", exit_on_error=False)
    def load_source(self, path: str) -> tuple[str, tuple[Lines | None, str | None]]:
        return path, load_source(self.app.session, path)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        group = event.worker.group
        if group not in ("tour-load", "tour-source"):
            return
        if event.state == WorkerState.ERROR:
            from tui.app import describe

            self.app.say(f"cannot read the tour {self.tour_name}: {describe(event.worker.error)}", severity="error", timeout=15)
        elif event.state != WorkerState.SUCCESS:
            return
        elif group == "tour-load":
            self._loaded(event.worker.result)
        else:
            path, source = event.worker.result
            self._sources[path] = source
            stop = self.stop()
            if stop is not None and stop.path == path:
                self._show_source(stop)

    def _loaded(self, detail: TourDetail | None) -> None:
        if detail is None:
            self._gone = True
            if self.app.screen is self:  # else when the screens above it close (dismiss closes the top one)
                self._leave()
            return
        # The first time, the reader's stop as stored; after that, the one on screen (a change of
        # place may still be on its way to the database).
        first = self.detail is None
        self.detail = detail
        self.position = detail.tour.position if first else self.position
        self.show()

    def on_screen_resume(self) -> None:
        if self._gone:
            self._leave()

    def _leave(self) -> None:
        self.app.say(f"there is no tour named {self.tour_name} (any more)")
        self.dismiss()

    @on(SnapshotChanged)
    def _snapshot_changed(self) -> None:
        self._sources.clear()
        self._source_path = None
        self.load()

    @on(TourChanged)
    def _tour_changed(self, message: TourChanged) -> None:
        if message.name == self.tour_name:
            self.load()

    # -- showing -------------------------------------------------------------------------------

    def stop(self) -> TourStop | None:
        tour = self.tour
        return tour.stops[self.position] if tour is not None and 0 <= self.position < len(tour.stops) else None

    def show(self) -> None:
        """Draw the whole tour: the list of stops, and the reader's stop."""
        tour = self.tour
        self.position = max(0, min(self.position, len(tour.stops) - 1))
        table = self.query_one(RankTable)
        table.empty = "no stops yet: on a region, the palette's “tour: add this region” adds one"
        table.set_rows([StopRow(i, s, self._found(s)) for i, s in enumerate(tour.stops)], keep=self.position)
        self.show_stop()

    def _found(self, stop: TourStop) -> bool:
        d = self.detail
        return stop.path in d.scanned and (stop.key is None or stop.key in d.regions)

    def show_stop(self) -> None:
        """The head, the place and note of the reader's stop, and its source."""
        p, tour, stop = self.app.palette, self.tour, self.stop()
        head = Text.assemble(("tour ", p.muted), plain(tour.name, "bold"), " — ")
        head.append(f"stop {self.position + 1} of {len(tour.stops)}" if stop is not None else "no stops", style="bold")
        self.query_one("#tour-head", Static).update(head)
        self.query_one("#tour-place", Static).update(self._place(stop) if stop is not None else "")
        self.query_one("#tour-note", Static).update(note_text(stop.note, p.muted) if stop is not None else "")
        self.query_one("#tour-note-box").scroll_home(animate=False)
        if stop is None:
            self._source_path = None
            self.query_one(SourceView).set_source(None, "this tour has no stops")
            return
        if stop.path in self._sources:
            self._show_source(stop)
        else:
            self._source_path = None
            self.query_one(SourceView).set_source(None, "loading…")
            self.load_source(stop.path)

    def _place(self, stop: TourStop) -> Text:
        p, d = self.app.palette, self.detail
        text = plain(stop.path, "bold")
        region = d.regions.get(stop.key) if stop.key else None
        if region is not None:
            text.append(f"  {region.kind} ", style=p.muted)
            text.append_text(plain(region.qualname + (f"#{region.ordinal}" if region.ordinal else ""), "bold"))
            text.append(f"  lines {region.start_line}-{region.end_line}", style=p.muted)
            return text
        if stop.key is not None:
            text.append(f"  {stop.key.kind} ", style=p.muted)
            text.append_text(plain(stop.key.qualname, "bold"))
        if stop.path not in d.scanned:
            text.append("  not in the last scan: the file is gone, or no longer scanned", style=p.stale)
        elif stop.key is not None:
            where = f"line {stop.line}" if stop.line else "its top"
            text.append(f"  not in the last scan: the file at {where}", style=p.stale)
        elif stop.line:
            text.append(f"  line {stop.line}", style=p.muted)
        return text

    def _show_source(self, stop: TourStop) -> None:
        if self._source_path != stop.path:
            lines, error = self._sources[stop.path]
            self.query_one(SourceView).set_source(lines, error or "")
            self._source_path = stop.path
            # Scrolled once the view knows the new source's length (a scroll now would stop short).
            self.call_after_refresh(self._scroll_to_stop)
        else:
            self._scroll_to_stop()

    def _scroll_to_stop(self) -> None:
        stop, source = self.stop(), self.query_one(SourceView)
        if stop is None or stop.path != self._source_path:
            return
        place = self.detail.place(stop) if stop.path in self.detail.scanned else None
        if place is None:
            source.show_lines(1, 1, band=False)
        else:
            source.show_lines(*place)

    def restyle_source(self) -> None:
        p = self.app.palette
        source = self.query_one(SourceView)
        source.restyle(self.app.current_theme.dark)
        source.set_marks({}, p.region_band, p.finding_band, p.load_bearing)

    def restyle(self) -> None:
        if self.detail is not None and self.is_mounted:
            self.restyle_source()
            self.query_one(RankTable).invalidate()
            self.show_stop()

    # -- moving ----------------------------------------------------------------------------------

    @on(RankTable.Highlighted, "#tour-stops")
    def _highlighted(self, event: RankTable.Highlighted) -> None:
        """A stop was chosen in the list (keys, a click): the reader is there now."""
        self.go(event.index)

    def go(self, index: int) -> None:
        """Take the reader to stop `index`, and keep their place (written at once)."""
        if self.detail is None or index == self.position or not 0 <= index < len(self.tour.stops):
            return
        self.position = index
        self.app.write(partial(set_tour_position, self.app.session, self.tour_name, index),
                       "the reader's place in the tour was not saved")
        self.show_stop()
        self.query_one(RankTable).move_to(index)

    def _catch_up(self) -> None:
        """The list's cursor is the reader's place: a move it has not told of yet counts."""
        self.go(self.query_one(RankTable).cursor)

    def action_step(self, step: int) -> None:
        tour = self.tour
        if tour is None or not tour.stops:
            return
        target = self.query_one(RankTable).cursor + step
        if not 0 <= target < len(tour.stops):
            self.app.say("that was the last stop of the tour" if step > 0 else "this is the first stop of the tour")
            return
        self.go(target)

    # -- changing the tour -----------------------------------------------------------------------

    def _save(self, stops: tuple[TourStop, ...], position: int) -> None:
        """Show the changed tour and write it (with the reader's place) as a whole."""
        tour = replace(self.tour, stops=stops, position=max(0, min(position, len(stops) - 1)))
        self.detail = replace(self.detail, tour=tour)
        self.position = tour.position
        self.app.write(partial(save_tour, self.app.session, tour), f"the change to the tour {tour.name} was not saved")
        self.show()

    def action_edit_note(self) -> None:
        from tui.screens.note import TextScreen

        self._catch_up()
        stop, index = self.stop(), self.position
        if stop is None:
            return
        title = Text.assemble(("Note at stop ", "bold"), (f"{index + 1}, ", "bold"), stop_label(stop))

        def edited(note: str | None) -> None:
            tour = self.tour
            if note is None or tour is None or note == stop.note or index >= len(tour.stops) or tour.stops[index] != stop:
                return
            stops = list(tour.stops)
            stops[index] = replace(stop, note=note)
            self._save(tuple(stops), index)

        self.app.push_screen(TextScreen(title, stop.note, lines=True,
                                        placeholder="what a newcomer should see here (ctrl+s saves, escape cancels)"), edited)

    def action_delete_stop(self) -> None:
        from tui.screens.confirm import ConfirmScreen

        self._catch_up()
        stop, index = self.stop(), self.position
        if stop is None:
            return
        question = Text.assemble(f"Remove stop {index + 1}, ", (stop_label(stop), "bold"), ", and its note from the tour ",
                                 plain(self.tour_name, "bold"), "?")

        def answered(yes: bool | None) -> None:
            tour = self.tour
            if yes and tour is not None and index < len(tour.stops) and tour.stops[index] == stop:
                self._save(tour.stops[:index] + tour.stops[index + 1:], index)

        self.app.push_screen(ConfirmScreen(question), answered)

    def action_move_stop(self, step: int) -> None:
        self._catch_up()
        tour, index = self.tour, self.position
        if tour is None or not tour.stops:
            return
        target = index + step
        if not 0 <= target < len(tour.stops):
            self.app.say("the stop is first in the tour already" if step < 0 else "the stop is last in the tour already")
            return
        stops = list(tour.stops)
        stops[index], stops[target] = stops[target], stops[index]
        self._save(tuple(stops), target)

    def action_open_file(self) -> None:
        from tui.screens.file import FileScreen
        from tui.screens.ranking import RankingScreen

        self._catch_up()
        stop = self.stop()
        if stop is None:
            return
        if stop.path not in self.detail.scanned:
            self.app.say(f"{stop.path} is not in the last scan: there is no file to open")
            return
        region = stop.key if stop.key in self.detail.regions else None
        ranking = next((s for s in self.app.screen_stack if isinstance(s, RankingScreen)), None)
        self.app.push_screen(FileScreen(stop.path, region=region, neighbours=ranking.neighbours if ranking else None))

    def action_back(self) -> None:
        self.dismiss()
