"""The security rule pack: loading rules from data/rules/, and turning their matches into Findings.

A rule is one TOML file, `data/rules/<dir>/<name>.toml`, beside its annotated example
`data/rules/<dir>/<name>.<ext>` (data/rules/README.md has the format). A rule is either
- a tree-sitter `query` with a `@finding` capture, optionally narrowed by `where` / `where_not`:
  Python regexes that capture texts must (not) match. Rule queries carry no text predicates:
  py-tree-sitter evaluates those in Python for every match, which costs more than the parse; or
- a `pattern`: a regex over the file's bytes, for what a query cannot express (key formats).
Either may require an `entropy` check on a capture or match group (hard-coded secrets).

Rule queries are compiled into the same query as regions and complexity (analyzers/facts.py), so
one pass over the tree serves every concern. `literals` say which files a rule can fire in: all of
a language's literals are found in one Aho-Corasick pass per file (`applicable`), and a rule none
of whose literals a file holds is not checked there. Inline suppressions (`vibetriage:
ignore[rule-id] reason` in a comment on the finding's line or the line above) mark a finding
suppressed; it is never dropped.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache

from ahocorasick_rs import BytesAhoCorasick

from analyzers.languages import LANGUAGES
from vibetriage.assets import data_path
from vibetriage.model import CONFIDENCES, SEVERITIES, Finding

TOOL = "vibetriage"
_SUPPRESS = re.compile(rb"vibetriage:\s*ignore\[([^\]]*)\]\s*(.*)")
_KNOWN_KEYS = {
    "id", "title", "message", "severity", "confidence", "cwe", "languages", "references", "literals",
    "query", "where", "where_not", "pattern", "entropy",
}


class RuleError(Exception):
    """A rule file is malformed: a defect of the rule pack, reported with the file's name."""


class Regex:
    """A rule's regex, compiled on first use: a scan needs only its own languages' rules, and
    compiling the whole pack's few hundred regexes would cost each parser process 0.1 s."""

    __slots__ = ("text", "flags", "where", "_compiled")

    def __init__(self, text: str | bytes, where: str, flags: int = 0) -> None:
        self.text, self.where, self.flags, self._compiled = text, where, flags, None

    def _rx(self) -> re.Pattern:
        if self._compiled is None:
            try:
                self._compiled = re.compile(self.text, self.flags)
            except re.error as exc:
                raise RuleError(f"{self.where}: bad regex {self.text!r}: {exc}") from exc
        return self._compiled

    def search(self, text, *span):
        return self._rx().search(text, *span)

    def finditer(self, text):
        return self._rx().finditer(text)

    def compiled(self) -> re.Pattern:
        """The compiled pattern (RuleError if it does not compile)."""
        return self._rx()


@dataclass(frozen=True)
class Entropy:
    capture: str  # a query capture name, or a regex group name for pattern rules
    min_bits: float = 3.0  # Shannon entropy per character of the literal's content
    min_length: int = 8
    placeholder: Regex | None = None  # contents that are obviously not real secrets


@dataclass(frozen=True, eq=False)  # identity: rules are loaded once, and key per-file dicts
class Rule:
    id: str
    title: str
    message: str
    severity: str
    confidence: str
    cwe: str | None
    languages: tuple[str, ...]
    references: tuple[str, ...]
    literals: tuple[bytes, ...]
    query: str | None
    where: tuple[tuple[str, Regex], ...]
    where_not: tuple[tuple[str, Regex], ...]
    pattern: Regex | None
    entropy: Entropy | None
    source: str  # data/rules/<dir>/<name>.toml, for messages and the example lookup


@cache
def rules() -> tuple[Rule, ...]:
    """Every rule of the pack, sorted by id; raises RuleError on a malformed rule."""
    root = data_path("rules")
    loaded = [_load(path, path.relative_to(root).parts[0]) for path in sorted(root.glob("*/*.toml"))]
    dupes = [rid for rid, n in Counter(r.id for r in loaded).items() if n > 1]
    if dupes:
        raise RuleError(f"duplicate rule ids: {', '.join(dupes)}")
    return tuple(sorted(loaded, key=lambda r: r.id))


