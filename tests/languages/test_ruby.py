"""Ruby regions and complexity on hand-checked examples (counts worked out in the comments)."""

from tests.languages.helpers import measure

CODE = """
# Billing rules
module Billing
  class Invoice < Base
    def total(items, rate = 1, *extra, discount:, round: true, **opts, &blk)
      sum = 0
      items.each do |item|                        # block: nests (level 1), adds nothing, no depth
        next unless item                          # cc +1; cog +1 +1 (level 1); depth 1
        sum += item.price if item.price && item.qty  # cc +1 +1; cog +2 (level 1) and `&&` +1
      end
      if sum > 100 && discount || rate > 1        # cc +3; cog if +1, `&&` +1, `||` +1
        sum -= 10 while sum > 200                 # cc +1; cog +2 (level 1); depth 2
      elsif sum > 50                              # cc +1; cog +1 flat
        sum -= 5
      else                                        # cog +1 flat
        sum
      end
      round ? sum.round : sum                     # cc +1; cog +1
    rescue ArgumentError => e                     # cc +1; cog +1
      0
    end

    def self.build(attrs)
      case attrs[:kind]                            # cog +1 (a switch), cc nothing itself
      when :a, :b then new                         # cc +1 (one `when`, two patterns)
      when :c                                      # cc +1
        while attrs.any?                           # cc +1; cog +2 (level 1); depth 2
          attrs.shift
        end
      else                                         # else of a case: nothing
        nil
      end
    end

    class << self
      def registry
        @registry ||= {}                           # `||=` is an assignment, not a decision
      end
    end
  end
end

def helper(a, (b, c))
  check = ->(x) { x > 0 and x < 10 or x == 42 }  # cc +2; cog `and` +1, `or` +1 (no nesting)
  check.call(a) until b                          # cc +1; cog +1
end
"""


def test_regions_have_qualified_names_kinds_and_spans():
    facts, regions = measure("ruby", CODE)
    assert {name: (r.kind, r.start_line, r.end_line) for name, r in regions.items()} == {
        "Billing": ("class", 2, 40),
        "Billing.Invoice": ("class", 3, 39),
        "Billing.Invoice.total": ("method", 4, 20),
        "Billing.Invoice.build": ("method", 22, 32),  # `def self.build`: a method named build
        "Billing.Invoice.registry": ("method", 35, 37),  # `class << self` is not a region
        "helper": ("function", 42, 45),
    }
    assert facts.error is None


def test_complexity_matches_hand_count():
    _, regions = measure("ruby", CODE)
    total = regions["Billing.Invoice.total"].metrics
    # 1 + unless, if(modifier), &&, if, &&, ||, while(modifier), elsif, ternary, rescue
    assert total.cyclomatic == 11
    # 2 (unless) + 2 (if modifier) + 1 (&&) + 1 (if) + 2 (&& then ||) + 2 (while) + 1 (elsif)
    # + 1 (else) + 1 (ternary) + 1 (rescue)
    assert total.cognitive == 14
    assert total.nesting == 2  # if > while modifier; the block adds no depth
    assert total.params == 7  # items, rate, *extra, discount:, round:, **opts, &blk

    build = regions["Billing.Invoice.build"].metrics
    assert (build.cyclomatic, build.cognitive, build.nesting, build.params) == (4, 3, 2, 1)

    registry = regions["Billing.Invoice.registry"].metrics
    assert (registry.cyclomatic, registry.cognitive, registry.nesting, registry.params) == (1, 0, 0, 0)

    helper = regions["helper"].metrics
    # 1 + and, or, until; the destructured `(b, c)` is one parameter
    assert (helper.cyclomatic, helper.cognitive, helper.nesting, helper.params) == (4, 3, 1, 2)


def test_class_module_and_file_sum_their_methods():
    facts, regions = measure("ruby", CODE)
    assert regions["Billing.Invoice"].metrics.cyclomatic == 11 + 4 + 1
    assert regions["Billing.Invoice"].metrics.cognitive == 14 + 3 + 0
    assert regions["Billing"].metrics.cyclomatic == 16
    assert (facts.metrics.cyclomatic, facts.metrics.cognitive) == (16 + 4, 17 + 3)


