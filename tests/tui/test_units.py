"""The small rules under the screens: how an undo puts a region back, how a clear removes its
tags, how a file's regions are summed up, and how a cell is fitted to its column."""

from __future__ import annotations

import pytest
from rich.text import Text

from tui.data import clear, restore
from tui.widgets.cells import Summary
from tui.widgets.table import _fit
from vibetriage.decisions import derive
from vibetriage.model import Decision, Metrics, NewDecision, Region, RegionState

REGION = Region("a.py", "function", "f", 0, 1, 5, "now", Metrics(1, 1, 1, 5, 1))


def state(*events: tuple[str, bool, str]) -> RegionState:
    decisions = [Decision(i, f"2025-01-0{i + 1}T00:00:00+00:00", "ann", REGION.key, fp, tag, removed)
                 for i, (tag, removed, fp) in enumerate(events)]
    return derive(decisions, REGION.fingerprint)


def replay(before: RegionState, changes: list[NewDecision]) -> RegionState:
    events = [(d.tag, d.removed, d.fingerprint) for d in before.decisions]
    events += [(c.tag, c.removed, c.region.fingerprint) for c in changes]
    return state(*events)


@pytest.mark.parametrize("before, then", [
    (state(), ("load-bearing", False)),
    (state(("prototype-track", False, "now")), ("load-bearing", False)),
    (state(("reviewed", False, "now")), ("reviewed", True)),
    (state(("reviewed", False, "old")), ("reviewed", False)),  # stale, then reviewed again
    (state(("load-bearing", False, "now"), ("reviewed", False, "old")), ("load-bearing", True)),
])
def test_undo_restores_both_axes_of_the_previous_state(before, then):
    tag, removed = then
    after = replay(before, [NewDecision(REGION, tag, removed)])
    undone = replay(after, restore(REGION, before, after))
    assert (undone.track, undone.review) == (before.track, before.review)


def test_clear_removes_every_tag_and_only_those():
    s = state(("prototype-track", False, "now"), ("reviewed", False, "old"))
    changes = clear(REGION, s)
    assert [(c.tag, c.removed) for c in changes] == [("prototype-track", True), ("reviewed", True)]
    cleared = replay(s, changes)
    assert (cleared.track, cleared.review) == ("unclassified", "unreviewed")
    assert clear(REGION, RegionState()) == []


def test_a_files_summary_counts_each_state_and_the_untriaged_rest():
    states = [state(("load-bearing", False, "now"), ("reviewed", False, "old")), state(("prototype-track", False, "now")),
              state(("reviewed", False, "now"))]
    assert Summary.of(states, regions=7) == Summary(load_bearing=1, reviewed=1, stale=1, prototype=1, untriaged=4)


@pytest.mark.parametrize("value", ["api/auth.py", "数据/模型/文件.py", "a" * 40])
@pytest.mark.parametrize("width", [1, 2, 5, 9, 30])
@pytest.mark.parametrize("justify", ["left", "right", "path"])
def test_a_cell_is_exactly_its_column_wide(value, width, justify):
    assert _fit(Text(value), width, justify).cell_len == width
