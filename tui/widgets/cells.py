"""The small pieces the tables and panels are drawn from: the score with its bar, a region's state,
a file's decision summary, the security and test cells, and the colours they use, taken from the
current Textual theme so that every piece reads well on dark and light themes alike.

Everything here returns `rich.text.Text` built from plain strings (repository text goes through
`vibetriage.text.visible`), never markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.color import Color

from vibetriage.model import SEVERITIES, RegionState
from vibetriage.text import visible

BAR = " ▏▎▍▌▋▊▉█"


@dataclass(frozen=True)
class Palette:
    """Semantic styles for one theme."""

    muted: Style
    strong: Style
    load_bearing: Style
    reviewed: Style
    stale: Style
    prototype: Style
    high: Style  # critical and high findings, high scores
    medium: Style
    low: Style
    ok: Style
    match: Style  # the characters a fuzzy filter matched
    region_band: Style  # background of the selected region's lines in the source
    finding_band: Style  # background of a line with a finding

    def state(self, label: str) -> Style:
        return {"load-bearing": self.load_bearing, "reviewed": self.reviewed, "stale": self.stale,
                "prototype-track": self.prototype}.get(label, self.muted)

    def severity(self, severity: str) -> Style:
        return {"critical": self.high + Style(bold=True), "high": self.high, "medium": self.medium}.get(severity, self.muted)


def palette(variables: dict[str, str], dark: bool) -> Palette:
    """Styles from a theme's CSS variables (`App.theme_variables`)."""
    background = Color.parse(variables.get("background", "#000000" if dark else "#ffffff"))

    def colour(name: str, fallback: str) -> str:
        value = variables.get(name, fallback)
        try:
            parsed = Color.parse(value)
        except Exception:  # noqa: BLE001 -- a theme's odd value (e.g. "auto 60%") falls back
            parsed = Color.parse(fallback)
        return (background + parsed).hex if parsed.a < 1 else parsed.hex

    primary = Color.parse(colour("primary", "#0178D4"))
    warning = Color.parse(colour("warning", "#FEA62B"))
    return Palette(
        muted=Style(color=colour("foreground-muted", "#888888")),
        strong=Style(bold=True),
        load_bearing=Style(color=colour("text-primary", "#57A5E2"), bold=True),
        reviewed=Style(color=colour("text-success", "#8AD4A1")),
        stale=Style(color=colour("text-warning", "#FFC473"), bold=True, underline=True),
        prototype=Style(color="#D7A4F0" if dark else "#7B2D94"),
        high=Style(color=colour("text-error", "#D17E92"), bold=True),
        medium=Style(color=colour("text-warning", "#FFC473")),
        low=Style(color=colour("foreground", "#E0E0E0")),
        ok=Style(color=colour("text-success", "#8AD4A1")),
        match=Style(color=colour("text-accent", "#FFC473"), bold=True, underline=True),
        region_band=Style(bgcolor=background.blend(primary, 0.16).hex),
        finding_band=Style(bgcolor=background.blend(warning, 0.14).hex),
    )


def score_cell(score: float, p: Palette, bar: int = 5) -> Text:
    """`84.9 ████▎` — the number, and a bar of eighths coloured by how high it is."""
    style = p.high if score >= 66 else p.medium if score >= 40 else p.muted
    eighths = round(max(0.0, min(score, 100.0)) / 100 * bar * 8)
    full, part = divmod(eighths, 8)
    drawn = "█" * full + (BAR[part] if part else "")
    return Text.assemble((f"{score:5.1f} ", ""), (drawn.ljust(bar), style))


def number(value: float | int | None, p: Palette, *, zero_dim: bool = True) -> Text:
    if value is None:
        return Text("-", style=p.muted)
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return Text(text, style=p.muted if zero_dim and not value else "")


def gap_cell(gap: float | None, p: Palette) -> Text:
    """The test gap, 0 (tested) .. 1 (no evidence at all); `-` where it does not apply."""
    if gap is None:
        return Text("-", style=p.muted)
    style = p.high if gap >= 0.8 else p.medium if gap >= 0.4 else p.ok
    return Text(f"{gap:.2f}", style=style)


