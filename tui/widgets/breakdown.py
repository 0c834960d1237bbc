"""Breakdown: why an item ranks where it does -- its score's parts, largest first, each with what
it adds to the 0-100 score, a bar of its value normalised within the repository, its raw value,
and its normalised value times its weight."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.widgets import Static

from vibetriage.model import RiskScore

from tui.widgets.cells import Palette

LABEL = {"hotspot": "hotspot", "churn": "churn", "complexity": "complexity", "cognitive": "cognitive",
         "size": "size", "security": "security", "test_gap": "test gap"}
RAW = {"hotspot": "churn×cx", "churn": "commits", "complexity": "cyclomatic", "cognitive": "cognitive", "size": "lines",
       "security": "weighted hits", "test_gap": "gap"}
BAR = 8


def breakdown_lines(risk: RiskScore, p: Palette) -> list[Text]:
    """`hotspot     +14.1 ████▌···  0.47×0.30  raw 0.40 churn×cx`, largest contribution first."""
    measured = sum(x.weight for x in risk.parts if x.measured) or 1.0
    header = Text(f"{'part':<11}{'adds':>6} {'normalised':<{BAR}}  n × weight  raw", style=p.muted, no_wrap=True, overflow="ellipsis")
    lines = [header]
    for part in sorted(risk.parts, key=lambda x: (not x.measured, -x.contribution)):
        label = f"{LABEL.get(part.name, part.name):<11}"
        if not part.measured:
            lines.append(Text.assemble((label, p.muted), ("   n/a  not measured (does not apply)", p.muted)))
            continue
        points = 100 * part.contribution / measured  # what the part adds to the 0..100 score
        eighths = round(part.normalised * BAR * 8)
        full, rest = divmod(eighths, 8)
        bar = "█" * full + (" ▏▎▍▌▋▊▉"[rest] if rest else "")
        style = p.high if part.normalised >= 0.66 else p.medium if part.normalised >= 0.33 else p.muted
        line = Text.assemble(label, (f"{points:+6.1f}", p.strong if points >= 10 else ""), " ",
                             (bar.ljust(BAR, "·"), style), f"  {part.normalised:.2f}×{part.weight:<4g}",
                             (f"  {_num(part.raw)} {RAW.get(part.name, '')}", p.muted))
        line.no_wrap = True
        line.overflow = "ellipsis"
        lines.append(line)
    return lines


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:.2f}"


class Breakdown(Static):
    """The selected region's score and the file's, each explained."""

    def show(self, sections: list[tuple[Text, RiskScore]], p: Palette) -> None:
        parts: list[Text] = []
        for title, risk in sections:
            if parts:
                parts.append(Text(""))
            parts.append(title)
            parts += breakdown_lines(risk, p)
        self.update(Group(*parts) if parts else Text("nothing selected", style=p.muted))
