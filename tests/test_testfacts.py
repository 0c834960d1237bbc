"""Test files and what their tests assert, on real parses of per-language snippets: which
functions are tests, how many assertions each makes and how many check a value, and the hollow
"cardboard muffin" tests of BACKGROUND.md that assert only None-ness, truthiness, type or shape."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from analyzers import testfacts, treesitter
from analyzers.testfacts import extract, facts_from_dict, facts_to_dict, is_test_file, judge, named_stems
from vibetriage import model


def facts(language: str, code: str) -> model.TestFileFacts:
    source = textwrap.dedent(code).lstrip("\n").encode()
    return extract(language, source, treesitter.parse(language, source, 5.0).root_node)


def counts(language: str, code: str) -> dict[str, tuple[int, int]]:
    """test name -> (assertions, strong assertions)"""
    return {f.name: (f.assertions, f.strong_assertions) for f in facts(language, code).functions}


# -- which files are tests -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("tests/test_pricing.py", True),
        ("api/pricing_test.py", True),
        ("tests/conftest.py", True),
        ("pkg/tests/helpers.py", True),
        ("api/pricing.py", False),
        ("api/testing_utils.rb", False),
        ("web/src/utils.test.ts", True),
        ("web/src/Cart.spec.tsx", True),
        ("web/src/__tests__/cart.js", True),
        ("web/src/pricing.ts", False),
        ("web/src/contest.js", False),
        ("worker/jobs/processor_test.go", True),
        ("worker/jobs/testdata/input.go", True),
        ("worker/jobs/processor.go", False),
        ("src/test/java/com/acme/CalcTest.java", True),
        ("src/main/java/com/acme/PricingTests.java", True),
        ("src/main/java/com/acme/Calc.java", False),
        ("spec/models/pricing_spec.rb", True),
        ("lib/pricing.rb", False),
        ("tests/Unit/CalculatorTest.php", True),
        ("src/Pricing/Calculator.php", False),
        ("tests/pricing.rs", True),
        ("src/pricing.rs", False),
        ("src/pricing_test.cc", True),
        ("src/pricing.cc", False),
        ("test/test_pricing.c", True),
        ("Acme.Pricing.Tests/CalculatorTests.cs", True),
        ("src/Acme.Pricing/Calculator.cs", False),
        ("tests/README.md", False),  # no supported language
    ],
)
def test_test_files_are_recognised_by_convention(path, expected):
    assert is_test_file(path) is expected


@pytest.mark.parametrize(
    ("path", "stems"),
    [
        ("tests/test_pricing.py", {"pricing"}),
        ("api/pricing_test.py", {"pricing"}),
        ("web/src/utils.test.ts", {"utils"}),
        ("web/src/__tests__/cart.js", {"cart"}),
        ("worker/jobs/processor_test.go", {"processor"}),
        ("src/test/java/CalcTest.java", {"Calc"}),
        ("spec/pricing_spec.rb", {"pricing"}),
        ("tests/Unit/CalculatorTest.php", {"Calculator"}),
        ("tests/conftest.py", set()),
    ],
)
def test_a_test_file_names_the_source_file_it_is_named_after(path, stems):
    assert named_stems(path) == stems


# -- judging single claims -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("claim", "strong", "why"),
    [
        ("result is not None", False, "not-None check"),
        ("result is None", True, "None value"),
        ("isinstance(result, (dict, type(None)))", False, "type check"),
        ("type(x) == dict", False, "type check"),
        ('typeof x === "string"', False, "type check"),
        ("response.status_code in (200, 404, 500)", False, "accepts several outcomes"),
        ('result is None or result["sub"] == 42', False, "accepts several outcomes"),
        ("a == 1 or a == 2", True, "value comparison"),
        ("response.status_code != 500", False, "excludes one value"),
        ("len(token) > 0", False, "non-empty only"),
        ("cart.items.length > 0", False, "non-empty only"),
        ("len(items) == 3", True, "value comparison"),
        ("True", False, "constant"),
        ("response.status_code", False, "truthiness"),
        ("x == True", False, "truthiness"),
        ('is_valid("abc")', True, "predicate"),
        ('not check_password("wrong", stored)', True, "predicate"),
        ("x.is_some()", False, "None, emptiness or type check"),
        ("items.include?(3)", True, "predicate"),
        ("!reflect.DeepEqual(got, want)", True, "predicate"),
        ("!errors.Is(err, ErrNotFound)", True, "predicate"),
        ("snap_compare(app, terminal_size=(80, 24))", True, "predicate"),
        ("err != nil", True, "expects an error"),
        ("err == nil", False, "no error"),
        ("not (got != want)", True, "value comparison"),
        ("total(1) == pytest.approx(2.5)", True, "value comparison"),
        ('"secret" not in body', True, "value comparison"),
        ("x is not None and x.total == 5", True, "value comparison"),
    ],
)
def test_a_claim_is_strong_only_when_it_checks_a_value(claim, strong, why):
    assert (judge(claim).strong, judge(claim).why) == (strong, why)


# -- the cardboard muffin: hollow tests ----------------------------------------------------------


CARDBOARD_MUFFIN = """
    import time
    from api import auth


    def test_hash_password():
        result = auth.hash_password("hunter2")
        assert result is not None
        assert isinstance(result, str)


    def test_login_wrong_password(fake_db):
        auth.login("alice", "battery staple")
        assert True


    def test_make_token():
        token = auth.make_token(42)
        assert token is not None
        assert len(token) > 0


    def test_verify_token_expired(monkeypatch):
        token = auth.make_token(42)
        monkeypatch.setattr(time, "time", lambda: 4102444800)
        result = auth.verify_token(token)
        assert result is None or result["sub"] == 42


    def test_any_status(client):
        assert client.get("/orders/1").status_code in (200, 404, 500)


    def test_not_a_crash(client):
        assert client.get("/admin").status_code != 500


    def test_runs(client):
        client.get("/cart")


    def test_hash_is_stable():
        assert auth.hash_password("x", salt="s") == auth.hash_password("x", salt="s")
