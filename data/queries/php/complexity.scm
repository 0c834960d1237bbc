; Cyclomatic decision points for PHP, after lizard's PHPReader (if elseif for while && || ? catch
; case): if (also the `if` of `else if`), elseif, for, foreach, while, do-while (its `while`), each
; `case` of a switch (not `default`), each `catch`, the ternary (also `?:`), and the binary operators
; && || and or. Also each non-default arm of a PHP 8 `match` expression, counted like a case.
; Not counted: `??` (a default value, not a branch), xor, else, default, finally.
[
  (if_statement)
  (else_if_clause)
  (for_statement)
  (foreach_statement)
  (while_statement)
  (do_statement)
  (case_statement)
  (catch_clause)
  (conditional_expression)
  (match_conditional_expression)
] @branch
(binary_expression operator: "&&") @branch
(binary_expression operator: "||") @branch
(binary_expression operator: "and") @branch
(binary_expression operator: "or") @branch

; Cognitive complexity (SonarSource): +1 + nesting, and nest what is inside them. switch and match
; count once each.
[
  (if_statement)
  (switch_statement)
  (match_expression)
  (for_statement)
  (foreach_statement)
  (while_statement)
  (do_statement)
  (catch_clause)
  (conditional_expression)
] @nest

; Flat increments: each `elseif`; a pure `else`; the `if` of an `else if` (also @nest above: flat
; wins, so it does not nest deeper than the first `if`), whose `else` itself adds nothing. An else
; whose text starts `else if` (any letter case) is an else-if; a comment between `else` and `if`
; defeats this test and counts one extra. Jumps out of more than one level (`break 2`,
; `continue 3`) and `goto` are PHP's labelled jumps.
(else_if_clause) @flat
((else_clause) @flat
  (#not-match? @flat "^[eE][lL][sS][eE]\\s+[iI][fF]\\b"))
(else_clause body: (if_statement) @flat)
((break_statement (integer) @flat)
  (#not-eq? @flat "1"))
((continue_statement (integer) @flat)
  (#not-eq? @flat "1"))
(goto_statement) @flat

; Anonymous functions: closures (`function () use ($x) { }`) and arrow functions (`fn($x) => ...`).
[
  (anonymous_function)
  (arrow_function)
] @lambda

; Logical operators; regions.py reads binary_expression's `operator` field: `$a && $b && $c` is one
; sequence, `$a && $b || $c` two, `$a && $b and $c` two (different operator tokens).
(binary_expression operator: "&&") @logical
(binary_expression operator: "||") @logical
(binary_expression operator: "and") @logical
(binary_expression operator: "or") @logical
