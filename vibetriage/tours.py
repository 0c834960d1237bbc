"""Onboarding tours: building one from the ranking and the decisions (`auto`), saying at each stop
why it is there (`explain`), and carrying tours to and from VS Code's CodeTour format
(`.tours/NAME.tour`) so the same walk-through plays in an editor.

An automatic tour starts with the load-bearing regions (what the team says holds the system up),
then the riskiest regions that are not, each part grouped by directory so a reader moves through
the code a package at a time. Test code is left out: a newcomer learns the system first.

A CodeTour file may come with a repository we do not trust: its steps are checked (relative paths
only, no `..`, bounded sizes) and only `file`, `line`, `title` and `description` are read; the
`commands` a step may carry are never run, nor kept. Descriptions are Markdown, in which a link
can run an editor command: notes are written out with their Markdown escaped.
"""

from __future__ import annotations

import json
import posixpath
from collections import Counter
from dataclasses import dataclass

from vibetriage.model import Finding, RankedFile, RankedRegion, Region, RegionState, Tour, TourStop
from vibetriage.store import Store
from vibetriage.text import markdown_escape, markdown_unescape

CODETOUR_SCHEMA = "https://aka.ms/codetour-schema"
MAX_TOUR_BYTES = 4 * 1024 * 1024
MAX_STOPS = 500
_MAX_TEXT = 20_000


class TourError(Exception):
    """A tour file that cannot be used; the message says what and where."""


@dataclass(frozen=True)
class Context:
    """What the explanations draw on, read from the store once."""

    ranked: list[RankedRegion]  # source code only
    total: int  # regions ranked, tests included: what a rank is out of
    files: dict[str, RankedFile]
    states: dict
    findings: dict  # RegionKey -> [Finding]
    window_days: int

    @classmethod
    def of(cls, store: Store) -> Context:
        from analyzers.testfacts import is_test_file

        info = store.last_scan()
        everything = store.ranked_regions()
        ranked = [r for r in everything if not is_test_file(r.region.path)]
        states, _ = store.region_states()
        held: dict = {}
        by_path: dict[str, list[Finding]] = {}
        for f in store.findings():
            by_path.setdefault(f.path, []).append(f)
        for r in ranked:
            mine = [f for f in by_path.get(r.region.path, ()) if r.region.holds(f.start_line) and not f.suppressed]
            if mine:
                held[r.region.key] = mine
        return cls(ranked, len(everything), {f.file.path: f for f in store.ranked_files()}, states, held, info.window_days if info else 365)


def auto(store: Store, name: str, *, hotspots: int = 10) -> Tour:
    """A tour of the load-bearing regions, then the `hotspots` riskiest others, by directory."""
    ctx = Context.of(store)
    load_bearing = [r for r in ctx.ranked if _state(ctx, r).track == "load-bearing"]
    chosen = {r.region.key for r in load_bearing}
    others = [r for r in ctx.ranked if r.region.key not in chosen and r.region.kind != "class"][:hotspots]
    stops = [TourStop(r.region.path, r.region.key, None, explain(ctx, r)) for r in (*_by_directory(load_bearing), *_by_directory(others))]
    return Tour(name, tuple(stops))


def _by_directory(regions: list[RankedRegion]) -> list[RankedRegion]:
    """Grouped by directory, directories in the order of their riskiest region; stable inside."""
    first: dict[str, int] = {}
    for i, r in enumerate(regions):
        first.setdefault(posixpath.dirname(r.region.path), i)
    return sorted(regions, key=lambda r: first[posixpath.dirname(r.region.path)])


def _state(ctx: Context, r: RankedRegion) -> RegionState:
    return ctx.states.get(r.region.key) or RegionState()


def explain(ctx: Context, r: RankedRegion) -> str:
    """Why this stop matters, in plain sentences drawn from its signals and decisions."""
    region, state = r.region, _state(ctx, r)
    out = []
    if state.track == "load-bearing":
        marked = next((d for d in reversed(state.decisions) if d.tag == "load-bearing" and not d.removed), None)
        if marked is not None:
            out.append(f"Load-bearing, says {marked.actor} ({marked.at[:10]})" + (f": {marked.note}" if marked.note else "") + ".")
    parts = sorted((p for p in r.risk.parts if p.measured and p.contribution > 0), key=lambda p: -p.contribution)[:2]
    because = " and ".join(p.name.replace("_", " ") for p in parts)
    out.append(f"Risk rank {r.rank} of {ctx.total} regions, score {r.risk.score:.0f}" + (f", mostly {because}." if because else "."))
    m = region.metrics
    out.append(f"{region.kind.capitalize()} of {m.length} lines: cyclomatic complexity {m.cyclomatic}, cognitive {m.cognitive}, "
               f"nesting {m.nesting}, {m.params} parameter(s).")
    f = ctx.files.get(region.path)
    if f is not None and f.churn.commits:
        out.append(f"Its file changed in {f.churn.commits} commit(s) by {f.churn.authors} author(s) in the last {ctx.window_days} days.")
    findings = ctx.findings.get(region.key, [])
    if findings:
        rules = Counter(x.rule_id for x in findings)
        out.append(f"{len(findings)} open security finding(s): " + ", ".join(f"{rule} x{n}" if n > 1 else rule for rule, n in sorted(rules.items())) + ".")
    out.append(_tests(r))
    if state.review == "reviewed":
        out.append(f"Reviewed by {state.reviewed_by} ({(state.reviewed_at or '')[:10]}).")
    elif state.review == "stale":
        out.append(f"Reviewed by {state.reviewed_by}, but the code changed since: read it with fresh eyes.")
    if state.track == "prototype-track":
        out.append("Marked prototype-track: expected to be replaced, not built on.")
    return " ".join(out)