"""


def test_cardboard_muffin_tests_are_hollow_and_a_real_check_is_not():
    found = facts("python", CARDBOARD_MUFFIN)
    assert {f.name: (f.assertions, f.strong_assertions, f.hollow) for f in found.functions} == {
        "test_hash_password": (2, 0, True),
        "test_login_wrong_password": (1, 0, True),
        "test_make_token": (2, 0, True),
        "test_verify_token_expired": (1, 0, True),
        "test_any_status": (1, 0, True),
        "test_not_a_crash": (1, 0, True),
        "test_runs": (0, 0, True),
        "test_hash_is_stable": (1, 1, False),
    }


def test_shallow_js_tests_are_hollow():
    found = counts(
        "typescript",
        """
        import { describe, expect, it } from "vitest";
        import { formatPrice, pluralize, parseFlags } from "./utils";

        describe("utils", () => {
          it("formats prices", () => {
            expect(formatPrice(1299)).toBeDefined();
            expect(typeof formatPrice(0)).toBe("string");
          });
          it("parses flags", () => {
            expect(parseFlags("{}")).not.toBeNull();
            expect(parseFlags("{}")).toHaveProperty("newCheckout");
          });
          it("is an array", () => {
            expect(Array.isArray(parseFlags("[]"))).toBe(true);
            expect(parseFlags("[]").length).toBeGreaterThan(0);
          });
          it("pluralizes", () => {
            expect(pluralize(2, "basket")).toBe("baskets");
          });
        });
        """,
    )
    assert found == {
        "utils > formats prices": (2, 0),
        "utils > parses flags": (2, 0),
        "utils > is an array": (2, 0),
        "utils > pluralizes": (1, 1),
    }


# -- per language ----------------------------------------------------------------------------------


def test_python_tests_classes_helpers_mocks_and_guards():
    found = facts(
        "python",
        """
        import unittest
        from unittest import mock
        import pytest
        from .pricing import total
        from .. import cart as c


        def check_total(cart, expected):
            assert cart.total() == expected


        class TestCart(unittest.TestCase):
            def setUp(self):
                self.cart = c.Cart()

            def test_total(self):
                self.assertEqual(total([1, 2]), 3)
                self.assertIsNotNone(self.cart)

            def test_raises(self):
                with self.assertRaises(ValueError):
                    total(None)

            def test_truthiness(self):
                self.assertTrue(self.cart)
                self.assertTrue(self.cart.is_empty())
                self.assertTrue(self.cart.has_item("x"))


        def test_through_helper():
            check_total(c.Cart(), 0)


        def test_mock():
            m = mock.Mock()
            m.assert_called_once()
            m.assert_called_once_with(1)


        def test_guard():
            if total([1]) != 1:
                pytest.fail("wrong total")


        def test_pytest_raises():
            with pytest.raises(ValueError, match="negative"):
                total([-1])
        """,
    )
    assert {f.name: (f.assertions, f.strong_assertions) for f in found.functions} == {
        "TestCart::test_total": (2, 1),
        "TestCart::test_raises": (1, 1),
        "TestCart::test_truthiness": (3, 1),
        "test_through_helper": (1, 1),
        "test_mock": (2, 1),
        "test_guard": (1, 1),
        "test_pytest_raises": (1, 1),
    }
    assert found.imports == ("unittest", "unittest.mock", "pytest", ".pricing.total", "..cart")


def test_python_test_function_lines_and_references():
    found = facts(
        "python",
        """
        from api.pricing import calculate_discount


        def test_discount():
            cart = {"total": 100}
            assert calculate_discount(cart, "TEN") == 90
        """,
    )
    assert [(f.name, f.start_line, f.end_line, f.references) for f in found.functions] == [
        ("test_discount", 4, 6, ("calculate_discount", "cart", "test_discount")),
    ]


def test_javascript_jest_chai_and_node_assert():
    found = facts(
        "javascript",
        """
        const { total } = require("../src/pricing");
        import * as cart from "./cart.js";
        jest.mock("./db");
        console.log("not an import");

        describe("pricing", () => {
          describe("total", () => {
            it("adds", () => { expect(total(1)).toBe(2); });
          });
          test("chai", () => { expect(total(1)).to.equal(2); expect(total(1)).to.be.ok; });
          it("node assert", () => { assert.strictEqual(total(1), 2); assert(total(1)); });
          it("property", () => { expect(cart).toHaveProperty("items"); expect(cart).toHaveProperty("items", []); });
          it("rejects", async () => { await expect(total(-1)).rejects.toThrow("negative"); });
          it("does not throw", () => { expect(() => total(1)).not.toThrow(); });
          it("predicate", () => { expect(cart.isEmpty()).toBe(true); expect(cart.hasItem("x")).toBe(true); });
          it("expects nothing", () => { total(1); expect.assertions(0); });
        });
        """,
    )
    assert {f.name: (f.assertions, f.strong_assertions) for f in found.functions} == {
        "pricing > total > adds": (1, 1),
        "pricing > chai": (2, 1),
        "pricing > node assert": (2, 1),
        "pricing > property": (2, 1),
        "pricing > rejects": (1, 1),
        "pricing > does not throw": (1, 0),
        "pricing > predicate": (2, 1),
        "pricing > expects nothing": (0, 0),
    }
    assert found.imports == ("../src/pricing", "./cart.js", "./db")


def test_tsx_component_test():
    found = counts(
        "tsx",
        """
        import { render, screen } from "@testing-library/react";
        import { CartSummary } from "../components/CartSummary";

        test("shows the total", () => {
          render(<CartSummary items={[{ price: 5 }]} />);
          expect(screen.getByText("Total: $5.00")).toBeInTheDocument();
        });
        test("renders", () => {
          const { container } = render(<CartSummary items={[]} />);
          expect(container.firstChild).toBeTruthy();
        });
        """,
    )
    assert found == {"shows the total": (1, 1), "renders": (1, 0)}


def test_go_t_errorf_is_judged_by_its_condition_and_testify_by_its_name():
    found = facts(
        "go",
        """
        package jobs

        import (
        \t"testing"

        \t"example.com/shop/worker/jobs"
        \t"github.com/stretchr/testify/assert"
        )

        func TestNewProcessor(t *testing.T) {
        \tp := NewProcessor(nil, 4)
        \tif p == nil {
        \t\tt.Fatal("expected a processor")
        \t}
        }

        func TestHandleUnknownKind(t *testing.T) {
        \terr := NewProcessor(nil, 1).handle(Job{Kind: "nope"})
        \tif err == nil {
        \t\tt.Error("expected an error")
        \t}
        }

        func TestBackoff(t *testing.T) {
        \tfor _, c := range cases {
        \t\tif got := Backoff(c.attempt); got != c.want {
        \t\t\tt.Errorf("Backoff(%d) = %v, want %v", c.attempt, got, c.want)
        \t\t}
        \t}
        }

        func TestSetupOnly(t *testing.T) {
        \tdb, err := open()
        \tif err != nil {
        \t\tt.Fatalf("open: %v", err)
        \t}
        \t_ = fmt.Errorf("not an assertion: %v", db)
        }

        func TestTestify(t *testing.T) {
        \tassert.Equal(t, 3, Total(1, 2))
        \tassert.NotNil(t, Total)
        \tt.Run("sub", func(t *testing.T) { assert.Error(t, Validate("")) })
        }

        func TestExportOrders(t *testing.T) {
        \t_ = NewProcessor(nil, 1).exportOrders(nil)
        }

        func helper() {}
        """,
    )
    assert {f.name: (f.assertions, f.strong_assertions) for f in found.functions} == {
        "TestNewProcessor": (1, 0),
        "TestHandleUnknownKind": (1, 1),
        "TestBackoff": (1, 1),
        "TestSetupOnly": (1, 0),
        "TestTestify": (3, 2),
        "TestExportOrders": (0, 0),
    }
    assert found.imports == ("testing", "example.com/shop/worker/jobs", "github.com/stretchr/testify/assert")


def test_java_junit_assertj_hamcrest():
    found = facts(
        "java",
        """
        package com.acme.pricing;

        import static org.junit.jupiter.api.Assertions.*;
        import com.acme.util.Money;

        class CalcTest {
          @Test
          void adds() {
            assertEquals(2, Calc.total(1));
            assertNotNull(Calc.total(1));
          }
          @Test
          void chained() { assertThat(Calc.total(1)).isNotNull().isEqualTo(5); }
          @Test
          void onlyNotNull() { assertThat(x).isNotNull(); assertTrue("message first", x != null); }
          @Test(expected = IllegalArgumentException.class)
          public void expectsException() { Calc.total(-1); }
          @ParameterizedTest
          void thrown() { assertThatThrownBy(() -> Calc.total(-1)).isInstanceOf(IllegalArgumentException.class); }
          public void testHamcrest() { assertThat(x, notNullValue()); assertThat(y, is(5)); }
          void helper() { }
        }
        """,
    )
    assert {f.name: (f.assertions, f.strong_assertions) for f in found.functions} == {
        "adds": (2, 1),
        "chained": (2, 1),
        "onlyNotNull": (2, 0),
        "expectsException": (1, 1),
        "thrown": (1, 1),
        "testHamcrest": (2, 1),
    }
    assert found.imports == ("com.acme.pricing.*", "org.junit.jupiter.api.Assertions.*", "com.acme.util.Money")


def test_ruby_rspec_and_minitest():
    found = facts(
        "ruby",
        """
        require_relative "../lib/pricing"
        require "acme/cart"

        RSpec.describe Pricing do
          describe "#total" do
            it "adds" do
              expect(Pricing.total(1)).to eq(2)
            end
            it "is something" do
              expect(Pricing.total(1)).not_to be_nil
              expect(Pricing.total(1)).to be_a(Integer)
            end
            it "raises" do
              expect { Pricing.total(-1) }.to raise_error(ArgumentError)
            end
          end
        end

        class PricingTest < Minitest::Test
          def test_total
            assert_equal 3, Pricing.total(2)
          end

          def test_present
            refute_nil Pricing.total(2)
            assert Pricing.total(2)
          end
        end
        """,
    )
    assert {f.name: (f.assertions, f.strong_assertions) for f in found.functions} == {
        "Pricing #total adds": (1, 1),
        "Pricing #total is something": (2, 0),
        "Pricing #total raises": (1, 1),
        "test_total": (1, 1),
        "test_present": (2, 0),
    }
    assert found.imports == ("../lib/pricing", "acme/cart")


def test_php_phpunit_and_pest():
    found = facts(
        "php",
        """
        <?php
        namespace Tests;
        use App\\Pricing\\Calculator;
        require_once __DIR__ . "/../src/helpers.php";

        class CalculatorTest extends TestCase {
          /** @test */
          public function appliesDiscount(): void {
            $this->assertEquals(5, (new Calculator())->total(1));
          }
          #[Test]
          public function onlyShape() { self::assertNotNull($x); $this->assertIsArray($y); }
          public function testRaises() { $this->expectException(\\InvalidArgumentException::class); Calculator::total(-1); }
          private function helper() {}
        }

        it("adds", function () { expect(total(1))->toBe(2); });
        test("is not null", function () { expect(total(1))->not->toBeNull(); });
        """,
    )
    assert {f.name: (f.assertions, f.strong_assertions) for f in found.functions} == {
        "appliesDiscount": (1, 1),
        "onlyShape": (2, 0),
        "testRaises": (1, 1),
        "adds": (1, 1),
        "is not null": (1, 0),
    }
    assert found.imports == ("App\\Pricing\\Calculator", "./../src/helpers.php")


def test_older_framework_spellings_count_as_assertions():
    """PHPUnit 4/5 `setExpectedException` and mox's record/replay `VerifyAll` are real checks."""
    php = counts(
        "php",
        """
        <?php
        class PushTaskTest extends TestCase {
          public function testNameTooLong() {
            $this->setExpectedException('\\InvalidArgumentException', 'name exceeds maximum length');
            new PushTask('/url', [], ['name' => str_repeat('a', 501)]);
          }
          public function testNoCheck() { new PushTask('/url', []); }
        }
        """,
    )
    assert php == {"testNameTooLong": (1, 1), "testNoCheck": (0, 0)}
    py = counts(
        "python",
        """
        class ModuleTest(unittest.TestCase):
            def test_no_changes(self):
                self.servr._watcher.changes(0).AndReturn(set())
                self.mox.ReplayAll()
                self.servr._handle_changes()
                self.mox.VerifyAll()
        """,
    )
    assert py == {"ModuleTest::test_no_changes": (1, 1)}


