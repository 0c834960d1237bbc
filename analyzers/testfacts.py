"""What a test file tests and how hard: which files are tests, which functions in them are tests,
how many assertions each makes and how many of those check a value, and which names it uses.

Conventions (file globs, test names and attributes, assertion calls and their strength) live in
data/tests.toml; the captures in data/queries/<lang>/tests.scm. One query pass over an already
parsed tree finds candidate functions (`@test.function`, `@test.name`, `@test.callee`,
`@test.body`), groups (`@test.group`), assertions (`@assert`, `@assert.name`), module specifiers
(`@import`, `@import.member`, `@import.callee`, `@import.package`, `@import.path`) and names used
(`@ref`); everything else happens here on the few captured nodes.

Strength: each assertion is turned into a claim, an expression (`assertEqual(a, b)` claims
`(a) == (b)`, `expect(x).toBeDefined()` claims `(x) != undefined`, `t.Errorf` inside
`if got != want` claims `got == want`), and `judge` decides whether that claim checks a value
(strong) or only None-ness, truthiness, type or shape (trivial). A test with no strong assertion
is hollow (BACKGROUND.md, "cardboard muffin"). The rules are listed at the top of data/tests.toml.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from analyzers import treesitter
from analyzers.languages import LANGUAGES, language_for
from vibetriage.assets import data_path
from vibetriage.model import TestFileFacts, TestFunction

__all__ = [
    "Verdict",
    "conventions",
    "extract",
    "facts_from_dict",
    "facts_to_dict",
    "inline_tests",
    "is_test_file",
    "judge",
    "named_stems",
]

_MASK = "\x01"  # stands for characters inside brackets and string literals
_BRACKETS_OR_QUOTES = re.compile(r"[(\[{\"'`]")
_OPEN = {"(": ")", "[": "]", "{": "}"}
_CLOSE = {")", "]", "}"}
_PLACEHOLDER = re.compile(r"\{(subject|value|-?\d+)\}")
_COMPARISON = re.compile(r" is not | not in | is | in | ~ |==|!=|<=|>=|(?<![<\-=])<(?![<=])|(?<![>\-=])>(?![>=])")
_FLIP = {"==": "!=", "!=": "==", "in": "not in", "not in": "in", "<": ">=", ">=": "<", ">": "<=", "<=": ">", "~": "~"}
_NUMBER = re.compile(r"-?\d[\d_]*(\.\d+)?([eE][-+]?\d+)?[a-zA-Z]*")
_STRING = re.compile(r"""[rbfuRBFU@$]*("([^"\\]|\\.)*"|'([^'\\]|\\.)*'|`[^`]*`)""", re.S)
_SYMBOL = re.compile(r":\w+")
_DECORATION_CHILDREN = frozenset({"modifiers", "attribute_list", "decorator"})
_DECORATION_SIBLINGS = frozenset({"attribute_item", "attribute_list", "line_comment", "block_comment", "comment", "decorator"})
_CALL_TYPES = frozenset({
    "call", "call_expression", "method_invocation", "invocation_expression", "member_call_expression",
    "nullsafe_member_call_expression", "scoped_call_expression", "function_call_expression", "macro_invocation",
})
_OBJECT_FIELDS = ("object", "operand", "argument", "expression", "scope", "receiver", "path")
_MEMBER_FIELDS = ("attribute", "property", "field", "name", "method")
_SKIP_ARGS = frozenset({"keyword_argument", "comment", "line_comment", "block_comment"})
_RUBY_MATCHER = re.compile(r"([A-Za-z_]\w*[?!]?)\s*(?:\((.*)\)|(.*))$", re.S)


# -- conventions ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Conventions:
    """One language's section of data/tests.toml, compiled."""

    section: str
    files: re.Pattern[str]
    name_match: tuple[re.Pattern[str], ...]
    family: tuple[str, ...]
    test_name: re.Pattern[str] | None
    test_attribute: re.Pattern[str] | None
    raises_attribute: re.Pattern[str] | None
    test_calls: frozenset[str]
    group_calls: frozenset[str]
    group_separator: str
    receivers: frozenset[str] | None
    bare: frozenset[str] | None
    chain_entries: dict[str, str]
    carriers: frozenset[str]
    negators: frozenset[str]
    asserts: dict[str, tuple[str, ...]]
    matchers: dict[str, tuple[str, ...]]
    patterns: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]
    import_calls: frozenset[str]
    inline_tests: bool
    known: frozenset[str] = frozenset()  # every name the tables mention: a cheap first filter


