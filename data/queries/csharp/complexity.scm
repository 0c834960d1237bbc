; Cyclomatic decision points, lizard's set for C# minus `??`: if (an `else if` is one more if),
; for, foreach, while, do-while (its `while`), each `case` of a switch statement (one per `case`
; keyword; `default` is not a decision), each arm of a switch expression but the discard arm
; `_ => ...` (the default), catch, the ternary `?:`, and each && and ||. Not decisions: `??`,
; `?.`, `finally`, `when` guards and filters, pattern combinators `and`/`or`.
[
  (if_statement)
  (for_statement)
  (foreach_statement)
  (while_statement)
  (do_statement)
  (catch_clause)
  (conditional_expression)
] @branch

(switch_section "case" @branch)

((switch_expression_arm) @branch
  (#not-match? @branch "^_\\s*=>"))

(binary_expression operator: ["&&" "||"]) @branch

; Cognitive complexity (SonarSource): structures that increment by 1 + nesting and nest. A switch
; (statement or expression) counts once whatever its number of cases.
[
  (if_statement)
  (conditional_expression)
  (switch_statement)
  (switch_expression)
  (for_statement)
  (foreach_statement)
  (while_statement)
  (do_statement)
  (catch_clause)
] @nest

; Flat increments: the `else` keyword of a plain else (any statement but an if follows it), the
; `if` of an `else if` (@flat wins over its @nest: +1, and its body sits at the nesting of the first
; if's body), and goto (`goto L`, `goto case 1`, `goto default`). C# has no labelled break/continue.
(if_statement
  "else" @flat
  alternative: [
    (block)
    (expression_statement)
    (return_statement)
    (throw_statement)
    (break_statement)
    (continue_statement)
    (goto_statement)
    (yield_statement)
    (for_statement)
    (foreach_statement)
    (while_statement)
    (do_statement)
    (switch_statement)
    (try_statement)
    (using_statement)
    (lock_statement)
    (checked_statement)
    (unsafe_statement)
    (fixed_statement)
    (labeled_statement)
    (empty_statement)
  ])
(if_statement alternative: (if_statement) @flat)
(goto_statement) @flat

; Anonymous functions nest what they hold.
[
  (lambda_expression)
  (anonymous_method_expression)
] @lambda

; Sequences of like logical operators; binary_expression has an `operator` field in this grammar
; (`??` is a binary_expression too, but neither a decision nor a logical operator here).
(binary_expression operator: ["&&" "||"]) @logical
