"""What every language must do alike, one table row per language: a region's fingerprint survives a
rename, comments and reformatting but not a change of code; a syntax error makes the file partial
but keeps the regions that parsed; lines of code skip blank and comment-only lines. Each language's
own file holds what is particular to it."""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter

import pytest

from tests.languages.helpers import measure

Snippet = tuple[str, str]  # (source, the key of the region to compare)


@dataclass(frozen=True)
class Fingerprint:
    language: str
    base: Snippet
    same: tuple[Snippet, ...]  # must keep the base region's fingerprint
    changed: tuple[Snippet, ...] = ()  # must alter it
    name: str = ""  # the test id where a language has more than one case

    @property
    def id(self) -> str:
        return self.name or self.language


FINGERPRINTS = [
    Fingerprint(
        "python",
        ("def f(a):\n    if a:\n        x()\n    y()\n", "f"),
        same=(
            ("def g(a):  # renamed\n    if a :\n        x( )\n\n    y()\n", "g"),
            # Moved into a class, same code: indentation is read relative to the region.
            ("class K:\n    def f(a):\n        if a:\n            x()\n        y()\n", "K.f"),
        ),
        # y() moved into the if: behaviour changed, and in Python only the indentation says so.
        changed=(("def f(a):\n    if a:\n        x()\n        y()\n", "f"),),
    ),
    Fingerprint(
        "javascript",
        ("function f(a) {\n  if (a) {\n    x();\n  }\n  y();\n}\n", "f"),
        same=(("function g(a) { // renamed\n  if (a) { x(); }\n  /* note */\n  y();\n}\n", "g"),),
        # y() moved into the if: behaviour changed.
        changed=(("function f(a) {\n  if (a) {\n    x();\n    y();\n  }\n}\n", "f"),),
    ),
    # A function value's name sits outside its node: renaming the binding keeps the fingerprint.
    Fingerprint(
        "javascript",
        ("const load = async (id) => {\n  return api.get(id);\n};\n", "load"),
        same=(("export const fetchOne = async (id) => { return api.get(id); };\n", "fetchOne"),),
        name="javascript-arrow",
    ),
    # The same method in a class and in an object literal.
    Fingerprint(
        "javascript",
        ("class K {\n  run(a) { return a; }\n}\n", "K.run"),
        same=(("const k = {\n  start(a) {\n    return a;\n  },\n};\n", "start"),),
        name="javascript-method",
    ),
    Fingerprint(
        "typescript",
        ("function f(a: number): number {\n  if (a > 0) {\n    return a;\n  }\n  return 0;\n}\n", "f"),
        same=(("/** doc */\nfunction g(a: number): number { // renamed\n  if (a > 0) { return a; }\n  return 0;\n}\n", "g"),),
        # A signature change is a change, though only a type differs.
        changed=(("function f(a: string): number {\n  if (a > 0) {\n    return a;\n  }\n  return 0;\n}\n", "f"),),
    ),
    Fingerprint(
        "tsx",
        ("export const Row = ({ id }: P) => <tr key={id} />;\n", "Row"),
        same=(("const TableRow = ({ id }: P) =>\n  <tr key={id} />;  // renamed\n", "TableRow"),),
    ),
    Fingerprint(
        "go",
        ("package p\n\nfunc f(a int) int {\n\tif a > 0 {\n\t\treturn a\n\t}\n\treturn 0\n}\n", "p.f"),
        same=(
            (
                "package p\n\n// doc\nfunc g(a int) int {\n    if a > 0 { // positive\n        return a\n    }\n\n"
                "    return 0 /* zero */\n}\n",
                "p.g",
            ),
        ),
        changed=(("package p\n\nfunc f(a int) int {\n\tif a >= 0 {\n\t\treturn a\n\t}\n\treturn 0\n}\n", "p.f"),),
    ),
    Fingerprint(
        "java",
        ("class K {\n  int f(int a) {\n    if (a > 0) { return a; }\n    return 0;\n  }\n}\n", "K.f"),
        same=(
            (
                "class K {\n  /** Doc. */\n  int g(int a) {\n    if (a > 0) {\n      return a; // positive\n    }\n\n"
                "    return 0;\n  }\n}\n",
                "K.g",
            ),
        ),
        changed=(("class K {\n  int f(int a) {\n    if (a >= 0) { return a; }\n    return 0;\n  }\n}\n", "K.f"),),
    ),
    Fingerprint(
        "csharp",
        ("class K {\n  int F(int a) {\n    if (a > 0) { return a; }\n    return 0;\n  }\n}\n", "K.F"),
        same=(
            (
                "class K {\n  /// Doc.\n  int G(int a) {\n    if (a > 0) {\n      return a; // positive\n    }\n\n"
                "    return 0;\n  }\n}\n",
                "K.G",
            ),
        ),
        changed=(("class K {\n  int F(int a) {\n    if (a >= 0) { return a; }\n    return 0;\n  }\n}\n", "K.F"),),
    ),
    Fingerprint(
        "ruby",
        ("class K\n  def f(a)\n    if a\n      x\n    end\n  end\nend\n", "K.f"),
        same=(("class K\n  # note\n  def g( a )\n    if a   # why\n\n        x\n    end\n  end\nend\n", "K.g"),),
        changed=(("class K\n  def f(a)\n    if a\n      y\n    end\n  end\nend\n", "K.f"),),
    ),
    Fingerprint(
        "php",
        ("<?php\nclass K {\n  function f($a) {\n    if ($a) { x(); }\n  }\n}\n", "K.f"),
        same=(
            (
                "<?php\nclass K {\n  /** doc */\n  function g( $a ) {  // renamed\n    if ($a) {\n      x();\n    }\n  }\n}\n",
                "K.g",
            ),
        ),
        changed=(("<?php\nclass K {\n  function f($a) {\n    if ($a) { y(); }\n  }\n}\n", "K.f"),),
    ),
    Fingerprint(
        "rust",
        ("impl K {\n    fn f(&self, a: u8) {\n        if a > 0 { x(); }\n    }\n}\n", "K.f"),
        same=(
            (
                "impl K {\n    /// Docs.\n    fn g( &self,a: u8 ) {  // renamed\n        /* why */ if a > 0 {\n x();\n }\n"
                "    }\n}\n",
                "K.g",
            ),
        ),
        changed=(("impl K {\n    fn f(&self, a: u8) {\n        if a >= 0 { x(); }\n    }\n}\n", "K.f"),),
    ),
    Fingerprint(
        "c",
        ("int f(int a)\n{\n    if (a) {\n        x();\n    }\n    y();\n    return 0;\n}\n", "f"),
        same=(("/* doc */\nint g(int a) {  // renamed\n  if (a)   { x( ); }\n\n  y();   return 0;\n}\n", "g"),),
        # y() moved into the if: behaviour changed.
        changed=(("int f(int a)\n{\n    if (a) {\n        x();\n        y();\n    }\n    return 0;\n}\n", "f"),),
    ),
    Fingerprint(
        "cpp",
        ("int Foo::f(int a)\n{\n    if (a) {\n        x();\n    }\n    y();\n    return 0;\n}\n", "Foo.f"),
        same=(("// doc\nint Foo::g(int a) {  /* renamed */\n  if (a)   { x( ); }\n\n  y();   return 0;\n}\n", "Foo.g"),),
        # y() moved into the if.
        changed=(("int Foo::f(int a)\n{\n    if (a) {\n        x();\n        y();\n    }\n    return 0;\n}\n", "Foo.f"),),
    ),
]


