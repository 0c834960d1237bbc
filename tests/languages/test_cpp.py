"""C++ regions and complexity on hand-checked examples (counts worked out in the comments).

Cyclomatic follows lizard (1 + if, for, range-for, while, do-while, case, catch, &&, ||, ?:, #if,
#ifdef, #elif; `and`/`or` count like `&&`/`||`); cognitive follows SonarSource (nesting structures
+1 + level; else, else if, goto +1 flat; +1 per sequence of like logical operators; lambdas nest)."""

from tests.languages.helpers import measure

CODE = r"""
// Session handling.
#include <string>
#include <vector>

namespace net {

class Session : public Base {
public:
    Session(int fd, std::string name = "") : fd_(fd), name_(name) {}
    ~Session();
    Session(const Session&) = default;
    Session& operator=(const Session&) = delete;
    virtual void close() = 0;
    bool ready() const;
    int send(const char* buf, int len, ...);

    bool operator==(const Session& o) const { return fd_ == o.fd_ && name_ == o.name_; }
    explicit operator bool() const { return fd_ >= 0; }

    struct Stats {
        int sent;
        int total() const { return sent; }
    };

private:
    int fd_;
    std::string name_;
};

bool Session::ready() const
{
    if (fd_ < 0) {
        return false;
    } else if (fd_ == 0) {
        return name_.empty() or fd_ > 10;
    }
    for (auto& c : name_) {
        if (c == ' ')
            return false;
    }
    return true;
}

int Session::send(const char* buf, int len, ...)
{
    try {
        while (len > 0) {
            len -= write(fd_, buf, len);
        }
    } catch (const std::exception& e) {
        return len > 0 ? -1 : 0;
    } catch (...) {
        throw;
    }
    return 0;
}

Session::~Session() {}

}  // namespace net

template <typename T>
class Box {
public:
    T get() const { return ok_ ? value_ : T(); }
    ~Box() { if (ok_) reset(); }
    T take();
private:
    T value_;
    bool ok_;
};

template <typename T>
T Box<T>::take()
{
    return ok_ && value_ ? value_ : T();
}

template <typename T>
const T& clamp(const T& v, const T& lo, const T& hi)
{
    return v < lo ? lo : (v > hi ? hi : v);
}

int count_even_over(const std::vector<int>& xs, int limit)
{
    int n = 0;
    auto outer = [&](int x) {
        auto inner = [&](int y) {
            if (y > limit && y % 2 == 0) {
                n++;
            }
        };
        for (int i = 0; i < x; i++) inner(i);
    };
    for (int x : xs) outer(x);
    return n;
}
"""


def test_regions_have_qualified_names_kinds_and_spans():
    facts, regions = measure("cpp", CODE)
    assert {name: (r.kind, r.start_line, r.end_line) for name, r in regions.items()} == {
        # the namespace is no region and stays out of names
        "Session": ("class", 7, 28),
        "Session.Session": ("method", 9, 9),  # constructor with an initializer list
        # lines 10-15 are declarations, `= default`, `= delete` and `= 0`: no regions
        "Session.operator==": ("method", 17, 17),
        "Session.operator": ("method", 18, 18),  # conversion operator: see regions.scm
        "Session.Stats": ("class", 20, 23),
        "Session.Stats.total": ("method", 22, 22),
        "Session.ready": ("method", 30, 42),  # out-of-class: `Session::ready`
        "Session.send": ("method", 44, 56),
        "Session.~Session": ("method", 58, 58),  # out-of-class destructor
        "Box": ("class", 63, 71),  # the span starts at `class`, after `template <typename T>`
        "Box.get": ("method", 65, 65),
        "Box.~Box": ("method", 66, 66),  # in-class destructor
        "Box.take": ("method", 74, 77),  # `Box<T>::take`: template arguments dropped
        "clamp": ("function", 80, 83),  # function template returning a reference
        "count_even_over": ("function", 85, 98),  # its lambdas are no regions
    }
    assert facts.error is None


def test_out_of_class_method_with_else_if_and_alternative_tokens():
    _, regions = measure("cpp", CODE)
    m = regions["Session.ready"].metrics
    # cyclomatic: 1 + if (32) + else-if's if (34) + `or` (35) + range-for (37) + if (38) = 6
    assert m.cyclomatic == 6
    # cognitive: if +1, else if +1 (flat), `or` +1, range-for +1, if +2 (nesting 1) = 6
    assert m.cognitive == 6
    assert m.nesting == 2
    assert m.params == 0


