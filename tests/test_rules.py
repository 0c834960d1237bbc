"""Every rule of the pack on its annotated example: findings on exactly the lines after the
`ruleid:` annotations, none after the `ok:` ones. The rule pack is loaded and compiled for every
language it names, so a malformed rule fails here."""

from __future__ import annotations

import re

import pytest

from analyzers import security
from analyzers.facts import analyze, combined
from analyzers.languages import LANGUAGES, language_for
from vibetriage.assets import data_path

ANNOTATION = re.compile(r"(ruleid|ok):\s*([\w.\-]+)")


def example_of(rule: security.Rule):
    toml = data_path(*rule.source.split("/")[1:])
    examples = [p for p in toml.parent.glob(toml.stem + ".*") if p.suffix != ".toml"]
    assert len(examples) == 1, f"{rule.source}: needs exactly one example file beside it"
    return examples[0]


def expected_lines(text: str, rule_id: str) -> tuple[set[int], set[int]]:
    hits, oks = set(), set()
    for number, line in enumerate(text.splitlines(), start=1):
        for kind, rid in ANNOTATION.findall(line):
            if rid == rule_id:
                (hits if kind == "ruleid" else oks).add(number + 1)
    return hits, oks


@pytest.mark.parametrize("rule", security.rules(), ids=lambda r: r.id)
def test_rule_fires_on_exactly_its_annotated_lines(rule):
    example = example_of(rule)
    spec = language_for(example.name)
    assert spec is not None and spec.name in rule.languages, f"{example.name} is not in {rule.languages}"
    text = example.read_text(encoding="utf-8")
    hits, oks = expected_lines(text, rule.id)
    assert hits, f"{example}: no `ruleid: {rule.id}` annotation"
    assert oks, f"{example}: no `ok: {rule.id}` annotation: show what the rule must not flag"
    facts = analyze(spec.name, text.encode())
    found = {f.start_line for f in facts.findings if f.rule_id == rule.id and not f.suppressed}
    assert found == hits


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_rule_compiles_for_each_language_it_names(language):
    # Each query rule of the language owns at least one pattern of the combined query, and only
    # the language's rules do: a rule whose query compiled to nothing would never fire.
    owners = {r.id for r in combined(language).rule_of_pattern}
    assert owners == {r.id for r in security.query_rules(language)}


@pytest.mark.parametrize("rule", security.rules(), ids=lambda r: r.id)
def test_every_regex_of_every_rule_compiles(rule):
    # Regexes compile on first use (a scan loads only its languages' rules): a broken one would
    # otherwise surface only on the code that reaches it.
    regexes = [rx for _, rx in (*rule.where, *rule.where_not)]
    regexes += [r for r in (rule.pattern, rule.entropy.placeholder if rule.entropy else None) if r is not None]
    assert [rx.compiled().pattern for rx in regexes] == [rx.text for rx in regexes]


def test_inline_suppression_is_kept_with_its_reason():
    code = (
        "def f(cur, name):\n"
        "    # vibetriage: ignore[python.sql-injection] name is an enum value, never user input\n"
        "    cur.execute(\"SELECT * FROM t WHERE k = '%s'\" % name)\n"
        "    cur.execute(\"SELECT * FROM t WHERE k = '%s'\" % name)  # vibetriage: ignore[*]\n"
    )
    facts = analyze("python", code.encode())
    by_line = {f.start_line: f.suppressed for f in facts.findings}
    assert by_line == {3: "name is an enum value, never user input", 4: "no reason given"}


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_a_rule_applies_to_exactly_the_files_holding_one_of_its_literals(language):
    # The one-pass literal search must agree with searching each literal on its own, including
    # literals found inside one another ("pass" in "_pass_") and files holding none at all.
    rules = security.rules_for(language)
    literals = sorted({lit for r in rules for lit in r.literals})
    texts = [example_of(r).read_bytes() for r in rules]
    texts += [b"", b"no literal here", b"_".join(literals), b"".join(lit[1:] for lit in literals), literals[0] * 3]
    for text in texts:
        expected = {r for r in rules if not r.literals or any(lit in text for lit in r.literals)}
        assert security.applicable(language, text) == expected


def test_a_rule_with_an_empty_literal_is_refused(tmp_path):
    rule = tmp_path / "python" / "empty-literal.toml"
    rule.parent.mkdir()
    rule.write_text('title = "t"\nmessage = "m"\nseverity = "low"\nconfidence = "low"\nliterals = ["eval", ""]\n'
                    'query = "(call) @finding"\n', encoding="utf-8")
    with pytest.raises(security.RuleError, match="empty-literal.toml: `literals` must be non-empty strings"):
        security._load(rule, "python")