def test_elsif_chain_and_unless_else():
    _, regions = measure(
        "ruby",
        """
        def grade(n)
          if n > 90          # cc +1, cog +1
            :a
          elsif n > 80       # cc +1, cog +1
            :b
          elsif n > 70       # cc +1, cog +1
            :c
          else               # cog +1
            :f
          end
        end

        def check(x)
          unless x           # cc +1, cog +1
            1
          else               # cog +1
            if x > 1 then 2 end  # cc +1, cog +2 (level 1)
          end
        end
        """,
    )
    grade, check = regions["grade"].metrics, regions["check"].metrics
    assert (grade.cyclomatic, grade.cognitive, grade.nesting, grade.params) == (4, 4, 1, 1)
    assert (check.cyclomatic, check.cognitive, check.nesting) == (3, 4, 2)


def test_mixed_logical_sequences():
    _, regions = measure(
        "ruby",
        """
        def same(a, b, c)
          a && b && c        # cc +2, cog +1 (one sequence)
        end

        def mixed(a, b, c, d)
          a && b || c && d   # cc +3, cog +3: &&, ||, && (each changes operator)
        end

        def words(a, b, c)
          a && b and c       # cc +2, cog +1: `and` is the same AND as `&&` (one run)
        end
        """,
    )
    assert (regions["same"].metrics.cyclomatic, regions["same"].metrics.cognitive) == (3, 1)
    assert (regions["mixed"].metrics.cyclomatic, regions["mixed"].metrics.cognitive) == (4, 3)
    assert (regions["words"].metrics.cyclomatic, regions["words"].metrics.cognitive) == (3, 1)


def test_blocks_and_pattern_matching_case():
    _, regions = measure(
        "ruby",
        """
        def run(list)
          list.map { |x| x ? 1 : 2 }           # ternary in a block: cc +1, cog +1 +1 (level 1)
          list.each do |y|
            -> { y.nil? || y.zero? }           # lambda inside block: `||` cc +1, cog +1
            proc { |z| z if z }.call(y)         # if modifier at level 2: cc +1, cog +3
          end
          case list                             # case/in: cog +1
          in [] then 0                          # cc +1
          in [x] then x                         # cc +1
          end
        end
        """,
    )
    run = regions["run"].metrics
    assert (run.cyclomatic, run.cognitive, run.nesting, run.params) == (6, 7, 1, 1)
    assert list(regions) == ["run"]  # blocks and lambdas are not regions


def test_scoped_names_operators_setters_and_singleton_methods():
    _, regions = measure(
        "ruby",
        """
        module Outer
          class Inner::Leaf
            def ==(other) = other.is_a?(Leaf)
            def value=(v, *) = @value = v
            def obj.hook(&) = nil
          end
        end
        def self.boot(...) = start(...)
        """,
    )
    assert {name: (r.kind, r.metrics.params) for name, r in regions.items()} == {
        "Outer": ("class", 0),
        "Outer.Inner.Leaf": ("class", 0),  # `Inner::Leaf` keeps its path, `::` becomes `.`
        "Outer.Inner.Leaf.==": ("method", 1),
        "Outer.Inner.Leaf.value=": ("method", 2),  # an anonymous `*` is a parameter
        "Outer.Inner.Leaf.hook": ("method", 1),  # `def obj.hook`: a singleton method named hook
        "boot": ("method", 1),  # singleton methods are methods even at top level; `...` is one
    }


def test_def_inside_def_is_its_own_region():
    _, regions = measure("ruby", "def outer\n  def inner(a)\n    a if a\n  end\n  1\nend\n")
    assert regions["outer.inner"].kind == "function"
    assert (regions["outer"].metrics.cyclomatic, regions["outer.inner"].metrics.cyclomatic) == (1, 2)
