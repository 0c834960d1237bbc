; Cyclomatic decision points, as lizard counts them for Java: if (an `else if` is one more if),
; for, enhanced for, while, do-while (its `while`), each `case` label of a switch statement or
; expression, old style (`case 1:`) or arrow (`case 1 ->`), one per `case` keyword however many
; values it lists (`default` is not a decision), catch, the ternary `?:`, and each && and ||.
; `finally` and switch guards (`when`) are not decisions.
[
  (if_statement)
  (for_statement)
  (enhanced_for_statement)
  (while_statement)
  (do_statement)
  (catch_clause)
  (ternary_expression)
] @branch

(switch_label "case" @branch)

(binary_expression operator: ["&&" "||"]) @branch

; Cognitive complexity (SonarSource): structures that increment by 1 + nesting and nest.
; switch_expression is both the switch statement and the switch expression in this grammar; a
; switch counts once whatever its number of cases.
[
  (if_statement)
  (ternary_expression)
  (switch_expression)
  (for_statement)
  (enhanced_for_statement)
  (while_statement)
  (do_statement)
  (catch_clause)
] @nest

; Flat increments: the `else` keyword of a plain else (any statement but an if follows it), the
; `if` of an `else if` (@flat wins over its @nest: +1, and its body sits at the nesting of the first
; if's body), and break/continue to a label. Java has no goto.
(if_statement
  "else" @flat
  alternative: [
    (block)
    (expression_statement)
    (return_statement)
    (throw_statement)
    (break_statement)
    (continue_statement)
    (yield_statement)
    (for_statement)
    (enhanced_for_statement)
    (while_statement)
    (do_statement)
    (switch_expression)
    (try_statement)
    (try_with_resources_statement)
    (synchronized_statement)
    (labeled_statement)
    (assert_statement)
    ";"
  ])
(if_statement alternative: (if_statement) @flat)
(break_statement (identifier)) @flat
(continue_statement (identifier)) @flat

; Anonymous functions nest what they hold. (Anonymous classes' methods are regions of their own.)
(lambda_expression) @lambda

; Sequences of like logical operators; binary_expression has an `operator` field in this grammar.
(binary_expression operator: ["&&" "||"]) @logical