@dataclass(frozen=True)
class _Classify:
    null: frozenset[str]
    bool: frozenset[str]
    error_name: re.Pattern[str]
    type_check: tuple[re.Pattern[str], ...]
    type_expr: tuple[re.Pattern[str], ...]
    length_expr: tuple[re.Pattern[str], ...]
    trivial_predicate: re.Pattern[str]
    predicate: re.Pattern[str]
    trivial_matcher: re.Pattern[str]
    helper: re.Pattern[str]


@cache
def _toml() -> dict[str, Any]:
    with data_path("tests.toml").open("rb") as fh:
        return tomllib.load(fh)


@cache
def _classify() -> _Classify:
    c = _toml()["classify"]
    many = lambda key: tuple(re.compile(p) for p in c[key])  # noqa: E731
    return _Classify(
        frozenset(c["null"]), frozenset(c["bool"]), re.compile(c["error_name"]), many("type_check"),
        many("type_expr"), many("length_expr"), re.compile(c["trivial_predicate"]), re.compile(c["predicate"]),
        re.compile(c["trivial_matcher"]), re.compile(c["helper"]),
    )


def _glob(pattern: str, stem: bool = False) -> str:
    """A glob (see data/tests.toml) as a regex body matching a whole repo-relative path."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:[^/]*/)*")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if stem and pattern.startswith("{stem}", i):
            out.append("(?P<stem>[^/]+?)")
            i += 6
            continue
        ch = pattern[i]
        if ch == "*":
            out.append("[^/]*")
        elif ch == "?":
            out.append("[^/]")
        elif ch == "{":
            end = pattern.index("}", i)
            out.append("(?:" + "|".join(_glob(alt) for alt in pattern[i + 1 : end].split(",")) + ")")
            i = end
        else:
            out.append(re.escape(ch))
        i += 1
    body = "".join(out)
    return body if "/" in pattern else "(?:.*/)?" + body


def _templates(value: str | list[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


@cache
def conventions(language: str) -> Conventions:
    """The conventions of a language (a LANGUAGES name; TSX shares TypeScript's)."""
    section = LANGUAGES[language].queries
    table = _toml()[section]
    base = _toml()[table["inherit"]] if "inherit" in table else {}
    get = lambda key, default=None: table.get(key, base.get(key, default))  # noqa: E731
    regex = lambda key: re.compile(get(key)) if get(key) else None  # noqa: E731
    names = lambda key: frozenset(get(key, ()))  # noqa: E731
    tables = {k: {**base.get(k, {}), **table.get(k, {})} for k in ("asserts", "matchers", "patterns")}
    known = {k.rsplit(".", 1)[-1] for k in tables["asserts"]} | set(tables["matchers"]) | set(get("carriers", ()))
    return Conventions(
        section=section,
        files=re.compile("|".join(f"(?:{_glob(g)})" for g in table["files"])),
        name_match=tuple(re.compile("(?:.*/)?" + _glob(t, stem=True)) for t in table.get("name_match", ())),
        family=tuple(get("family", (section,))),
        test_name=regex("test_name"),
        test_attribute=regex("test_attribute"),
        raises_attribute=regex("raises_attribute"),
        test_calls=names("test_calls"),
        group_calls=names("group_calls"),
        group_separator=get("group_separator", "::"),
        receivers=frozenset(get("receivers")) if get("receivers") is not None else None,
        bare=frozenset(get("bare")) if get("bare") is not None else None,
        chain_entries=dict(get("chain_entries", {})),
        carriers=names("carriers"),
        negators=names("negators"),
        asserts={k: _templates(v) for k, v in tables["asserts"].items()},
        matchers={k: _templates(v) for k, v in tables["matchers"].items()},
        patterns=tuple((re.compile(k), _templates(v)) for k, v in tables["patterns"].items()),
        import_calls=names("import_calls"),
        inline_tests=bool(get("inline_tests", False)),
        known=frozenset(known | set(get("chain_entries", {}))),
    )


def is_test_file(path: str) -> bool:
    """Whether a repo-relative posix path is a test file by its language's conventions."""
    spec = language_for(path)
    return spec is not None and conventions(spec.name).files.fullmatch(path) is not None


def inline_tests(language: str) -> bool:
    """Whether source files of this language may hold their own tests (Rust's `mod tests`): the
    pipeline should then run extract() on every file of it, not only on test files."""
    return conventions(language).inline_tests


def named_stems(path: str) -> frozenset[str]:
    """The source-file stems a test file is named after (`tests/test_pricing.py` -> {"pricing"})."""
    spec = language_for(path)
    if spec is None:
        return frozenset()
    out = set()
    for pattern in conventions(spec.name).name_match:
        m = pattern.fullmatch(path)
        if m:
            out.add(m.group("stem"))
    return frozenset(out)


# -- JSON round trip (the blob cache) ---------------------------------------------------------------


def facts_to_dict(facts: TestFileFacts) -> dict[str, Any]:
    """A JSON-serialisable form of TestFileFacts (lists and scalars only)."""
    return {
        "imports": list(facts.imports),
        "functions": [
            [f.name, f.start_line, f.end_line, f.assertions, f.strong_assertions, list(f.references)] for f in facts.functions
        ],
    }


def facts_from_dict(data: dict[str, Any]) -> TestFileFacts:
    return TestFileFacts(
        tuple(data["imports"]),
        tuple(TestFunction(n, s, e, a, st, tuple(r)) for n, s, e, a, st, r in data["functions"]),
    )


# -- judging a claim -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Verdict:
    strong: bool
    why: str  # what was recognised: "value comparison", "not-None check", "truthiness", ...
    kind: str = ""  # "null" for a positive None check: an alternative of `or` that accepts None


_STRONG_VALUE = Verdict(True, "value comparison")


def _normalise(text: str) -> str:
    t = " ".join(text.split())
    t = t.replace("->", ".").replace("::", ".").replace("?.", ".")
    t = t.replace("!==", "!=").replace("===", "==").replace("&&", " and ").replace("||", " or ")
    t = re.sub(r"(?<=\w)!(?=[(\[{])", "", t)  # Rust macro bang: matches!(...) -> matches(...)
    t = re.sub(r"(?<![\w)\]!=<>?])!(?!=)\s*", "not ", t)  # prefix negation
    return " ".join(t.split())


def _mask(text: str) -> str:
    """Same length as text; the insides of brackets and of string literals become _MASK, so what
    is left visible is the expression's top level."""
    if not _BRACKETS_OR_QUOTES.search(text):
        return text
    out = list(text)
    stack: list[str] = []
    quote = None
    i = 0
    while i < len(text):
        ch = text[i]
        if quote:
            out[i] = _MASK
            if ch == "\\":
                if i + 1 < len(text):
                    out[i + 1] = _MASK
                i += 2
                continue
            if ch == quote:
                quote = None
                out[i] = ch if not stack else _MASK
        elif ch in "\"'`" and not (ch == "'" and i and (text[i - 1].isalnum() or text[i - 1] == "&")):
            quote = ch
            if stack:
                out[i] = _MASK
        elif ch in _OPEN:
            if stack:
                out[i] = _MASK
            stack.append(_OPEN[ch])
        elif ch in _CLOSE and stack and ch == stack[-1]:
            stack.pop()
            if stack:
                out[i] = _MASK
        elif stack:
            out[i] = _MASK
        i += 1
    return "".join(out)


def _strip(text: str) -> str:
    """Remove whitespace and parentheses wrapping the whole expression."""
    text = text.strip()
    while text.startswith("(") and text.endswith(")"):
        m = _mask(text)
        if m.count("(") == 1 and m.count(")") == 1 and m.endswith(")"):
            text = text[1:-1].strip()
        else:
            break
    return text


def _split(text: str, sep: str) -> list[str]:
    m = _mask(text)
    parts, start = [], 0
    for hit in re.finditer(rf"(?<![\w]){sep}(?![\w])", m):
        parts.append(text[start : hit.start()])
        start = hit.end()
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()] if len(parts) > 1 else [text]


