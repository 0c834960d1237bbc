"""Code written the safe way (parameterised queries, argument-list subprocesses, safe loaders,
secrets from the environment, escaped templates) must give no finding in any language: the
precision half of the rule pack's contract."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzers.facts import analyze
from analyzers.languages import language_for

CLEAN = Path(__file__).parent / "data" / "clean"
FILES = sorted(p for p in CLEAN.rglob("*") if p.is_file() and language_for(p.name))


def test_the_corpus_covers_every_language():
    assert {language_for(p.name).name for p in FILES} >= {
        "python", "javascript", "typescript", "go", "java", "ruby", "php", "rust", "c", "cpp", "csharp"
    }


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(CLEAN).as_posix())
def test_clean_code_has_no_findings(path):
    facts = analyze(language_for(path.name).name, path.read_bytes())
    assert [(f.rule_id, f.start_line) for f in facts.findings] == []