def test_rust_inline_tests_attributes_and_should_panic():
    found = facts(
        "rust",
        """
        use crate::pricing::{total, Cart as C};

        pub fn total2() -> i32 { 1 }

        #[cfg(test)]
        mod tests {
            use super::*;

            #[test]
            fn adds() { assert_eq!(total(1), 2, "one item"); }

            #[test]
            fn is_something() { assert!(total(1).is_some()); }

            #[test]
            #[should_panic(expected = "negative")]
            fn panics() { total(-1); }

            #[tokio::test]
            async fn guarded() { if total(1) != 2 { panic!("wrong") } }

            fn helper() { assert!(true); }
        }
        """,
    )
    assert {f.name: (f.assertions, f.strong_assertions) for f in found.functions} == {
        "adds": (1, 1),
        "is_something": (1, 0),
        "panics": (1, 1),
        "guarded": (1, 1),
    }
    assert found.imports == ("crate::pricing::total", "crate::pricing::Cart", "super::*")


def test_csharp_xunit_nunit_fluent():
    found = counts(
        "csharp",
        """
        using Acme.Pricing;
        namespace Tests {
          public class PricingTests {
            [Fact]
            public void Adds() { Assert.Equal(2, Calc.Total(1)); }
            [Test, Category("fast")]
            public void NotNull() { Assert.NotNull(Calc.Total(1)); Assert.That(Calc.Total(1), Is.Not.Null); }
            [TestMethod]
            public void Fluent() { Calc.Total(1).Should().Be(2); }
            [Theory]
            public void Throws() { Assert.Throws<ArgumentException>(() => Calc.Total(-1)); }
            [Fact]
            public void FluentNotNull() { Calc.Total(1).Should().NotBeNull(); }
            public void Helper() { }
          }
        }
        """,
    )
    assert found == {"Adds": (1, 1), "NotNull": (2, 0), "Fluent": (1, 1), "Throws": (1, 1), "FluentNotNull": (1, 0)}


