"""Test evidence per region on a realistic mini repository (Python API, TypeScript web app, Go
worker, Rust crate with inline tests), parsed for real: a strong test that references a region
beats a test file merely named after it, hollow tests give no evidence, a coverage report beats
everything, and classes are tested when a method is."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from dataclasses import replace

import pytest

from analyzers import testfacts
from analyzers.coverage import FileCoverage, read_coverage
from analyzers.facts import analyze
from analyzers.languages import language_for
from analyzers.testgap import evidence, hollow_findings
from vibetriage import model

REPO = {
    "api/__init__.py": "",
    "api/pricing.py": """
        def calculate_discount(cart, code):
            if code == "TEN":
                return cart["total"] * 0.9
            return cart["total"]


        def apply_coupon(cart, code):
            return {**cart, "coupon": code}


        def legacy_rate(region):
            def lookup(table):
                return table[region]
            return lookup({"eu": 0.2})


        class Cart:
            def __init__(self, items):
                self.items = items

            def total(self):
                return sum(self.items)

            def clear(self):
                self.items = []


        class Invoice:
            def render(self):
                return "invoice"
        """,
    "api/auth.py": """
        def login(name, password):
            return {"name": name}


        def logout(token):
            return None
        """,
    "api/orders.py": """
        def place_order(cart):
            return {"id": 1, "cart": cart}


        def cancel_order(order_id):
            return "cancelled"
        """,
    "api/reports.py": """
        def monthly():
            return []
        """,
    "tests/conftest.py": """
        import pytest


        @pytest.fixture
        def client():
            return object()
        """,
    "tests/test_pricing.py": """
        from api.pricing import Cart, apply_coupon, calculate_discount, legacy_rate


        def test_discount():
            assert calculate_discount({"total": 100}, "TEN") == 90


        def test_coupon_returns_something():
            assert apply_coupon({"total": 1}, "X") is not None


        def test_cart_total():
            assert Cart([1, 2]).total() == 3


        def test_legacy():
            assert legacy_rate("eu") == 0.2
        """,
    "tests/test_auth.py": """
        from api import auth


        def test_login():
            assert auth.login("alice", "pw") is not None


        def test_logout():
            auth.logout("token")
        """,
    "tests/test_orders.py": """
        def test_place_order_endpoint(client):
            response = client.post("/orders", json={"sku": "A"})
            assert response.status_code == 201
        """,
    "tests/test_checkout.py": """
        from api.orders import cancel_order


        def test_cancel():
            assert cancel_order(1) == "cancelled"
        """,
    "web/src/pricing.ts": """
        export function total(items: number[]): number {
          return items.reduce((a, b) => a + b, 0);
        }

        export const format = (n: number): string => `$${n.toFixed(2)}`;
        """,
    "web/src/pricing.test.ts": """
        import { total } from "./pricing";

        it("adds", () => {
          expect(total([1, 2])).toBe(3);
        });
        """,
    "web/src/utils.ts": """
        export function slug(s: string): string {
          return s.toLowerCase();
        }
        """,
    "web/test/checkout.spec.ts": """
        import { slug } from "../src/utils";

        describe("checkout", () => {
          it("slugs", () => { expect(slug("A B")).toEqual("a b"); });
        });
        """,
    "worker/jobs/processor.go": """
        package jobs

        type Processor struct{ workers int }

        func NewProcessor(workers int) *Processor { return &Processor{workers: workers} }

        func (p *Processor) Backoff(attempt int) int { return attempt * 30 }

        func (p *Processor) exportOrders() error { return nil }
        """,
    "worker/jobs/processor_test.go": """
        package jobs

        import "testing"

        func TestBackoff(t *testing.T) {
        \tif got := NewProcessor(1).Backoff(2); got != 60 {
        \t\tt.Errorf("got %d", got)
        \t}
        }

        func TestExportOrders(t *testing.T) {
        \t_ = NewProcessor(1).exportOrders()
        }
        """,
    "crate/src/pricing.rs": """
        pub fn total(items: &[i32]) -> i32 {
            items.iter().sum()
        }

        pub fn unused() -> i32 {
            0
        }

        #[cfg(test)]
        mod tests {
            use super::*;

            #[test]
            fn adds() {
                assert_eq!(total(&[1, 2]), 3);
            }
        }
        """,
}


def source(code: str) -> str:
    return textwrap.dedent(code).lstrip("\n")


def scan(files: dict[str, str]) -> tuple[list[model.Region], dict[str, model.TestFileFacts]]:
    """Parse every file the way the pipeline does: test facts for test files, and for every file of
    a language whose tests live inline (Rust)."""
    regions, tests = [], {}
    for path, code in files.items():
        spec = language_for(path)
        is_test = testfacts.is_test_file(path)
        facts = analyze(spec.name, source(code).encode(), test_file=is_test or testfacts.inline_tests(spec.name))
        regions += [replace(r, path=path) for r in facts.regions]
        if facts.tests is not None and (is_test or facts.tests.functions):
            tests[path] = facts.tests
    return regions, tests


@pytest.fixture(scope="module")
def repo() -> tuple[list[model.Region], dict[str, model.TestFileFacts]]:
    return scan(REPO)


def kinds(found: dict[model.RegionKey, model.TestEvidence]) -> dict[str, tuple[str, str]]:
    return {key.label(): (e.kind, e.detail) for key, e in found.items()}


def test_evidence_without_coverage(repo):
    regions, tests = repo
    assert kinds(evidence(regions, tests, None)) == {
        # a strong test references it: beats the name-match test_pricing.py also gives
        "api/pricing.py::calculate_discount": ("reference", "tests/test_pricing.py::test_discount"),
        # only a hollow test uses it, so the name-matched file does not count either
        "api/pricing.py::apply_coupon": ("none", "used only by hollow tests: tests/test_pricing.py::test_coupon_returns_something"),
        "api/pricing.py::legacy_rate": ("reference", "tests/test_pricing.py::test_legacy"),
        "api/pricing.py::legacy_rate.lookup": ("reference", "tests/test_pricing.py::test_legacy"),
        "api/pricing.py::Cart": ("reference", "tests/test_pricing.py::test_cart_total"),
        "api/pricing.py::Cart.__init__": ("reference", "tests/test_pricing.py::test_cart_total"),
        "api/pricing.py::Cart.total": ("reference", "tests/test_pricing.py::test_cart_total"),
        "api/pricing.py::Cart.clear": ("name-match", "tests/test_pricing.py"),
        "api/pricing.py::Invoice": ("name-match", "tests/test_pricing.py"),
        "api/pricing.py::Invoice.render": ("name-match", "tests/test_pricing.py"),
        "api/auth.py::login": ("none", "used only by hollow tests: tests/test_auth.py::test_login"),
        "api/auth.py::logout": ("none", "used only by hollow tests: tests/test_auth.py::test_logout"),
        "api/orders.py::place_order": ("name-match", "tests/test_orders.py"),
        "api/orders.py::cancel_order": ("reference", "tests/test_checkout.py::test_cancel"),
        "api/reports.py::monthly": ("none", ""),
        "web/src/pricing.ts::total": ("reference", "web/src/pricing.test.ts::adds"),
        "web/src/pricing.ts::format": ("name-match", "web/src/pricing.test.ts"),
        "web/src/utils.ts::slug": ("reference", "web/test/checkout.spec.ts::checkout > slugs"),
        "worker/jobs/processor.go::jobs.Processor": ("reference", "worker/jobs/processor_test.go::TestBackoff"),
        "worker/jobs/processor.go::jobs.NewProcessor": ("reference", "worker/jobs/processor_test.go::TestBackoff"),
        "worker/jobs/processor.go::jobs.Processor.Backoff": ("reference", "worker/jobs/processor_test.go::TestBackoff"),
        "worker/jobs/processor.go::jobs.Processor.exportOrders": (
            "none", "used only by hollow tests: worker/jobs/processor_test.go::TestExportOrders"),
        # inline tests count for their own file; the test module itself needs no evidence
        "crate/src/pricing.rs::total": ("reference", "crate/src/pricing.rs::adds"),
        "crate/src/pricing.rs::unused": ("none", ""),
    }


def test_a_coverage_report_beats_every_other_evidence(repo):
    regions, tests = repo
    pricing = FileCoverage(
        frozenset({1, 2, 4, 7, 11, 12, 17, 18, 19, 21, 22, 24, 28, 29}),
        frozenset({1, 2, 3, 4, 7, 8, 11, 12, 13, 14, 17, 18, 19, 21, 22, 24, 25, 28, 29, 30}),
    )
    found = evidence(regions, tests, {"api/pricing.py": pricing, "api/reports.py": FileCoverage(frozenset(), frozenset())})
    assert {k.label(): (e.kind, e.detail, e.covered) for k, e in found.items() if k.path.startswith("api/")} == {
        "api/pricing.py::calculate_discount": ("coverage", "2 of 3 lines covered", 2 / 3),
        "api/pricing.py::apply_coupon": ("coverage", "0 of 1 lines covered", 0.0),
        "api/pricing.py::legacy_rate": ("coverage", "0 of 2 lines covered", 0.0),
        "api/pricing.py::legacy_rate.lookup": ("coverage", "0 of 1 lines covered", 0.0),
        "api/pricing.py::Cart": ("coverage", "2 of 3 lines covered", 2 / 3),
        "api/pricing.py::Cart.__init__": ("coverage", "1 of 1 lines covered", 1.0),
        "api/pricing.py::Cart.total": ("coverage", "1 of 1 lines covered", 1.0),
        "api/pricing.py::Cart.clear": ("coverage", "0 of 1 lines covered", 0.0),
        "api/pricing.py::Invoice": ("coverage", "0 of 1 lines covered", 0.0),
        "api/pricing.py::Invoice.render": ("coverage", "0 of 1 lines covered", 0.0),
        "api/reports.py::monthly": ("coverage", "no measured lines in the coverage report", None),
        # files the report does not list keep the evidence of their tests
        "api/auth.py::login": ("none", "used only by hollow tests: tests/test_auth.py::test_login", None),
        "api/auth.py::logout": ("none", "used only by hollow tests: tests/test_auth.py::test_logout", None),
        "api/orders.py::place_order": ("name-match", "tests/test_orders.py", None),
        "api/orders.py::cancel_order": ("reference", "tests/test_checkout.py::test_cancel", None),
    }


def test_a_real_coverage_py_report_gives_region_coverage(tmp_path):
    for path in ("api/__init__.py", "api/pricing.py"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(source(REPO[path]))
    (tmp_path / "drive.py").write_text(
        'from api.pricing import Cart, calculate_discount\ncalculate_discount({"total": 5}, "X")\nCart([1]).total()\n'
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE")}
    for args in (["run", "drive.py"], ["xml", "-o", "coverage.xml"]):
        subprocess.run([sys.executable, "-m", "coverage", *args], cwd=tmp_path, env=env, check=True, capture_output=True)
    regions, tests = scan({"api/pricing.py": REPO["api/pricing.py"]})
    report = read_coverage(tmp_path / "coverage.xml", tmp_path, ["api/__init__.py", "api/pricing.py", "drive.py"])
    found = evidence(regions, tests, report)
    assert {k.qualname: e.covered for k, e in found.items()} == {
        "calculate_discount": 2 / 3,
        "apply_coupon": 0.0,
        "legacy_rate": 0.0,
        "legacy_rate.lookup": 0.0,
        "Cart": 2 / 3,
        "Cart.__init__": 1.0,
        "Cart.total": 1.0,
        "Cart.clear": 0.0,
        "Invoice": 0.0,
        "Invoice.render": 0.0,
    }


def test_hollow_tests_are_findings_in_their_test_file(repo):
    _regions, tests = repo
    found = [(f.path, f.start_line, f.end_line, f.message) for f in hollow_findings(tests)]
    assert found == [
        ("tests/test_auth.py", 4, 5, "hollow test `test_login`: only trivial assertions: 1 check of None-ness, truthiness, "
         "type or shape, none of a value; it cannot catch a wrong result and does not count as a test of the code it calls"),
        ("tests/test_auth.py", 8, 9, "hollow test `test_logout`: no assertion; it cannot catch a wrong result and does not "
         "count as a test of the code it calls"),
        ("tests/test_pricing.py", 8, 9, "hollow test `test_coupon_returns_something`: only trivial assertions: 1 check of "
         "None-ness, truthiness, type or shape, none of a value; it cannot catch a wrong result and does not count as a "
         "test of the code it calls"),
        ("worker/jobs/processor_test.go", 11, 13, "hollow test `TestExportOrders`: no assertion; it cannot catch a wrong "
         "result and does not count as a test of the code it calls"),
    ]
    first = hollow_findings(tests)[0]
    assert (first.rule_id, first.tool, first.severity, first.confidence, first.cwe, first.region) == (
        "tests.hollow-test", "vibetriage", "medium", "high", None, None)


@pytest.mark.parametrize(
    ("source_path", "source_code", "test_path", "test_code", "expected"),
    [
        ("app/models/pricing_rule.rb", "class PricingRule\n  def apply(x)\n    x\n  end\nend\n",
         "spec/models/rule_spec.rb", 'RSpec.describe PricingRule do\n  it "applies" do\n    expect(PricingRule.new.apply(2)).to eq(2)\n  end\nend\n',
         {"PricingRule": "reference", "PricingRule.apply": "reference"}),
        ("src/main/java/com/acme/Calc.java", "package com.acme;\nclass Calc {\n  int total(int a) { return a; }\n}\n",
         "src/test/java/com/acme/CheckoutTest.java", "package com.acme;\nclass CheckoutTest {\n  @Test\n  void t() { assertEquals(2, new Calc().total(2)); }\n}\n",
         {"Calc": "reference", "Calc.total": "reference"}),
        ("src/Pricing/Calculator.php", "<?php\nclass Calculator {\n  public function total($a) { return $a; }\n}\n",
         "tests/CheckoutTest.php", "<?php\nuse App\\Pricing\\Calculator;\nclass CheckoutTest {\n  public function testTotal() { $this->assertSame(2, (new Calculator())->total(2)); }\n}\n",
         {"Calculator": "reference", "Calculator.total": "reference"}),
        ("src/Acme/Calculator.cs", "class Calculator {\n  public int Total(int a) { return a; }\n}\n",
         "tests/Acme.Tests/CheckoutTests.cs", "class CheckoutTests {\n  [Fact]\n  public void T() { Assert.Equal(2, new Calculator().Total(2)); }\n}\n",
         {"Calculator": "reference", "Calculator.Total": "reference"}),
        ("src/pricing.c", "int total(int a) { return a; }\n",
         "tests/checkout_test.c", '#include "../src/pricing.h"\nvoid test_total(void) { TEST_ASSERT_EQUAL_INT(2, total(2)); }\n',
         {"total": "reference"}),
        ("src/pricing.py", "def total(a):\n    return a\n",
         "tests/test_checkout.py", "import json\n\ndef test_total():\n    assert total(2) == 2\n",
         {"total": "none"}),  # referenced, but the test file never imports the module
    ],
    ids=["ruby-autoload", "java-same-package", "php-use", "csharp-type-name", "c-include", "python-no-import"],
)
def test_how_each_language_links_a_test_file_to_its_module(source_path, source_code, test_path, test_code, expected):
    regions, tests = scan({source_path: source_code, test_path: test_code})
    assert {k.qualname: e.kind for k, e in evidence(regions, tests, None).items()} == expected


def test_python_relative_imports_resolve_against_the_test_package():
    regions, tests = scan({
        "shop/api/pricing.py": "def total(a):\n    return a\n",
        "shop/api/tax.py": "def rate():\n    return 1\n",
        "shop/api/tests/test_checkout.py": "from ..pricing import total\n\ndef test_total():\n    assert total(2) == 2\n",
        # `.` is shop/web/tests here, not shop/api: no import link, only the file name matches
        "shop/web/tests/test_tax.py": "from . import tax\n\ndef test_rate():\n    assert tax.rate() == 1\n",
    })
    assert {k.label(): (e.kind, e.detail) for k, e in evidence(regions, tests, None).items()} == {
        "shop/api/pricing.py::total": ("reference", "shop/api/tests/test_checkout.py::test_total"),
        "shop/api/tax.py::rate": ("name-match", "shop/web/tests/test_tax.py::test_rate"),
    }
