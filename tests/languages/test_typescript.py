"""TypeScript and TSX regions and complexity on hand-checked examples (counts worked out in the
comments). Both grammars share data/queries/typescript/. Cyclomatic = 1 + if, else-if, for,
for-of/in, while, do-while, case, catch, &&, ||, ?: (lizard's set; `??` and type-level `?` not
counted). Cognitive (SonarSource): if, ?:, switch, loops and catch add 1 + nesting; else-if, else
and labelled jumps add 1; each run of like && / || adds 1; anonymous functions nest."""

from tests.languages.helpers import measure

CODE = """
interface Shape {
  area(): number;
}

export abstract class Base<T> implements Shape {
  protected abstract compute(input: T): number;

  constructor(private readonly name: string, public scale?: number) {
    super();
  }

  area(): number;
  area(precision: number): number;
  area(precision?: number): number {
    const v = this.compute(this.input as T) * (this.scale ?? 1);
    return precision !== undefined ? round(v, precision) : v;  // ?: +1
  }

  private readonly onChange = (e: ChangeEvent<HTMLInputElement>): void => {
    if (!e.target.value || e.target.disabled) {  // if +1, || +1
      return;
    }
    this.value = e.target.value;
  };

  get label(): string {
    return `${this.name}`;
  }
}

export function parse<T>(this: Window, text: string, reviver?: Reviver, ...rest: unknown[]): T | undefined {
  for (const line of text.split('\\n')) {  // +1
    if (line.startsWith('#')) {  // +2
      continue;
    } else if (line.length === 0 && rest.length > 0) {  // +1 flat, && +1
      break;
    }
  }
  return undefined;
}

declare function external(a: string): void;
function overloaded(a: string): string;
function overloaded(a: number): number;
function overloaded(a: any): any {
  return a;
}

export enum Color { Red, Green }

namespace Util {
  export const twice = (n: number): number => (n > 0 ? n * 2 : 0);
}
"""


def test_regions_have_qualified_names_kinds_and_spans():
    facts, regions = measure("typescript", CODE)
    # Not regions: the interface, abstract and overload signatures, `declare function`, the enum and
    # the namespace (a function in it is named without `Util.`).
    assert {name: (r.kind, r.start_line, r.end_line) for name, r in regions.items()} == {
        "Base": ("class", 5, 29),
        "Base.constructor": ("method", 8, 10),
        "Base.area": ("method", 14, 17),
        "Base.onChange": ("method", 19, 24),
        "Base.label": ("method", 26, 28),
        "parse": ("function", 31, 40),
        "overloaded": ("function", 45, 47),
        "twice": ("function", 52, 52),
    }
    assert facts.error is None


def test_complexity_and_parameters_match_hand_count():
    _, regions = measure("typescript", CODE)
    got = {name: (r.metrics.cyclomatic, r.metrics.cognitive, r.metrics.nesting, r.metrics.params) for name, r in regions.items()}
    assert got == {
        "Base": (7, 3, 1, 0),  # sum of its methods
        "Base.constructor": (1, 0, 0, 2),  # parameter properties are parameters
        "Base.area": (2, 1, 1, 1),  # 1 + ?:; `??` counts nothing
        "Base.onChange": (3, 2, 1, 1),  # 1 + if + ||
        "Base.label": (1, 0, 0, 0),
        "parse": (5, 5, 2, 3),  # 1 + for + if + else-if + &&; `this: Window` is not a parameter
        "overloaded": (1, 0, 0, 1),
        "twice": (2, 1, 1, 1),
    }


def test_tsx_component():
    facts, regions = measure(
        "tsx",
        """
        type Props = { items: Item[]; onPick?: (id: string) => void };

        export const Picker: React.FC<Props> = ({ items, onPick }) => {
          const [open, setOpen] = useState<boolean>(false);
          const pick = useCallback((id: string) => {
            if (onPick) onPick(id);  // +2: inside an anonymous function
            setOpen(false);
          }, [onPick]);
          return (
            <div className={open ? 'open' : undefined}>
              {items.length > 0 ? (
                items.map((it) => <button key={it.id} onClick={() => pick(it.id)}>{it.label ?? it.id}</button>)
              ) : (
                <Empty />
              )}
              {open && items.length > 5 && <More />}
            </div>
          );
        };

        export default function App(): JSX.Element {
          return <Picker items={[]} onPick={(id) => console.log(id)} />;
        }
        """,
    )
    # `pick` is the result of a call, not a function: its callback is anonymous and belongs to Picker.
    assert {name: (r.kind, r.start_line, r.end_line) for name, r in regions.items()} == {
        "Picker": ("function", 3, 19),
        "App": ("function", 21, 23),
    }
    m = regions["Picker"].metrics
    # 1 + if + ?: + ?: + && + &&
    assert m.cyclomatic == 6
    # if 1 + 1 (in the callback), ?: 1, ?: 1, one && run 1
    assert m.cognitive == 5
    assert (m.nesting, m.params) == (1, 1)
    assert (regions["App"].metrics.cyclomatic, regions["App"].metrics.params) == (1, 0)
    assert facts.error is None


def test_switch_and_jsx_handlers_in_a_tsx_class_component():
    _, regions = measure(
        "tsx",
        """
        class Toolbar extends React.Component<Props, State> {
          state: State = { mode: 'view' };

          handleKey = (e: KeyboardEvent) => {
            switch (e.key) {  // +1
              case 'Escape':
                this.setState({ mode: 'view' });
                break;
              case 'Enter':
                if (e.shiftKey) return;  // +2
                this.submit();
                break;
              default:
            }
          };

          render() {
            return <input onKeyDown={(e) => e.ctrlKey ? this.handleKey(e) : undefined} />;  // ?: 1 + 1
          }
        }
        """,
    )
    key, render = regions["Toolbar.handleKey"].metrics, regions["Toolbar.render"].metrics
    assert (key.cyclomatic, key.cognitive, key.nesting, key.params) == (4, 3, 2, 1)  # 1 + 2 cases + if
    assert (render.cyclomatic, render.cognitive, render.nesting, render.params) == (2, 2, 1, 0)


def test_functions_wrapped_in_type_syntax_are_anonymous():
    facts, regions = measure(
        "typescript",
        """
        const a = (() => { if (x) {} }) as Handler;  // +2
        const b = <Handler>function () { if (x) {} };  // +2
        const c = { run(v: number) { return v ? 1 : 0; } } satisfies Runner;  // method: +1
        function d(cb: () => void = () => { if (x) {} }) {}  // default value: +2 inside d
        """,
    )
    assert list(regions) == ["run", "d"]
    assert (regions["run"].metrics.cognitive, regions["d"].metrics.cognitive, regions["d"].metrics.params) == (1, 2, 1)
    # file: the two ifs outside any region + run 2 + d 2
    assert (facts.metrics.cyclomatic, facts.metrics.cognitive) == (6, 7)
