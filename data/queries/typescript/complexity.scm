; TypeScript and TSX (TSX compiles this same file with its own grammar, so nothing here may name a
; JSX node).
;
; Cyclomatic decision points, as lizard counts them for TypeScript (its C-like token set `if for
; while case catch && || ?`):
;   if (an `else if` is one `if`: the `else` adds nothing), for, for-in/for-of, while,
;   do-while (lizard counts its `while`), each `case` (not `default`), catch, && and ||, and the
;   ternary `?:`.
; Not counted: `??` and the assignments `&&=` `||=` `??=` (lizard does not count them either),
; `else`, `default`, `finally`, optional chaining `?.`, and type-level syntax: conditional types
; `T extends U ? X : Y` and optional markers `a?: T` are not run-time decisions.
[
  (if_statement)
  (for_statement)
  (for_in_statement)
  (while_statement)
  (do_statement)
  (switch_case)
  (catch_clause)
  (ternary_expression)
] @branch
(binary_expression operator: "&&") @branch
(binary_expression operator: "||") @branch

; Cognitive complexity (SonarSource): structures that increment by 1 + nesting and nest. A
; `switch` counts once, whatever its number of cases; `try` and `finally` count nothing.
[
  (if_statement)
  (ternary_expression)
  (switch_statement)
  (for_statement)
  (for_in_statement)
  (while_statement)
  (do_statement)
  (catch_clause)
] @nest

; Flat increments: `else if` (its `if`, which then does not nest: an else-if chain's branches sit
; at the level of the first `if`), a plain `else` (an else_clause holding any statement but an
; `if`), and break/continue to a label.
(else_clause (if_statement) @flat)
(else_clause
  [(statement_block) (expression_statement) (return_statement) (throw_statement)
   (break_statement) (continue_statement) (empty_statement) (debugger_statement)
   (for_statement) (for_in_statement) (while_statement) (do_statement) (switch_statement)
   (try_statement) (labeled_statement) (with_statement)
   (lexical_declaration) (variable_declaration)
   (function_declaration) (generator_function_declaration) (class_declaration)
   (abstract_class_declaration) (function_signature) (ambient_declaration)
   (interface_declaration) (type_alias_declaration) (enum_declaration) (internal_module) (module)
   (import_alias) (import_statement) (export_statement)]) @flat
(break_statement label: (_)) @flat
(continue_statement label: (_)) @flat

; Anonymous functions nest what is inside them. The functions regions.scm names (the `value` of a
; variable_declarator, pair, public_field_definition or default export, the `right` of an
; assignment) must not also be @lambda: the region would then open one nesting level deep inside
; itself. A query cannot say "any parent but these" (negated fields on a `_` parent are not
; honoured), so every other parent that can hold a function directly is listed, as the grammars
; allow them.
(arguments [(arrow_function) (function_expression) (generator_function)] @lambda)
(array [(arrow_function) (function_expression) (generator_function)] @lambda)
(arrow_function body: [(arrow_function) (function_expression) (generator_function)] @lambda)
(as_expression [(arrow_function) (function_expression) (generator_function)] @lambda)
(assignment_pattern right: [(arrow_function) (function_expression) (generator_function)] @lambda)
(augmented_assignment_expression right: [(arrow_function) (function_expression) (generator_function)] @lambda)
(await_expression [(arrow_function) (function_expression) (generator_function)] @lambda)
(binary_expression [(arrow_function) (function_expression) (generator_function)] @lambda)
(call_expression function: [(arrow_function) (function_expression) (generator_function)] @lambda)
(computed_property_name [(arrow_function) (function_expression) (generator_function)] @lambda)
(enum_assignment value: [(arrow_function) (function_expression) (generator_function)] @lambda)
(expression_statement [(arrow_function) (function_expression) (generator_function)] @lambda)
(extends_clause [(arrow_function) (function_expression) (generator_function)] @lambda)
(for_in_statement [(arrow_function) (function_expression) (generator_function)] @lambda)
(for_statement [(arrow_function) (function_expression) (generator_function)] @lambda)
(instantiation_expression [(arrow_function) (function_expression) (generator_function)] @lambda)
(member_expression object: [(arrow_function) (function_expression) (generator_function)] @lambda)
(new_expression constructor: [(arrow_function) (function_expression) (generator_function)] @lambda)
(non_null_expression [(arrow_function) (function_expression) (generator_function)] @lambda)
(object_assignment_pattern right: [(arrow_function) (function_expression) (generator_function)] @lambda)
(optional_parameter value: [(arrow_function) (function_expression) (generator_function)] @lambda)
(parenthesized_expression [(arrow_function) (function_expression) (generator_function)] @lambda)
(required_parameter value: [(arrow_function) (function_expression) (generator_function)] @lambda)
(return_statement [(arrow_function) (function_expression) (generator_function)] @lambda)
(satisfies_expression [(arrow_function) (function_expression) (generator_function)] @lambda)
(sequence_expression [(arrow_function) (function_expression) (generator_function)] @lambda)
(spread_element [(arrow_function) (function_expression) (generator_function)] @lambda)
(subscript_expression [(arrow_function) (function_expression) (generator_function)] @lambda)
(switch_case value: [(arrow_function) (function_expression) (generator_function)] @lambda)
(template_substitution [(arrow_function) (function_expression) (generator_function)] @lambda)
(ternary_expression [(arrow_function) (function_expression) (generator_function)] @lambda)
(throw_statement [(arrow_function) (function_expression) (generator_function)] @lambda)
(unary_expression [(arrow_function) (function_expression) (generator_function)] @lambda)
(update_expression [(arrow_function) (function_expression) (generator_function)] @lambda)
(yield_expression [(arrow_function) (function_expression) (generator_function)] @lambda)
(ERROR [(arrow_function) (function_expression) (generator_function)] @lambda)
; Two parents only one of the grammars has are matched by shape instead of by name.
; TypeScript's `<T>expr` type assertion (TSX has no such node): the function right after the
; type arguments; no other node holds a function directly after `type_arguments`.
(_ (type_arguments) . [(arrow_function) (function_expression) (generator_function)] @lambda)
; TSX's `{...}` JSX expression container (`onClick={() => ...}`), matched by shape since this file
; cannot name `jsx_expression`: no other node holds a function directly between `{` and `}`.
(_ "{" [(arrow_function) (function_expression) (generator_function)] @lambda "}")

; Sequences of like logical operators: +1 each (`a && b && c` is one, `a && b || c` two).
(binary_expression operator: "&&") @logical
(binary_expression operator: "||") @logical
