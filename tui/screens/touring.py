"""The palette's tour commands: add the selected region to a tour (asking which, or for a new
one's name), make an automatic tour, open a tour, delete one (asking first). The dialogs they ask
through are the workbench's own; the writes go through `VibeTriageApp.write`, in order with every
other write, and the open screens hear of the change (`TourChanged`)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from rich.text import Text

from tui.data import add_stop, delete_tour, new_automatic_tour
from tui.messages import TourChanged
from vibetriage.model import TourStop
from vibetriage.text import plain, visible

NEW = "\0new"  # the pick list's "a new tour" (a tour's name never holds a NUL)


def ask_name(app, title: str, then: Callable[[str], None]) -> None:
    """Ask for a tour's name; `then(name)` with a usable one, a notice for any other."""
    from tui.screens.note import TextScreen

    def named(name: str | None) -> None:
        if name is None:
            return
        if not name:
            app.say("a tour needs a name: nothing was changed", severity="warning")
        elif not name.isprintable():
            app.say("a tour's name is printable text, on one line: nothing was changed", severity="warning")
        else:
            then(name)

    app.push_screen(TextScreen(Text(title, style="bold"), placeholder="the tour's name (enter saves, escape cancels)"), named)


def add_region(screen, names: list[str]) -> None:
    """Add the screen's selected region to one of the tours `names`, or to a new one."""
    from tui.screens.pick import PickScreen

    app = screen.app
    region = screen.selected_region()
    if region is None:
        app.say("select a region first: in the ranking's regions view (v), or on a file's screen")
        return
    # The line is kept too: should the region leave the code, the stop still shows where it was.
    stop = TourStop(region.path, region.key, region.start_line, "")
    label = region.key.label()

    def add(name: str) -> None:
        def done(result: tuple[int, int, bool]) -> None:
            number, total, added = result
            app.say(f"tour {name}: {label} {'added as' if added else 'is already'} stop {number} of {total}")
            app.broadcast(TourChanged, name)

        app.write(partial(add_stop, app.session, name, stop), f"{label} was not added to the tour {name}", done)

    def picked(name: str | None) -> None:
        if name == NEW:
            ask_name(app, "Add the region to a new tour: its name", add)
        elif name is not None:
            add(name)

    if not names:
        ask_name(app, "Add the region to a new tour: its name", add)
        return
    options = [(name, visible(name)) for name in names] + [(NEW, "a new tour…")]
    app.push_screen(PickScreen(f"Add {visible(label)} to the tour", options, names[0]), picked)


def new_automatic(app) -> None:
    """Name a new automatic tour (as `vibetriage tour new NAME --auto` makes it), then walk it."""

    def make(name: str) -> None:
        def done(tour) -> None:
            app.say(f"tour {name}: {len(tour.stops)} stops, load-bearing regions first, then the riskiest")
            open_tour(app, name)

        app.write(partial(new_automatic_tour, app.session, name), f"the tour {name} was not made", done)

    ask_name(app, "A new automatic tour: the load-bearing regions, then the riskiest. Its name", make)


def open_tour(app, name: str) -> None:
    """Walk the tour from where its reader left off. A screen that has it open already comes back to
    the top (two screens on one tour would each save their own copy of it)."""
    from tui.screens.tour import TourScreen

    open_already = next((s for s in app.screen_stack if isinstance(s, TourScreen) and s.tour_name == name), None)
    if open_already is None:
        app.push_screen(TourScreen(name))
    else:
        open_already.pop_until_active()


def delete(app, name: str) -> None:
    from tui.screens.confirm import ConfirmScreen

    def answered(yes: bool | None) -> None:
        if not yes:
            return

        def done(deleted: bool) -> None:
            app.say(f"tour {name} deleted" if deleted else f"there was no tour named {name}")
            app.broadcast(TourChanged, name)

        app.write(partial(delete_tour, app.session, name), f"the tour {name} was not deleted", done)

    app.push_screen(ConfirmScreen(Text.assemble("Delete the tour ", plain(name, "bold"), ", its stops and their notes?")), answered)
