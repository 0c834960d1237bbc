"""The register as GitHub-flavoured Markdown, for tickets and wikis: a heading, then tables of the
files, the regions and their findings, the diagnostics and the decisions that match no region.

Repository text only ever appears inside table cells, after `cell()`: control characters made
visible (describe.one_line), then every character with inline meaning backslash-escaped, so no
repository string can end a cell (`|`), open a code span (`` ` ``), emphasis, a link or an image
(`*`, `_`, `~`, `[`, `]`, `!`), raw HTML or an entity (`<`, `>`, `&`), math (`$`) or a heading
(`#`); the `:` of `scheme://` and the `.` of `www.` are escaped too, so no URL becomes a link.
A note's lines are joined with `<br>`, the only HTML this file writes itself. GitHub still turns
`@name`, `#123` and `:emoji:` in rendered text into mentions, references and pictures; no escape
stops that, and none of them runs anything.
"""

from __future__ import annotations

from collections import Counter

from vibetriage.export import actions
from vibetriage.export import describe as d
from vibetriage.export.register import Register
from vibetriage.model import RiskItem
from vibetriage.text import markdown_escape

def cell(text: str) -> str:
    """Text made safe for a table cell: every special character escaped. Input must be one line."""
    return markdown_escape(text)


def cell_lines(lines: list[str]) -> str:
    return "<br>".join(cell(line) for line in lines)


def render(register: Register) -> bytes:
    # The heading, the selection and the action table are our own words: no repository text.
    out = ["# Risk register", "", d.heading(register), "", d.selection(register), ""]
    if register.files:
        out += [f"## Files ({len(register.files)})", ""]
        out += _table(("#", "score", "file", "suggested action", "decisions", "findings", "signals", "top parts", "notes"),
                      [_file_row(i) for i in register.files], right=(0, 1))
    if register.regions:
        out += [f"## Regions ({len(register.regions)})", ""]
        out += _table(("#", "score", "region", "lines", "suggested action", "state", "reviewed by", "findings", "tests",
                       "signals", "top parts", "notes"),
                      [_region_row(i) for i in register.regions], right=(0, 1))
    findings = register.selected_findings()
    if findings:
        out += [f"## Findings of these items ({len(findings)})", ""]
        out += _table(("file", "lines", "region", "severity", "rule", "CWE", "message", "suppressed because"),
                      [[cell(d.one_line(f.path)), d.lines(f), cell(d.one_line(f.region.qualname)) if f.region else "(file)",
                        f.severity, cell(d.rule(f)), cell(d.one_line(f.cwe or "")), cell(d.one_line(f.message)),
                        cell(d.one_line(f.suppressed or ""))] for f in findings])
    if register.diagnostics:
        out += [f"## Files the scan could not take whole ({len(register.diagnostics)})", ""]
        groups = Counter((x.status, x.reason) for x in register.diagnostics)
        out += _table(("status", "reason", "files", "for example"),
                      [[status, cell(d.one_line(reason)), str(n), cell(", ".join(_examples(register, status, reason)))]
                       for (status, reason), n in sorted(groups.items())], right=(2,))
    if register.orphans:
        out += [f"## Decisions that match no current region ({len(register.orphans)})", "",
                "Their code was deleted, or changed and renamed at once; they are kept, never dropped.", ""]
        out += _table(("region", "when", "who", "decision", "note"),
                      [[cell(d.one_line(x.key.label())), cell(d.one_line(x.at)), cell(d.one_line(x.actor)),
                        ("removed " if x.removed else "") + x.tag, cell_lines(d.note_lines(x.note))] for x in register.orphans])
    out += ["## Suggested actions", "", "Each item takes the first row its state, findings and tests match; a file "
            "takes the most urgent row of its regions (docs/risk-register.md).", ""]
    out += _table(("action", "when"), [[f"**{a.label}**", a.reason] for a in actions.ACTIONS])
    return ("\n".join(out).rstrip("\n") + "\n").encode("utf-8")


def _table(header: tuple[str, ...], rows: list[list[str]], right: tuple[int, ...] = ()) -> list[str]:
    align = ["--:" if i in right else "---" for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(value or " " for value in row) + " |" for row in rows]
    return lines + [""]


def _examples(register: Register, status: str, reason: str, count: int = 3) -> list[str]:
    paths = [d.one_line(x.path) for x in register.diagnostics if (x.status, x.reason) == (status, reason)]
    return paths[:count] + (["..."] if len(paths) > count else [])


def _action(item: RiskItem) -> str:
    return f"**{d.action_label(item)}**: {d.action_reason(item)}"


def _file_row(item: RiskItem) -> list[str]:
    f, c, m = item.ranked.file, item.ranked.churn, item.ranked.metrics
    signals = f"{c.commits} commits, {c.authors} authors, cyclomatic {m.cyclomatic}, cognitive {m.cognitive}, {f.loc} loc"
    return [str(item.ranked.rank), d.score(item.ranked.risk.score), cell(d.one_line(f.path)), _action(item),
            cell(d.state(item)), cell(d.finding_counts(item.findings)), cell(signals), cell(d.top_parts(item.ranked.risk)),
            cell_lines(d.notes_text(item))]


def _region_row(item: RiskItem) -> list[str]:
    r = item.ranked.region
    m = r.metrics
    signals = f"cyclomatic {m.cyclomatic}, cognitive {m.cognitive}, nesting {m.nesting}, {m.length} lines, {m.params} params"
    return [str(item.ranked.rank), d.score(item.ranked.risk.score), cell(d.one_line(r.key.label())), f"{r.start_line}-{r.end_line}",
            _action(item), cell(d.state(item)), cell(d.reviewed_by(item)), cell(d.finding_counts(item.findings)),
            cell(d.tests(item)), cell(signals), cell(d.top_parts(item.ranked.risk)), cell_lines(d.notes_text(item))]