@pytest.mark.parametrize("case", FINGERPRINTS, ids=attrgetter("id"))
def test_fingerprint_ignores_comments_formatting_and_the_name(case: Fingerprint) -> None:
    assert case.same, "a case must compare the base with at least one rewrite"
    source, key = case.base
    _, regions = measure(case.language, source)
    fingerprint = regions[key].fingerprint
    for source, key in case.same:
        _, regions = measure(case.language, source)
        assert regions[key].fingerprint == fingerprint, source
    for source, key in case.changed:
        _, regions = measure(case.language, source)
        assert regions[key].fingerprint != fingerprint, source


@dataclass(frozen=True)
class PartialParse:
    language: str
    source: str
    kept: str  # a region before the error that must still be there
    expect: dict[str, object] = field(default_factory=dict)  # and what it measures: attribute path -> value


SYNTAX_ERRORS = [
    PartialParse("python", "def ok():\n    return 1\n\ndef broken(:\n    pass\n", "ok"),
    PartialParse(
        "javascript",
        "function ok() {\n  return 1;\n}\n\nfunction broken( {\n  return;\n",
        "ok",
        {"end_line": 3},
    ),
    PartialParse(
        "typescript",
        "function ok(): number {\n  return 1;\n}\n\nfunction broken(a: {\n  return;\n",
        "ok",
        {"end_line": 3},
    ),
    PartialParse(
        "tsx",
        "function ok(a: number) {\n  return a;\n}\nconst A = () => <div>{</div>;\n",
        "ok",
        {"start_line": 1, "end_line": 3, "metrics.params": 1},
    ),
    PartialParse("go", "package p\n\nfunc ok() int {\n\treturn 1\n}\n\nfunc broken( {\n}\n", "p.ok"),
    PartialParse("java", "class A {\n  int ok() { return 1; }\n  void broken( { }\n}\n", "A.ok"),
    PartialParse("csharp", "class A {\n  int Ok() { return 1; }\n  void Broken( { }\n}\n", "A.Ok"),
    PartialParse("ruby", "def ok\n  1\nend\n\ndef broken(\n  2\n", "ok"),
    PartialParse("php", "<?php\nfunction ok() { return 1; }\n\nfunction broken( { \n", "ok"),
    PartialParse("rust", "fn ok() -> u8 {\n    1\n}\n\nfn broken( {\n", "ok"),
    PartialParse(
        "c",
        "int ok(void)\n{\n    return 1;\n}\n\nint broken(int a\n{\n    return a +;\n}\n",
        "ok",
        {"metrics.cyclomatic": 1},
    ),
    PartialParse(
        "cpp",
        "int ok() { return 1; }\n\nclass Broken {\n    void m( { }\n};\n",
        "ok",
        {"metrics.cyclomatic": 1},
    ),
]