def _literal(text: str) -> bool:
    c = _classify()
    return (
        text in c.null or text in c.bool or _NUMBER.fullmatch(text) is not None
        or _STRING.fullmatch(text) is not None or _SYMBOL.fullmatch(text) is not None
    )


def _collection(text: str) -> bool:
    """A literal list of alternatives: `(200, 404)`, `[1, 2]`, `{"a", "b"}`."""
    inner = _strip(text)
    m = _mask(inner)
    if "," in m:
        return True
    return bool(inner) and inner[0] in "[{" and m.count(_MASK) == len(m) - 2 and m[-1] in "]}"


def _any(patterns, text: str) -> bool:
    return any(p.search(text) for p in patterns)


@lru_cache(maxsize=8192)
def judge(expression: str) -> Verdict:
    """Whether asserting `expression` checks a value (strong) or only None-ness, truthiness, type or
    shape (trivial). The expression is Python-like; other languages' operators are folded first."""
    return _judge(_normalise(expression), 0)


def _judge(e: str, depth: int) -> Verdict:
    e = _strip(e)
    if depth > 20 or not e:
        return Verdict(False, "truthiness")
    parts = _split(e, "or")
    if len(parts) > 1:
        verdicts = [_judge(p, depth + 1) for p in parts]
        if all(v.strong and v.kind != "null" for v in verdicts):
            return _STRONG_VALUE
        return Verdict(False, "accepts several outcomes")
    parts = _split(e, "and")
    if len(parts) > 1:
        verdicts = [_judge(p, depth + 1) for p in parts]
        return next((v for v in verdicts if v.strong), verdicts[0])
    if e.startswith("not "):
        inner = _strip(e[4:])
        if inner.startswith("not "):
            return _judge(inner[4:], depth + 1)
        cmp = _comparison(inner)
        if cmp:
            left, op, right = cmp
            return _judge_comparison(left, _FLIP[op], right, depth)
        return _judge(inner, depth + 1)
    cmp = _comparison(e)
    if cmp:
        return _judge_comparison(*cmp, depth)
    return _truthiness(e)


