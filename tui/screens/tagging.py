"""The tagging keys, shared by the ranking and file screens: one key per tag on the selected
region, one to clear its tags, one for a decision with a note, and the same (after a
confirmation) on every region of a file. A screen that uses them says what is selected through
`selected_region()`, `region_state(region)`, `selected_file()`, `file_regions(path, then)` and
`no_region()`; the app records the decisions (`VibeTriageApp.record`)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from vibetriage.model import NewDecision, RegionState
from vibetriage.text import plain

from tui.data import clear

TAG = Binding.Group("load-bearing / reviewed / prototype")

BINDINGS = [
    Binding("l", "tag('load-bearing')", "load-bearing", id="tag.load-bearing", group=TAG),
    Binding("r", "tag('reviewed')", "reviewed", id="tag.reviewed", group=TAG),
    Binding("p", "tag('prototype-track')", "prototype-track", id="tag.prototype-track", group=TAG),
    Binding("c", "clear_tags", "clear tags", id="tag.clear"),
    Binding("n", "tag_note", "note", id="tag.note"),
    Binding("L", "tag_file('load-bearing')", "whole file: load-bearing", show=False, id="tag.file-load-bearing"),
    Binding("R", "tag_file('reviewed')", "whole file: reviewed", show=False, id="tag.file-reviewed"),
    Binding("P", "tag_file('prototype-track')", "whole file: prototype-track", show=False, id="tag.file-prototype-track"),
    Binding("C", "clear_file", "whole file: clear tags", show=False, id="tag.file-clear"),
]


def action_tag(screen, tag: str) -> None:
    region = screen.selected_region()
    if region is None:
        screen.app.say(screen.no_region())
        return
    screen.app.record([NewDecision(region, tag)], f"{tag}: {region.key.label()}")


def action_tag_note(screen) -> None:
    from tui.screens.note import NoteScreen

    region = screen.selected_region()
    if region is None:
        screen.app.say(screen.no_region())
        return
    state = screen.region_state(region) or RegionState()
    default = state.track if state.track != "unclassified" else "reviewed"

    def done(result: tuple[str, str] | None) -> None:
        if result is not None:
            tag, note = result
            screen.app.record([NewDecision(region, tag, note=note)], f"{tag}{' with a note' if note else ''}: {region.key.label()}")

    screen.app.push_screen(NoteScreen(plain(region.key.label()), default), done)


def action_clear_tags(screen) -> None:
    region = screen.selected_region()
    if region is None:
        screen.app.say(screen.no_region())
        return
    changes = clear(region, screen.region_state(region) or RegionState())
    if not changes:
        screen.app.say(f"{region.key.label()} has no tag to clear")
        return
    screen.app.record(changes, f"cleared: {region.key.label()}")


def action_tag_file(screen, tag: str) -> None:
    path = screen.selected_file()
    if path is None:
        return

    def ask(regions) -> None:
        if not regions:
            screen.app.say(f"{path} has no functions, methods or classes to tag")
            return
        question = Text.assemble(f"Tag all {len(regions)} regions of ", plain(path, "bold"), f" as {tag}?")
        changes = [NewDecision(r, tag) for r in regions]
        _confirm(screen, question, changes, f"{tag}: {len(regions)} regions of {path}")

    screen.file_regions(path, ask)


def action_clear_file(screen) -> None:
    path = screen.selected_file()
    if path is None:
        return

    def ask(regions) -> None:
        changes = [c for r in regions for c in clear(r, screen.region_state(r) or RegionState())]
        if not changes:
            screen.app.say(f"no region of {path} has a tag to clear")
            return
        touched = len({c.region.key for c in changes})
        question = Text.assemble(f"Clear the tags of {touched} regions of ", plain(path, "bold"), "?")
        _confirm(screen, question, changes, f"cleared: {touched} regions of {path}")

    screen.file_regions(path, ask)


def _confirm(screen, question: Text, changes: list[NewDecision], label: str) -> None:
    from tui.screens.confirm import ConfirmScreen

    def answered(yes: bool | None) -> None:
        if yes:
            screen.app.record(changes, label)

    screen.app.push_screen(ConfirmScreen(question), answered)
