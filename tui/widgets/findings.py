"""Findings: the rule hits of a file -- line, severity, rule, CWE and message -- those of the
selected region first and marked, suppressed ones with their reason. Each finding takes a few
lines, so rule ids and messages stay whole in a narrow panel."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.widgets import Static

from vibetriage.model import Finding, Region
from vibetriage.text import plain

from tui.widgets.cells import Palette


def findings_lines(findings: list[Finding], region: Region | None, p: Palette) -> Group | Text:
    if not findings:
        return Text("no findings in this file", style=p.muted)
    lines: list[Text] = []
    ordered = sorted(findings, key=lambda f: (not (region and region.holds(f.start_line)), f.start_line, f.rule_id))
    for f in ordered:
        mine = region is not None and region.holds(f.start_line)
        where = str(f.start_line) if f.end_line == f.start_line else f"{f.start_line}-{f.end_line}"
        head = Text.assemble(("▸ " if mine else "  ", p.strong), (f"line {where}  ", p.muted),
                             (f.severity, p.muted if f.suppressed else p.severity(f.severity)), "  ")
        if f.tool != "vibetriage":
            head.append_text(plain(f.tool + " ", p.muted))
        head.append_text(plain(f.rule_id, p.strong))
        if f.cwe:
            head.append_text(plain("  " + f.cwe, p.muted))
        lines.append(head)
        if f.suppressed:
            lines.append(Text.assemble(("  suppressed: ", p.ok), plain(f.suppressed)))
            lines.append(Text.assemble("  ", plain(f.message, p.muted)))
        else:
            lines.append(Text.assemble("  ", plain(f.message)))
        lines.append(Text(""))
    return Group(*lines[:-1])


class Findings(Static):
    def show(self, findings: list[Finding], region: Region | None, p: Palette) -> None:
        self.update(findings_lines(findings, region, p))
