; Regions of Rust: functions (methods when directly inside an impl or trait), impl blocks (class
; kind, named by the implemented type: `impl Foo`, `impl Trait for Foo`, `impl<T> Foo<T>` and
; `impl m::Foo` are all `Foo`), structs, enums, unions and traits (class kind; a trait's default
; methods are its methods).
; Not regions: `mod` blocks (their items are named as if top-level), trait and extern function
; signatures without a body (no code to measure), macro_rules and macro bodies.
(function_item name: (identifier) @name) @definition.function

(struct_item name: (type_identifier) @name) @definition.class
(enum_item name: (type_identifier) @name) @definition.class
(union_item name: (type_identifier) @name) @definition.class
(trait_item name: (type_identifier) @name) @definition.class

; One pattern per shape of the implemented type, mutually exclusive (the first match of a node
; wins in regions.py, so two patterns must never both name one impl).
(impl_item type: (type_identifier) @name) @definition.class
(impl_item type: (generic_type type: (type_identifier) @name)) @definition.class
(impl_item type: (scoped_type_identifier name: (type_identifier) @name)) @definition.class
(impl_item type: (generic_type type: (scoped_type_identifier name: (type_identifier) @name))) @definition.class
(impl_item type: (primitive_type) @name) @definition.class
; `impl Trait for &Foo` / `&mut Foo<T>` -> `Foo`; `impl dyn Trait` -> `Trait`.
(impl_item type: (reference_type type: (type_identifier) @name)) @definition.class
(impl_item type: (reference_type type: (generic_type type: (type_identifier) @name))) @definition.class
(impl_item type: (dynamic_type trait: (type_identifier) @name)) @definition.class
(impl_item type: (dynamic_type trait: (generic_type type: (type_identifier) @name))) @definition.class

; Parameters of named functions. The receiver is not one: neither `self`/`&self`/`&mut self`
; (self_parameter) nor a typed `self: Box<Self>` / `mut self: Rc<Self>` (left out by the registry's
; `receiver` pattern: a predicate here would run in Python for every parameter). Closures' parameters are
; left out by anchoring to function_item.
(function_item
  parameters: (parameters (parameter) @param))
(function_item
  parameters: (parameters (variadic_parameter) @param))

[
  (line_comment)
  (block_comment)
] @comment
