"""Plain-text descriptions of register items, shared by the CSV, Markdown, HTML and SARIF renderers,
and the one place that decides how repository text looks in them.

Repository text (paths, names, messages, actors, notes) comes out of `one_line` or `note_lines`:
control characters and bidirectional overrides made visible (`\\x1b`, `\\u202e`, as the terminal
shows them), so nothing can move a cursor, ring a bell, reorder what a reader sees or end a row.
A note keeps its line breaks (CRLF and CR read as LF) as separate lines; each format joins them
its own way. Escaping for the format (formula guard, Markdown, HTML, SARIF links) is the
renderer's job and comes after this.
"""

from __future__ import annotations

from vibetriage.export import actions
from vibetriage.export.register import Register
from vibetriage.model import SEVERITIES, Decision, Finding, RiskItem, RiskScore
from vibetriage.text import visible


def one_line(value: object) -> str:
    return visible(value)


def note_lines(value: str) -> list[str]:
    return [visible(line) for line in value.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def score(value: float) -> str:
    return f"{value:.2f}"


def fraction(value: float) -> str:
    return f"{value:.4f}"


def top_parts(risk: RiskScore, count: int = 3) -> str:
    """The parts that put an item where it is, largest contribution first (as `top` shows them)."""
    from vibetriage.render import why

    return why(risk, count).plain


def all_parts(risk: RiskScore) -> str:
    return ", ".join(f"{p.name} {p.normalised:.2f}" if p.measured else f"{p.name} n/a" for p in risk.parts)


def action_label(item: RiskItem) -> str:
    return actions.BY_ID[item.action].label


def action_reason(item: RiskItem) -> str:
    return actions.BY_ID[item.action].reason


def state(item: RiskItem) -> str:
    """`load-bearing, reviewed` for a region; `2 of 5 regions load-bearing, 1 reviewed` for a file."""
    if item.state is not None:
        s = item.state
        labels = [x for x in (s.track if s.track != "unclassified" else "", s.review if s.review != "unreviewed" else "") if x]
        return ", ".join(labels) or "untriaged"
    t = item.tally
    counts = [f"{n} {label}" for n, label in ((t.load_bearing, "load-bearing"), (t.prototype_track, "prototype-track"),
                                              (t.reviewed, "reviewed"), (t.stale, "stale")) if n]
    return f"{', '.join(counts)} (of {t.regions} regions)" if counts else "untriaged"


def reviewed_by(item: RiskItem) -> str:
    s = item.state
    if s is None or s.reviewed_by is None:
        return ""
    return f"{one_line(s.reviewed_by)} at {one_line(s.reviewed_at)}"


def finding_counts(findings: tuple[Finding, ...] | list[Finding]) -> str:
    """`2 open (1 high, 1 medium), 1 suppressed`, or `none`."""
    open_ = [f for f in findings if not f.suppressed]
    parts = []
    if open_:
        worst = ", ".join(f"{n} {sev}" for sev in SEVERITIES if (n := sum(f.severity == sev for f in open_)))
        parts.append(f"{len(open_)} open ({worst})")
    if len(findings) > len(open_):
        parts.append(f"{len(findings) - len(open_)} suppressed")
    return ", ".join(parts) or "none"


def lines(f: Finding) -> str:
    return f"{f.start_line}" if f.end_line == f.start_line else f"{f.start_line}-{f.end_line}"


def rule(f: Finding) -> str:
    return one_line(f.rule_id) if f.tool == "vibetriage" else f"{one_line(f.tool)}: {one_line(f.rule_id)}"


def finding(f: Finding) -> str:
    """One finding on one line: `L12 high python.sql-injection CWE-89: message (suppressed: reason)`."""
    text = f"L{lines(f)} {f.severity} {rule(f)}{' ' + one_line(f.cwe) if f.cwe else ''}: {one_line(f.message)}"
    return text + (f" (suppressed: {one_line(f.suppressed)})" if f.suppressed else "")


def tests(item: RiskItem) -> str:
    if item.is_file:
        return ""
    e = item.ranked.evidence
    if e is None:
        return "test code"
    if e.kind == "coverage":
        return "coverage: not measured" if e.covered is None else f"coverage {round(100 * e.covered)}%"
    return e.kind + (f" ({one_line(e.detail)})" if e.detail else "")


def note_entries(decisions: tuple[Decision, ...] | list[Decision], *, with_region: bool = False) -> list[list[str]]:
    """The decisions that carry a note, oldest first, each as lines: a header line, then the note's."""
    out = []
    for d in decisions:
        if not d.note:
            continue
        where = f" on {one_line(d.key.qualname)}" if with_region else ""
        head = f"{one_line(d.at)} {one_line(d.actor)}, {'removed ' if d.removed else ''}{d.tag}{where}:"
        out.append([head, *note_lines(d.note)])
    return out


def notes_text(item: RiskItem) -> list[str]:
    """Every note of the item as lines: `at actor, tag: first line`, continuation lines after it."""
    out = []
    for head, *body in note_entries(item.decisions, with_region=item.is_file):
        out.append(f"{head} {body[0]}" if body else head)
        out.extend(body[1:])
    return out


def heading(register: Register) -> str:
    """Where the register comes from, in one line."""
    s = register.scan
    head = f"commit {s.head[:12]}" if s.head else "a directory that is not a git repository"
    shallow = " (shallow clone: churn truncated)" if s.shallow else ""
    return (f"Generated {register.generated_at} by vibetriage {register.tool_version} from the scan of {head}{shallow}, "
            f"finished {s.finished_at}; churn window {s.window_days} days; {s.files} files scanned.")


def selection(register: Register) -> str:
    o = register.options
    limit = f"the top {o.top}" if o.top else "all"
    floor = f" scoring at least {o.min_score:g}" if o.min_score is not None else ""
    kinds = " and ".join(o.kinds())
    counts = ", ".join(f"{len(getattr(register, k))} {k}" for k in o.kinds())
    return f"Items: {limit} {kinds}{floor} by risk score ({counts}); ranks are over the whole repository."
