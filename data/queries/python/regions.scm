; Regions of Python: functions (methods when directly inside a class) and classes.
(function_definition name: (identifier) @name) @definition.function
(class_definition name: (identifier) @name) @definition.class

; Parameters of named functions. The receiver (`self`/`cls`) is left out by the registry's
; `receiver` pattern, not by a predicate here: predicates run in Python for every match and made
; this pattern cost more than all the others together.
(function_definition
  parameters: (parameters
    [(identifier) @param
     (default_parameter) @param
     (typed_parameter) @param
     (typed_default_parameter) @param
     (list_splat_pattern) @param
     (dictionary_splat_pattern) @param]))

(comment) @comment
