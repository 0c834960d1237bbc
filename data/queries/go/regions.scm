; Regions of Go: functions, methods and named struct/interface types.
;
; `package p` prefixes every top-level name: `p.Func`, `p.Type`, and `p.Type.Method` for a method,
; which is qualified by its receiver's type (pointer or not, generic arguments dropped) since Go
; declares methods outside their type. Func literals are anonymous (`@lambda` in complexity.scm),
; not regions. Type aliases (`type A = B`) and named non-struct/interface types (`type ID int`) are
; not regions: they hold no code.
(package_clause (package_identifier) @package)

(function_declaration name: (identifier) @name) @definition.function

(method_declaration
  receiver: (parameter_list
    (parameter_declaration
      type: [
        (type_identifier) @receiver
        (generic_type type: (type_identifier) @receiver)
        (pointer_type (type_identifier) @receiver)
        (pointer_type (generic_type type: (type_identifier) @receiver))
      ]))
  name: (field_identifier) @name) @definition.method

; The type_spec, not the type_declaration, so each member of `type ( A struct{}; B struct{} )` is a
; region of its own.
(type_spec
  name: (type_identifier) @name
  type: [(struct_type) (interface_type)]) @definition.class

; Parameters: every declared name counts (`a, b int` is two), an unnamed parameter (`func(int,
; string)`) counts one, a variadic one counts one. Only the `parameters:` list, so the receiver is
; not a parameter, and only named functions/methods, so func literals' parameters stay out.
(function_declaration
  parameters: (parameter_list (parameter_declaration name: (identifier) @param)))
(function_declaration
  parameters: (parameter_list (parameter_declaration !name) @param))
(function_declaration
  parameters: (parameter_list (variadic_parameter_declaration) @param))
(method_declaration
  parameters: (parameter_list (parameter_declaration name: (identifier) @param)))
(method_declaration
  parameters: (parameter_list (parameter_declaration !name) @param))
(method_declaration
  parameters: (parameter_list (variadic_parameter_declaration) @param))

(comment) @comment
