; Cyclomatic decision points, as lizard's CLikeReader counts them for C: the tokens `if` (so every
; `else if` too), `for`, `while` (so the `while` of a do-while too), `case` (not `default`), `&&`,
; `||` and the ternary `?`; plus the preprocessor conditions lizard adds in `preprocess()`: `#if`,
; `#ifdef` and `#elif` (not `#ifndef`, `#else`, `#elifdef`). A directive counts for the region it
; sits in, so one around whole functions counts for the file only. Macro bodies (`#define`) are
; opaque text to the grammar and to lizard alike: nothing in them counts.
[
  (if_statement)
  (for_statement)
  (while_statement)
  (do_statement)
  (conditional_expression)
  (preproc_if)
  (preproc_elif)
] @branch

(case_statement value: (_)) @branch

(binary_expression operator: ["&&" "||"]) @branch

(preproc_ifdef "#ifdef") @branch

; Cognitive complexity (SonarSource). Structures that increment by 1 + nesting and nest: if,
; ternary, switch (its cases add nothing), for, while, do-while.
[
  (if_statement)
  (conditional_expression)
  (switch_statement)
  (for_statement)
  (while_statement)
  (do_statement)
] @nest

; Flat increments: the `if` of an `else if` (flat wins over nest, so the chain does not nest
; deeper), a pure `else` (an else_clause holding any statement but an if_statement), and `goto`.
; C has no labelled break/continue.
(else_clause (if_statement) @flat)

(else_clause
  [
    (attributed_statement)
    (break_statement)
    (case_statement)
    (compound_statement)
    (continue_statement)
    (do_statement)
    (expression_statement)
    (for_statement)
    (goto_statement)
    (labeled_statement)
    (return_statement)
    (seh_leave_statement)
    (seh_try_statement)
    (switch_statement)
    (while_statement)
  ]) @flat

(goto_statement) @flat

; Logical operators: +1 per sequence of like operators (regions.py compares the `operator` field).
(binary_expression operator: ["&&" "||"]) @logical
