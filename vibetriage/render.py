"""Terminal and JSON renderings of what the store holds, for `top` and `show`. Reads model objects
only; every piece of repository text goes through `vibetriage.text.plain`."""

from __future__ import annotations

from datetime import UTC, datetime

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from vibetriage.model import (
    SEVERITIES, Decision, Finding, RankedFile, RankedRegion, RegionKey, RegionState, RiskScore, ScanInfo, TestEvidence,
)
from vibetriage.text import plain, when

STATE_STYLE = {"load-bearing": "bold cyan", "prototype-track": "magenta", "reviewed": "green", "stale": "bold yellow"}


def risk_json(risk: RiskScore) -> list[dict]:
    return [
        {"part": p.name, "raw": p.raw, "normalised": p.normalised, "weight": p.weight, "measured": p.measured,
         "contribution": round(p.contribution, 4)}
        for p in risk.parts
    ]


def file_json(f: RankedFile, findings: list[Finding]) -> dict:
    c, m = f.churn, f.metrics
    return {
        "findings": _finding_counts(findings),
        "rank": f.rank, "path": f.file.path, "language": f.file.language, "role": f.file.role, "score": f.risk.score,
        "breakdown": risk_json(f.risk),
        "loc": f.file.loc, "lines": m.length, "size": f.file.size, "regions": f.regions,
        "cyclomatic": m.cyclomatic, "cognitive": m.cognitive, "nesting": m.nesting,
        "churn": {
            "commits": c.commits, "lines_added": c.lines_added, "lines_deleted": c.lines_deleted,
            "authors": c.authors, "ai_commits": c.ai_commits, "commits_all": c.commits_all,
            "authors_all": c.authors_all, "first_change": _iso(c.first_change), "last_change": _iso(c.last_change),
        },
        "blob_id": f.file.blob_id,
    }


def region_json(r: RankedRegion, state: RegionState | None, findings: list[Finding]) -> dict:
    g, m = r.region, r.region.metrics
    out = {
        "findings": _finding_counts(findings),
        "rank": r.rank, "path": g.path, "file": g.path, "qualname": g.qualname, "kind": g.kind, "ordinal": g.ordinal,
        "language": r.language, "start_line": g.start_line, "end_line": g.end_line, "score": r.risk.score,
        "breakdown": risk_json(r.risk),
        "cyclomatic": m.cyclomatic, "cognitive": m.cognitive, "nesting": m.nesting, "length": m.length,
        "params": m.params, "fingerprint": g.fingerprint,
    }
    out["tests"] = None if r.evidence is None else {"evidence": r.evidence.kind, "detail": r.evidence.detail, "covered": r.evidence.covered}
    if state is not None:
        out["state"] = {"track": state.track, "review": state.review, "reviewed_by": state.reviewed_by,
                        "reviewed_at": state.reviewed_at}
    return out


def _finding_counts(findings: list[Finding]) -> dict:
    open_ = [f for f in findings if not f.suppressed]
    return {"open": len(open_), "suppressed": len(findings) - len(open_),
            "by_severity": {sev: n for sev in SEVERITIES if (n := sum(f.severity == sev for f in open_))}}


def decision_json(d: Decision) -> dict:
    return {"id": d.id, "at": d.at, "actor": d.actor, "path": d.key.path, "kind": d.key.kind,
            "qualname": d.key.qualname, "ordinal": d.key.ordinal, "fingerprint": d.fingerprint,
            "tag": d.tag, "removed": d.removed, "note": d.note}


def why(risk: RiskScore, count: int = 2) -> Text:
    """The parts that put an item where it is, largest contribution first."""
    top = sorted((p for p in risk.parts if p.measured and p.contribution > 0), key=lambda p: -p.contribution)[:count]
    return Text(", ".join(f"{p.name} {p.normalised:.2f}" for p in top) or "-", style="dim")


def scan_summary(info: ScanInfo, up_to_date: bool, diagnostics: int) -> Text:
    head = info.head[:10] if info.head else "-"
    what = "up to date, nothing re-read" if up_to_date else f"{info.parsed} parsed, {info.cached} from cache"
    line = f"{info.files} files ({what}), {info.skipped} skipped, {diagnostics} diagnostics, HEAD {head}, {info.duration_s:.2f}s"
    if info.shallow:
        line += " [shallow clone: churn truncated]"
    if not info.is_git:
        line += " [not a git repository: no churn]"
    return Text(line)