@cache
def rules_for(language: str) -> tuple[Rule, ...]:
    return tuple(r for r in rules() if language in r.languages)


def query_rules(language: str) -> tuple[Rule, ...]:
    return tuple(r for r in rules_for(language) if r.query)


@cache
def _literal_search(language: str) -> tuple[list[bytes], BytesAhoCorasick | None]:
    """The literals of all the language's rules, and one automaton that finds them all in a
    single pass over a file (a search per literal cost more than the rules' checks)."""
    literals = sorted({lit for rule in rules_for(language) for lit in rule.literals})
    return literals, BytesAhoCorasick(literals) if literals else None


def applicable(language: str, source: bytes) -> set[Rule]:
    """The language's rules that can fire in `source`: those whose literals it contains (one of
    them suffices), and those without literals."""
    literals, automaton = _literal_search(language)
    found = {literals[i] for i, _, _ in automaton.find_matches_as_indexes(source, overlapping=True)} if automaton else set()
    return {rule for rule in rules_for(language) if not rule.literals or not found.isdisjoint(rule.literals)}



def _load(path, directory: str) -> Rule:
    where = f"data/rules/{directory}/{path.name}"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"{where}: not valid TOML ({exc})") from exc
    unknown = set(data) - _KNOWN_KEYS
    if unknown:
        raise RuleError(f"{where}: unknown keys {sorted(unknown)}")
    for key in ("title", "message", "severity", "confidence"):
        if not isinstance(data.get(key), str):
            raise RuleError(f"{where}: `{key}` is required")
    if data["severity"] not in SEVERITIES or data["confidence"] not in CONFIDENCES:
        raise RuleError(f"{where}: severity must be one of {SEVERITIES}, confidence one of {CONFIDENCES}")
    if ("query" in data) == ("pattern" in data):
        raise RuleError(f"{where}: give exactly one of `query` or `pattern`")
    languages = tuple(data.get("languages", [directory]))
    for language in languages:
        if language not in LANGUAGES:
            raise RuleError(f"{where}: unknown language {language!r}")
    if not all(isinstance(lit, str) and lit for lit in data.get("literals", ())):
        raise RuleError(f"{where}: `literals` must be non-empty strings")
    if "query" in data and "@finding" not in data["query"]:
        raise RuleError(f"{where}: the query must capture @finding")
    entropy = None
    if "entropy" in data:
        e = dict(data["entropy"])
        placeholder = e.pop("placeholder", None)
        entropy = Entropy(placeholder=Regex(placeholder, where) if placeholder else None, **e)
    return Rule(
        id=data.get("id", f"{directory}.{path.stem}"),
        title=data["title"],
        message=data["message"],
        severity=data["severity"],
        confidence=data["confidence"],
        cwe=data.get("cwe"),
        languages=languages,
        references=tuple(data.get("references", ())),
        literals=tuple(lit.encode() for lit in data.get("literals", ())),
        query=data.get("query"),
        where=tuple((k, Regex(v, where)) for k, v in data.get("where", {}).items()),
        where_not=tuple((k, Regex(v, where)) for k, v in data.get("where_not", {}).items()),
        pattern=Regex(data["pattern"].encode(), where, re.MULTILINE) if "pattern" in data else None,
        entropy=entropy,
        source=where,
    )


def findings(source: bytes, matches: dict[Rule, list[dict]], rules: set[Rule], comments) -> list[Finding]:
    """Findings of one file: `rules` are the rules that apply to it (`applicable`), `matches`
    holds the captures of each of its query rules from the shared query pass, `comments` the
    file's comment spans (start, end, first_row, last_row) for suppressions. A query rule's
    finding is a match whose captures pass the rule's checks."""
    out: list[Finding] = []
    for rule, rule_matches in matches.items():
        out.extend(f for caps in rule_matches if (f := _checked(rule, source, caps)))
    for rule in rules:
        if rule.pattern is not None:
            out.extend(_pattern_findings(rule, source))
    return _apply_suppressions(_dedupe(out), source, comments)


