"""C# regions and complexity on hand-checked examples (counts worked out in the comments)."""

from tests.languages.helpers import measure

CODE = """
using System;

namespace Shop.Orders
{
    /// <summary>Orders.</summary>
    public class OrderService
    {
        private readonly IRepo _repo;

        public OrderService(IRepo repo) { _repo = repo; }

        public int Total(IList<Order> orders, int limit, params string[] tags)
        {
            var sum = 0;
            foreach (var o in orders) // foreach +1
            {
                if (o == null || o.Cancelled) // if +2 (nesting 1), || +1
                    continue;
                else if (o.Priority > limit && tags.Length > 0) // else if +1, && +1
                    sum += o.Price * 2;
                else // else +1
                    sum += o.Price;
            }
            var first = orders?.FirstOrDefault()?.Name ?? "none"; // ?. and ?? count nothing
            return sum > 100 ? sum - 10 : sum; // ?: +1
        }

        public int Route(string cmd, int n)
        {
            switch (cmd) // +1
            {
                case "a":
                case "b":
                    return 1;
                case var s when s.Length > 3:
                    goto default; // +1
                default:
                    break;
            }
            var k = n switch // +1
            {
                1 => 10,
                2 or 3 => 20,
                _ => 0,
            };
            try
            {
                k = int.Parse(cmd);
            }
            catch (FormatException e) when (e.Message != null) // +1
            {
                k = -1;
            }
            catch // +1
            {
                do { k--; } while (k > 0 && n > 0); // do +2 (nesting 1), && +1
            }
            return k;
        }

        public Func<int, bool> Make(int limit)
        {
            bool Check(int x) => x > 0 && x < limit;
            Func<int, bool> f = x =>
            {
                if (x > limit) // +2 (nesting 1 inside the lambda)
                    return Check(x) || x == 0; // || +1
                return false;
            };
            Action a = delegate { Console.WriteLine(f(1) ? "y" : "n"); }; // ?: +2 (inside the anonymous method)
            return f;
        }

        public static OrderService operator +(OrderService a, OrderService b) => a;

        public int Count { get { return _repo == null ? 0 : 1; } } // a property: counts for the class
    }

    public struct Money
    {
        public decimal Amount;

        public Money Add(Money other) => new Money { Amount = Amount + other.Amount };
    }

    public interface IRepo
    {
        Order Find(int id);
    }

    public record Order(int Id, decimal Price, string Name)
    {
        public bool Cheap() => Price < 10 || Id == 0;
    }

    public enum Status { Open, Closed }
}
"""


def test_regions_have_qualified_names_kinds_and_spans():
    facts, regions = measure("csharp", CODE)
    # the namespace is no region and stays out of the names; the property `Count` is no region
    assert {name: (r.kind, r.start_line, r.end_line) for name, r in regions.items()} == {
        "OrderService": ("class", 6, 77),
        "OrderService.OrderService": ("method", 10, 10),  # constructor
        "OrderService.Total": ("method", 12, 26),
        "OrderService.Route": ("method", 28, 59),
        "OrderService.Make": ("method", 61, 72),
        "OrderService.Make.Check": ("function", 63, 63),  # local function
        "OrderService.+": ("method", 74, 74),  # operator, named by its symbol
        "Money": ("class", 79, 84),  # struct
        "Money.Add": ("method", 83, 83),
        "IRepo": ("class", 86, 89),  # interface; its bodiless Find is no region
        "Order": ("class", 91, 94),  # record
        "Order.Cheap": ("method", 93, 93),
        "Status": ("class", 96, 96),  # enum
    }
    assert facts.error is None


def test_else_if_chain_without_braces_null_operators_count_nothing():
    _, regions = measure("csharp", CODE)
    total = regions["OrderService.Total"].metrics
    assert total.cyclomatic == 7  # 1 + foreach, if, ||, else-if, &&, ?: (not ?. nor ??)
    assert total.cognitive == 8  # foreach 1, if 2, || 1, else if 1, && 1, else 1, ?: 1
    assert total.nesting == 2
    assert total.params == 3  # orders, limit and the params array


def test_switch_statement_expression_catch_and_goto():
    _, regions = measure("csharp", CODE)
    route = regions["OrderService.Route"].metrics
    # 1 + case "a", case "b", case var s + arms `1`, `2 or 3` (not the discard arm)
    #   + two catches + do-while + &&
    assert route.cyclomatic == 10
    # switch 1, goto 1, switch expression 1, catch 1, catch 1, do 2 (inside the catch), && 1
    assert route.cognitive == 8
    assert route.nesting == 2
    assert route.params == 2


def test_lambdas_and_anonymous_methods_nest_local_functions_are_regions():
    _, regions = measure("csharp", CODE)
    make = regions["OrderService.Make"].metrics
    assert make.cyclomatic == 4  # 1 + if, || (in the lambda), ?: (in the anonymous method)
    assert make.cognitive == 5  # if 2, || 1, ?: 2
    assert make.nesting == 1
    assert make.params == 1  # the lambda's x is its own
    check = regions["OrderService.Make.Check"].metrics
    assert (check.cyclomatic, check.cognitive, check.params) == (2, 1, 1)


def test_mixed_logical_sequences():
    _, regions = measure(
        "csharp",
        "class C {\n  bool F(bool a, bool b, bool c, bool d) => a && b && c || d && a ?? b;\n}\n",
    )
    # (a && b && c || d && a) ?? b: runs && && | || | &&; `??` is neither a decision nor a logical operator
    assert (regions["C.F"].metrics.cyclomatic, regions["C.F"].metrics.cognitive) == (5, 3)


def test_classes_and_file_sum_what_they_contain():
    facts, regions = measure("csharp", CODE)
    service = regions["OrderService"].metrics
    # constructor 1, Total 7, Route 10, Make 4, Check 2, operator 1, and the property's ?: 1
    assert service.cyclomatic == 26
    assert service.cognitive == 8 + 8 + 5 + 1 + 1
    assert facts.metrics.cyclomatic == 26 + 1 + 0 + 2 + 0


def test_file_scoped_namespace_nested_class_conversion_operator_and_abstract_method():
    _, regions = measure(
        "csharp",
        """
        namespace Shop;

        public abstract class Shape
        {
            public abstract double Area();
            public static implicit operator double(Shape s) => s.Area();
            public class Unit : Shape
            {
                public override double Area() => 1;
            }
        }
        """,
    )
    assert {name: (r.kind, r.start_line, r.end_line) for name, r in regions.items()} == {
        "Shape": ("class", 3, 11),
        "Shape.double": ("method", 6, 6),  # a conversion operator is named by its target type
        "Shape.Unit": ("class", 7, 10),
        "Shape.Unit.Area": ("method", 9, 9),
    }
    assert regions["Shape.double"].metrics.params == 1
