; Cyclomatic decision points for Rust. lizard's RustReader counts the tokens if for while && || ?
; match case catch where; this file keeps its if / for / while / && / || and decides the rest:
;   - `if` and `if let` (if_expression), `while` and `while let`, `for`: +1 each;
;   - `&&` and `||` (binary_expression), and each `&&` of a let chain (`if let Some(x) = a && x > 1`);
;   - each match arm like a `case`, except a wildcard `_` arm (the default); a guard (`x if c =>`)
;     is one more `if` (a guarded wildcard `_ if c =>` counts its guard only);
;   - not counted: `loop` (no condition), the `?` operator (an early return, not a branch, though
;     lizard counts the token), `match` itself (its arms are), `where` (a type bound).
[
  (if_expression)
  (while_expression)
  (for_expression)
] @branch
(binary_expression operator: "&&") @branch
(binary_expression operator: "||") @branch
(let_chain "&&" @branch)
((match_arm pattern: (match_pattern) @branch)
  (#not-match? @branch "^_(\\s+if\\b|$)"))
; The guard's `if` keyword, not its condition: a condition like `a && b` is a decision of its own
; and one node counts once.
(match_pattern "if" @branch)

; Cognitive complexity (SonarSource): +1 + nesting, and nest what is inside them. `match` counts
; once, as a switch; `loop` is a loop.
[
  (if_expression)
  (while_expression)
  (for_expression)
  (loop_expression)
  (match_expression)
] @nest

; Flat increments: a pure `else { }` and the `if` of an `else if` (also @nest above: flat wins, so it
; does not nest deeper than the first `if`); labelled jumps `break 'outer` / `continue 'outer`.
(else_clause (block)) @flat
(else_clause (if_expression) @flat)
(break_expression (label)) @flat
(continue_expression (label)) @flat

(closure_expression) @lambda

; Logical operators; regions.py reads binary_expression's `operator` field, so `a && b && c` is one
; sequence and `a && b || c` two. A let chain (only `&&`) is one sequence.
(binary_expression operator: "&&") @logical
(binary_expression operator: "||") @logical
(let_chain) @logical
