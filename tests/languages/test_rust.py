"""Rust regions and complexity on hand-checked examples (counts worked out in the comments)."""

from tests.languages.helpers import measure

CODE = r"""
//! Billing rules.
use std::fmt;

mod billing {
    /// An invoice.
    pub struct Invoice<T> {
        items: Vec<T>,
    }

    pub enum Tier {
        Gold,
        Basic,
    }

    pub trait Priced {
        fn price(&self, qty: u32) -> u32;

        fn discounted(&self, qty: u32, rate: u32) -> u32 {
            if qty > 10 && rate > 0 {  // cc +2; cog +1, && +1
                self.price(qty) / rate
            } else {  // cog +1
                self.price(qty)
            }
        }
    }

    impl<T: Clone> Invoice<T> {
        pub fn new(items: Vec<T>) -> Self {
            Invoice { items }
        }

        pub fn total(&self, tier: &Tier, limit: Option<u32>) -> Result<u32, String> {
            let mut sum = 0;
            'rows: for item in &self.items {  // cc +1; cog +1; depth 1
                while let Some(x) = next(item) {  // cc +1; cog +2 (level 1); depth 2
                    if x > 100 || x == 0 && sum > 5 {  // cc +3; cog +3 (level 2), || +1, && +1; depth 3
                        break 'rows;  // cog +1 (labelled)
                    } else if let Some(l) = limit {  // cc +1; cog +1
                        sum += l;
                    } else if x < 3 {  // cc +1; cog +1
                        continue;  // unlabelled: nothing
                    } else {  // cog +1
                        sum += x;
                    }
                }
                loop {  // cog +2 (level 1); cc nothing
                    break;
                }
            }
            let factor = match tier {  // cog +1
                Tier::Gold if sum > 1000 => 2,  // cc +1 (arm) +1 (guard)
                Tier::Gold => 3,  // cc +1
                _ => 4,  // wildcard arm: nothing
            };
            let check = |v: u32| v > 0 && v < 10;  // closure: cc +1; cog +1 (&&)
            let parsed: u32 = "7".parse().map_err(|_| String::from("bad"))?;  // `?`: nothing
            Ok(sum * factor + parsed)
        }
    }

    impl fmt::Display for Invoice<u8> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "invoice")
        }
    }
}

fn helper(a: u32, (b, c): (u32, u32), _: bool) -> u32 {
    fn inner(x: u32) -> u32 {  // a region of its own: cc 2, cog 2
        if x > 0 { x } else { 0 }
    }
    if let Some(v) = Some(a) && v > b {  // cc +1, +1 (the chain's &&); cog +1, +1 (the chain)
        inner(v)
    } else {  // cog +1
        c
    }
}
"""


def test_regions_have_qualified_names_kinds_and_spans():
    facts, regions = measure("rust", CODE)
    assert {name: (r.kind, r.start_line, r.end_line) for name, r in regions.items()} == {
        "Invoice": ("class", 6, 8),  # the struct; `mod billing` is not part of any name
        "Tier": ("class", 10, 13),
        "Priced": ("class", 15, 25),  # its bodiless `price` signature is not a region
        "Priced.discounted": ("method", 18, 24),
        "Invoice#1": ("class", 27, 59),  # `impl<T: Clone> Invoice<T>`
        "Invoice.new": ("method", 28, 30),
        "Invoice.total": ("method", 32, 58),
        "Invoice#2": ("class", 61, 65),  # `impl fmt::Display for Invoice<u8>`
        "Invoice.fmt": ("method", 62, 64),
        "helper": ("function", 68, 77),
        "helper.inner": ("function", 69, 71),
    }
    assert facts.error is None


def test_complexity_matches_hand_count():
    _, regions = measure("rust", CODE)
    total = regions["Invoice.total"].metrics
    # 1 + for, while let, if, ||, &&, else if let, else if, two arms, a guard, the closure's &&
    assert total.cyclomatic == 12
    # 1 (for) + 2 (while) + 3 (if) + 1 (||) + 1 (&&) + 1 (break 'rows) + 1 + 1 (else ifs) + 1 (else)
    # + 2 (loop) + 1 (match) + 1 (&& in the closure)
    assert total.cognitive == 16
    assert total.nesting == 3  # for > while > if; else-ifs and the closure add no depth
    assert total.params == 2  # &self is the receiver

    def numbers(name):
        m = regions[name].metrics
        return (m.cyclomatic, m.cognitive, m.nesting, m.params)

    assert numbers("Priced.discounted") == (3, 3, 1, 2)
    assert numbers("Invoice.new") == (1, 0, 0, 1)
    assert numbers("Invoice.fmt") == (1, 0, 0, 1)  # write! is a macro: its tokens are not parsed
    assert numbers("helper") == (3, 3, 1, 3)  # a tuple pattern and `_` are parameters too
    assert numbers("helper.inner") == (2, 2, 1, 1)