def test_cpp_googletest_and_catch2():
    found = facts(
        "cpp",
        """
        #include "pricing.h"
        #include <gtest/gtest.h>

        TEST(PricingTest, Adds) {
          EXPECT_EQ(total(1), 2);
        }
        TEST_F(Fixture, NotNull) { ASSERT_NE(ptr, nullptr); ASSERT_TRUE(ptr); }
        TEST_CASE("throws on negatives", "[pricing]") {
          REQUIRE_THROWS_AS(total(-1), std::invalid_argument);
        }
        TEST_CASE("checks") { CHECK(total(1) == 2); }
        """,
    )
    assert {f.name: (f.start_line, f.end_line, f.assertions, f.strong_assertions) for f in found.functions} == {
        "PricingTest.Adds": (4, 6, 1, 1),
        "Fixture.NotNull": (7, 7, 2, 0),
        "throws on negatives": (8, 10, 1, 1),
        "checks": (11, 11, 1, 1),
    }
    assert found.imports == ("pricing.h", "gtest/gtest.h")


def test_c_unity_tests():
    found = counts(
        "c",
        """
        #include "pricing.h"
        void test_total(void) { TEST_ASSERT_EQUAL_INT(3, total(1)); }
        void test_not_null(void) { TEST_ASSERT_NOT_NULL(make_cart()); }
        static void helper(void) { }
        """,
    )
    assert found == {"test_total": (1, 1), "test_not_null": (1, 0)}


# -- the blob cache and our own suite -------------------------------------------------------------


def test_facts_survive_a_json_round_trip():
    original = facts("python", CARDBOARD_MUFFIN)
    assert facts_from_dict(json.loads(json.dumps(facts_to_dict(original)))) == original


def test_rust_asks_for_every_file_to_be_scanned_for_tests_and_python_does_not():
    assert (testfacts.inline_tests("rust"), testfacts.inline_tests("python")) == (True, False)


@pytest.mark.parametrize("name", ["test_testfacts.py", "test_coverage.py", "test_testgap.py"])
def test_our_own_tests_are_not_hollow(name):
    path = Path(__file__).with_name(name)
    found = facts("python", path.read_text(encoding="utf-8"))
    hollow = [f.name for f in found.functions if f.hollow]
    assert (len(found.functions) > 5, hollow) == (True, [])
