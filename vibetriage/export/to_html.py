"""The register as one self-contained HTML page: the ranked files and regions, their findings, a
churn-versus-complexity scatter chart of the files, the diagnostics and the action table.

No network and no script: the styles are inline, the chart is inline SVG (a point's tooltip is its
SVG `<title>`), and a Content-Security-Policy meta tag forbids scripts, fetches and frames anyway.
Every piece of repository text goes through `e()`: control characters made visible
(describe.one_line), then `html.escape(..., quote=True)`, so it is text wherever it lands, in an
element or an attribute. Class names and ids are built from our own constants only.
"""

from __future__ import annotations

import html
import math

from vibetriage.export import actions
from vibetriage.export import describe as d
from vibetriage.export.register import Register
from vibetriage.model import RiskItem

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
# Point colours in the chart, by how urgent the suggested action is.
URGENCY = {
    "review-first": "urgent", "fix-before-graduating": "urgent",
    "fix-findings": "soon", "re-review": "soon", "review": "soon",
    "add-tests": "later", "classify": "later", "rewrite-or-graduate": "later",
    "keep-watching": "fine",
}
STYLE = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1b1f24;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
p.meta{color:#57606a;margin:2px 0}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid #d8dee4;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f6f8fa;position:sticky;top:0}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.path{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere;min-width:16em}
td.notes,td.list{white-space:normal;overflow-wrap:anywhere}
.act{font-weight:600;white-space:nowrap}.why{color:#57606a;font-size:12px}
.urgent{color:#b42318}.soon{color:#b54708}.later{color:#175cd3}.fine{color:#067647}
svg .urgent{fill:#d92d20}svg .soon{fill:#f79009}svg .later{fill:#2e90fa}svg .fine{fill:#17b26a}
svg circle{fill-opacity:.75;stroke:#fff;stroke-width:1}
svg .axis{stroke:#8c959f;stroke-width:1}svg .grid{stroke:#eaeef2;stroke-width:1}
svg text{font-size:11px;fill:#57606a}svg .hot{fill:#fef3f2}svg .rank{fill:#1b1f24;font-weight:600}
ul.legend{list-style:none;padding:0;margin:6px 0;display:flex;gap:18px;flex-wrap:wrap}
"""


def e(value: object) -> str:
    return html.escape(d.one_line(value), quote=True)


def e_lines(lines: list[str]) -> str:
    return "<br>".join(html.escape(line, quote=True) for line in lines)


def render(register: Register) -> bytes:
    out = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="vibetriage {e(register.tool_version)}">',
        "<title>Risk register</title>", f"<style>{STYLE}</style>", "</head>", "<body>",
        "<h1>Risk register</h1>", f'<p class="meta">{e(d.heading(register))}</p>', f'<p class="meta">{e(d.selection(register))}</p>',
    ]
    if register.files:
        out += ['<h2 id="chart">Churn versus complexity</h2>', chart(register.files), _legend()]
        out += [f'<h2 id="files">Files ({len(register.files)})</h2>',
                _table(("#", "score", "file", "suggested action", "decisions", "findings", "signals", "score parts", "notes"),
                       [_file_row(i) for i in register.files], numeric=(0, 1))]
    if register.regions:
        out += [f'<h2 id="regions">Regions ({len(register.regions)})</h2>',
                _table(("#", "score", "region", "kind", "lines", "suggested action", "state", "reviewed by", "findings", "tests",
                        "score parts", "notes"), [_region_row(i) for i in register.regions], numeric=(0, 1, 4))]
    findings = register.selected_findings()
    if findings:
        out += [f'<h2 id="findings">Findings of these items ({len(findings)})</h2>',
                _table(("file", "lines", "region", "severity", "rule", "CWE", "message", "suppressed because"),
                       [[_td(e(f.path), "path"), _td(d.lines(f), "num"), _td(e(f.region.qualname) if f.region else "(file)", "path"),
                         _td(f.severity), _td(e(d.rule(f))), _td(e(f.cwe or "")), _td(e(f.message), "list"),
                         _td(e(f.suppressed or ""), "list")] for f in findings])]
    if register.diagnostics:
        out += [f'<h2 id="diagnostics">Files the scan could not take whole ({len(register.diagnostics)})</h2>',
                _table(("file", "status", "reason", "detail"),
                       [[_td(e(x.path), "path"), _td(e(x.status)), _td(e(x.reason)), _td(e(x.detail), "list")]
                        for x in register.diagnostics])]
    if register.orphans:
        out += [f'<h2 id="orphans">Decisions that match no current region ({len(register.orphans)})</h2>',
                '<p class="meta">Their code was deleted, or changed and renamed at once; they are kept, never dropped.</p>',
                _table(("region", "when", "who", "decision", "note"),
                       [[_td(e(x.key.label()), "path"), _td(e(x.at)), _td(e(x.actor)), _td(("removed " if x.removed else "") + x.tag),
                         _td(e_lines(d.note_lines(x.note)), "notes")] for x in register.orphans])]
    out += ['<h2 id="actions">Suggested actions</h2>',
            '<p class="meta">Each item takes the first row its state, findings and tests match; a file takes the most '
            'urgent row of its regions.</p>',
            _table(("action", "when"), [[_td(html.escape(a.label), f"act {URGENCY[a.id]}"), _td(html.escape(a.reason))]
                                        for a in actions.ACTIONS])]
    out += ["</body>", "</html>"]
    return ("\n".join(out) + "\n").encode("utf-8")


def _td(inner: str, cls: str = "") -> str:
    return f'<td class="{cls}">{inner}</td>' if cls else f"<td>{inner}</td>"


def _table(header: tuple[str, ...], rows: list[list[str]], numeric: tuple[int, ...] = ()) -> str:
    head = "".join(f'<th class="num">{h}</th>' if i in numeric else f"<th>{h}</th>" for i, h in enumerate(header))
    body = "\n".join("<tr>" + "".join(row) + "</tr>" for row in rows)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def _action(item: RiskItem) -> str:
    return _td(f'<span class="act {URGENCY[item.action]}">{html.escape(d.action_label(item))}</span><br>'
               f'<span class="why">{html.escape(d.action_reason(item))}</span>')


def _parts(item: RiskItem) -> str:
    return _td(f'{html.escape(d.top_parts(item.ranked.risk))}<br><span class="why">{html.escape(d.all_parts(item.ranked.risk))}</span>')


def _file_row(item: RiskItem) -> list[str]:
    f, c, m = item.ranked.file, item.ranked.churn, item.ranked.metrics
    signals = (f"{c.commits} commits (+{c.lines_added}/-{c.lines_deleted} lines), {c.authors} authors, {c.ai_commits} AI-assisted; "
               f"cyclomatic {m.cyclomatic}, cognitive {m.cognitive}, {f.loc} loc")
    return [_td(str(item.ranked.rank), "num"), _td(d.score(item.ranked.risk.score), "num"), _td(e(f.path), "path"), _action(item),
            _td(html.escape(d.state(item))), _td(html.escape(d.finding_counts(item.findings))), _td(html.escape(signals)),
            _parts(item), _td(e_lines(d.notes_text(item)), "notes")]


def _region_row(item: RiskItem) -> list[str]:
    r = item.ranked.region
    m = r.metrics
    findings = "<br>".join(e(d.finding(f)) for f in item.findings) or "none"
    signals = f"cyclomatic {m.cyclomatic}, cognitive {m.cognitive}, nesting {m.nesting}, {m.length} lines, {m.params} params"
    return [_td(str(item.ranked.rank), "num"), _td(d.score(item.ranked.risk.score), "num"), _td(e(r.key.label()), "path"),
            _td(r.kind), _td(f"{r.start_line}-{r.end_line}", "num"), _action(item), _td(html.escape(d.state(item))),
            _td(html.escape(d.reviewed_by(item))), _td(findings, "list"),
            _td(e(d.tests(item)) + f'<br><span class="why">{html.escape(signals)}</span>'), _parts(item),
            _td(e_lines(d.notes_text(item)), "notes")]


# -- the chart ---------------------------------------------------------------------------------

WIDTH, HEIGHT = 760, 420
LEFT, RIGHT, TOP, BOTTOM = 60, 20, 16, 46
_NICE = (0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000)
LABELLED = 10  # the top ranks get their number beside the point


def _scale(value: float, top: float, size: float) -> float:
    """Log scale as the risk model normalises: log(1 + x) / log(1 + max)."""
    return 0.0 if top <= 0 else size * math.log1p(max(value, 0)) / math.log1p(top)


def _axis_end(values: list[int]) -> int:
    """The first round value above the largest, so that no point sits on the chart's edge."""
    top = max(values, default=0)
    return next((t for t in _NICE if t > top), top + 1)


def chart(files: tuple[RiskItem, ...]) -> str:
    """An SVG scatter of the files: x = commits in the churn window, y = cyclomatic complexity, both on
    the log scale of the risk model; the shaded corner is where both are in the top half."""
    w, h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    xs = [i.ranked.churn.commits for i in files]
    ys = [i.ranked.metrics.cyclomatic for i in files]
    xmax, ymax = _axis_end(xs), _axis_end(ys)

    def x(v: float) -> float:
        return LEFT + _scale(v, xmax, w)

    def y(v: float) -> float:
        return TOP + h - _scale(v, ymax, h)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" '
           f'aria-label="Scatter chart: commits in the churn window against cyclomatic complexity, one point per file">',
           f'<rect class="hot" x="{LEFT + w / 2:.1f}" y="{TOP}" width="{w / 2:.1f}" height="{h / 2:.1f}"/>',
           f'<text x="{LEFT + w - 4}" y="{TOP + 14}" text-anchor="end">hotspots: changed often and complex</text>']
    for v in (t for t in _NICE if t <= xmax):
        out.append(f'<line class="grid" x1="{x(v):.1f}" y1="{TOP}" x2="{x(v):.1f}" y2="{TOP + h}"/>'
                   f'<text x="{x(v):.1f}" y="{TOP + h + 16}" text-anchor="middle">{v}</text>')
    for v in (t for t in _NICE if t <= ymax):
        out.append(f'<line class="grid" x1="{LEFT}" y1="{y(v):.1f}" x2="{LEFT + w}" y2="{y(v):.1f}"/>'
                   f'<text x="{LEFT - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{v}</text>')
    out += [f'<line class="axis" x1="{LEFT}" y1="{TOP + h}" x2="{LEFT + w}" y2="{TOP + h}"/>',
            f'<line class="axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + h}"/>',
            f'<text x="{LEFT + w / 2:.1f}" y="{HEIGHT - 8}" text-anchor="middle">commits in the churn window (log scale)</text>',
            f'<text transform="translate(14 {TOP + h / 2:.1f}) rotate(-90)" text-anchor="middle">cyclomatic complexity (log scale)</text>']
    # Lowest rank last, so the riskiest points are drawn on top.
    for item in sorted(files, key=lambda i: -i.ranked.rank):
        f = item.ranked
        cx, cy, radius = x(f.churn.commits), y(f.metrics.cyclomatic), 3 + 5 * f.risk.score / 100
        tip = (f"#{f.rank} {d.one_line(f.file.path)}: {f.churn.commits} commits, cyclomatic {f.metrics.cyclomatic}, "
               f"score {d.score(f.risk.score)}; {d.action_label(item)}")
        out.append(f'<circle class="{URGENCY[item.action]}" cx="{cx:.1f}" cy="{cy:.1f}" r="{radius:.1f}">'
                   f"<title>{html.escape(tip, quote=True)}</title></circle>")
        if f.rank <= LABELLED:
            out.append(f'<text class="rank" x="{cx + radius + 2:.1f}" y="{cy + 4:.1f}">{f.rank}</text>')
    out.append("</svg>")
    return "\n".join(out)


def _legend() -> str:
    groups = {}
    for a in actions.ACTIONS:
        groups.setdefault(URGENCY[a.id], []).append(a.label)
    items = "".join(f'<li><span class="{g}">&#9679;</span> {html.escape(", ".join(labels))}</li>' for g, labels in groups.items())
    return f'<ul class="legend">{items}</ul><p class="meta">Point size grows with the score; numbers are ranks. Hover a point for its file.</p>'