def test_try_catch_and_variadic_parameters():
    _, regions = measure("cpp", CODE)
    m = regions["Session.send"].metrics
    # cyclomatic: 1 + while + catch + ?: + catch(...) = 5
    assert m.cyclomatic == 5
    # cognitive: try adds nothing, while +1, catch +1, ?: +2 (nesting 1, inside the catch), catch +1 = 5
    assert m.cognitive == 5
    assert m.nesting == 2  # catch > ?:
    assert m.params == 3  # buf, len and `...`


def test_constructor_operators_and_default_arguments():
    _, regions = measure("cpp", CODE)
    assert regions["Session.Session"].metrics.params == 2  # `std::string name = ""` counts too
    op = regions["Session.operator=="].metrics
    assert (op.cyclomatic, op.cognitive, op.params) == (2, 1, 1)  # one &&
    assert regions["Session.operator"].metrics.params == 0


def test_templates():
    _, regions = measure("cpp", CODE)
    assert (regions["Box.get"].metrics.cyclomatic, regions["Box.get"].metrics.cognitive) == (2, 1)  # ?:
    assert (regions["Box.~Box"].metrics.cyclomatic, regions["Box.~Box"].metrics.cognitive) == (2, 1)  # if
    take = regions["Box.take"].metrics
    assert (take.cyclomatic, take.cognitive, take.nesting) == (3, 2, 1)  # ?: +1 and its && +1
    clamp = regions["clamp"].metrics
    # `v < lo ? lo : (v > hi ? hi : v)`: two ?: ; the inner one nests in the outer: +1, +2
    assert (clamp.cyclomatic, clamp.cognitive, clamp.nesting, clamp.params) == (3, 3, 2, 3)


def test_nested_lambdas_nest_but_add_no_depth():
    _, regions = measure("cpp", CODE)
    m = regions["count_even_over"].metrics
    # cyclomatic: 1 + if + && (line 90) + for (94) + range-for (96) = 5
    assert m.cyclomatic == 5
    # cognitive: if inside two lambdas +1+2 = 3, its && +1, for inside one lambda +1+1 = 2, range-for +1 = 7
    assert m.cognitive == 7
    assert m.nesting == 1  # lambdas raise the cognitive level, not the nesting depth
    assert m.params == 2  # the lambdas' parameters x and y are not the function's


def test_classes_sum_what_their_body_holds_and_the_file_sums_everything():
    facts, regions = measure("cpp", CODE)
    # Session's body: Session 1 + operator== 2 + operator bool 1 + Stats (total 1) = 5; methods
    # defined out of the class body (ready, send, ~Session) are regions of their own, not summed in
    assert (regions["Session"].metrics.cyclomatic, regions["Session"].metrics.cognitive) == (5, 1)
    assert (regions["Box"].metrics.cyclomatic, regions["Box"].metrics.cognitive) == (4, 2)
    assert facts.metrics.cyclomatic == 5 + 6 + 5 + 1 + 4 + 3 + 3 + 5
    assert facts.metrics.cognitive == 1 + 6 + 5 + 0 + 2 + 2 + 3 + 7


def test_switch_fallthrough_goto_and_mixed_logical_sequences():
    code = """
    int route(int op, bool a, bool b, bool c, bool d)
    {
        switch (op) {
        case 1:
        case 2:
            if (a && b || c && d)
                return 1;
            [[fallthrough]];
        case 3:
            goto done;
        default:
            break;
        }
        do {
            op--;
        } while (op > 0 and a and not b);
    done:
        return op;
    }
    """
    _, regions = measure("cpp", code)
    m = regions["route"].metrics
    # cyclomatic: 1 + case 1 + case 2 + case 3 + if + && + || + && + do-while + and + and = 11
    assert m.cyclomatic == 11
    # cognitive: switch +1, if +2 (nesting 1), `a && b || c && d` three sequences +3, goto +1,
    # do +1, `op > 0 and a and not b` one sequence +1 = 9
    assert m.cognitive == 9
    assert m.nesting == 2
    assert m.params == 5