def files_table(files: list[RankedFile], states: dict[str, dict[str, int]], findings: dict[str, list[Finding]]) -> Table:
    t = Table(box=None, header_style="bold", pad_edge=False)
    for name, justify in (("#", "right"), ("score", "right"), ("path", "left"), ("lang", "left"), ("commits", "right"),
                          ("authors", "right"), ("cyclo", "right"), ("cogn", "right"), ("loc", "right"), ("sec", "right"),
                          ("decisions", "left"), ("why", "left")):
        t.add_column(name, justify=justify, no_wrap=name != "path", overflow="fold")
    for f in files:
        t.add_row(
            str(f.rank), f"{f.risk.score:.1f}", plain(f.file.path), f.file.language, str(f.churn.commits),
            str(f.churn.authors), str(f.metrics.cyclomatic), str(f.metrics.cognitive), str(f.file.loc),
            security_cell(findings.get(f.file.path, [])), _summary(states.get(f.file.path, {})), why(f.risk),
        )
    return t


def regions_table(regions: list[RankedRegion], states: dict, findings: dict[RegionKey, list[Finding]]) -> Table:
    t = Table(box=None, header_style="bold", pad_edge=False)
    for name, justify in (("#", "right"), ("score", "right"), ("region", "left"), ("kind", "left"), ("lines", "right"),
                          ("cyclo", "right"), ("cogn", "right"), ("nest", "right"), ("params", "right"), ("sec", "right"),
                          ("tests", "left"), ("state", "left"), ("why", "left")):
        t.add_column(name, justify=justify, no_wrap=name != "region", overflow="fold")
    for r in regions:
        g, m = r.region, r.region.metrics
        t.add_row(
            str(r.rank), f"{r.risk.score:.1f}", Text.assemble(plain(g.path, "dim"), "::", plain(g.qualname)),
            g.kind, f"{g.start_line}-{g.end_line}", str(m.cyclomatic), str(m.cognitive), str(m.nesting), str(m.params),
            security_cell(findings.get(g.key, [])), evidence_cell(r.evidence), state_text(states.get(g.key)), why(r.risk),
        )
    return t


EVIDENCE_STYLE = {"coverage": "green", "reference": "green", "name-match": "yellow", "none": "bold red"}


def evidence_cell(e: TestEvidence | None) -> Text:
    """How a region is known to be tested, in a few characters: `82%`, `ref`, `name`, `none`."""
    if e is None:
        return Text("(test)", style="dim")
    if e.kind == "coverage":
        label = "cov ?" if e.covered is None else f"{round(100 * e.covered)}%"
        return Text(label, style="green" if (e.covered or 0) >= 0.8 else "yellow" if (e.covered or 0) > 0 else "bold red")
    return Text({"reference": "ref", "name-match": "name", "none": "none"}[e.kind], style=EVIDENCE_STYLE[e.kind])


def security_cell(findings: list[Finding]) -> Text:
    """Open findings, coloured by the worst severity; suppressed ones in parentheses."""
    open_ = [f for f in findings if not f.suppressed]
    text = Text(str(len(open_)) if open_ else "-", style=_severity_style(open_) if open_ else "dim")
    suppressed = len(findings) - len(open_)
    if suppressed:
        text.append(f" ({suppressed})", style="dim")
    return text


def _severity_style(findings: list[Finding]) -> str:
    worst = min(SEVERITIES.index(f.severity) for f in findings)
    return ("bold red", "red", "yellow", "", "dim")[worst]


def findings_table(findings: list[Finding]) -> Table | Text:
    if not findings:
        return Text("no findings", style="dim")
    t = Table(box=None, header_style="bold", pad_edge=False)
    for name in ("lines", "severity", "rule", "cwe", "region", "message"):
        t.add_column(name, overflow="fold", no_wrap=name in ("lines", "severity", "cwe"))
    for f in findings:
        lines = str(f.start_line) if f.end_line == f.start_line else f"{f.start_line}-{f.end_line}"
        message = plain(f.message)
        if f.suppressed:
            message = Text.assemble(Text("suppressed: ", style="green"), plain(f.suppressed), Text(" — ", style="dim"), plain(f.message, "dim"))
        rule = plain(f.rule_id) if f.tool == "vibetriage" else Text.assemble(plain(f.tool, "dim"), " ", plain(f.rule_id))
        region = plain(f.region.qualname) if f.region else Text("(file)", style="dim")
        t.add_row(lines, Text(f.severity, style=_severity_style([f]) if not f.suppressed else "dim"), rule, f.cwe or "", region, message)
    return t


