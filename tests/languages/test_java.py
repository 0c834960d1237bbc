"""Java regions and complexity on hand-checked examples (counts worked out in the comments)."""


from tests.languages.helpers import measure

CODE = """
package com.example.shop;

import java.util.List;

/** Orders. */
public class OrderService {
    private final Repo repo;

    public OrderService(Repo repo, int retries) {
        this.repo = repo;
    }

    public int total(List<Order> orders, String... tags) {
        int sum = 0;
        for (Order o : orders) { // for +1
            if (o == null || o.cancelled()) { // if +2 (nesting 1), || +1
                continue;
            } else if (o.priority() > 3 && tags.length > 0) { // else if +1, && +1
                sum += o.price() * 2;
            } else { // else +1
                sum += o.price();
            }
        }
        return sum > 100 ? sum - 10 : sum; // ternary +1
    }

    int route(String cmd, int n) {
        switch (cmd) { // +1
            case "a":
            case "b", "c":
                return 1;
            default:
                break;
        }
        int k = switch (n) { // +1
            case 1 -> 10;
            case 2, 3 -> 20;
            default -> {
                try {
                    yield Integer.parseInt(cmd);
                } catch (NumberFormatException e) { // +2 (nesting 1)
                    yield -1;
                }
            }
        };
        do { // +1
            k--;
        } while (k > 0 && n > 0); // && +1
        return k;
    }

    boolean scan(int[][] grid) {
        outer:
        for (int[] row : grid) { // +1
            for (int cell : row) { // +2
                if (cell < 0) { // +3
                    break outer; // +1
                }
                while (cell > 10) { // +3
                    continue outer; // +1
                }
            }
        }
        Runnable r = () -> {
            Predicate<Integer> p = x -> x > 0 ? true : x == 0 && x < 1; // ?: +3 (two lambdas deep), && +1
        };
        return grid.length > 0;
    }

    int sign(int v) {
        if (v > 0) return 1; // +1
        else if (v < 0) return -1; // +1
        else return 0; // +1
    }

    boolean mixed(boolean a, boolean b, boolean c, boolean d) {
        return a && b || c && d; // && +1, || +1, && +1
    }

    static class Cache {
        interface Loader {
            String load(String key);

            default String fallback() {
                return "";
            }
        }

        String get(String key) {
            Loader l = new Loader() {
                public String load(String k) {
                    return k.isEmpty() ? null : k;
                }
            };
            return l.load(key);
        }
    }

    enum Op {
        ADD {
            int apply(int a, int b) { return a + b; }
        },
        NEG;

        int apply(int a, int b) { return -a; }
    }

    record Point(int x, int y) {
        Point {
            if (x < 0) throw new IllegalArgumentException(); // +1
        }
    }
}
"""


def test_regions_have_qualified_names_kinds_and_spans():
    facts, regions = measure("java", CODE)
    assert {name: (r.kind, r.start_line, r.end_line) for name, r in regions.items()} == {
        "OrderService": ("class", 6, 113),
        "OrderService.OrderService": ("method", 9, 11),  # constructor
        "OrderService.total": ("method", 13, 25),
        "OrderService.route": ("method", 27, 50),
        "OrderService.scan": ("method", 52, 68),
        "OrderService.sign": ("method", 70, 74),
        "OrderService.mixed": ("method", 76, 78),
        "OrderService.Cache": ("class", 80, 97),
        # an interface's bodiless `load` is no region; its default method is
        "OrderService.Cache.Loader": ("class", 81, 87),
        "OrderService.Cache.Loader.fallback": ("method", 84, 86),
        "OrderService.Cache.get": ("method", 89, 96),
        # the anonymous class is no region; its method is one, nested in the enclosing method
        "OrderService.Cache.get.load": ("method", 91, 93),
        "OrderService.Op": ("class", 99, 106),
        # an enum constant with a body is named by its constant
        "OrderService.Op.ADD": ("class", 100, 102),
        "OrderService.Op.ADD.apply": ("method", 101, 101),
        "OrderService.Op.apply": ("method", 105, 105),
        "OrderService.Point": ("class", 108, 112),
        "OrderService.Point.Point": ("method", 109, 111),  # compact constructor
    }
    assert facts.error is None


def test_else_if_chain_in_a_loop_and_a_ternary():
    _, regions = measure("java", CODE)
    total = regions["OrderService.total"].metrics
    assert total.cyclomatic == 7  # 1 + for, if, ||, else-if, &&, ?:
    assert total.cognitive == 8  # for 1, if 2, || 1, else if 1, && 1, else 1, ?: 1
    assert total.nesting == 2
    assert total.params == 2  # orders and the varargs tags
    assert regions["OrderService.OrderService"].metrics.params == 2


def test_else_without_braces():
    _, regions = measure("java", CODE)
    sign = regions["OrderService.sign"].metrics
    assert (sign.cyclomatic, sign.cognitive, sign.nesting) == (3, 3, 1)  # if, else if, else


def test_switch_statement_and_expression_count_each_case_label():
    _, regions = measure("java", CODE)
    route = regions["OrderService.route"].metrics
    # 1 + `case "a"`, `case "b", "c"` + `case 1 ->`, `case 2, 3 ->` + catch + do-while + &&
    assert route.cyclomatic == 8
    # switch 1, switch 1, catch 2 (inside the switch expression), do 1, && 1
    assert route.cognitive == 6
    assert route.nesting == 2  # switch > catch


def test_labelled_jumps_and_nested_lambdas():
    _, regions = measure("java", CODE)
    scan = regions["OrderService.scan"].metrics
    assert scan.cyclomatic == 7  # 1 + for, for, if, while, ?:, &&
    # for 1, for 2, if 3, break outer 1, while 3, continue outer 1, ?: 3 (lambda in lambda), && 1
    assert scan.cognitive == 15
    assert scan.nesting == 3  # lambdas add to cognitive nesting only
    assert scan.params == 1  # lambdas' parameters are not the method's


def test_mixed_logical_sequences():
    _, regions = measure("java", CODE)
    mixed = regions["OrderService.mixed"].metrics
    assert (mixed.cyclomatic, mixed.cognitive, mixed.params) == (4, 3, 4)  # && | || | &&: three runs


def test_logical_runs_follow_source_order():
    _, regions = measure(
        "java",
        "class C {\n  boolean f(boolean a, boolean b, boolean c, boolean d) { return a || b && c || d; }\n"
        "  boolean g(boolean a, boolean b, boolean c) { return a && (b && c); }\n}\n",
    )
    assert (regions["C.f"].metrics.cognitive, regions["C.g"].metrics.cognitive) == (3, 1)


def test_anonymous_class_methods_are_their_own_regions():
    _, regions = measure("java", CODE)
    assert regions["OrderService.Cache.get"].metrics.cyclomatic == 1
    load = regions["OrderService.Cache.get.load"].metrics
    assert (load.cyclomatic, load.cognitive, load.nesting, load.params) == (2, 1, 1, 1)


def test_classes_and_file_sum_what_they_contain():
    facts, regions = measure("java", CODE)
    assert regions["OrderService.Cache"].metrics.cyclomatic == 1 + 1 + 2  # fallback, get, load
    assert regions["OrderService.Op"].metrics.cyclomatic == 2
    assert regions["OrderService.Point"].metrics.cognitive == 1
    outer = regions["OrderService"].metrics
    assert outer.cyclomatic == 1 + 7 + 8 + 7 + 3 + 4 + 4 + 2 + 2
    assert outer.cognitive == 8 + 6 + 15 + 3 + 3 + 1 + 1
    assert facts.metrics.cyclomatic == outer.cyclomatic