def test_qualified_definitions_drop_namespaces_and_template_arguments():
    code = """
    namespace app { namespace detail {
    int Parser::parse(const char* s) { return s ? 1 : 0; }
    }}
    int app::detail::Parser::reset() { return 0; }
    template <> int max<int>(int a, int b) { return a > b ? a : b; }
    Parser::Parser() try : n_(0) {
    } catch (...) {
        n_ = -1;
    }
    bool Parser::operator<(const Parser& o) const { return n_ < o.n_; }
    Parser::operator int() const { return n_; }
    Parser* Parser::self() { return this; }
    const Parser& Parser::ref() const { return *this; }
    """
    _, regions = measure("cpp", code)
    assert {name: (r.kind, r.start_line, r.end_line) for name, r in regions.items()} == {
        "Parser.parse": ("method", 2, 2),
        "Parser.reset": ("method", 4, 4),  # `app::detail::Parser::reset`: the innermost scope only
        "max": ("function", 5, 5),  # explicit specialization `max<int>`
        "Parser.Parser": ("method", 6, 9),  # function-try-block constructor
        "Parser.operator<": ("method", 10, 10),
        "Parser.operator": ("method", 11, 11),
        "Parser.self": ("method", 12, 12),
        "Parser.ref": ("method", 13, 13),
    }
    assert regions["Parser.parse"].metrics.params == 1
    assert regions["max"].metrics.params == 2
    ctor = regions["Parser.Parser"].metrics
    assert (ctor.cyclomatic, ctor.cognitive, ctor.nesting) == (2, 1, 1)  # the catch


def test_file_level_lambda_counts_for_the_file():
    facts, regions = measure("cpp", "auto sign = [](int x) { return x < 0 ? -1 : 1; };\n")
    assert regions == {}
    # 1 for the file is not added (a file is a container): the ?: alone; nested in the lambda: +1+1
    assert (facts.metrics.cyclomatic, facts.metrics.cognitive, facts.metrics.nesting) == (1, 2, 1)


HEADER = """
#ifndef RING_H
#define RING_H

#include <stddef.h>

/* A ring buffer. */
typedef struct {
    size_t head, tail;
    unsigned char *buf;
} ring_t;

struct ring_stats { size_t drops; };

int ring_init(ring_t *r, size_t cap);

static inline size_t ring_used(const ring_t *r, size_t cap)
{
    return r->head >= r->tail ? r->head - r->tail : cap - (r->tail - r->head);
}

#endif
"""


def test_a_c_header_reads_the_same_with_the_cpp_grammar():
    cpp_facts, cpp = measure("cpp", HEADER)
    c_facts, c = measure("c", HEADER)
    assert {name: (r.kind, r.start_line, r.end_line, r.metrics) for name, r in cpp.items()} == {
        name: (r.kind, r.start_line, r.end_line, r.metrics) for name, r in c.items()
    }
    assert {name: (r.kind, r.start_line, r.end_line) for name, r in cpp.items()} == {
        "ring_t": ("class", 7, 10),
        "ring_stats": ("class", 12, 12),
        # line 14, the prototype, is no region
        "ring_used": ("function", 16, 19),
    }
    m = cpp["ring_used"].metrics
    assert (m.cyclomatic, m.cognitive, m.params) == (2, 1, 2)
    # the include guard is an #ifndef: no decision point
    assert cpp_facts.metrics.cyclomatic == c_facts.metrics.cyclomatic == 2
    assert cpp_facts.error is None and c_facts.error is None
    assert cpp["ring_used"].fingerprint == c["ring_used"].fingerprint


def test_extern_c_split_by_preprocessor_is_partial_but_measured():
    # The common `#ifdef __cplusplus / extern "C" {` idiom closes the brace in another #ifdef: the
    # grammar reports a missing #endif, so the file is partial, but the functions are all there.
    code = """
    #ifdef __cplusplus
    extern "C" {
    #endif
    int lib_add(int a, int b) { return a > 0 && b > 0 ? a + b : 0; }
    #ifdef __cplusplus
    }
    #endif
    """
    facts, regions = measure("cpp", code)
    assert (regions["lib_add"].start_line, regions["lib_add"].metrics.cyclomatic) == (4, 3)
    assert facts.error is not None and facts.error.status == "partial"


def test_same_named_overloads_get_ordinals():
    _, regions = measure("cpp", "int f(int a) { return a; }\nint f(double a) { return 0; }\n")
    assert regions["f"].start_line == 1 and regions["f#1"].start_line == 2
