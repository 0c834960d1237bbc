"""Python regions and complexity on hand-checked examples (counts worked out in the comments)."""

from tests.languages.helpers import measure

CODE = '''
class Auth:
    """Docstring."""

    def login(self, user, password=None, *rest, **extra):
        if user and password or not rest:  # if +1, `or` +1, `and` +1: a new sequence each
            for item in rest:  # +2 (nesting 1)
                if item:  # +3 (nesting 2)
                    return 1
                elif item == 2:  # +1
                    pass
                else:  # +1
                    pass
        try:
            pass
        except ValueError:  # +1
            pass
        return [i for i in rest if i]  # comprehension: cyclomatic only

    def helper(cls):
        def inner(q):
            return q if q else None
        return inner


def top(a, b):
    f = lambda z: z if z else 0  # ternary inside a lambda: +1 +1 nesting
    return a or b
'''


def test_regions_have_qualified_names_kinds_and_spans():
    facts, regions = measure("python", CODE)
    assert {name: (r.kind, r.start_line, r.end_line) for name, r in regions.items()} == {
        "Auth": ("class", 1, 22),
        "Auth.login": ("method", 4, 17),
        "Auth.helper": ("method", 19, 22),
        "Auth.helper.inner": ("function", 20, 21),
        "top": ("function", 25, 27),
    }
    assert facts.error is None


def test_complexity_matches_hand_count():
    _, regions = measure("python", CODE)
    login = regions["Auth.login"].metrics
    # 1 + if, and, or, for, if, elif, except, comprehension for, comprehension if
    assert login.cyclomatic == 10
    assert login.cognitive == 11
    assert login.nesting == 3
    assert login.params == 4  # self is the receiver, not a parameter
    assert regions["Auth.helper"].metrics.cyclomatic == 1  # the nested function is its own region
    assert (regions["Auth.helper.inner"].metrics.cyclomatic, regions["Auth.helper.inner"].metrics.cognitive) == (2, 1)
    assert (regions["top"].metrics.cyclomatic, regions["top"].metrics.cognitive) == (3, 3)


def test_class_and_file_sum_their_functions():
    facts, regions = measure("python", CODE)
    assert regions["Auth"].metrics.cyclomatic == 10 + 1 + 2
    assert facts.metrics.cyclomatic == 13 + 3


def test_match_statement_counts_each_case():
    _, regions = measure(
        "python",
        """
        def route(cmd):
            match cmd:
                case "a":
                    return 1
                case _:
                    return 2
        """,
    )
    assert regions["route"].metrics.cyclomatic == 3
    assert regions["route"].metrics.cognitive == 1


def test_same_named_siblings_get_ordinals():
    _, regions = measure("python", "def f():\n    pass\n\ndef f():\n    return 1\n")
    assert regions["f"].start_line == 1 and regions["f#1"].start_line == 4
