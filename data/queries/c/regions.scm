; Regions of C: function definitions, and struct / union / enum definitions with a body (class kind).
;
; A function's name is the identifier under its function_declarator, which sits under pointer
; declarators when the return type is a pointer (`char *f(void)`, `char **f(void)`, ...), or under a
; parenthesized declarator when the function returns a function pointer (`int (*f(int))(int)`).
; Prototypes (`int f(int);`) are `declaration` nodes, not function_definition: never regions.
(function_definition
  declarator: [
    (function_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (function_declarator declarator: (identifier) @name))
    (pointer_declarator declarator: (pointer_declarator declarator: (function_declarator declarator: (identifier) @name)))
    (pointer_declarator declarator: (pointer_declarator declarator: (pointer_declarator declarator: (function_declarator declarator: (identifier) @name))))
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (function_declarator declarator: (identifier) @name))))
  ]
  body: (compound_statement)) @definition.function

; Data types with a body and a name. They hold no code (cyclomatic and cognitive 0), but they are
; kept as class regions so that a header reads the same whether it is parsed as C or as C++ (where
; `.h` files go): their length and fingerprint still tell a reviewer when they changed. Forward
; declarations and uses (`struct S;`, `struct S s;`) have no body and are not regions.
(struct_specifier name: (type_identifier) @name body: (field_declaration_list)) @definition.class
(union_specifier name: (type_identifier) @name body: (field_declaration_list)) @definition.class
(enum_specifier name: (type_identifier) @name body: (enumerator_list)) @definition.class

; `typedef struct { ... } T;`: the anonymous type takes the typedef's name (the region is the whole
; typedef). A named struct in a typedef (`typedef struct S {...} T;`) is the struct region `S` above.
(type_definition
  type: [
    (struct_specifier !name body: (field_declaration_list))
    (union_specifier !name body: (field_declaration_list))
    (enum_specifier !name body: (enumerator_list))
  ]
  declarator: (type_identifier) @name) @definition.class

; Parameters: each parameter_declaration (a lone `void` is no parameter), the variadic `...` (one),
; and the identifiers of a K&R-style list `int f(a, b) int a; int b; {...}`. Anchored to the same
; declarator shapes as above: the parameter list of a returned function pointer and the parameters
; of function-pointer parameters are not the function's own.
(function_definition
  declarator: [
    (function_declarator
      declarator: (identifier)
      parameters: (parameter_list [(parameter_declaration) (variadic_parameter) (identifier)] @param))
    (pointer_declarator
      declarator: (function_declarator
        declarator: (identifier)
        parameters: (parameter_list [(parameter_declaration) (variadic_parameter) (identifier)] @param)))
    (pointer_declarator
      declarator: (pointer_declarator
        declarator: (function_declarator
          declarator: (identifier)
          parameters: (parameter_list [(parameter_declaration) (variadic_parameter) (identifier)] @param))))
    (pointer_declarator
      declarator: (pointer_declarator
        declarator: (pointer_declarator
          declarator: (function_declarator
            declarator: (identifier)
            parameters: (parameter_list [(parameter_declaration) (variadic_parameter) (identifier)] @param)))))
    (function_declarator
      declarator: (parenthesized_declarator
        (pointer_declarator
          declarator: (function_declarator
            declarator: (identifier)
            parameters: (parameter_list [(parameter_declaration) (variadic_parameter) (identifier)] @param)))))
  ])

(comment) @comment
