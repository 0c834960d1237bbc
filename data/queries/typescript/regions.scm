; Regions of TypeScript and TSX (TSX compiles these same files with its own grammar, so nothing
; here may name a JSX node): function and generator declarations, classes and abstract classes,
; methods (class and object-literal methods, getters, setters, constructors, `#private` ones) and
; the function values a binding names. For those the region is the function node itself, its name
; sits outside:
;   const f = () => {}                   -> f        (function; also function/generator expressions)
;   { key: () => {} }                    -> key      (method, like the shorthand `{ key() {} }`)
;   class A { private handle = () => {} }-> A.handle (method)
;   x = function () {}, a.b = () => {}   -> x, a.b   (function, named by the assignment's target)
;   export default () => {}              -> default
;   const A = class { ... }              -> A        (class); `export default class {}` -> default
; Every other arrow function / function expression (callbacks, IIFEs, functions inside an
; expression or wrapped in `as`/`satisfies`/`!`, JSX handlers) is anonymous: complexity.scm marks
; it @lambda and it is not a region; so is a function wrapped in a call (`const C = memo(() => ...)`).
; String keys are named by the text between the quotes; an empty key (`"": () => {}`) is neither a
; region nor a @lambda. Keep complexity.scm's @lambda parents in step with the contexts named here.
; Not regions: bodiless signatures (overloads `function_signature`, `method_signature`,
; `abstract_method_signature`, `declare function`), interfaces, type aliases and enums (no code),
; namespaces/modules (`namespace N {}`; a function in one is named without `N.`).

(function_declaration name: (identifier) @name) @definition.function
(generator_function_declaration name: (identifier) @name) @definition.function
(class_declaration name: (type_identifier) @name) @definition.class
(abstract_class_declaration name: (type_identifier) @name) @definition.class

(method_definition
  name: [(property_identifier) (private_property_identifier) (computed_property_name) (number)] @name)
  @definition.method
(method_definition name: (string (string_fragment) @name)) @definition.method

(variable_declarator
  name: (_) @name
  value: [(arrow_function) (function_expression) (generator_function)] @definition.function)
(variable_declarator name: (identifier) @name value: (class) @definition.class)

(pair
  key: [(property_identifier) (private_property_identifier) (computed_property_name) (number)] @name
  value: [(arrow_function) (function_expression) (generator_function)] @definition.method)
(pair
  key: (string (string_fragment) @name)
  value: [(arrow_function) (function_expression) (generator_function)] @definition.method)

(public_field_definition
  name: [(property_identifier) (private_property_identifier) (computed_property_name) (number)] @name
  value: [(arrow_function) (function_expression) (generator_function)] @definition.method)
(public_field_definition
  name: (string (string_fragment) @name)
  value: [(arrow_function) (function_expression) (generator_function)] @definition.method)

(assignment_expression
  left: [(identifier) (member_expression) (subscript_expression) (parenthesized_expression)
         (non_null_expression) (object_pattern) (array_pattern) (undefined)] @name
  right: [(arrow_function) (function_expression) (generator_function)] @definition.function)

(export_statement
  "default" @name
  value: [(arrow_function) (function_expression) (generator_function)] @definition.function)
(export_statement "default" @name value: (class) @definition.class)

; Parameters of the named definitions above, each formal parameter once: `a: T`, `b?: T`,
; `c = 1`, `...rest`, destructuring `{a, b}: T` / `[x]: T`, constructor parameter properties
; (`private readonly s: S`). The `this: T` pseudo-parameter is not counted. The single
; unparenthesised parameter of an arrow function (`x => x`) is its `parameter` field. Lambdas'
; parameters are not captured.
(function_declaration
  parameters: (formal_parameters
    [(required_parameter pattern: [(identifier) (object_pattern) (array_pattern) (rest_pattern)])
     (optional_parameter)] @param))
(generator_function_declaration
  parameters: (formal_parameters
    [(required_parameter pattern: [(identifier) (object_pattern) (array_pattern) (rest_pattern)])
     (optional_parameter)] @param))
(method_definition
  parameters: (formal_parameters
    [(required_parameter pattern: [(identifier) (object_pattern) (array_pattern) (rest_pattern)])
     (optional_parameter)] @param))
(variable_declarator
  value: [
    (arrow_function parameter: (identifier) @param)
    (_ parameters: (formal_parameters
      [(required_parameter pattern: [(identifier) (object_pattern) (array_pattern) (rest_pattern)])
       (optional_parameter)] @param))])
(pair
  key: [(property_identifier) (private_property_identifier) (computed_property_name) (number)
        (string (string_fragment))]
  value: [
    (arrow_function parameter: (identifier) @param)
    (_ parameters: (formal_parameters
      [(required_parameter pattern: [(identifier) (object_pattern) (array_pattern) (rest_pattern)])
       (optional_parameter)] @param))])
(public_field_definition
  value: [
    (arrow_function parameter: (identifier) @param)
    (_ parameters: (formal_parameters
      [(required_parameter pattern: [(identifier) (object_pattern) (array_pattern) (rest_pattern)])
       (optional_parameter)] @param))])
(assignment_expression
  right: [
    (arrow_function parameter: (identifier) @param)
    (_ parameters: (formal_parameters
      [(required_parameter pattern: [(identifier) (object_pattern) (array_pattern) (rest_pattern)])
       (optional_parameter)] @param))])
(export_statement
  "default"
  value: [
    (arrow_function parameter: (identifier) @param)
    (_ parameters: (formal_parameters
      [(required_parameter pattern: [(identifier) (object_pattern) (array_pattern) (rest_pattern)])
       (optional_parameter)] @param))])

[(comment) (html_comment)] @comment
