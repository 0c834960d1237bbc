"""Regions and their complexity, from one tree-sitter query pass per file.

The capture protocol the query files follow (data/queries/README.md says it at length):
regions.scm names definitions (`@definition.function|method|class` with `@name`, optional
`@receiver`), `@package`, `@param` and `@comment`; complexity.scm marks decision points
(`@branch`), nesting control structures (`@nest`), flat cognitive increments (`@flat`),
anonymous functions (`@lambda`) and logical operators (`@logical`).

Only the captured nodes are visited, in one sweep sorted by position with a stack of the open
regions and control structures: every capture goes to its innermost region, and its nesting level
is read off the stack. No Python walk of every node (DESIGN.md, principle 6).
"""

from __future__ import annotations

import hashlib
import re
from itertools import compress, repeat
from operator import sub
from dataclasses import dataclass, field

from analyzers.languages import LANGUAGES
from vibetriage.model import Metrics, Region

CONCERNS = ("regions", "complexity")  # the query files this module reads captures of
_WS = re.compile(rb"\s+")
_SPACE = b" \t\n\r\x0b\x0c"  # what \s matches in bytes: deleted with bytes.translate, far faster than a regex
_LINE_SPACE = _SPACE.replace(b"\n", b"")  # deleted from a text, it leaves the line breaks
_ROW = b"%d:%s".__mod__  # one fingerprint row: indentation, then the line without whitespace
_GENERIC_ARGS = re.compile(r"(?<!operator)<.*>$")  # but keep `operator<=>`
_DEFINITION = {f"definition.{kind}": kind for kind in ("function", "method", "class")}
_PARENS = frozenset({"parenthesized_expression", "parenthesized_statements"})
# `and`/`or` are the same operators as `&&`/`||` for counting sequences (Ruby, PHP, C++).
_SAME_OPERATOR = {"and": "&&", "or": "||"}


@dataclass(slots=True)
class _Open:
    """A region being measured while the sweep is inside it."""

    kind: str
    qualname: str
    start: int
    end: int
    start_line: int
    end_line: int
    name_span: tuple[int, int] | None
    parent: _Open | None
    branches: int = 0
    cognitive: int = 0
    nesting: int = 0
    params: int = 0
    children: list[_Open] = field(default_factory=list)


@dataclass(slots=True)
class _Frame:
    """An entry of the sweep's stack: a region, a control structure or an anonymous function."""

    end: int
    region: _Open | None  # innermost region at this point
    level: int  # cognitive nesting level inside `region`
    depth: int  # control-structure depth inside `region`


