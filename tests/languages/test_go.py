"""Go regions and complexity on hand-checked examples (counts worked out in the comments)."""

from tests.languages.helpers import measure

CODE = """
package shop

import "errors"

// Cart holds items.
type Cart struct {
    items []int
}

type Store[T any] interface {
    Get(id int) T
}

type (
    ID   int
    Pair struct{ a, b int }
)

func (c *Cart) Total(limit, skip int, tag string) (int, error) {
    sum := 0
    for i, v := range c.items { // for +1
        if i < skip || v < 0 { // if +2 (nesting 1), || +1
            continue
        } else if v > limit && limit > 0 { // else if +1, && +1
            return 0, errors.New(tag)
        } else { // else +1
            sum += v
        }
    }
    return sum, nil
}

func (s Stack[T]) Peek() T {
    var zero T
    return zero
}

func Route(cmd string, ch chan int, v interface{}) int {
    switch cmd { // +1
    case "a", "b":
        return 1
    case "c":
        return 2
    default:
    }
    switch x := v.(type) { // +1
    case int:
        return x
    case string, error:
        return 0
    }
    select { // +1
    case n := <-ch:
        return n
    case ch <- 1:
    default:
    }
    return 0
}

func Scan(grid [][]int) (found bool) {
outer:
    for _, row := range grid { // +1
        for _, cell := range row { // +2
            if cell < 0 { // +3
                break outer // +1
            }
            if cell == 0 { // +3
                continue outer // +1
            }
        }
    }
    if !found { // +1
        goto done // +1
    }
done:
    return
}

func Apply(xs []int) func(int) bool {
    keep := func(x int) bool {
        if x > 0 { // +2: nesting 1 inside the literal
            return x%2 == 0 && x < 10 || x == 42 // && +1, || +1
        }
        return false
    }
    return func(y int) bool {
        for _, x := range xs { // +2
            if keep(x) && func() bool { return y > 0 || y < -5 }() { // if +3, && +1, || +1
                return true
            }
        }
        return false
    }
}

func Check(a, b, c, d bool, _ int, rest ...string) bool {
    return a && b && c || d && a
}
"""


def test_regions_have_qualified_names_kinds_and_spans():
    facts, regions = measure("go", CODE)
    assert {name: (r.kind, r.start_line, r.end_line) for name, r in regions.items()} == {
        # struct and interface types are class-like; `ID int` is no region (it holds no code)
        "shop.Cart": ("class", 6, 8),
        "shop.Store": ("class", 10, 12),
        "shop.Pair": ("class", 16, 16),
        # methods are qualified by their receiver's type: pointer or not, generic or not
        "shop.Cart.Total": ("method", 19, 31),
        "shop.Stack.Peek": ("method", 33, 36),
        "shop.Route": ("function", 38, 59),
        "shop.Scan": ("function", 61, 78),
        # func literals are not regions: what they hold counts for Apply
        "shop.Apply": ("function", 80, 95),
        "shop.Check": ("function", 97, 99),
    }
    assert facts.error is None


def test_else_if_chain_in_a_loop():
    _, regions = measure("go", CODE)
    total = regions["shop.Cart.Total"].metrics
    assert total.cyclomatic == 6  # 1 + for, if, ||, else-if, &&
    assert total.cognitive == 7  # for 1, if 2, || 1, else if 1, && 1, else 1
    assert total.nesting == 2  # for > if; the else-if does not nest deeper
    assert total.params == 3  # limit, skip (one declaration, two names), tag; the receiver is none
    assert regions["shop.Stack.Peek"].metrics.params == 0


def test_switch_type_switch_and_select_count_each_case_but_not_default():
    _, regions = measure("go", CODE)
    route = regions["shop.Route"].metrics
    # 1 + expression cases 2 (`case "a", "b"` is one) + type cases 2 + communication cases 2
    assert route.cyclomatic == 7
    assert route.cognitive == 3  # one per switch/select, whatever its cases
    assert route.nesting == 1
    assert route.params == 3


def test_labelled_break_continue_and_goto_are_flat_increments():
    _, regions = measure("go", CODE)
    scan = regions["shop.Scan"].metrics
    assert scan.cyclomatic == 6  # 1 + for, for, if, if, if
    # for 1, for 2, if 3, break outer 1, if 3, continue outer 1, if 1, goto 1
    assert scan.cognitive == 13
    assert scan.nesting == 3
    assert scan.params == 1  # the named result is not a parameter


def test_func_literals_nest_without_being_regions():
    _, regions = measure("go", CODE)
    apply = regions["shop.Apply"].metrics
    # 1 + first literal: if, &&, || + second literal: for, if, &&, and the inner literal's ||
    assert apply.cyclomatic == 8
    # if 2 (inside a literal), && 1, || 1; for 2 (inside a literal), if 3, && 1, || 1
    assert apply.cognitive == 11
    assert apply.nesting == 2  # literals add to cognitive nesting, not to the depth of control structures
    assert apply.params == 1  # the literals' parameters are their own


def test_mixed_logical_sequences():
    _, regions = measure("go", CODE)
    check = regions["shop.Check"].metrics
    # (a && b && c) || (d && a): four operators, three runs: &&&& | || | &&
    assert (check.cyclomatic, check.cognitive) == (5, 3)
    assert check.params == 6  # a, b, c, d, _, rest


def test_unnamed_parameters_count_one_each():
    _, regions = measure("go", "package p\n\nfunc H(int, string, ...byte) {}\n\nfunc (T) M(x, y int) {}\n")
    assert regions["p.H"].metrics.params == 3
    assert regions["p.T.M"].metrics.params == 2


def test_types_sum_nothing_and_file_sums_all_functions():
    facts, regions = measure("go", CODE)
    # methods are declared outside their type: a type region holds no code of its own
    assert regions["shop.Cart"].metrics.cyclomatic == 0
    assert facts.metrics.cyclomatic == 6 + 1 + 7 + 6 + 8 + 5
    assert facts.metrics.cognitive == 7 + 0 + 3 + 13 + 11 + 3
