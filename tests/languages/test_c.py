"""C regions and complexity on hand-checked examples (counts worked out in the comments).

Cyclomatic follows lizard (1 + if, for, while, do-while, case, &&, ||, ?:, #if, #ifdef, #elif);
cognitive follows SonarSource (nesting structures +1 + level; else, else if, goto +1 flat; +1 per
sequence of like logical operators)."""

from tests.languages.helpers import measure

CODE = r"""
/* A tiny config parser. */
#include <stddef.h>

struct config {
    int verbose;
    char *path;
};

typedef struct {
    int x, y;
} point;

enum mode { MODE_A, MODE_B };

int parse_config(struct config *cfg, const char *text, int len);

static char *next_token(char *s, int *len, ...)
{
    int i = 0;
    while (s[i] && s[i] != ' ') {
        if (s[i] == '"' || s[i] == '\'') {
            i++;
        } else if (s[i] == '#') {
            break;
        } else {
            i++;
        }
    }
    *len = i;
    return i ? s : NULL;
}

int classify(int c)
{
    switch (c) {
    case 'a':
    case 'b':
    case 'c':
        return 1;
    default:
        break;
    }
    return 0;
}

int parse_config(struct config *cfg, const char *text, int len)
{
    int i;
    for (i = 0; i < len; i++) {
        if (text[i] == 'v' && i + 1 < len && text[i + 1] == '1')
            cfg->verbose = 1;
        else
            goto fail;
    }
    do {
        i--;
    } while (i > 0 && (cfg->verbose || len < 0));
    return 0;
fail:
    return -1;
}

void (*pick(int which))(void)
{
    return which ? on : off;
}

int get_mode(void) { return MODE_A; }
"""


def test_regions_have_names_kinds_and_spans():
    facts, regions = measure("c", CODE)
    assert {name: (r.kind, r.start_line, r.end_line) for name, r in regions.items()} == {
        "config": ("class", 4, 7),
        "point": ("class", 9, 11),  # anonymous struct named by its typedef; the region is the typedef
        "mode": ("class", 13, 13),
        # line 15, the prototype of parse_config, is no region
        "next_token": ("function", 17, 31),  # `char *next_token(...)`: name under a pointer_declarator
        "classify": ("function", 33, 44),
        "parse_config": ("function", 46, 61),
        "pick": ("function", 63, 66),  # returns a function pointer: `void (*pick(int))(void)`
        "get_mode": ("function", 68, 68),
    }
    assert facts.error is None


def test_while_with_else_if_chain():
    _, regions = measure("c", CODE)
    m = regions["next_token"].metrics
    # cyclomatic: 1 + while + && (line 20) + if + || (line 21) + else-if's if (line 23) + ?: (line 30) = 7
    assert m.cyclomatic == 7
    # cognitive: while +1, its && +1, if +2 (nesting 1), its || +1, else if +1 (flat), else +1 (flat),
    # ?: +1 (nesting 0) = 8
    assert m.cognitive == 8
    assert m.nesting == 2  # while > if; the else-if chain does not nest deeper
    assert m.params == 3  # s, len and the variadic `...`
    assert m.length == 15


def test_switch_with_fallthrough_counts_each_case_but_not_default():
    _, regions = measure("c", CODE)
    m = regions["classify"].metrics
    # 1 + case 'a' + case 'b' + case 'c' (empty cases falling through still count, as in lizard)
    assert m.cyclomatic == 4
    assert m.cognitive == 1  # the switch only: cases add nothing
    assert m.nesting == 1
    assert m.params == 1


def test_goto_else_do_while_and_logical_sequences():
    _, regions = measure("c", CODE)
    m = regions["parse_config"].metrics
    # cyclomatic: 1 + for + if + && + && (line 50) + do-while + && + || (line 56) = 8
    assert m.cyclomatic == 8
    # cognitive: for +1, if +2 (nesting 1), `a && b && c` one sequence +1, else +1, goto +1, do +1,
    # `i > 0 && (... || ...)`: && +1 and the parenthesised || another sequence +1 = 9
    assert m.cognitive == 9
    assert m.nesting == 2
    assert m.params == 3