def state_text(state: RegionState | None) -> Text:
    if state is None:
        return Text("-", style="dim")
    parts = [p for p in (state.track if state.track != "unclassified" else None,
                         state.review if state.review != "unreviewed" else None) if p]
    if not parts:
        return Text("-", style="dim")
    return Text(" ").join(Text(p, style=STATE_STYLE.get(p, "")) for p in parts)


def breakdown_table(risk: RiskScore) -> Table:
    t = Table(title=f"score {risk.score:.1f}", title_justify="left", box=None, header_style="bold", pad_edge=False)
    for name in ("part", "raw", "normalised", "weight", "contribution"):
        t.add_column(name, justify="left" if name == "part" else "right")
    for p in risk.parts:
        if p.measured:
            t.add_row(p.name, _num(p.raw), f"{p.normalised:.3f}", f"{p.weight:g}", f"{p.contribution:.3f}")
        else:
            t.add_row(Text(p.name, style="dim"), Text("not measured", style="dim"), "", f"{p.weight:g}", "")
    return t


def history_table(decisions: list[Decision]) -> Table | Text:
    if not decisions:
        return Text("no decisions yet", style="dim")
    t = Table(box=None, header_style="bold", pad_edge=False)
    for name in ("when", "who", "decision", "note"):
        t.add_column(name, overflow="fold")
    for d in decisions:
        verb = Text(("removed " if d.removed else "") + d.tag, style=STATE_STYLE.get(d.tag, ""))
        t.add_row(plain(when(d.at)), plain(d.actor), verb, plain(d.note))
    return t


def finding_json(f: Finding) -> dict:
    return {"rule": f.rule_id, "tool": f.tool, "severity": f.severity, "confidence": f.confidence, "cwe": f.cwe,
            "path": f.path, "start_line": f.start_line, "end_line": f.end_line, "message": f.message,
            "suppressed": f.suppressed, "region": f.region.qualname if f.region else None}


def file_detail(f: RankedFile, regions: list[RankedRegion], states: dict, decisions: list[Decision], findings: list[Finding],
                held: dict[RegionKey, list[Finding]]) -> Group:
    c = f.churn
    head = Text.assemble(("#" + str(f.rank) + " ", "bold"), plain(f.file.path, "bold"), f"  {f.file.language}, {f.file.loc} loc")
    churn = Text(
        f"churn in window: {c.commits} commits, +{c.lines_added}/-{c.lines_deleted} lines, {c.authors} authors, "
        f"{c.ai_commits} AI-assisted; all time: {c.commits_all} commits, {c.authors_all} authors, "
        f"first {_iso(c.first_change) or '-'}, last {_iso(c.last_change) or '-'}"
    )
    return Group(head, churn, Text(""), breakdown_table(f.risk), Text(""), regions_table(regions, states, held), Text(""),
                 Text("findings", style="bold"), findings_table(findings), Text(""),
                 Text("decision history", style="bold"), history_table(decisions))


def region_detail(r: RankedRegion, state: RegionState, findings: list[Finding]) -> Group:
    g, m = r.region, r.region.metrics
    head = Text.assemble(plain(g.path, "bold"), "::", plain(g.qualname, "bold"), f"  {g.kind}, lines {g.start_line}-{g.end_line}")
    metrics = Text(f"cyclomatic {m.cyclomatic}, cognitive {m.cognitive}, nesting {m.nesting}, length {m.length}, params {m.params}")
    tests = Text.assemble("tests: ", evidence_cell(r.evidence))
    if r.evidence is not None and r.evidence.detail:
        tests.append_text(Text.assemble(" — ", plain(r.evidence.detail)))
    status = Text.assemble("state: ", state_text(state) if state.decisions else Text("untriaged", style="dim"))
    if state.reviewed_by:
        status.append_text(Text.assemble(" (reviewed by ", plain(state.reviewed_by), " at ", plain(when(state.reviewed_at or "")), ")"))
    return Group(head, metrics, tests, status, Text(""), breakdown_table(r.risk), Text(""),
                 Text("findings", style="bold"), findings_table(findings), Text(""),
                 Text("decision history", style="bold"), history_table(list(state.decisions)))