def _comparison(e: str) -> tuple[str, str, str] | None:
    m = _COMPARISON.search(_mask(e))
    if not m:
        return None
    op = m.group().strip()
    op = {"is": "==", "is not": "!="}.get(op, op)
    return _strip(e[: m.start()]), op, _strip(e[m.end() :])


def _judge_comparison(left: str, op: str, right: str, depth: int) -> Verdict:
    c = _classify()
    if op == "~":
        return _judge_matcher(left, right, depth)
    if left in c.null or right in c.null:
        other = right if left in c.null else left
        error = c.error_name.match(other) is not None
        if op == "==":
            return Verdict(False, "no error") if error else Verdict(True, "None value", "null")
        if op == "!=":
            return Verdict(True, "expects an error") if error else Verdict(False, "not-None check")
    if op in ("==", "!=") and (left in c.bool or right in c.bool):
        return _judge(right if left in c.bool else left, depth + 1)
    if _any(c.type_expr, left) or _any(c.type_expr, right):
        return Verdict(False, "type check")
    if op == "in" and _collection(right):
        return Verdict(False, "accepts several outcomes")
    if _any(c.length_expr, left) and (op, right) in ((">", "0"), (">=", "1"), ("!=", "0")):
        return Verdict(False, "non-empty only")
    if _any(c.length_expr, right) and (left, op) in (("0", "<"), ("1", "<="), ("0", "!=")):
        return Verdict(False, "non-empty only")
    if op == "!=" and (_literal(left) or _literal(right)):
        return Verdict(False, "excludes one value")
    return _STRONG_VALUE


def _judge_matcher(subject: str, matcher: str, depth: int) -> Verdict:
    m = re.sub(r"\s+", "", _strip(matcher))
    if re.fullmatch(r"(Is\.)?(True|False)|is\((true|false)\)|(equalTo|equal_to|is_|Is\.EqualTo)\((true|false|True|False)\)", m):
        return _judge(subject, depth + 1)
    if _classify().trivial_matcher.match(m):
        return Verdict(False, "None or type check")
    return Verdict(True, "matcher")


def _truthiness(e: str) -> Verdict:
    c = _classify()
    if _any(c.type_check, e):
        return Verdict(False, "type check")
    if _literal(e):
        return Verdict(False, "constant")
    m = _mask(e)
    callee = e[: m.rfind("(")] if m.endswith(")") and "(" in m else e
    name = re.split(r"[.\s]", callee.strip())[-1]
    if c.trivial_predicate.match(name):
        return Verdict(False, "None, emptiness or type check")
    if c.predicate.search(name):
        return Verdict(True, "predicate")
    return Verdict(False, "truthiness")


# -- extraction ------------------------------------------------------------------------------------