def test_function_returning_a_function_pointer_and_void_parameter_list():
    _, regions = measure("c", CODE)
    # pick: 1 + ?: ; its own parameter is `int which`, the `(void)` of the returned type is not
    pick = regions["pick"].metrics
    assert (pick.cyclomatic, pick.cognitive, pick.params) == (2, 1, 1)
    assert (regions["get_mode"].metrics.cyclomatic, regions["get_mode"].metrics.params) == (1, 0)  # `(void)`: 0


def test_types_hold_no_code_and_the_file_sums_its_functions():
    facts, regions = measure("c", CODE)
    for name in ("config", "point", "mode"):
        m = regions[name].metrics
        assert (m.cyclomatic, m.cognitive, m.nesting, m.params) == (0, 0, 0, 0)
    assert facts.metrics.cyclomatic == 7 + 4 + 8 + 2 + 1
    assert facts.metrics.cognitive == 8 + 1 + 9 + 1 + 0
    assert facts.metrics.nesting == 2


def test_preprocessor_conditions_count_like_lizard():
    code = """
    int feature(int x)
    {
    #ifdef HAVE_FAST
        x *= 2;
    #elif defined(SLOW)
        x += 1;
    #else
        x -= 1;
    #endif
    #ifndef NDEBUG
        x++;
    #endif
    #if LEVEL > 2
        x = x > 0 ? x : -x;
    #endif
        return x;
    }

    #ifdef WITH_EXTRA
    int extra(void) { return 0; }
    #endif
    """
    facts, regions = measure("c", code)
    # 1 + #ifdef + #elif + #if + ?: ; #else and #ifndef do not count (lizard's preprocess())
    assert regions["feature"].metrics.cyclomatic == 5
    assert regions["feature"].metrics.cognitive == 1  # only the ?: ; directives are not control flow
    assert regions["extra"].metrics.cyclomatic == 1
    # the #ifdef around `extra` is outside every function: it counts for the file only
    assert facts.metrics.cyclomatic == 5 + 1 + 1


def test_mixed_logical_operators_make_one_increment_per_sequence():
    code = """
    int f(int a, int b, int c, int d)
    {
        return a && b || c && d;
    }
    int g(int a, int b, int c)
    {
        return a || b || c;
    }
    """
    _, regions = measure("c", code)
    # (a && b) || (c && d): three sequences (&&, ||, &&); three decision points
    assert (regions["f"].metrics.cyclomatic, regions["f"].metrics.cognitive) == (4, 3)
    assert (regions["g"].metrics.cyclomatic, regions["g"].metrics.cognitive) == (3, 1)
    assert regions["f"].metrics.params == 4


def test_nested_ifs_and_loops_nest():
    code = """
    int deep(int *v, int n)
    {
        for (int i = 0; i < n; i++) {
            while (v[i] > 0) {
                if (v[i] % 2) {
                    v[i] = v[i] > 10 ? 10 : v[i] - 1;
                } else {
                    v[i]--;
                }
            }
        }
        return 0;
    }
    """
    _, regions = measure("c", code)
    m = regions["deep"].metrics
    assert m.cyclomatic == 5  # 1 + for + while + if + ?:
    assert m.cognitive == 1 + 2 + 3 + 4 + 1  # for, while (n1), if (n2), ?: (n3), else
    assert m.nesting == 4


def test_pointer_returns_and_k_and_r_parameters():
    code = """
    char **split(const char *s, int sep) { return 0; }
    int old(a, b)
    int a;
    char *b;
    {
        return a;
    }
    """
    _, regions = measure("c", code)
    assert regions["split"].metrics.params == 2
    assert regions["old"].metrics.params == 2
    assert (regions["old"].start_line, regions["old"].end_line) == (2, 7)


def test_nested_struct_is_qualified():
    _, regions = measure("c", "struct outer {\n    struct inner { int a; } in;\n    union { int b; } u;\n};\n")
    assert {name: r.kind for name, r in regions.items()} == {"outer": "class", "outer.inner": "class"}