def _checked(rule: Rule, source: bytes, caps: dict) -> Finding | None:
    """The finding of one match of a query rule, if its captures pass the rule's checks."""
    # Most matches fail a `where`: slice and decode only the captures it reads.
    texts: dict[str, str] = {}

    def text(name: str) -> str | None:
        if name not in texts and name in caps:
            texts[name] = _text(source, caps[name][0])
        return texts.get(name)

    if not all((t := text(name)) is not None and rx.search(t) for name, rx in rule.where):
        return None
    if any((t := text(name)) is not None and rx.search(t) for name, rx in rule.where_not):
        return None
    if rule.entropy and not _looks_secret(text(rule.entropy.capture) or "", rule.entropy):
        return None
    node = caps["finding"][0]
    return _finding(rule, node.start_point[0] + 1, node.end_point[0] + 1, {name: text(name) for name in caps})


def _pattern_findings(rule: Rule, source: bytes) -> list[Finding]:
    out = []
    for m in rule.pattern.finditer(source):
        groups = {k: v.decode("utf-8", "replace") for k, v in m.groupdict().items() if v is not None}
        if rule.entropy and not _looks_secret(groups.get(rule.entropy.capture, ""), rule.entropy):
            continue
        first = source.count(b"\n", 0, m.start()) + 1
        out.append(_finding(rule, first, first + m.group(0).count(b"\n"), groups))
    return out


def _finding(rule: Rule, start: int, end: int, texts: dict[str, str]) -> Finding:
    try:
        message = rule.message.format_map({k: _short(v) for k, v in texts.items()})
    except (KeyError, IndexError, ValueError):
        message = rule.message
    return Finding(rule.id, TOOL, rule.severity, rule.confidence, rule.cwe, "", start, end, message)


def _dedupe(found: list[Finding]) -> list[Finding]:
    """One finding per rule and line: several patterns of a rule may match the same code."""
    seen, out = set(), []
    for f in sorted(found, key=lambda f: (f.start_line, f.rule_id, f.end_line)):
        if (f.rule_id, f.start_line) not in seen:
            seen.add((f.rule_id, f.start_line))
            out.append(f)
    return out


def _apply_suppressions(found: list[Finding], source: bytes, comments) -> list[Finding]:
    if not found or b"vibetriage:" not in source:
        return found
    marks: dict[int, list[tuple[set[str], str]]] = {}
    for start, end, first, last in comments:
        m = _SUPPRESS.search(source, start, end)
        if m:
            ids = {i.strip() for i in m.group(1).decode("utf-8", "replace").split(",") if i.strip()}
            reason = m.group(2).decode("utf-8", "replace").strip().rstrip("*/#-> ").strip()
            # A suppression covers the comment's own last line and the line after it.
            for line in (last + 1, last + 2):
                marks.setdefault(line, []).append((ids, reason or "no reason given"))
    out = []
    for f in found:
        hit = next((reason for ids, reason in marks.get(f.start_line, []) if f.rule_id in ids or "*" in ids), None)
        out.append(replace(f, suppressed=hit) if hit else f)
    return out


def _looks_secret(text: str, e: Entropy) -> bool:
    value = text.strip().strip("\"'`")
    if len(value) < e.min_length or (e.placeholder is not None and e.placeholder.search(value)):
        return False
    counts = Counter(value)
    bits = -sum(n / len(value) * math.log2(n / len(value)) for n in counts.values())
    return bits >= e.min_bits


def _text(source: bytes, node) -> str:
    return source[node.start_byte : node.end_byte].decode("utf-8", "replace")


def _short(text: str, limit: int = 60) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"
