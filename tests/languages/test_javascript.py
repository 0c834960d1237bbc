"""JavaScript (and JSX) regions and complexity on hand-checked examples (counts worked out in the
comments). Cyclomatic = 1 + if, else-if, for, for-of/in, while, do-while, case, catch, &&, ||, ?:
(lizard's set; `??` and `default` not counted). Cognitive (SonarSource): if, ?:, switch, loops and
catch add 1 + nesting; else-if, else and labelled jumps add 1; each run of like && / || adds 1;
anonymous functions add nothing but nest what is inside them."""


from tests.languages.helpers import measure

CODE = """
import { api } from './api';

// Session handling.
class Session extends Base {
  timeout = 30;
  onExpire = (reason) => {
    if (reason && this.active) {  // if +1, && +1 (a field holding an arrow is a method)
      this.close();
    }
  };

  constructor(user, { ttl = 60, renew } = {}) {
    super(user);
    this.ttl = ttl;
  }

  get active() {
    return this.expires > Date.now() || this.renewing;  // || +1
  }

  static parse(raw, ...rest) {
    try {
      return JSON.parse(raw);
    } catch (err) {  // +1 (nesting 0)
      return rest.length ? rest[0] : null;  // +2 (nesting 1)
    }
  }
}

function classify(score, strict) {
  if (score > 90) {  // +1
    return 'high';
  } else if (score > 50) {  // +1 flat
    return strict ? 'mid' : 'high';  // +2: nested in the if chain
  } else if (score > 10 && strict || score === 0) {  // +1 flat, && +1, || +1
    return 'low';
  } else {  // +1
    return 'none';
  }
}

const route = function (cmd, opts = {}) {
  switch (cmd) {  // +1, whatever the number of cases
    case 'a':
    case 'b':
      return 1;
    default:
      return 0;
  }
};

export const labels = (items) =>
  items.map((item) => (item.ok ? (item.done ? 'done' : 'open') : 'error'));

const handlers = {
  save(doc) {
    for (const field of doc.fields) {  // +1
      while (field.dirty) {  // +2
        field.flush();
      }
    }
  },
  load: async (id) => (id ? api.get(id) : null) ?? fallback,  // ?: +1; ?? counts nothing
};
"""


def test_regions_have_qualified_names_kinds_and_spans():
    facts, regions = measure("javascript", CODE)
    assert {name: (r.kind, r.start_line, r.end_line) for name, r in regions.items()} == {
        "Session": ("class", 4, 28),
        "Session.onExpire": ("method", 6, 10),  # the arrow function's span
        "Session.constructor": ("method", 12, 15),
        "Session.active": ("method", 17, 19),
        "Session.parse": ("method", 21, 27),
        "classify": ("function", 30, 40),
        "route": ("function", 42, 50),
        "labels": ("function", 52, 53),
        "save": ("method", 56, 62),  # object-literal members: the object itself is no region
        "load": ("method", 63, 63),
    }
    assert facts.error is None


def test_methods_of_a_class():
    _, regions = measure("javascript", CODE)
    metrics = {name: regions[name].metrics for name in regions if name.startswith("Session.")}
    # (cyclomatic, cognitive, nesting, params)
    assert {n: (m.cyclomatic, m.cognitive, m.nesting, m.params) for n, m in metrics.items()} == {
        "Session.onExpire": (3, 2, 1, 1),  # 1 + if + &&
        "Session.constructor": (1, 0, 0, 2),  # a destructuring pattern with a default is one parameter
        "Session.active": (2, 1, 0, 0),  # 1 + ||
        "Session.parse": (3, 3, 2, 2),  # 1 + catch + ?:; rest parameter counts
    }
    # A class reports the sum of its methods.
    assert (regions["Session"].metrics.cyclomatic, regions["Session"].metrics.cognitive) == (9, 6)


def test_else_if_chain():
    _, regions = measure("javascript", CODE)
    m = regions["classify"].metrics
    # 1 + if + else-if + ?: + else-if + && + ||; `else` is not a decision
    assert m.cyclomatic == 7
    # if 1, else-if 1, ?: 2, else-if 1, && 1, || 1, else 1
    assert m.cognitive == 8
    assert m.nesting == 2  # ?: inside the if chain
    assert m.params == 2


def test_switch_counts_cases_for_cyclomatic_and_once_for_cognitive():
    _, regions = measure("javascript", CODE)
    m = regions["route"].metrics
    assert (m.cyclomatic, m.cognitive, m.nesting, m.params) == (3, 1, 1, 2)  # 1 + case + case


def test_nested_ternaries_inside_an_arrow_callback():
    _, regions = measure("javascript", CODE)
    m = regions["labels"].metrics
    # The callback is anonymous: its ternaries belong to `labels`, one level deeper.
    # Outer ?: 1 + 1 (inside the callback), inner ?: 1 + 2.
    assert (m.cyclomatic, m.cognitive, m.nesting, m.params) == (3, 5, 2, 1)


def test_object_literal_members():
    _, regions = measure("javascript", CODE)
    save, load = regions["save"].metrics, regions["load"].metrics
    assert (save.cyclomatic, save.cognitive, save.nesting, save.params) == (3, 3, 2, 1)
    # `load`'s arrow is the region itself, not also an anonymous function: its ?: is at nesting 0.
    assert (load.cyclomatic, load.cognitive, load.nesting, load.params) == (2, 1, 1, 1)


def test_file_sums_its_regions():
    facts, _ = measure("javascript", CODE)
    # Session 9 + classify 7 + route 3 + labels 3 + save 3 + load 2
    assert facts.metrics.cyclomatic == 27
    # Session 6 + classify 8 + route 1 + labels 5 + save 3 + load 1
    assert facts.metrics.cognitive == 24


