"""The register as CSV for spreadsheets: one row per item (files first, then regions), RFC 4180
(comma, CRLF between rows, every cell quoted), UTF-8 with a byte-order mark so that Excel reads
it as UTF-8 (LibreOffice, pandas and Python's `utf-8-sig` codec skip it).

Formula guard (OWASP's CSV injection advice, ASVS 1.2.10): a text cell that begins with `=`, `+`,
`-`, `@`, tab, CR, LF or NUL gets a leading `'`, which spreadsheets read as "this is text".
Numbers are ours, not repository text, and are never guarded. Every cell is quoted, so a `;` in a
path cannot split it into a new cell in a spreadsheet whose list separator is `;`. A text cell
longer than Excel can hold is clipped, with a note saying so. Repository text has control
characters made visible (describe.one_line); a note keeps its line breaks inside its quoted cell.
"""

from __future__ import annotations

import csv
import io

from vibetriage.export import describe as d
from vibetriage.export.register import Register
from vibetriage.model import SEVERITIES, RiskItem

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")
PARTS = ("hotspot", "churn", "complexity", "cognitive", "size", "security", "test_gap")

COLUMNS = (
    "type", "rank", "score", "path", "region", "region_kind", "start_line", "end_line", "language", "role",
    "action", "action_id", "action_reason", "state", "track", "review", "reviewed_by", "reviewed_at",
    "load_bearing_regions", "unreviewed_load_bearing_regions", "stale_regions",
    "open_findings", "suppressed_findings", "worst_severity", "findings",
    "commits", "lines_changed", "authors", "ai_commits", "cyclomatic", "cognitive", "nesting", "length", "params",
    "loc", "tests", *(f"part_{p}" for p in PARTS), "top_parts", "notes",
)


class Number(str):
    """A cell we computed: written as it is, never guarded."""


# Excel holds at most 32,767 characters in a cell and spills the rest of a longer CSV field into
# the cells beside it; a file's finding list can be that long.
MAX_CELL = 32_000
CLIPPED = " ... (clipped: the JSON export has all of it)"


def guard(cell: str) -> str:
    """A text cell as a spreadsheet must see it: formula characters defused, length within Excel's."""
    if len(cell) > MAX_CELL:
        cell = cell[: MAX_CELL - len(CLIPPED)] + CLIPPED
    return "'" + cell if cell.startswith(FORMULA_TRIGGERS) else cell


def render(register: Register) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for item in register.items:
        row = _row(item)
        writer.writerow([cell if isinstance(cell, Number) else guard(cell) for cell in (row.get(c, "") for c in COLUMNS)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _n(value: int | float | None, digits: int | None = None) -> str:
    if value is None:
        return ""
    return Number(f"{value:.{digits}f}" if digits is not None else str(value))


def _row(item: RiskItem) -> dict[str, str]:
    risk, opened = item.ranked.risk, item.open_findings
    parts = {p.name: p for p in risk.parts}
    row = {
        "type": "file" if item.is_file else "region", "rank": _n(item.ranked.rank), "score": _n(risk.score, 2),
        "path": d.one_line(item.path), "action": d.action_label(item), "action_id": item.action,
        "action_reason": d.action_reason(item), "state": d.state(item),
        "open_findings": _n(len(opened)), "suppressed_findings": _n(len(item.findings) - len(opened)),
        "worst_severity": min((f.severity for f in opened), key=SEVERITIES.index, default=""),
        "findings": "\n".join(d.finding(f) for f in item.findings),
        "top_parts": d.top_parts(risk), "notes": "\n".join(d.notes_text(item)),
        **{f"part_{name}": _n(parts[name].normalised, 4) for name in PARTS if name in parts and parts[name].measured},
    }
    if item.is_file:
        f, c, m, t = item.ranked.file, item.ranked.churn, item.ranked.metrics, item.tally
        row.update({
            "language": f.language, "role": f.role, "loc": _n(f.loc), "length": _n(m.length),
            "commits": _n(c.commits), "lines_changed": _n(c.lines_changed), "authors": _n(c.authors), "ai_commits": _n(c.ai_commits),
            "cyclomatic": _n(m.cyclomatic), "cognitive": _n(m.cognitive), "nesting": _n(m.nesting),
            "load_bearing_regions": _n(t.load_bearing), "unreviewed_load_bearing_regions": _n(t.unreviewed_load_bearing),
            "stale_regions": _n(t.stale),
        })
    else:
        r, s = item.ranked.region, item.state
        m = r.metrics
        row.update({
            "region": d.one_line(r.qualname) + (f"#{r.ordinal}" if r.ordinal else ""), "region_kind": r.kind,
            "start_line": _n(r.start_line), "end_line": _n(r.end_line), "language": item.ranked.language,
            "track": s.track, "review": s.review, "reviewed_by": d.one_line(s.reviewed_by or ""),
            "reviewed_at": d.one_line(s.reviewed_at or ""),
            "cyclomatic": _n(m.cyclomatic), "cognitive": _n(m.cognitive), "nesting": _n(m.nesting),
            "length": _n(m.length), "params": _n(m.params), "tests": d.tests(item),
            # A region's churn is its file's (docs/risk-model.md): the churn part's raw value.
            "commits": _n(int(parts["churn"].raw)) if "churn" in parts else "",
        })
    return row
