; Cyclomatic decision points for Ruby, after lizard's RubyReader (if elsif unless while until for
; when rescue and or && || and the ternary `?`): if, unless, while, until (statement and modifier
; forms: `x if y` counts), elsif, for, each `when` of a case (once however many patterns it lists)
; and each `in` of a pattern-matching case, each `rescue` clause and the `rescue` modifier, the
; ternary, and the binary operators && || and or. Not counted: else, ensure (lizard counts ensure;
; it is not a decision), `not`/`!`, `&.`, blocks.
[
  (if)
  (if_modifier)
  (unless)
  (unless_modifier)
  (elsif)
  (while)
  (while_modifier)
  (until)
  (until_modifier)
  (for)
  (when)
  (in_clause)
  (rescue)
  (rescue_modifier)
  (conditional)
] @branch
(binary operator: "&&") @branch
(binary operator: "||") @branch
(binary operator: "and") @branch
(binary operator: "or") @branch

; Cognitive complexity (SonarSource): +1 + nesting, and nest what is inside them. A case (with
; `when` or `in`) counts once, as a switch. `rescue` is the catch.
[
  (if)
  (if_modifier)
  (unless)
  (unless_modifier)
  (while)
  (while_modifier)
  (until)
  (until_modifier)
  (for)
  (case)
  (case_match)
  (conditional)
  (rescue)
  (rescue_modifier)
] @nest

; Flat increments: each elsif, and the else of an if / unless / elsif chain. The else of a case or
; of begin/rescue adds nothing (like a switch's default; Sonar has no try-else). Ruby has no labelled
; jumps.
(elsif) @flat
(if alternative: (else) @flat)
(unless alternative: (else) @flat)
(elsif alternative: (else) @flat)

; Anonymous functions: `-> (x) { }` / `-> do end` (the lambda node, which holds its block: the
; block is not captured again), and every block passed to a call (`each { }`, `map do end`,
; `lambda { }`, `proc { }`, `super { }`).
(lambda) @lambda
(call block: (block) @lambda)
(call block: (do_block) @lambda)

; Logical operators; regions.py reads the `binary` node's `operator` field: `a && b && c` is one
; sequence, `a && b || c` two, and `a && b and c` two (`and` is another operator token).
(binary operator: "&&") @logical
(binary operator: "||") @logical
(binary operator: "and") @logical
(binary operator: "or") @logical