_CHECK_TITLES = {
    "stale-load-bearing": "load-bearing code changed since its review",
    "unreviewed-load-bearing": "load-bearing code never reviewed",
    "new-findings": "new findings",
}


def check_report(report) -> Text:
    """`vibetriage check`'s verdict (a vibetriage.gate.Report): problems grouped by check."""
    out = Text()
    for check, title in _CHECK_TITLES.items():
        problems = [p for p in report.problems if p.check == check]
        if problems:
            out.append(f"{title} ({len(problems)}):\n", style="bold red")
            for p in problems:
                out.append("  ").append(plain(p.where, "bold")).append("  ").append(plain(p.detail)).append("\n")
    for label in report.lost:
        out.append("note: ", style="yellow").append(plain(label, "bold"))
        out.append(" is marked load-bearing but is not in the code any more (renamed or deleted?)\n")
    since = f" since {report.base[:12]}" if report.base else ""
    summary = (f"{report.current} of {report.load_bearing} load-bearing region(s) reviewed as they are now; "
               f"new findings checked{since}" if report.base else
               f"{report.current} of {report.load_bearing} load-bearing region(s) reviewed as they are now")
    if report.problems:
        out.append(f"check failed: {len(report.problems)} problem(s). {summary}", style="bold red")
    else:
        out.append(f"check passed. {summary}", style="green")
    return out


def tour_text(tour, regions: dict) -> Text:
    """A tour's stops for the terminal: number, place, note; the reader's stop marked."""
    out = Text()
    out.append(plain(tour.name, "bold")).append(f"  ({len(tour.stops)} stops)\n")
    for number, stop in enumerate(tour.stops, start=1):
        region = regions.get(stop.key) if stop.key else None
        marker = "> " if number - 1 == tour.position else "  "
        out.append(f"{marker}{number:>2}. ", style="bold" if marker.strip() else "")
        out.append(plain(stop.path, "cyan"))
        if region is not None:
            out.append("  ").append(plain(region.qualname, "bold")).append(f"  lines {region.start_line}-{region.end_line}")
        elif stop.key is not None:
            out.append("  ").append(plain(stop.key.qualname, "bold")).append("  (not in the last scan)", style="yellow")
        elif stop.line:
            out.append(f"  line {stop.line}")
        out.append("\n")
        for line in (stop.note or "").splitlines():
            out.append("      ").append(plain(line, "dim")).append("\n")
    return out


def orphans_note(orphans: list[Decision]) -> Text:
    """Decisions whose region is gone (deleted, or changed and renamed at once): never hidden."""
    text = Text(f"{len(orphans)} decision(s) match no current region (the code was deleted, or changed and renamed at once):",
                style="yellow")
    for d in orphans[-5:]:
        text.append_text(Text.assemble("\n  ", plain(d.key.label()), f"  {'removed ' if d.removed else ''}{d.tag} by ",
                                       plain(d.actor), " at ", plain(when(d.at))))
    if len(orphans) > 5:
        text.append(f"\n  ... and {len(orphans) - 5} older ones")
    return text


def _summary(counts: dict[str, int]) -> Text:
    if not counts:
        return Text("-", style="dim")
    return Text(" ").join(Text(f"{n} {k}", style=STATE_STYLE.get(k, "")) for k, n in counts.items() if n)


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:.3f}"


def _iso(ts: int | None) -> str | None:
    return datetime.fromtimestamp(ts, UTC).date().isoformat() if ts else None


def console(*, stderr: bool = False) -> Console:
    # Piped output is for scripts and files: no colour, and wide enough not to fold paths.
    c = Console(stderr=stderr, highlight=False, emoji=False, markup=False)
    if not c.is_terminal:
        c = Console(stderr=stderr, highlight=False, emoji=False, markup=False, width=max(c.width, 200), no_color=True)
    return c