@cache
def _query(language: str):
    spec = LANGUAGES[language]
    text = data_path("queries", spec.queries, "tests.scm").read_text(encoding="utf-8")
    return treesitter.compile_query(language, text)


@dataclass(slots=True)
class _Candidate:
    node: Any
    start: int
    end: int
    end_line: int
    name: str
    is_test: bool
    decorations: str = ""
    assertions: int = 0
    strong: int = 0
    refs: set[str] = field(default_factory=set)


def extract(language: str, source: bytes, root_node) -> TestFileFacts:
    """The tests in one parsed file: each test function with its assertion counts and the names it
    uses, and the file's module specifiers as written. `root_node` is the tree the caller parsed."""
    conv = conventions(language)
    text = lambda n: source[n.start_byte : n.end_byte].decode("utf-8", "replace")  # noqa: E731
    candidates: dict[int, _Candidate] = {}
    groups: list[tuple[int, int, str]] = []
    asserts: dict[int, tuple[Any, Any]] = {}
    refs: list[tuple[int, str]] = []
    imports: list[str] = []

    for _pattern, caps in treesitter.matches(_query(language), root_node):
        if "ref" in caps:
            node = caps["ref"][0]
            refs.append((node.start_byte, text(node)))
        elif "assert" in caps:
            node = caps["assert"][0]
            asserts.setdefault(node.id, (node, caps.get("assert.name", [None])[0]))
        elif "test.function" in caps:
            _candidate(conv, caps, text, candidates, groups)
        elif "test.group" in caps:
            node = caps["test.group"][0]
            groups.append((node.start_byte, node.end_byte, text(caps["test.group.name"][0])))
        else:
            imports.extend(_imports(conv, caps, text))

    for cand in candidates.values():
        if conv.test_attribute or conv.raises_attribute:
            cand.decorations = _decorations(cand.node, text)
        if not cand.is_test and conv.test_attribute and conv.test_attribute.search(cand.decorations):
            cand.is_test = True
        if not cand.is_test and conv.test_name and conv.test_name.search(cand.name):
            cand.is_test = True
    helpers = {c.name for c in candidates.values() if not c.is_test}
    ordered = sorted(candidates.values(), key=lambda c: (c.start, -c.end))
    items = [(node.start_byte, 0, node, name_node) for node, name_node in asserts.values()]
    items += [(pos, 1, name, None) for pos, name in refs]
    items.sort(key=lambda i: (i[0], i[1]))
    # One sweep in position order with the stack of candidates open at that point: an assertion
    # belongs to the innermost candidate, a name to every candidate around it.
    stack: list[_Candidate] = []
    following = 0
    for pos, is_ref, what, name_node in items:
        while following < len(ordered) and ordered[following].start <= pos:
            cand = ordered[following]
            while stack and stack[-1].end <= cand.start:
                stack.pop()
            stack.append(cand)
            following += 1
        while stack and stack[-1].end <= pos:
            stack.pop()
        if not stack:
            continue
        if is_ref:
            for cand in stack:
                cand.refs.add(what)
            continue
        verdict = _assertion(conv, what, name_node, stack[-1], text, helpers)
        if verdict is not None:
            stack[-1].assertions += 1
            stack[-1].strong += verdict.strong

    helper_strength: dict[str, tuple[int, int]] = {}
    for c in candidates.values():
        if not c.is_test and c.assertions:
            a, s = helper_strength.get(c.name, (0, 0))
            helper_strength[c.name] = (max(a, c.assertions), max(s, c.strong))
    functions = []
    for c in ordered:
        if not c.is_test:
            continue
        assertions, strong = c.assertions, c.strong
        for name in c.refs & helper_strength.keys():
            if name != c.name:
                assertions += 1
                strong += helper_strength[name][1] > 0
        if conv.raises_attribute and conv.raises_attribute.search(c.decorations):
            assertions += 1
            strong += 1
        prefix = [g for s, e, g in sorted(groups) if s <= c.start and c.end <= e and (s, e) != (c.start, c.end)]
        functions.append(
            TestFunction(
                conv.group_separator.join([*prefix, c.name]),
                c.node.start_point[0] + 1,
                c.end_line,
                assertions,
                strong,
                tuple(sorted(c.refs)),
            )
        )
    return TestFileFacts(tuple(dict.fromkeys(imports)), tuple(functions))


