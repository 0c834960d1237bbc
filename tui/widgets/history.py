"""History: the decisions recorded on the selected region, newest first -- when, what, who, and
the note, each decision on its own few lines so that long names and notes stay readable in a
narrow panel."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.widgets import Static

from vibetriage.model import Decision
from vibetriage.text import plain, when

from tui.widgets.cells import Palette


def history_lines(decisions: list[Decision], p: Palette, fingerprint: str | None = None) -> Group | Text:
    """`fingerprint`: the region's code now; a review of other code is marked as such."""
    if not decisions:
        return Text("no decisions on this region yet", style=p.muted)
    lines: list[Text] = []
    for d in reversed(decisions):
        head = Text.assemble(plain(when(d.at), p.muted), "  ")
        head.append(("removed " if d.removed else "") + d.tag, style=p.muted if d.removed else p.state(d.tag))
        lines.append(head)
        if d.tag == "reviewed" and not d.removed and fingerprint is not None and d.fingerprint != fingerprint:
            lines.append(Text("  stale: code changed since", style=p.stale))
        lines.append(Text.assemble(("  by ", p.muted), plain(d.actor)))
        if d.note:
            lines.append(Text.assemble(("  “", p.muted), plain(d.note), ("”", p.muted)))
        lines.append(Text(""))
    return Group(*lines[:-1])


class History(Static):
    def show(self, decisions: list[Decision], p: Palette, fingerprint: str | None = None) -> None:
        self.update(history_lines(decisions, p, fingerprint))
