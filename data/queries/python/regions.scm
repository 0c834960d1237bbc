; Regions of Python: functions (methods when directly inside a class) and classes.
(function_definition name: (identifier) @name) @definition.function
(class_definition name: (identifier) @name) @definition.class

; Parameters of named functions; the receiver (`self`/`cls`) is not counted.
(function_definition
  parameters: (parameters
    [(identifier) @param
     (default_parameter) @param
     (typed_parameter) @param
     (typed_default_parameter) @param
     (list_splat_pattern) @param
     (dictionary_splat_pattern) @param])
  (#not-eq? @param "self")
  (#not-eq? @param "cls"))

(comment) @comment