def _candidate(conv: Conventions, caps, text, candidates: dict[int, _Candidate], groups: list) -> None:
    node = caps["test.function"][0]
    body = caps.get("test.body", [None])[0]
    end_node = body or node
    name_node = caps.get("test.name", [None])[0]
    callee_node = caps.get("test.callee", [None])[0]
    if callee_node is None:
        if node.id not in candidates and name_node is not None:
            candidates[node.id] = _Candidate(node, node.start_byte, node.end_byte, node.end_point[0] + 1, text(name_node), False)
        return
    callee = text(callee_node)
    root = re.split(r"[.(]", callee, maxsplit=1)[0]
    if callee in conv.test_calls or root in conv.test_calls:
        name = _test_name(text(name_node)) if name_node is not None else f"{callee} (line {node.start_point[0] + 1})"
        candidates[node.id] = _Candidate(node, node.start_byte, end_node.end_byte, end_node.end_point[0] + 1, name, True)
    elif callee in conv.group_calls or root in conv.group_calls:
        if name_node is not None:
            groups.append((node.start_byte, end_node.end_byte, _test_name(text(name_node))))
    elif node.type.endswith("function_definition") and node.id not in candidates:
        candidates[node.id] = _Candidate(node, node.start_byte, node.end_byte, node.end_point[0] + 1, callee, False)


def _test_name(raw: str) -> str:
    """`"formats prices"` -> formats prices; `(Suite, Name)` -> Suite.Name; `("name", "[tag]")`
    (Catch2) -> name; `Pricing` stays."""
    raw = raw.strip()
    if raw.startswith("(") and raw.endswith(")"):
        parts = _split_args(raw[1:-1])
        if parts and _STRING.fullmatch(parts[0]):
            return _test_name(parts[0])
        return ".".join(parts) or raw
    m = _STRING.fullmatch(raw)
    if m:
        return raw[raw.index(m.group(1)[0]) + 1 : -1]
    return " ".join(raw.split())


def _decorations(node, text) -> str:
    """Annotations, attributes, decorators and the docblock of a candidate: its own modifier
    children (Java, C#, PHP 8) and the attribute/comment siblings right before it (Rust, PHP)."""
    parts = [text(c) for c in node.children if c.type in _DECORATION_CHILDREN]
    sibling = node.prev_named_sibling
    while sibling is not None and sibling.type in _DECORATION_SIBLINGS:
        parts.append(text(sibling))
        sibling = sibling.prev_named_sibling
    return "\n".join(parts)


def _imports(conv: Conventions, caps, text) -> list[str]:
    if "import.package" in caps:
        return [text(caps["import.package"][0]) + ".*"]
    if "import.path" in caps:  # PHP require/include: the last string literal, relative to __DIR__
        raw = text(caps["import.path"][0])
        found = re.findall(r"""(["'])(.*?)\1""", raw)
        if not found:
            return []
        path = found[-1][1]
        if "__DIR__" in raw or "__FILE__" in raw:
            path = "." + path if path.startswith("/") else "./" + path
        return [path]
    if "import" not in caps:
        return []
    node = caps["import"][0]
    spec = text(node)
    if "import.callee" in caps:
        callee = text(caps["import.callee"][0])
        if callee not in conv.import_calls:
            return []
        if callee == "require_relative" and not spec.startswith("."):
            spec = "./" + spec
        return [spec]
    if conv.section == "python":
        member = caps.get("import.member")
        if member:
            return [spec + ("" if spec.endswith(".") else ".") + text(member[0])]
    elif conv.section == "java":
        after = node.next_named_sibling
        if after is not None and after.type == "asterisk":
            spec += ".*"
    elif conv.section == "rust":
        return _expand_use(" ".join(spec.split()))
    elif conv.section in ("c", "cpp"):
        spec = spec.strip('"<>')
    elif conv.section == "php":
        spec = spec.lstrip("\\")
    return [spec]


def _expand_use(spec: str) -> list[str]:
    """`crate::pricing::{self, total as t, Cart}` -> crate::pricing, crate::pricing::total, ..."""
    m = re.fullmatch(r"(.*?)\{(.*)\}", spec, re.S)
    if not m:
        spec = re.sub(r"\s+as\s+\w+$", "", spec).strip()
        return [spec[: -len("::self")] if spec.endswith("::self") else spec]
    out: list[str] = []
    for part in _split_args(m.group(2)):
        out.extend(_expand_use(m.group(1) + part))
    return out