def test_impls_and_file_sum_their_functions():
    facts, regions = measure("rust", CODE)
    assert regions["Invoice"].metrics.cyclomatic == 0  # the struct holds no code
    assert (regions["Invoice#1"].metrics.cyclomatic, regions["Invoice#1"].metrics.cognitive) == (1 + 12, 0 + 16)
    assert (facts.metrics.cyclomatic, facts.metrics.cognitive) == (3 + 13 + 1 + 3 + 2, 3 + 16 + 3 + 2)


def test_impl_names_drop_generics_paths_and_traits():
    _, regions = measure(
        "rust",
        """
        impl Plain { fn a(&self) {} }
        impl<T> Generic<T> { fn b(self) {} }
        impl<'a> Display for Lifetime<'a> { fn c(&mut self, x: u8) {} }
        impl Debug for crate::deep::Path<u8> { fn d(self: Box<Self>, y: u8) {} }
        impl Marker for &Borrowed {}
        impl dyn Object { fn e(&self) {} }
        impl Send for u32 {}
        """,
    )
    assert {name: (r.kind, r.metrics.params) for name, r in regions.items()} == {
        "Plain": ("class", 0),
        "Plain.a": ("method", 0),
        "Generic": ("class", 0),
        "Generic.b": ("method", 0),
        "Lifetime": ("class", 0),
        "Lifetime.c": ("method", 1),
        "Path": ("class", 0),
        "Path.d": ("method", 1),  # a typed `self: Box<Self>` is the receiver too
        "Borrowed": ("class", 0),
        "Object": ("class", 0),
        "Object.e": ("method", 0),
        "u32": ("class", 0),
    }


def test_match_arms_and_loops():
    _, regions = measure(
        "rust",
        """
        fn route(cmd: &str, n: u8) -> u8 {
            let r = match cmd {        // cog +1; depth 1
                "a" | "b" if n > 0 && n < 9 => 1,  // cc +1 (one arm, two alternatives), +1 guard, +1 &&; cog +1
                "c" => match n {       // cc +1; inner match cog +2 (level 1); depth 2
                    0 => 0,            // cc +1
                    m => m,            // cc +1: a binding arm is not the `_` wildcard
                },
                _ => 2,                // nothing
            };
            'outer: loop {             // cog +1, cc nothing
                loop {                 // cog +2 (level 1); depth 2
                    continue 'outer;   // cog +1
                }
            }
        }
        """,
    )
    route = regions["route"].metrics
    # cc: 1 + 4 arms + guard + &&; cog: 1 (match) + 1 (&&) + 2 (inner match) + 1 + 2 (loops) + 1 (continue 'outer)
    assert (route.cyclomatic, route.cognitive, route.nesting, route.params) == (7, 8, 2, 2)


def test_guarded_wildcard_counts_its_guard_only():
    # cc: 1 + guard of `_ if` + `_x` arm (a binding, not the wildcard) + its guard; the last `_` nothing
    _, regions = measure("rust", "fn g(n: u8) -> u8 { match n { _ if n > 1 => 1, _x if n > 2 => 3, _ => 2 } }\n")
    assert (regions["g"].metrics.cyclomatic, regions["g"].metrics.cognitive) == (4, 1)


def test_mixed_logical_sequences():
    _, regions = measure(
        "rust",
        """
        fn same(a: bool, b: bool, c: bool) -> bool { a && b && c }          // cc +2, cog +1
        fn mixed(a: bool, b: bool, c: bool, d: bool) -> bool { a && b || c && d }  // cc +3, cog +3
        fn grouped(a: bool, b: bool, c: bool) -> bool { a || (b || c) }     // cc +2, cog +1: one run of ||, parentheses ignored
        fn chained(o: Option<u8>, p: Option<u8>) {
            while let Some(x) = o && let Some(y) = p && x > y {}  // cc +1 +2; cog +1 +1
        }
        """,
    )
    assert (regions["same"].metrics.cyclomatic, regions["same"].metrics.cognitive) == (3, 1)
    assert (regions["mixed"].metrics.cyclomatic, regions["mixed"].metrics.cognitive) == (4, 3)
    # SonarSource reads operators in source order with parentheses dropped: one run of `||`
    assert (regions["grouped"].metrics.cyclomatic, regions["grouped"].metrics.cognitive) == (3, 1)
    assert (regions["chained"].metrics.cyclomatic, regions["chained"].metrics.cognitive) == (4, 2)


def test_closures_nest_but_are_not_regions():
    _, regions = measure(
        "rust",
        """
        fn apply(v: Vec<u8>) -> Vec<u8> {
            v.into_iter()
                .map(|x| if x > 1 { x } else { 0 })      // cc +1; cog +2 (level 1), else +1
                .filter(move |x| {
                    let f = |y: &u8| *y > 0 || *y < 9;   // cc +1; cog +1
                    for _ in 0..3 {}                     // cc +1; cog +2 (level 1); depth 1
                    f(x)
                })
                .collect()
        }
        """,
    )
    assert list(regions) == ["apply"]
    apply = regions["apply"].metrics
    assert (apply.cyclomatic, apply.cognitive, apply.nesting, apply.params) == (4, 6, 1, 1)