def measure(language: str, source: bytes, found) -> tuple[tuple[Region, ...], Metrics, list[tuple[int, int, int, int]]]:
    """Regions, whole-file metrics and comment spans from the structure matches of one file."""
    definitions: dict[tuple[int, int], tuple[str, object, object, object]] = {}
    roles: dict[int, set[str]] = {}
    nodes: dict[int, object] = {}
    comments: list[tuple[int, int, int, int]] = []
    package = ""
    for _pattern, caps in found:
        kind = next((_DEFINITION[k] for k in caps if k in _DEFINITION), None)
        if kind is not None:
            node = caps[f"definition.{kind}"][0]
            span = (node.start_byte, node.end_byte)
            if span not in definitions and "name" in caps:
                definitions[span] = (kind, node, caps["name"][0], caps.get("receiver", [None])[0])
            continue
        for role, captured in caps.items():
            for node in captured:
                if role == "comment":
                    comments.append((node.start_byte, node.end_byte, node.start_point[0], node.end_point[0]))
                elif role == "package":
                    package = _text(source, node)
                elif node.end_byte > node.start_byte:
                    roles.setdefault(node.id, set()).add(role)
                    nodes[node.id] = node

    logical = {nid for nid, r in roles.items() if "logical" in r}
    not_param = LANGUAGES[language].receiver
    # Definitions sort before other captures of the same span so a region owns its own markers.
    # Captures of one span keep the order they came in (the sequence number), as nesting needs.
    events = [(s, -e, 0, i, (s, e)) for i, (s, e) in enumerate(definitions)]
    events += [(n.start_byte, -n.end_byte, 1, i, nid) for i, (nid, n) in enumerate(nodes.items())]
    events.sort()

    top = _Open("file", "", 0, len(source), 1, 1, None, None)
    stack: list[_Frame] = [_Frame(len(source) + 1, top, 0, 0)]
    for start, neg_end, is_marker, _seq, ref in events:
        while stack[-1].end <= start:
            stack.pop()
        frame = stack[-1]
        owner = frame.region
        if not is_marker:
            kind, node, name_node, receiver = definitions[ref]
            region = _open_region(source, kind, node, name_node, receiver, owner, top, package)
            owner.children.append(region)
            stack.append(_Frame(-neg_end, region, 0, 0))
            continue
        node_roles = roles[ref]
        node = nodes[ref]
        if "branch" in node_roles:
            owner.branches += 1
        if "param" in node_roles and not (not_param and not_param.fullmatch(_WS.sub(b" ", source[start:-neg_end]))):
            owner.params += 1
        if "logical" in node_roles:
            owner.cognitive += _logical_sequences(node, logical)
        if "flat" in node_roles:
            owner.cognitive += 1
        elif "nest" in node_roles:
            owner.cognitive += 1 + frame.level
            owner.nesting = max(owner.nesting, frame.depth + 1)
            stack.append(_Frame(-neg_end, owner, frame.level + 1, frame.depth + 1))
        elif "lambda" in node_roles and (start, -neg_end) not in definitions:  # a region is not its own lambda
            stack.append(_Frame(-neg_end, owner, frame.level + 1, frame.depth))

    regions: list[Region] = []
    ordinals: dict[tuple[str, str], int] = {}
    spec = LANGUAGES[language]
    file_metrics = _finish(top, source, spec.indent_sensitive, _Text(source, comments), regions, ordinals)
    regions.sort(key=lambda r: (r.start_line, -r.end_line, r.qualname.count("."), r.qualname))
    return tuple(regions), file_metrics, comments


def _open_region(source: bytes, kind, node, name_node, receiver, parent: _Open, top: _Open, package: str) -> _Open:
    name = _clean_name(_text(source, name_node))
    if receiver is not None:
        name = f"{_clean_name(_text(source, receiver))}.{name}"
    if parent is not top:
        qualname = f"{parent.qualname}.{name}"
        if kind == "function" and parent.kind == "class":
            kind = "method"
    else:
        qualname = f"{package}.{name}" if package else name
    if kind == "function" and receiver is not None:
        kind = "method"
    name_span = (name_node.start_byte, name_node.end_byte)
    if not (node.start_byte <= name_span[0] and name_span[1] <= node.end_byte):
        name_span = None  # e.g. `const f = () => {}`: the name sits outside the function node
    return _Open(kind, qualname, node.start_byte, node.end_byte, node.start_point[0] + 1, node.end_point[0] + 1, name_span, parent)


def _text(source: bytes, node) -> str:
    # Sliced from our own buffer: `node.text` is slow on a tree parsed through a read callback.
    return source[node.start_byte : node.end_byte].decode("utf-8", "replace")


def _clean_name(text: str) -> str:
    """`Foo::bar` -> `Foo.bar`, `Vec<T>` -> `Vec`, `*Server` -> `Server`; names stay one line."""
    text = _GENERIC_ARGS.sub("", " ".join(text.split()))
    return text.replace("::", ".").lstrip("*&").strip() or "<anonymous>"


def _logical_sequences(node, logical: set[int]) -> int:
    """SonarSource's rule for boolean operators: +1 for each run of like operators in source order,
    parentheses ignored (`a && b && c` is 1, `a || b && c || d` is 3, `a && (b && c)` is 1). The
    whole expression is counted at its outermost operator; the ones inside it count 0."""
    parent = node.parent
    while parent is not None and parent.type in _PARENS:
        parent = parent.parent
    if parent is not None and parent.id in logical:
        return 0
    operators = _operators_in_order(node, logical)
    return 1 + sum(a != b for a, b in zip(operators, operators[1:]))


