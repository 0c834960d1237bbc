"""The language registry: which file belongs to which language, which grammar wheel parses it, and
where its queries live. Adding a language = its query files under data/queries/<dir>/ + one entry."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LanguageSpec:
    """A supported language: its file extensions, grammar module and query directory."""

    name: str
    extensions: tuple[str, ...]
    module: str  # the official grammar wheel's module
    function: str = "language"  # the function in it returning the language pointer
    query_dir: str = ""  # defaults to `name`; TSX shares TypeScript's queries
    indent_sensitive: bool = False  # indentation is syntax: fingerprints keep relative indentation
    # A `@param` whose whole text (whitespace folded) matches this is no parameter: the receiver
    # (`self`, `cls`, Rust's typed `self`) or C's `(void)`. Kept out of the queries because
    # py-tree-sitter evaluates text predicates in Python, for every match.
    receiver: re.Pattern[bytes] | None = None

    @property
    def queries(self) -> str:
        return self.query_dir or self.name


LANGUAGES: dict[str, LanguageSpec] = {
    spec.name: spec
    for spec in (
        LanguageSpec("python", (".py", ".pyi"), "tree_sitter_python", indent_sensitive=True, receiver=re.compile(rb"self|cls")),
        LanguageSpec("javascript", (".js", ".jsx", ".mjs", ".cjs"), "tree_sitter_javascript"),
        LanguageSpec("typescript", (".ts", ".mts", ".cts"), "tree_sitter_typescript", "language_typescript"),
        LanguageSpec("tsx", (".tsx",), "tree_sitter_typescript", "language_tsx", query_dir="typescript"),
        LanguageSpec("go", (".go",), "tree_sitter_go"),
        LanguageSpec("java", (".java",), "tree_sitter_java"),
        LanguageSpec("ruby", (".rb", ".rake", ".gemspec"), "tree_sitter_ruby"),
        LanguageSpec("php", (".php",), "tree_sitter_php", "language_php"),
        LanguageSpec("rust", (".rs",), "tree_sitter_rust", receiver=re.compile(rb"(mut )?self ?:.*", re.S)),
        LanguageSpec("c", (".c",), "tree_sitter_c", receiver=re.compile(rb"void")),
        # .h goes to C++: its grammar parses C headers too, while C's fails on C++ headers.
        LanguageSpec("cpp", (".cc", ".cpp", ".cxx", ".c++", ".hh", ".hpp", ".hxx", ".h", ".ipp"), "tree_sitter_cpp",
                     receiver=re.compile(rb"void")),
        LanguageSpec("csharp", (".cs",), "tree_sitter_c_sharp"),
    )
}

_BY_EXTENSION = {ext: spec for spec in LANGUAGES.values() for ext in spec.extensions}
_BY_FILENAME = {"Rakefile": LANGUAGES["ruby"], "Gemfile": LANGUAGES["ruby"]}


def language_for(path: str) -> LanguageSpec | None:
    """The language of a repository path, by file name then extension (case-sensitive, like git)."""
    name = path.rpartition("/")[2]
    if name in _BY_FILENAME:
        return _BY_FILENAME[name]
    return _BY_EXTENSION.get(posixpath.splitext(name)[1])
