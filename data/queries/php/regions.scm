; Regions of PHP: classes, interfaces, traits and enums (class kind), methods and functions (a
; function declared inside a function is a region of its own, `outer.inner`). Namespaces are not
; part of qualified names: `namespace App\Models; class User` gives `User`.
; Not regions: abstract and interface methods without a body (no code to measure), anonymous classes
; (`new class { ... }` has no name: its methods are named as functions of the enclosing region),
; closures and arrow functions (anonymous: they count for the function around them).
(class_declaration name: (name) @name) @definition.class
(interface_declaration name: (name) @name) @definition.class
(trait_declaration name: (name) @name) @definition.class
(enum_declaration name: (name) @name) @definition.class
(method_declaration name: (name) @name body: (_)) @definition.method
(function_definition name: (name) @name) @definition.function

; Parameters of named functions and methods: plain, variadic and constructor-promoted ones. `$this`
; is implicit in PHP, so there is no receiver to leave out.
(method_declaration
  parameters: (formal_parameters
    [(simple_parameter) @param
     (variadic_parameter) @param
     (property_promotion_parameter) @param]))
(function_definition
  parameters: (formal_parameters
    [(simple_parameter) @param
     (variadic_parameter) @param
     (property_promotion_parameter) @param]))

(comment) @comment