def _operators_in_order(node, logical: set[int]) -> list[str]:
    out: list[str] = []
    stack = [node]
    while stack:  # iterative in-order walk of the operator tree: deep chains do not recurse
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
            continue
        op = item.child_by_field_name("operator")
        left, right = (_unparen(item.child_by_field_name(side)) for side in ("left", "right"))
        if right is not None and right.id in logical:
            stack.append(right)
        if op is not None:
            stack.append(_SAME_OPERATOR.get(op.type, op.type))
        if left is not None and left.id in logical:
            stack.append(left)
    return out


def _unparen(node):
    while node is not None and node.type in _PARENS and node.named_child_count == 1:
        node = node.named_children[0]
    return node


def _finish(region: _Open, source: bytes, indent_sensitive: bool, lines: _Text, out: list[Region], ordinals) -> Metrics:
    """Close a region bottom-up and return its total for the container around it. A function's own
    metrics leave out the named functions nested in it (they are regions of their own); a class's
    (and the file's) are the sum of what it contains, like a weighted-methods-per-class count, so
    every decision point is counted once at each level."""
    totals = [_finish(c, source, indent_sensitive, lines, out, ordinals) for c in region.children]
    container = region.kind in ("class", "file")
    length = source.count(b"\n") + 1 if region.kind == "file" else region.end_line - region.start_line + 1
    total = Metrics(
        region.branches + (0 if container else 1) + sum(m.cyclomatic for m in totals),
        region.cognitive + sum(m.cognitive for m in totals),
        max([region.nesting, *(m.nesting for m in totals)]),
        length,
        0 if container else region.params,
    )
    if region.kind == "file":
        return total
    own = total if container else Metrics(region.branches + 1, region.cognitive, region.nesting, length, region.params)
    ordinal = ordinals.get((region.kind, region.qualname), 0)
    ordinals[(region.kind, region.qualname)] = ordinal + 1
    fingerprint = lines.fingerprint(region, indent_sensitive)
    out.append(Region("", region.kind, region.qualname, ordinal, region.start_line, region.end_line, fingerprint, own))
    return total


_BLANK = bytes(b if b == 0x0A else 0x20 for b in range(256))  # every byte but newline -> space


class _Text:
    """The file with its comments blanked in place (offsets and line numbers stay put), from
    which each region's fingerprint is cut: slices and C-level passes, no Python loop per line."""

    def __init__(self, source: bytes, comments) -> None:
        clean = bytearray(source)
        for start, end, _first, _last in comments:
            clean[start:end] = source[start:end].translate(_BLANK)
        self.clean = bytes(clean)

    def fingerprint(self, region: _Open, indent_sensitive: bool) -> str:
        """Hash of the region's text without comments, without its own name (a rename alone keeps
        the fingerprint, so a decision follows it) and without formatting whitespace. Where
        indentation is syntax, each line keeps its indentation relative to the least indented
        line after the first: moving the whole region keeps the hash, moving a statement in or
        out of a block changes it. (The hash is what stored decisions were recorded against:
        changing how it is computed would make every review look stale.)"""
        if region.name_span:
            (ns, ne) = region.name_span
            text = self.clean[region.start : ns] + self.clean[ne : region.end]
        else:
            text = self.clean[region.start : region.end]
        if not indent_sensitive:
            return hashlib.blake2b(text.translate(None, _SPACE), digest_size=12).hexdigest()
        # Rows are the lines that are not blank: (indentation, text without whitespace), each
        # column made in C-level passes over all the lines at once.
        lines = text.split(b"\n")
        bares = text.translate(None, _LINE_SPACE).split(b"\n")
        indents = list(compress(map(sub, map(len, lines), map(len, map(bytes.lstrip, lines))), bares))
        bares = list(filter(None, bares))
        if not bares:
            return hashlib.blake2b(b"", digest_size=12).hexdigest()
        base = min(indents[1:], default=0)
        body = b"\n".join([b"0:" + bares[0], *map(_ROW, zip(map(sub, indents[1:], repeat(base)), bares[1:]))])
        return hashlib.blake2b(body, digest_size=12).hexdigest()
