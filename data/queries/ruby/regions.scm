; Regions of Ruby: classes and modules (class kind; `class Foo::Bar` is named `Foo.Bar`), `def`
; (a method when directly inside a class or module, else a function) and `def self.x` / `def obj.x`
; (singleton_method: always a method, named `x`). Not regions: `class << self` (its methods belong to
; the enclosing class), `Class.new do ... end` / `Struct.new do ... end` (anonymous), blocks.
(class name: (_) @name) @definition.class
(module name: (_) @name) @definition.class
(method name: (_) @name) @definition.function
(singleton_method name: (_) @name) @definition.method

; Parameters of named methods: each formal once (required, optional, splat, keyword, hash splat,
; block, destructured `(a, b)` as one, `...`). `**nil` declares no keywords and is not one.
(method
  parameters: (method_parameters
    [(identifier) @param
     (optional_parameter) @param
     (splat_parameter) @param
     (hash_splat_parameter) @param
     (keyword_parameter) @param
     (block_parameter) @param
     (destructured_parameter) @param
     (forward_parameter) @param]))
(singleton_method
  parameters: (method_parameters
    [(identifier) @param
     (optional_parameter) @param
     (splat_parameter) @param
     (hash_splat_parameter) @param
     (keyword_parameter) @param
     (block_parameter) @param
     (destructured_parameter) @param
     (forward_parameter) @param]))

(comment) @comment
