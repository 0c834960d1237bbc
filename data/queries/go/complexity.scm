; Cyclomatic decision points, as lizard counts them for Go: if (an `else if` is one more if), for
; (any form: three-clause, condition-only, range, bare), each `case` of an expression switch, a
; type switch and a select (one per `case` keyword, however many values it lists; `default` is not
; a decision), and each && and ||. Go has no while, ternary or catch.
[
  (if_statement)
  (for_statement)
  (expression_case)
  (type_case)
  (communication_case)
] @branch

(binary_expression operator: ["&&" "||"]) @branch

; Cognitive complexity (SonarSource): structures that increment by 1 + nesting and nest. A switch
; counts once whatever its number of cases.
[
  (if_statement)
  (for_statement)
  (expression_switch_statement)
  (type_switch_statement)
  (select_statement)
] @nest

; Flat increments. `else` of a plain else (the keyword is captured), the `if` of an `else if`
; (@flat wins over its @nest: +1, and its body sits at the nesting of the first if's body), goto,
; and break/continue to a label.
(if_statement "else" @flat alternative: (block))
(if_statement alternative: (if_statement) @flat)
(goto_statement) @flat
(break_statement (label_name)) @flat
(continue_statement (label_name)) @flat

(func_literal) @lambda

; Sequences of like logical operators; binary_expression has an `operator` field in this grammar.
(binary_expression operator: ["&&" "||"]) @logical
