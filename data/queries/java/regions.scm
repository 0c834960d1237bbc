; Regions of Java: classes, interfaces, enums, records and annotation types (class kind), methods
; and constructors (method kind). Nested types qualify by nesting: `Outer.Inner.method`.
;
; Not regions:
; - abstract and interface methods without a body (no code to measure);
; - anonymous class bodies (`new Runnable() { ... }`): they have no name. Their methods still are
;   regions, nested in the enclosing method (`Outer.run.call`), so their decision points are not
;   counted in the enclosing method's own metrics (lizard also reports them as functions of their
;   own). An enum constant's body (`A { int f() {...} }`) is named by its constant: `E.A.f`.
; - static/instance initializer blocks and field initializers: what they hold counts for the
;   enclosing class.
; The package declaration is not prefixed: names stay short, the file path says where they live.
(class_declaration name: (identifier) @name) @definition.class
(interface_declaration name: (identifier) @name) @definition.class
(enum_declaration name: (identifier) @name) @definition.class
(record_declaration name: (identifier) @name) @definition.class
(annotation_type_declaration name: (identifier) @name) @definition.class
(enum_constant name: (identifier) @name body: (class_body)) @definition.class

(method_declaration name: (identifier) @name body: (block)) @definition.method
(constructor_declaration name: (identifier) @name) @definition.method
(compact_constructor_declaration name: (identifier) @name) @definition.method

; Parameters of methods and constructors (a varargs `String... rest` counts one; the explicit
; receiver parameter `Outer this` does not count). Anchored to the declaration so lambdas'
; parameters stay out.
(method_declaration
  parameters: (formal_parameters [(formal_parameter) (spread_parameter)] @param)
  body: (block))
(constructor_declaration
  parameters: (formal_parameters [(formal_parameter) (spread_parameter)] @param))

[(line_comment) (block_comment)] @comment