@pytest.mark.parametrize("case", SYNTAX_ERRORS, ids=attrgetter("language"))
def test_syntax_error_is_partial_but_keeps_what_parsed(case: PartialParse) -> None:
    facts, regions = measure(case.language, case.source)
    assert case.kept in regions
    for path, value in case.expect.items():
        assert attrgetter(path)(regions[case.kept]) == value, path
    assert facts.error is not None and facts.error.status == "partial" and facts.error.reason == "syntax-error"


LINES_OF_CODE = [
    pytest.param("python", "# header\n\nx = 1  # trailing\n# note\ny = 2\n", 2, id="python"),
    pytest.param(
        "javascript",
        "// header\n\n/* block\n   comment */\nconst a = 1; // trailing\n/** doc */\nlet b = 2;\n",
        2,
        id="javascript",
    ),
    pytest.param("go", "// header\npackage p\n\n/* a\n   b */\nvar x = 1 // trailing\n", 2, id="go"),
    pytest.param("java", "// header\n/*\n * block\n */\nclass A {} // trailing\n\n/** doc */\n", 1, id="java"),
    pytest.param("csharp", "// header\n/* a\n   b */\nclass A {} // trailing\n\n/// doc\n", 1, id="csharp"),
    pytest.param("ruby", "# header\n\nx = 1  # trailing\n# note\ny = 2\n", 2, id="ruby"),
    pytest.param("php", "<?php\n// header\n\n$x = 1; # trailing\n/* note\n   more */\n$y = 2;\n", 3, id="php"),
    pytest.param(
        "rust",
        "//! crate docs\n\n/// item docs\nconst X: u8 = 1; // trailing\n/* a\n   b */\nconst Y: u8 = 2;\n",
        2,
        id="rust",
    ),
    pytest.param("c", "/* header\n   more */\nint x;  // trailing\n// note\n\nint y;\n", 2, id="c"),
]


@pytest.mark.parametrize(("language", "source", "loc"), LINES_OF_CODE)
def test_lines_of_code_skip_blank_and_comment_only_lines(language: str, source: str, loc: int) -> None:
    facts, _ = measure(language, source)
    assert facts.loc == loc