def test_logical_sequences():
    _, regions = measure(
        "javascript",
        """
        function mixed(a, b, c, d) {
          return a && b || c && d;
        }
        function same(a, b, c) {
          return a && b && c;
        }
        function negated(a, b) {
          return a || !(a || b);
        }
        """,
    )
    # (a && b) || (c && d): a && run, a || run, a && run: 3. Cyclomatic counts every operator.
    assert (regions["mixed"].metrics.cyclomatic, regions["mixed"].metrics.cognitive) == (4, 3)
    assert (regions["same"].metrics.cyclomatic, regions["same"].metrics.cognitive) == (3, 1)
    # The || under `!` is an expression of its own: a new run.
    assert (regions["negated"].metrics.cyclomatic, regions["negated"].metrics.cognitive) == (3, 2)


def test_logical_runs_follow_source_order():
    _, regions = measure(
        "javascript",
        "function f(a, b, c, d) { return a || b && c || d; }\nfunction g(a, b, c) { return a && (b && c); }\n",
    )
    assert (regions["f"].metrics.cognitive, regions["g"].metrics.cognitive) == (3, 1)


def test_loops_labels_and_try():
    _, regions = measure(
        "javascript",
        """
        function scan(rows) {
          let i = 0;
          do { i++; } while (i < rows.length);  // +1
          outer: for (const r of rows) {  // +1
            for (let j = 0; j < r.length; j++) {  // +2
              if (r[j] < 0) continue outer;  // +3, labelled continue +1
              if (r[j] > 9) break;  // +3, plain break nothing
            }
          }
          try {
            rows.pop();
          } catch (e) {  // +1
            if (e) throw e;  // +2
          } finally {
            i = 0;
          }
        }
        """,
    )
    m = regions["scan"].metrics
    # 1 + do-while + for-of + for + if + if + catch + if
    assert (m.cyclomatic, m.cognitive, m.nesting, m.params) == (8, 14, 3, 1)


def test_anonymous_functions_are_not_regions_but_nest():
    facts, regions = measure(
        "javascript",
        """
        describe('auth', () => {
          it('logs in', function () {
            if (ok) {  // +1 + 2 (two anonymous functions deep)
              done();
            }
          });
        });
        (function () {
          while (busy) {}  // +1 + 1
        })();
        """,
    )
    assert regions == {}
    assert (facts.metrics.cyclomatic, facts.metrics.cognitive, facts.metrics.nesting) == (2, 5, 1)


def test_named_function_values_and_nested_functions():
    _, regions = measure(
        "javascript",
        """
        function outer(a) {
          function inner(q) {
            return q ? 1 : 2;
          }
          const helper = (z) => z && a;
          return [inner, helper].map((f) => f(a));
        }
        Store.prototype.get = function (key, fallback) {
          if (key in this.data) {
            return this.data[key];
          }
          return fallback;
        };
        export default (req, res) => {
          if (req.ok) res.send();
        };
        function* ids(start = 0) {
          while (true) yield start++;
        }
        const Widget = class {
          render() {}
        };
        """,
    )
    assert {name: (r.kind, r.start_line, r.end_line) for name, r in regions.items()} == {
        "outer": ("function", 1, 7),
        "outer.inner": ("function", 2, 4),
        "outer.helper": ("function", 5, 5),
        "Store.prototype.get": ("function", 8, 13),
        "default": ("function", 14, 16),
        "ids": ("function", 17, 19),
        "Widget": ("class", 20, 22),
        "Widget.render": ("method", 21, 21),
    }
    # outer keeps none of its nested functions' decisions; the map callback has none.
    assert (regions["outer"].metrics.cyclomatic, regions["outer"].metrics.params) == (1, 1)
    assert (regions["outer.inner"].metrics.cyclomatic, regions["outer.inner"].metrics.cognitive) == (2, 1)
    assert (regions["outer.helper"].metrics.cyclomatic, regions["outer.helper"].metrics.params) == (2, 1)
    get = regions["Store.prototype.get"].metrics
    assert (get.cyclomatic, get.cognitive, get.nesting, get.params) == (2, 1, 1, 2)
    default = regions["default"].metrics
    assert (default.cyclomatic, default.cognitive, default.params) == (2, 1, 2)
    assert (regions["ids"].metrics.cyclomatic, regions["ids"].metrics.params) == (2, 1)


def test_jsx_component():
    facts, regions = measure(
        "javascript",
        """
        export default function TodoList({ todos, onToggle }) {
          const [filter, setFilter] = useState('all');
          const visible = todos.filter((t) => filter === 'all' || (filter === 'done' ? t.done : !t.done));
          return (
            <ul>
              {visible.length === 0 && <li>Nothing to do</li>}
              {visible.map((t) => (
                <li key={t.id} onClick={() => onToggle(t.id)} className={t.done ? 'done' : ''}>
                  {t.title}
                </li>
              ))}
            </ul>
          );
        }
        """,
    )
    assert list(regions) == ["TodoList"]  # the callbacks and JSX handlers are anonymous
    m = regions["TodoList"].metrics
    # 1 + || + ?: + && + ?:
    assert m.cyclomatic == 5
    # filter callback: || 1, ?: 1 + 1; `&&` 1; map callback: ?: 1 + 1
    assert m.cognitive == 6
    assert (m.nesting, m.params, m.length) == (1, 1, 14)
    assert facts.error is None


def test_getter_and_setter_of_one_property_get_ordinals():
    _, regions = measure("javascript", "class T {\n  get v() { return this._v; }\n  set v(x) { this._v = x; }\n}\n")
    assert (regions["T.v"].start_line, regions["T.v"].metrics.params) == (2, 0)
    assert (regions["T.v#1"].start_line, regions["T.v#1"].metrics.params) == (3, 1)
