"""Coverage import: a real Cobertura XML written by coverage.py on a fixture project, a hand-checked
lcov file (tests/data/coverage/web.lcov), reports from another checkout root, and the one-line
errors that bad or hostile input gets."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from analyzers.coverage import CoverageError, FileCoverage, read_coverage

DATA = Path(__file__).parent / "data" / "coverage"

PRICING = """\
def total(items):
    return sum(items)


def discount(total, code):
    if code == "TEN":
        return total * 0.9
    return total


class Cart:
    def __init__(self):
        self.items = []

    def add(self, price):
        self.items.append(price)

    def clear(self):
        self.items = []
"""

RUN = """\
from pkg.pricing import total, discount, Cart
assert total([1, 2]) == 3
assert discount(100, "NONE") == 100
cart = Cart()
cart.add(5)
"""

# What coverage.py measures in PRICING when RUN runs: every statement, the `def`/`class` lines
# included (they run at import); lines 7 (the TEN branch) and 19 (clear's body) never run.
PRICING_COVERAGE = FileCoverage(
    frozenset({1, 2, 5, 6, 8, 11, 12, 13, 15, 16, 18}),
    frozenset({1, 2, 5, 6, 7, 8, 11, 12, 13, 15, 16, 18, 19}),
)


@pytest.fixture(scope="module")
def cobertura(tmp_path_factory) -> tuple[Path, Path]:
    """A fixture project run under the real coverage.py; returns (project root, coverage.xml)."""
    project = tmp_path_factory.mktemp("project")
    (project / "pkg").mkdir()
    (project / "pkg" / "__init__.py").write_text("")
    (project / "pkg" / "pricing.py").write_text(PRICING)
    (project / "run.py").write_text(RUN)
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE")}
    data = str(project / ".coverage")
    for args in (["run", f"--data-file={data}", "run.py"], ["xml", f"--data-file={data}", "-o", "coverage.xml"]):
        subprocess.run([sys.executable, "-m", "coverage", *args], cwd=project, env=env, check=True, capture_output=True)
    return project, project / "coverage.xml"


def test_cobertura_from_coverage_py_gives_covered_and_measured_lines_per_file(cobertura):
    project, report = cobertura
    assert read_coverage(report, project) == {
        "pkg/__init__.py": FileCoverage(frozenset(), frozenset()),
        "pkg/pricing.py": PRICING_COVERAGE,
        "run.py": FileCoverage(frozenset({1, 2, 3, 4, 5}), frozenset({1, 2, 3, 4, 5})),
    }


def test_a_report_from_another_checkout_resolves_by_the_longest_path_tail(cobertura, tmp_path):
    _project, report = cobertura
    moved = tmp_path / "ci-artifacts" / "coverage.xml"
    moved.parent.mkdir()
    shutil.copy(report, moved)
    checkout = tmp_path / "checkout"
    known = ["pkg/pricing.py", "pkg/__init__.py", "vendor/pkg2/pricing.py", "docs/conf.py"]
    assert read_coverage(moved, checkout, known) == {
        "pkg/__init__.py": FileCoverage(frozenset(), frozenset()),
        "pkg/pricing.py": PRICING_COVERAGE,
    }


def test_a_report_that_names_no_file_of_the_repository_is_refused(cobertura, tmp_path):
    _project, report = cobertura
    with pytest.raises(CoverageError) as caught:
        read_coverage(report, tmp_path / "elsewhere")
    assert str(caught.value) == (
        f"coverage report {report} lists 3 files, none in this repository (first: run.py); produce the report from this project"
    )


def test_hand_checked_lcov(tmp_path):
    # web.lcov, checked by hand:
    #  - pricing.js appears in two records (two test runs, absolute CI paths): DA lines 1,2,5,6,7 and
    #    5,6,8 -> measured {1,2,5,6,7,8}; hits > 0 on 1,2 (first run) and 5,6 (second) -> covered {1,2,5,6}
    #  - src/utils.js is relative to web/ (Jest ran there): DA 1 (1 hit), 2 (0 hits, checksum field),
    #    4 (12 hits) -> measured {1,2,4}, covered {1,4}
    #  - node_modules/left-pad/index.js shares only its file name with web/src/index.js: left out
    known = ["web/src/pricing.js", "web/src/utils.js", "web/src/index.js", "api/pricing.py"]
    assert read_coverage(DATA / "web.lcov", tmp_path, known) == {
        "web/src/pricing.js": FileCoverage(frozenset({1, 2, 5, 6}), frozenset({1, 2, 5, 6, 7, 8})),
        "web/src/utils.js": FileCoverage(frozenset({1, 4}), frozenset({1, 2, 4})),
    }


def test_lcov_without_known_paths_resolves_against_the_repository_root(tmp_path):
    report = tmp_path / "lcov.info"
    root = tmp_path / "repo"
    report.write_text(f"SF:{root}/src/a.ts\nDA:3,1\nDA:4,0\nend_of_record\nSF:lib/b.ts\nDA:1,0\nend_of_record\n")
    assert read_coverage(report, root) == {
        "lib/b.ts": FileCoverage(frozenset(), frozenset({1})),
        "src/a.ts": FileCoverage(frozenset({3}), frozenset({3, 4})),
    }


def test_cobertura_with_source_roots_windows_paths_and_a_doctype(tmp_path):
    # A JaCoCo-converter / istanbul style report: a DOCTYPE naming the DTD, several <source> roots
    # (one from a Windows CI agent), an inner class listed apart from its outer class.
    report = tmp_path / "cobertura.xml"
    report.write_text(
        textwrap.dedent(
            """\
            <?xml version="1.0"?>
            <!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">
            <coverage line-rate="0.5" version="1.9">
              <sources><source>C:\\agent\\_work\\1\\s\\src\\main\\java</source><source>src/main/java</source></sources>
              <packages><package name="com.acme"><classes>
                <class name="com.acme.Calc" filename="com/acme/Calc.java">
                  <methods><method name="total" signature="()I"><lines><line number="4" hits="2"/></lines></method></methods>
                  <lines><line number="4" hits="2"/><line number="5" hits="0"/></lines>
                </class>
                <class name="com.acme.Calc$Item" filename="com/acme/Calc.java">
                  <lines><line number="12" hits="1" branch="true" condition-coverage="50% (1/2)"/></lines>
                </class>
              </classes></package></packages>
            </coverage>
            """
        )
    )
    known = ["src/main/java/com/acme/Calc.java", "src/test/java/com/acme/CalcTest.java"]
    assert read_coverage(report, tmp_path / "repo", known) == {
        "src/main/java/com/acme/Calc.java": FileCoverage(frozenset({4, 12}), frozenset({4, 5, 12})),
    }


BAD_REPORTS = [
    ("plain.txt", "hello\n", "coverage report {p} is neither Cobertura XML nor lcov; pass the file `coverage xml`, a `cobertura` reporter or an lcov tracefile wrote"),
    ("jacoco.xml", '<?xml version="1.0"?><report name="x"></report>', "coverage report {p} is JaCoCo's own XML; convert it to Cobertura (cover2cover) or lcov first"),
    ("page.xml", "<html><body/></html>", "coverage report {p}: XML root <html> is not Cobertura's <coverage>; pass a Cobertura XML or lcov file"),
    ("clover.xml", '<coverage clover="4.4"><project/></coverage>', "coverage report {p} has a <coverage> root but no Cobertura <packages> (Clover?); pass a Cobertura XML or lcov file"),
    (
        "laughs.xml",
        '<?xml version="1.0"?><!DOCTYPE coverage [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><coverage>&b;</coverage>',
        "coverage report {p} uses XML entities or external references (EntitiesForbidden), refused as unsafe; regenerate it with your coverage tool",
    ),
    ("cut.xml", "<coverage><packages><package>", "coverage report {p} is not well-formed XML (no element found: line 1, column 29); regenerate it, it may be truncated"),
    ("line.xml", '<coverage><packages><package><classes><class filename="a.py"><lines><line number="0" hits="1"/></lines></class></classes></package></packages></coverage>',
     "coverage report {p}: <line number='0' hits='1'> is not a line record; regenerate the report"),
    ("bad.info", "TN:\nSF:a.py\nDA:x,1\nend_of_record\n", "lcov report {p}, line 3: bad DA record 'DA:x,1'; regenerate the report"),
    ("orphan.info", "TN:\nDA:1,1\n", "lcov report {p}, line 2: DA record outside an SF: record; regenerate the report"),
    ("empty.info", "TN:\nend_of_record\n", "lcov report {p} has no SF: record; pass the tracefile your coverage tool wrote"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_REPORTS, ids=[b[0] for b in BAD_REPORTS])
def test_bad_reports_get_a_one_line_error_saying_what_to_do(tmp_path, name, content, message):
    report = tmp_path / name
    report.write_text(content)
    with pytest.raises(CoverageError) as caught:
        read_coverage(report, tmp_path)
    assert str(caught.value) == message.format(p=report)


def test_an_oversized_or_missing_report_is_refused(cobertura, tmp_path):
    _project, report = cobertura
    size = report.stat().st_size
    with pytest.raises(CoverageError) as too_big:
        read_coverage(report, tmp_path, max_bytes=1000)
    with pytest.raises(CoverageError) as missing:
        read_coverage(tmp_path / "nope.xml", tmp_path)
    assert (str(too_big.value), str(missing.value)) == (
        f"coverage report {report} is {size} bytes, over the 1000-byte limit; report only this project's files",
        f"cannot read coverage report {tmp_path / 'nope.xml'}: No such file or directory; check the path",
    )