def evidence_cell(kind: str | None, covered: float | None, p: Palette) -> Text:
    """How a region is known to be tested: `82%`, `ref`, `name`, `none`; `test` for test code."""
    if kind is None:
        return Text("test", style=p.muted)
    if kind == "coverage":
        if covered is None:
            return Text("cov ?", style=p.medium)
        return Text(f"{round(100 * covered)}%", style=p.ok if covered >= 0.8 else p.medium if covered > 0 else p.high)
    label = {"reference": "ref", "name-match": "name", "none": "none"}.get(kind, kind)
    return Text(label, style={"reference": p.ok, "name-match": p.medium, "none": p.high}.get(kind, p.muted))


@dataclass(frozen=True)
class Tally:
    """Findings of a file or region: open ones, suppressed ones, and the worst open severity."""

    open: int = 0
    suppressed: int = 0
    worst: str | None = None

    def add(self, severity: str, suppressed: bool) -> Tally:
        if suppressed:
            return Tally(self.open, self.suppressed + 1, self.worst)
        worst = severity if self.worst is None or SEVERITIES.index(severity) < SEVERITIES.index(self.worst) else self.worst
        return Tally(self.open + 1, self.suppressed, worst)


def security_cell(t: Tally | None, p: Palette) -> Text:
    if t is None or not (t.open or t.suppressed):
        return Text("-", style=p.muted)
    text = Text(str(t.open) if t.open else "-", style=p.severity(t.worst) if t.open else p.muted)
    if t.suppressed:
        text.append(f"({t.suppressed})", style=p.muted)
    return text


@dataclass(frozen=True)
class Summary:
    """How a file's regions stand: counts per state, and how many carry no decision at all."""

    load_bearing: int = 0
    reviewed: int = 0
    stale: int = 0
    prototype: int = 0
    untriaged: int = 0

    @classmethod
    def of(cls, states: list[RegionState], regions: int) -> Summary:
        lb = sum(s.track == "load-bearing" for s in states)
        pt = sum(s.track == "prototype-track" for s in states)
        rv = sum(s.review == "reviewed" for s in states)
        st = sum(s.review == "stale" for s in states)
        triaged = sum(s.track != "unclassified" or s.review != "unreviewed" for s in states)
        return cls(lb, rv, st, pt, max(regions - triaged, 0))

    def has(self, state: str) -> bool:
        return {"load-bearing": self.load_bearing, "reviewed": self.reviewed, "stale": self.stale,
                "prototype-track": self.prototype, "untriaged": self.untriaged}[state] > 0


def summary_cell(s: Summary, p: Palette) -> Text:
    """`L2 R1 S1 P1 ·4`: load-bearing, reviewed, stale, prototype-track, untriaged (zeros left out)."""
    parts = [(f"L{s.load_bearing}", p.load_bearing, s.load_bearing), (f"R{s.reviewed}", p.reviewed, s.reviewed),
             (f"S{s.stale}", p.stale, s.stale), (f"P{s.prototype}", p.prototype, s.prototype),
             (f"·{s.untriaged}", p.muted, s.untriaged)]
    shown = [Text(label, style=style) for label, style, n in parts if n]
    return Text(" ").join(shown) if shown else Text("·", style=p.muted)


def state_cell(state: RegionState | None, p: Palette) -> Text:
    """A region's two axes in a few characters: `LOAD rev`, `proto STALE`, `·` when untriaged."""
    if state is None:
        return Text("·", style=p.muted)
    parts = []
    if state.track == "load-bearing":
        parts.append(Text("LOAD", style=p.load_bearing))
    elif state.track == "prototype-track":
        parts.append(Text("proto", style=p.prototype))
    if state.review == "reviewed":
        parts.append(Text("rev", style=p.reviewed))
    elif state.review == "stale":
        parts.append(Text("STALE", style=p.stale))
    return Text(" ").join(parts) if parts else Text("·", style=p.muted)


def highlighted(value: str, positions: tuple[int, ...], p: Palette, style: Style | str = "") -> Text:
    """Repository text made visible, with the characters a filter matched picked out. The
    positions index `visible(value)`, which is what the filter matches against."""
    text = Text(visible(value), style=style)
    for i in positions:
        text.stylize(p.match, i, i + 1)
    return text
