; Regions of C#: classes, structs, interfaces, records (`record` and `record struct`) and enums
; (class kind); methods, constructors, operators and conversion operators (method kind); local
; functions (function kind, nested in their method: `C.M.Local`). Nested types qualify by nesting.
;
; Not regions:
; - namespaces (block or file-scoped): left out of qualified names too, which stay `Class.Method`;
;   the file path says where they live;
; - properties, indexers and event accessors: their accessor bodies count for the enclosing class;
; - finalizers (`~C()`): they would be named like the constructor; their code counts for the class;
; - declarations without a body (abstract, interface, extern and partial declarations, delegates).
; An operator is named by its symbol (`C.+`), a conversion operator by its target type (`C.int`).
(class_declaration name: (identifier) @name) @definition.class
(struct_declaration name: (identifier) @name) @definition.class
(interface_declaration name: (identifier) @name) @definition.class
(record_declaration name: (identifier) @name) @definition.class
(enum_declaration name: (identifier) @name) @definition.class

(method_declaration name: (identifier) @name body: (_)) @definition.method
(constructor_declaration name: (identifier) @name body: (_)) @definition.method
(operator_declaration operator: _ @name body: (_)) @definition.method
(conversion_operator_declaration type: (_) @name body: (_)) @definition.method
(local_function_statement name: (identifier) @name) @definition.function

; Parameters of the named callables above. A `params T[] rest` array has no parameter node of its
; own in this grammar (its keyword, type and name sit directly in the list), so its `params`
; keyword stands for it. Anchored to the declarations so lambdas' parameters stay out.
(method_declaration parameters: (parameter_list [(parameter) "params"] @param) body: (_))
(constructor_declaration parameters: (parameter_list [(parameter) "params"] @param) body: (_))
(operator_declaration parameters: (parameter_list [(parameter) "params"] @param) body: (_))
(conversion_operator_declaration parameters: (parameter_list [(parameter) "params"] @param) body: (_))
(local_function_statement parameters: (parameter_list [(parameter) "params"] @param))

(comment) @comment
