"""The analysis of one file: one parse and one query pass, whose matches are split among the
concerns that need them: regions and complexity (analyzers/regions.py), security rules
(analyzers/security.py) and, for test files, what the tests assert (analyzers/testfacts.py).

Every concern's patterns are compiled into a single query per language, so the tree is walked
once in C whatever the number of rules (DESIGN.md principle 6). A match's pattern index says
whose it is.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import compress
from dataclasses import dataclass
from functools import cache

from analyzers import regions, security, treesitter
from analyzers.languages import LANGUAGES
from vibetriage.assets import data_path
from vibetriage.model import Diagnostic, FileFacts, Metrics


@dataclass(frozen=True)
class _Combined:
    query: object  # tree_sitter.Query
    structure_patterns: int  # patterns [0, n) are regions/complexity
    rule_of_pattern: tuple  # pattern n + i belongs to rule_of_pattern[i]


def _structure_text(language: str) -> str:
    spec = LANGUAGES[language]
    return "\n".join(data_path("queries", spec.queries, f"{c}.scm").read_text(encoding="utf-8") for c in regions.CONCERNS)



@cache
def combined(language: str) -> _Combined:
    """The language's structure queries plus every rule's query, compiled together once. A
    pattern's owner is found from where it starts in the joined text."""
    rules = security.query_rules(language)
    texts = [_structure_text(language), *(rule.query for rule in rules)]
    starts, offset = [], 0  # byte offset of each text in the joined query
    for text in texts:
        starts.append(offset)
        offset += len(text.encode("utf-8")) + 1
    try:
        query = treesitter.compile_query(language, "\n".join(texts))
    except treesitter.QueryError:
        for rule in rules:  # name the rule at fault
            try:
                treesitter.compile_query(language, rule.query)
            except treesitter.QueryError as exc:
                raise security.RuleError(f"{rule.source}: query does not compile for {language}: {exc}") from exc
        raise
    owners = [bisect_right(starts, query.start_byte_for_pattern(i)) - 1 for i in range(query.pattern_count)]
    structure = owners.count(0)
    return _Combined(query, structure, tuple(rules[o - 1] for o in owners[structure:]))


def analyze(language: str, source: bytes, timeout_s: float = 5.0, *, test_file: bool = False) -> FileFacts:
    """Parse one blob and analyze it. A timeout comes back as FileFacts whose `error` says why;
    syntax errors still yield what parsed (status `partial`)."""
    try:
        tree = treesitter.parse(language, source, timeout_s)
    except treesitter.ParseTimeout as exc:
        return FileFacts(language, _loc(source, []), Metrics(0, 0, 0, 0, 0), (), Diagnostic("", "failed", "parse-timeout", str(exc)))
    q = combined(language)
    rules = security.applicable(language, source)
    by_rule: dict[security.Rule, list[dict]] = {}
    found = treesitter.matches(q.query, tree.root_node)
    first_rule, owner = q.structure_patterns, q.rule_of_pattern
    structure = [m for m in found if m[0] < first_rule]
    for pattern, caps in found:
        # Most files hold no literal of most rules: those rules' matches are dropped unchecked.
        if pattern >= first_rule and (rule := owner[pattern - first_rule]) in rules:
            by_rule.setdefault(rule, []).append(caps)
    found_regions, metrics, comments = regions.measure(language, source, structure)
    findings = security.findings(source, by_rule, rules, comments)
    tests = None
    if test_file:
        from analyzers import testfacts

        tests = testfacts.extract(language, source, tree.root_node)
    error = None
    if tree.root_node.has_error:
        line = _first_error_line(tree.root_node)
        error = Diagnostic("", "partial", "syntax-error", f"syntax errors from line {line}; measured what parsed")
    return FileFacts(language, _loc(source, comments), metrics, found_regions, error, tuple(findings), tests)


def _first_error_line(root) -> int:
    # Descend along the first child that contains an error; cheap, touches one path only.
    node = root
    while True:
        nxt = next((c for c in node.children if c.has_error or c.is_error or c.is_missing), None)
        if nxt is None or nxt.is_error or nxt.is_missing:
            return (nxt or node).start_point[0] + 1
        node = nxt


def _loc(source: bytes, comments) -> int:
    """Lines with code: not blank and not only comment."""
    bare = source.translate(None, b" \t\r\x0b\x0c").split(b"\n")  # each line without whitespace
    code = set(compress(range(len(bare)), bare))
    for start, end, first, last in comments:
        line_start = source.rfind(b"\n", 0, start) + 1
        line_end = source.find(b"\n", end)
        line_end = len(source) if line_end < 0 else line_end
        lo = first if not source[line_start:start].strip() else first + 1
        hi = last if not source[end:line_end].strip() else last - 1
        code.difference_update(range(lo, hi + 1))
    return len(code)