def _split_args(text: str) -> list[str]:
    """Top-level comma-separated parts of an argument list's inside."""
    m = _mask(text)
    parts, start = [], 0
    for i, ch in enumerate(m):
        if ch == ",":
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _split_callee(node, text) -> tuple[Any, str]:
    """(receiver node or None, name) of a callee or member access: `a.b.c` -> (a.b, "c")."""
    if node.type == "generic_name" and node.named_child_count:
        return None, text(node.named_children[0])
    receiver = next((r for r in map(node.child_by_field_name, _OBJECT_FIELDS) if r is not None), None)
    name = next((n for n in map(node.child_by_field_name, _MEMBER_FIELDS) if n is not None), None)
    if name is None or name.id == node.id:
        return None, text(node)
    if name.type == "generic_name" and name.named_child_count:
        name = name.named_children[0]
    return receiver, text(name)


def _call_parts(node, text) -> tuple[Any, str, list[str]] | None:
    """(receiver node or None, name, argument texts) of a call, a macro or a member access."""
    if node.type == "macro_invocation":
        receiver, name = _split_callee(node.child_by_field_name("macro"), text)
        tree = next((c for c in node.named_children if c.type == "token_tree"), None)
        return receiver, name, _split_args(text(tree)[1:-1]) if tree is not None else []
    function = node.child_by_field_name("function")
    if function is not None and node.child_by_field_name("method") is None:
        receiver, name = _split_callee(function, text)
    elif node.type in _CALL_TYPES:
        receiver = next((r for r in map(node.child_by_field_name, ("receiver", "object", "scope")) if r is not None), None)
        name_node = node.child_by_field_name("method") or node.child_by_field_name("name")
        if name_node is None:
            return None
        if name_node.type == "generic_name" and name_node.named_child_count:
            name_node = name_node.named_children[0]
        name = text(name_node)
    else:
        receiver, name = _split_callee(node, text)
        if receiver is None:
            return None
        return receiver, name, []
    args_node = node.child_by_field_name("arguments")
    args = [text(c) for c in args_node.named_children if c.type not in _SKIP_ARGS] if args_node is not None else []
    if not args:
        block = node.child_by_field_name("block")  # RSpec `expect { ... }.to raise_error`
        if block is not None:
            args = [text(block)]
    return receiver, name, args


def _last_component(text: str) -> str:
    text = re.sub(r"\(.*\)$", "", text.strip(), flags=re.S)
    return re.split(r"\.|->|::", text)[-1].lstrip("$").strip()


def _assertion(conv: Conventions, node, name_node, cand: _Candidate, text, helpers: set[str]) -> Verdict | None:
    """The verdict on one captured assertion candidate, or None when it is no assertion."""
    if node.type == "assert_statement":
        condition = next((c for c in node.named_children if c.type != "comment"), None)
        return judge(text(condition)) if condition is not None else None
    if name_node is not None:  # most method calls in a test are no assertion: drop them cheaply
        name = text(name_node)
        if (
            name not in conv.known
            and not _classify().helper.match(name)
            and not any(p.search(name) for p, _t in conv.patterns)
            and not (conv.chain_entries and any(e in text(node) for e in conv.chain_entries))
        ):
            return None
    parts = _call_parts(node, text)
    if parts is None:
        return None
    receiver, name, args = parts
    if name in conv.chain_entries:  # `expect(x)` starts a chain: the matcher at its end asserts,
        templates = conv.asserts.get(name)  # unless the entry asserts itself (Hamcrest assertThat(x, m))
        return _apply(templates, args, None, False, node, cand, text) if templates else None
    if conv.chain_entries and receiver is not None:
        chain = _chain(conv, receiver, text)
        if chain is not None:
            return _chain_verdict(conv, name, args, chain, node, cand, text)
    recv = _last_component(text(receiver)) if receiver is not None else None
    templates = conv.asserts.get(f"{recv}.{name}") if recv else None
    blocked_receiver = recv is not None and conv.receivers is not None and recv not in conv.receivers
    blocked = blocked_receiver or (receiver is None and conv.bare is not None and name not in conv.bare)
    if templates is None and not blocked:
        templates = conv.asserts.get(name) or next((t for p, t in conv.patterns if p.search(name)), None)
    if templates is None:
        if not blocked_receiver and name not in helpers and _classify().helper.match(name):
            return Verdict(True, "assertion helper")
        return None
    return _apply(templates, args, None, False, node, cand, text)


