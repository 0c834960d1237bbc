; Cyclomatic decision points, as lizard's CLikeReader counts them for C++: the tokens `if` (so every
; `else if` and `if constexpr` too), `for` (so range-for too), `while` (so the `while` of a do-while
; too), `case` (not `default`), `catch`, `&&`, `||` and the ternary `?`; plus the preprocessor
; conditions lizard adds in `preprocess()`: `#if`, `#ifdef` and `#elif` (not `#ifndef`, `#else`,
; `#elifdef`). A directive counts for the region it sits in, so one around whole functions counts
; for the file only. Unlike lizard, the alternative tokens `and` / `or` count like `&&` / `||` (the
; grammar gives them the same binary_expression); lizard's tokenizer does not know them. `&&` in
; declarations (rvalue references, `Args&&...`) and in requires-clauses is not a binary_expression.
[
  (if_statement)
  (for_statement)
  (for_range_loop)
  (while_statement)
  (do_statement)
  (catch_clause)
  (conditional_expression)
  (preproc_if)
  (preproc_elif)
] @branch

(case_statement value: (_)) @branch

(binary_expression operator: ["&&" "||" "and" "or"]) @branch

(preproc_ifdef "#ifdef") @branch

; Cognitive complexity (SonarSource). Structures that increment by 1 + nesting and nest: if,
; ternary, switch (its cases add nothing), for, range-for, while, do-while, catch (`try` adds
; nothing).
[
  (if_statement)
  (conditional_expression)
  (switch_statement)
  (for_statement)
  (for_range_loop)
  (while_statement)
  (do_statement)
  (catch_clause)
] @nest

; Flat increments: the `if` of an `else if` (flat wins over nest, so the chain does not nest
; deeper), a pure `else` (an else_clause holding any statement but an if_statement), and `goto`.
; C++ has no labelled break/continue.
(else_clause (if_statement) @flat)

(else_clause
  [
    (attributed_statement)
    (break_statement)
    (case_statement)
    (co_return_statement)
    (co_yield_statement)
    (compound_statement)
    (continue_statement)
    (do_statement)
    (expression_statement)
    (for_range_loop)
    (for_statement)
    (goto_statement)
    (labeled_statement)
    (return_statement)
    (seh_leave_statement)
    (seh_try_statement)
    (switch_statement)
    (throw_statement)
    (try_statement)
    (while_statement)
  ]) @flat

(goto_statement) @flat

; Lambdas nest what is inside them and add nothing themselves; they are not regions, so their
; decision points count for the enclosing function (or the file).
(lambda_expression) @lambda

; Logical operators: +1 per sequence of like operators (regions.py compares the `operator` field's
; node type, so `&&` followed by `and` counts as two sequences).
(binary_expression operator: ["&&" "||" "and" "or"]) @logical
