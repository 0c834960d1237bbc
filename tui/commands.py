"""The command palette's entries (ctrl+p), named "verb: object": scan: rerun, view: regions,
filter: language python, sort: by churn, tag: reviewed, undo: last decision, tour: open <name>,
export: risk register as csv, go to: <file>...
Which appear depends on the screen the palette was opened from. File paths are repository text:
their entries are built as `Content` (never markup) and matched with a quick filter first, so the
palette stays fast on tens of thousands of files."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tui.data import tour_names
from vibetriage.export import DEFAULT_TOP, FORMATS
from vibetriage.model import TAGS
from vibetriage.text import visible

MAX_FILE_HITS = 25


def _pattern(query: str) -> re.Pattern[str] | None:
    chars = [c for c in query if not c.isspace()]
    return re.compile(".*?".join(f"({re.escape(c)})" for c in chars), re.IGNORECASE) if chars else None


def _display(name: str, match: re.Match[str] | None) -> Content:
    content = Content(name)
    if match is not None:
        for i in range(1, (match.lastindex or 0) + 1):
            content = content.stylize("bold underline", match.start(i), match.end(i))
    return content


class TriageCommands(Provider):
    def __init__(self, screen, match_style=None) -> None:
        super().__init__(screen, match_style)
        self.tours: list[str] = []

    async def startup(self) -> None:
        """The names of the tours, read in a worker as the palette opens (one entry per tour)."""
        from textual.worker import WorkerFailed

        worker = self.app.run_worker(partial(tour_names, self.app.session), name="palette-tours", thread=True,
                                     exit_on_error=False)
        try:
            self.tours = await worker.wait()
        except WorkerFailed:
            self.tours = []  # no tour entries this time; every other command still works

    def commands(self) -> list[tuple[str, Callable[[], object], str]]:
        from tui.screens import touring
        from tui.screens.file import FileScreen
        from tui.screens.ranking import STATES, RankingScreen
        from tui.screens.tour import TourScreen

        app, screen = self.app, self.screen
        out: list[tuple[str, Callable[[], object], str]] = [
            ("scan: rerun", app.action_rescan, "scan the repository again (only what changed is re-read)"),
            ("undo: last decision", app.action_undo, "record the decisions that put the regions back as they were"),
            ("help: keys", app.action_help, "every key binding and what the marks mean"),
            ("theme: toggle light/dark", app.action_toggle_dark, "switch between the light and the dark theme"),
        ]
        if isinstance(screen, RankingScreen):
            out += [("view: files", partial(screen.set_view, "files"), "rank files"),
                    ("view: regions", partial(screen.set_view, "regions"), "rank every function, method and class")]
            languages = screen.triage.languages if screen.triage else []
            out += [(f"filter: language {lang}", partial(screen.set_language, lang), f"only {lang} files") for lang in languages]
            out.append(("filter: all languages", partial(screen.set_language, ""), "files of every language"))
            out += [(f"filter: state {state}", partial(screen.set_state, state), f"only what holds {state} regions") for state in STATES]
            out += [("filter: any state", partial(screen.set_state, ""), "no decision-state filter"),
                    ("filter: security hits", screen.action_toggle_security, "only what has open findings (toggle)"),
                    ("filter: path", screen.action_focus_filter, "type to filter paths (fuzzy)"),
                    ("filter: clear", screen.action_clear_filters, "no filter at all")]
            out += [(f"sort: by {column.replace('_', ' ')}", partial(screen.sort_by, column), "highest first (s cycles, S reverses)")
                    for column in screen.SORTS[screen.view]]
        if isinstance(screen, (RankingScreen, FileScreen)):
            out += [(f"tag: {tag}", partial(screen.action_tag, tag), f"tag the selected region {tag}") for tag in TAGS]
            out += [("tag: with note", screen.action_tag_note, "a decision with a note on the selected region"),
                    ("tag: clear", screen.action_clear_tags, "remove the selected region's tags")]
            out += [(f"tag: whole file {tag}", partial(screen.action_tag_file, tag), f"tag every region of the file {tag}") for tag in TAGS]
            out.append(("tag: whole file clear", screen.action_clear_file, "remove the tags of every region of the file"))
        if isinstance(screen, FileScreen) or (isinstance(screen, RankingScreen) and screen.view == "regions"):
            out.append(("tour: add this region", partial(touring.add_region, screen, self.tours),
                        "the selected region as the last stop of a tour (asks which, or a new one's name)"))
        out.append(("tour: new automatic", partial(touring.new_automatic, app),
                    "the load-bearing regions, then the riskiest, each with a note on why it matters"))
        out += [(f"tour: open {visible(name)}", partial(touring.open_tour, app, name), "walk through it, from where you left off")
                for name in self.tours]
        out += [(f"tour: delete {visible(name)}", partial(touring.delete, app, name), "delete the tour and its notes (asks first)")
                for name in self.tours]
        if isinstance(screen, TourScreen):
            out += [("tour: next stop", partial(screen.action_step, 1), "the tour's next stop"),
                    ("tour: previous stop", partial(screen.action_step, -1), "the tour's previous stop")]
        out += [(f"export: risk register as {fmt}", partial(app.export, fmt),
                 f"write .vibetriage/risk-register.{fmt}: the top {DEFAULT_TOP} files and regions, as `vibetriage export` does")
                for fmt in FORMATS]
        if isinstance(screen, FileScreen):
            out += [("go to: next file", partial(screen.action_step, 1), "the next file of the ranking as shown"),
                    ("go to: previous file", partial(screen.action_step, -1), "the previous file of the ranking as shown"),
                    ("go to: ranking", screen.action_back, "back to the ranking")]
        return out

    def _ranking(self):
        from tui.screens.ranking import RankingScreen

        return next((s for s in self.app.screen_stack if isinstance(s, RankingScreen)), None)

    def _go_to(self, path: str) -> None:
        from tui.screens.file import FileScreen

        if isinstance(self.screen, FileScreen):
            self.screen.go_to(path)
            return
        ranking = self._ranking()
        if ranking is not None:
            ranking.open_path(path)

    async def discover(self) -> Hits:
        for name, callback, help_text in self.commands():
            yield DiscoveryHit(Content(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        pattern = _pattern(query)
        for name, callback, help_text in self.commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, _display(name, pattern.search(name) if pattern else None), callback, text=name, help=help_text)
        ranking = self._ranking()
        if ranking is None or ranking.triage is None or pattern is None:
            return
        found = []
        for row in ranking.triage.files:
            name = f"go to: {row.label}"
            match = pattern.search(name)
            if match:
                found.append((name, match, row.key))
                if len(found) >= 400:
                    break
        scored = sorted(((matcher.match(name), name, match, path) for name, match, path in found), key=lambda x: -x[0])
        for score, name, match, path in scored[:MAX_FILE_HITS]:
            if score > 0:
                yield Hit(score, _display(name, match), partial(self._go_to, path), text=name, help="open this file")