def _chain(conv: Conventions, node, text) -> tuple[str, str, bool] | None:
    """Walk down an expectation chain (`expect(x).not.toBe`, `x.Should().Be`) to its entry:
    (entry kind, subject text, negated) or None when the receiver is no chain."""
    negated = False
    passed_call = False
    for _ in range(64):
        if node is None:
            return None
        if node.type in _CALL_TYPES:
            parts = _call_parts(node, text)
            if parts is None:
                return None
            receiver, name, args = parts
            kind = conv.chain_entries.get(name)
            if kind is not None:
                if kind == "arg":
                    return (kind, args[0], negated) if args else None
                if kind == "receiver":
                    return (kind, text(receiver), negated) if receiver is not None else None
                return kind, "subject", negated
            passed_call = True  # an earlier matcher of a chained expectation: its `not` is its own
            node = receiver
            continue
        if node.named_child_count == 0:  # RSpec `is_expected`; `expect.assertions(1)` is no chain
            kind = conv.chain_entries.get(text(node))
            return (kind, "subject", negated) if kind not in (None, "arg", "receiver") else None
        receiver, name = _split_callee(node, text)
        if receiver is None:
            return None
        if not passed_call and name in conv.negators:
            negated = not negated
        node = receiver
    return None


def _chain_verdict(conv: Conventions, name: str, args: list[str], chain, node, cand, text) -> Verdict | None:
    kind, subject, negated = chain
    if name in conv.carriers:  # RSpec: expect(x).to eq(5) -- the matcher is the argument
        negated ^= name in conv.negators
        if not args:
            return None
        m = _RUBY_MATCHER.match(args[0].strip())
        if m is None:
            return Verdict(True, "matcher")
        name = m.group(1)
        inner = m.group(2) if m.group(2) is not None else m.group(3)
        args = _split_args(inner) if inner and inner.strip() else []
    if kind == "raises":
        return Verdict(True, "raises")
    if kind == "strong":
        return Verdict(True, "interaction check")
    templates = conv.matchers.get(name)
    if templates is None:
        return Verdict(True, "matcher")
    return _apply(templates, args, subject, negated, node, cand, text) or Verdict(True, "matcher")


def _apply(templates, args: list[str], subject: str | None, negated: bool, node, cand, text) -> Verdict | None:
    for template in templates:
        if template == "guard":
            return _guard(node, cand, text)
        if template == "strong":
            return Verdict(True, "value check")
        if template == "raises":
            return Verdict(False, "does not throw") if negated else Verdict(True, "raises")
        if template.startswith("trivial"):
            return Verdict(False, template.partition(":")[2] or "trivial")
        expression = _fill(template, args, subject)
        if expression is not None:
            return judge(f"not ({expression})" if negated else expression)
    return None


def _fill(template: str, args: list[str], subject: str | None) -> str | None:
    missing = False

    def value(m: re.Match[str]) -> str:
        nonlocal missing
        key = m.group(1)
        if key == "subject":
            found = subject
        elif key == "value":
            found = next((a for a in args if not _STRING.fullmatch(a)), None)
        else:
            i = int(key)
            found = args[i] if -len(args) <= i < len(args) else None
        if found is None:
            missing = True
            return ""
        return found

    out = _PLACEHOLDER.sub(value, template)
    return None if missing else out


_IF_NODES = frozenset({
    "if_statement", "if_expression", "elif_clause", "else_if_clause", "if", "unless", "elsif", "if_modifier",
    "unless_modifier",
})


def _guard(node, cand: _Candidate, text) -> Verdict:
    """A failure call (`t.Errorf`, `fail()`) asserts the opposite of the `if` around it, or, outside
    any `if`, that its path is never taken."""
    parent = node.parent
    while parent is not None and parent.id != cand.node.id:
        if parent.type in _IF_NODES:
            condition = parent.child_by_field_name("condition")
            if condition is not None and not (condition.start_byte <= node.start_byte < condition.end_byte):
                alternative = parent.child_by_field_name("alternative")
                in_else = alternative is not None and alternative.start_byte <= node.start_byte < alternative.end_byte
                if parent.type.startswith("unless"):
                    in_else = not in_else
                claim = text(condition)
                return judge(claim if in_else else f"not ({claim})")
        parent = parent.parent
    return Verdict(True, "unconditional failure")