def _tests(r: RankedRegion) -> str:
    e = r.evidence
    if e is None or e.kind == "none":
        return "No test is known to exercise it" + (f" ({e.detail})." if e is not None and e.detail else ".")
    if e.kind == "coverage":
        return f"Coverage: {e.detail}."
    if e.kind == "reference":
        return f"Tested: {e.detail} calls it."
    return f"Maybe tested: {e.detail} is named after its file."


def to_markdown(tour: Tour, regions: list[Region]) -> str:
    """The tour for a wiki or a ticket: numbered stops, each with where it is and its note."""
    where = {r.key: r for r in regions}
    lines = [f"# Tour: {markdown_escape(tour.name)}", "", f"{len(tour.stops)} stop(s).", ""]
    for number, stop in enumerate(tour.stops, start=1):
        region = where.get(stop.key) if stop.key else None
        if region is not None:
            place = f"{markdown_escape(stop.path)}, {markdown_escape(region.qualname)} (lines {region.start_line}-{region.end_line})"
        elif stop.key is not None:
            place = f"{markdown_escape(stop.path)}, {markdown_escape(stop.key.qualname)} (not in the last scan)"
        else:
            place = markdown_escape(stop.path) + (f" (line {stop.line})" if stop.line else "")
        lines.append(f"{number}. **{place}**")
        for paragraph in (stop.note or "(no note)").splitlines() or [""]:
            lines.append(f"   {markdown_escape(paragraph)}" if paragraph.strip() else "")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


# -- CodeTour ----------------------------------------------------------------------------------------


def to_codetour(tour: Tour, regions: list[Region]) -> str:
    """The tour as a CodeTour file; a region stop points at the region's first line now."""
    where = {r.key: r for r in regions}
    steps = []
    for stop in tour.stops:
        region = where.get(stop.key) if stop.key else None
        # CodeTour renders descriptions as Markdown, where a link can run an editor command: the
        # note goes out with its Markdown escaped, and comes back unescaped by from_codetour.
        step = {"file": stop.path, "description": markdown_escape(stop.note) or "(no note)"}
        if region is not None:
            step["line"] = region.start_line
            step["title"] = region.qualname
        elif stop.line:
            step["line"] = stop.line
        steps.append(step)
    return json.dumps({"$schema": CODETOUR_SCHEMA, "title": tour.name, "steps": steps}, indent=2, ensure_ascii=False) + "\n"


def from_codetour(data: bytes, regions: list[Region], *, name: str | None = None) -> Tour:
    """A CodeTour file as a tour: a step at the first line of a region (its title naming it, if
    several start there) becomes a stop at that region, any other step a stop at its line."""
    if len(data) > MAX_TOUR_BYTES:
        raise TourError(f"larger than {MAX_TOUR_BYTES // 2**20} MB: not a tour")
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TourError(f"not a JSON CodeTour file ({exc})") from None
    except (RecursionError, ValueError):  # nested too deep; a number too long
        raise TourError("not a CodeTour file (nested too deep, or a number too long)") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("steps"), list):
        raise TourError("not a CodeTour file: no `steps` list")
    title = name or doc.get("title")
    if not isinstance(title, str) or not title.strip() or len(title) > 200 or not title.isprintable():
        raise TourError("the tour needs a title of printable text (or pass --name)")
    if len(doc["steps"]) > MAX_STOPS:
        raise TourError(f"more than {MAX_STOPS} steps")
    by_start: dict[tuple[str, int], list[Region]] = {}
    for r in regions:
        by_start.setdefault((r.path, r.start_line), []).append(r)
    stops = [_stop(i, step, by_start) for i, step in enumerate(doc["steps"], start=1)]
    return Tour(title.strip(), tuple(stops))


def _stop(number: int, step, by_start) -> TourStop:
    if not isinstance(step, dict):
        raise TourError(f"step {number}: not an object")
    path, line, title, note = step.get("file"), step.get("line"), step.get("title"), step.get("description", "")
    if not isinstance(path, str) or not path or path.startswith("/") or "\\" in path or ".." in path.split("/") or "\0" in path:
        raise TourError(f"step {number}: `file` must be a path inside the repository (directory and URI steps are not supported)")
    if line is not None and (isinstance(line, bool) or not isinstance(line, (int, float)) or not 1 <= line <= 10_000_000):
        raise TourError(f"step {number}: `line` must be a line number")
    if not isinstance(note, str) or len(note) > _MAX_TEXT or (title is not None and not isinstance(title, str)):
        raise TourError(f"step {number}: `description` and `title` must be text")
    try:
        (path + note + (title or "")).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: JSON allows it, text cannot hold it
        raise TourError(f"step {number}: not valid text") from None
    path = posixpath.normpath(path)
    line = int(line) if line is not None else None
    here = by_start.get((path, line), []) if line else []
    region = next((r for r in here if r.qualname == title), None) or min(here, key=lambda r: r.end_line - r.start_line, default=None)
    note = markdown_unescape(note)
    if region is not None:
        return TourStop(path, region.key, None, note)
    return TourStop(path, None, line, note)
