; Regions of C++: function definitions (methods when directly inside a class region), out-of-class
; member definitions (`void Foo::bar() {}` -> method `Foo.bar`), and classes / structs / unions /
; enums with a body (class kind). Namespaces are not regions and stay out of names.
;
; Only definitions with a body are regions: prototypes and in-class declarations (`void f();`,
; `virtual void f() = 0;`) are not function_definition nodes at all, and `= default;` / `= delete;`
; definitions have no `body` field. A function-try-block (`Foo::Foo() try : x(0) {} catch (...) {}`)
; has a try_statement where the body would be.
;
; Templates: the region is the function_definition / class_specifier inside the
; template_declaration, so `template <...>` is outside its span; names carry no template arguments
; (`template <> int max<int>(...)` is `max`; regions.py drops a trailing `<...>` of class names).

; Functions and in-class methods. The name is under the function_declarator (under pointer or
; reference declarators for `T *f()`, `T **f()`, `T &f()`): a plain, field, destructor or operator
; name, or the name of an explicit specialization. A conversion operator (`operator bool() {}`) has
; no function_declarator; its name is the `operator` keyword (its type is captured as a second @name,
; which regions.py currently ignores: see the report).
(function_definition
  declarator: [
    (function_declarator
      declarator: [
        (identifier) @name
        (field_identifier) @name
        (destructor_name) @name
        (operator_name) @name
        (template_function name: (_) @name)
      ])
    (pointer_declarator
      declarator: (function_declarator
        declarator: [
          (identifier) @name
          (field_identifier) @name
          (operator_name) @name
          (template_function name: (_) @name)
        ]))
    (pointer_declarator
      declarator: (pointer_declarator
        declarator: (function_declarator
          declarator: [
            (identifier) @name
            (field_identifier) @name
            (operator_name) @name
            (template_function name: (_) @name)
          ])))
    (reference_declarator
      (function_declarator
        declarator: [
          (identifier) @name
          (field_identifier) @name
          (operator_name) @name
          (template_function name: (_) @name)
        ]))
    (operator_cast "operator" @name type: (_) @name)
  ]
  [body: (_) (try_statement)]) @definition.function

; Out-of-class member definitions: `Foo::bar`, `ns::Foo::bar`, `Box<T>::get`. The innermost scope is
; the @receiver (template arguments dropped: the type_identifier of a template_type), so the name is
; `Foo.bar` whatever namespaces are written before it. Syntax cannot tell a namespace from a class
; scope, so a free function defined as `ns::helper() {}` also becomes a method `ns.helper`.
(function_definition
  declarator: [
    (function_declarator
      declarator: [
        (qualified_identifier
          scope: [(namespace_identifier) @receiver (template_type name: (_) @receiver)]
          name: [(identifier) @name (destructor_name) @name (operator_name) @name (template_function name: (_) @name)])
        (qualified_identifier
          name: (qualified_identifier
            scope: [(namespace_identifier) @receiver (template_type name: (_) @receiver)]
            name: [(identifier) @name (destructor_name) @name (operator_name) @name (template_function name: (_) @name)]))
        (qualified_identifier
          name: (qualified_identifier
            name: (qualified_identifier
              scope: [(namespace_identifier) @receiver (template_type name: (_) @receiver)]
              name: [(identifier) @name (destructor_name) @name (operator_name) @name (template_function name: (_) @name)])))
      ])
    (pointer_declarator
      declarator: (function_declarator
        declarator: [
          (qualified_identifier
            scope: [(namespace_identifier) @receiver (template_type name: (_) @receiver)]
            name: [(identifier) @name (operator_name) @name (template_function name: (_) @name)])
          (qualified_identifier
            name: (qualified_identifier
              scope: [(namespace_identifier) @receiver (template_type name: (_) @receiver)]
              name: [(identifier) @name (operator_name) @name (template_function name: (_) @name)]))
        ]))
    (reference_declarator
      (function_declarator
        declarator: [
          (qualified_identifier
            scope: [(namespace_identifier) @receiver (template_type name: (_) @receiver)]
            name: [(identifier) @name (operator_name) @name (template_function name: (_) @name)])
          (qualified_identifier
            name: (qualified_identifier
              scope: [(namespace_identifier) @receiver (template_type name: (_) @receiver)]
              name: [(identifier) @name (operator_name) @name (template_function name: (_) @name)]))
        ]))
    (qualified_identifier
      scope: [(namespace_identifier) @receiver (template_type name: (_) @receiver)]
      name: (operator_cast "operator" @name type: (_) @name))
  ]
  [body: (_) (try_statement)]) @definition.method

; Classes, structs, unions and enums with a body. `name` may be a template specialization
; (`struct hash<Foo>`, named `hash`). Forward declarations (`class Foo;`) have no body.
(class_specifier name: (_) @name body: (field_declaration_list)) @definition.class
(struct_specifier name: (_) @name body: (field_declaration_list)) @definition.class
(union_specifier name: (_) @name body: (field_declaration_list)) @definition.class
(enum_specifier name: (_) @name body: (enumerator_list)) @definition.class

; `typedef struct { ... } T;` (C headers): the anonymous type takes the typedef's name.
(type_definition
  type: [
    (struct_specifier !name body: (field_declaration_list))
    (union_specifier !name body: (field_declaration_list))
    (enum_specifier !name body: (enumerator_list))
  ]
  declarator: (type_identifier) @name) @definition.class

; Parameters of named functions: parameter declarations with or without a default, parameter packs
; (`Args&&... args`, one each), the C-style variadic `...` (one); a lone `void` is none. Lambdas'
; parameters (under an abstract_function_declarator) and the parameters of function-pointer
; parameters are not matched.
(function_definition
  declarator: [
    (function_declarator
      declarator: [(identifier) (field_identifier) (destructor_name) (operator_name) (template_function) (qualified_identifier)]
      parameters: (parameter_list
        [(parameter_declaration) (optional_parameter_declaration) (variadic_parameter_declaration) "..."] @param))
    (pointer_declarator
      declarator: (function_declarator
        declarator: [(identifier) (field_identifier) (operator_name) (template_function) (qualified_identifier)]
        parameters: (parameter_list
          [(parameter_declaration) (optional_parameter_declaration) (variadic_parameter_declaration) "..."] @param)))
    (pointer_declarator
      declarator: (pointer_declarator
        declarator: (function_declarator
          declarator: [(identifier) (field_identifier) (operator_name) (template_function) (qualified_identifier)]
          parameters: (parameter_list
            [(parameter_declaration) (optional_parameter_declaration) (variadic_parameter_declaration) "..."] @param))))
    (reference_declarator
      (function_declarator
        declarator: [(identifier) (field_identifier) (operator_name) (template_function) (qualified_identifier)]
        parameters: (parameter_list
          [(parameter_declaration) (optional_parameter_declaration) (variadic_parameter_declaration) "..."] @param)))
  ])

(comment) @comment
