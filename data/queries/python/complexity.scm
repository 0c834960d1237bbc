; Cyclomatic decision points, as lizard counts them for Python: if elif for while except finally
; and or case, plus the `if`/`for` of conditional expressions and comprehensions.
[
  (if_statement)
  (elif_clause)
  (for_statement)
  (while_statement)
  (except_clause)
  (finally_clause)
  (boolean_operator)
  (conditional_expression)
  (for_in_clause)
  (if_clause)
  (case_clause)
] @branch

; Cognitive complexity (SonarSource): structures that increment by 1 + nesting and nest.
[
  (if_statement)
  (for_statement)
  (while_statement)
  (except_clause)
  (conditional_expression)
  (match_statement)
] @nest

; Flat increments: elif and else (of if, for, while and try) add 1 whatever the nesting.
[
  (elif_clause)
  (else_clause)
] @flat

(lambda) @lambda

(boolean_operator) @logical
