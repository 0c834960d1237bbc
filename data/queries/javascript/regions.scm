; Regions of JavaScript (and JSX): function and generator declarations, classes, methods (class
; and object-literal methods, getters, setters, constructors, `#private` ones) and the function
; values a binding names. For those the region is the function node itself, its name sits outside:
;   const f = () => {}                   -> f        (function; also function/generator expressions)
;   { key: () => {} }                    -> key      (method, like the shorthand `{ key() {} }`)
;   class A { handle = () => {} }        -> A.handle (method)
;   x = function () {}, a.b = () => {}   -> x, a.b   (function, named by the assignment's target)
;   export default () => {}              -> default
;   const A = class { ... }              -> A        (class); `export default class {}` -> default
; Every other arrow function / function expression (callbacks, IIFEs, functions inside an
; expression, JSX handlers) is anonymous: complexity.scm marks it @lambda, it is not a region.
; A named function expression passed as an argument (`xs.map(function each(x) {...})`) is a callback
; too, and so is a function wrapped in a call (`const C = memo(() => ...)`). A function value's own
; name (`const g = function named() {}`) gives way to the binding's (`g`). String keys are named by
; the text between the quotes; an empty key (`"": () => {}`) is neither a region nor a @lambda.
; Keep complexity.scm's @lambda parents in step with the contexts named here.

(function_declaration name: (identifier) @name) @definition.function
(generator_function_declaration name: (identifier) @name) @definition.function
(class_declaration name: (identifier) @name) @definition.class

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

(field_definition
  property: [(property_identifier) (private_property_identifier) (computed_property_name) (number)] @name
  value: [(arrow_function) (function_expression) (generator_function)] @definition.method)
(field_definition
  property: (string (string_fragment) @name)
  value: [(arrow_function) (function_expression) (generator_function)] @definition.method)

(assignment_expression
  left: [(identifier) (member_expression) (subscript_expression) (parenthesized_expression)
         (object_pattern) (array_pattern) (undefined)] @name
  right: [(arrow_function) (function_expression) (generator_function)] @definition.function)

(export_statement
  "default" @name
  value: [(arrow_function) (function_expression) (generator_function)] @definition.function)
(export_statement "default" @name value: (class) @definition.class)

; Parameters of the named definitions above, each formal parameter once: plain, default (`b = 1`),
; rest (`...r`) and destructuring (`{a, b}`, `[x]`). The single unparenthesised parameter of an
; arrow function (`x => x`) is its `parameter` field. Lambdas' parameters are not captured.
(function_declaration
  parameters: (formal_parameters
    [(identifier) (assignment_pattern) (rest_pattern) (object_pattern) (array_pattern)] @param))
(generator_function_declaration
  parameters: (formal_parameters
    [(identifier) (assignment_pattern) (rest_pattern) (object_pattern) (array_pattern)] @param))
(method_definition
  parameters: (formal_parameters
    [(identifier) (assignment_pattern) (rest_pattern) (object_pattern) (array_pattern)] @param))
(variable_declarator
  value: [
    (arrow_function parameter: (identifier) @param)
    (_ parameters: (formal_parameters
      [(identifier) (assignment_pattern) (rest_pattern) (object_pattern) (array_pattern)] @param))])
(pair
  key: [(property_identifier) (private_property_identifier) (computed_property_name) (number)
        (string (string_fragment))]
  value: [
    (arrow_function parameter: (identifier) @param)
    (_ parameters: (formal_parameters
      [(identifier) (assignment_pattern) (rest_pattern) (object_pattern) (array_pattern)] @param))])
(field_definition
  value: [
    (arrow_function parameter: (identifier) @param)
    (_ parameters: (formal_parameters
      [(identifier) (assignment_pattern) (rest_pattern) (object_pattern) (array_pattern)] @param))])
(assignment_expression
  right: [
    (arrow_function parameter: (identifier) @param)
    (_ parameters: (formal_parameters
      [(identifier) (assignment_pattern) (rest_pattern) (object_pattern) (array_pattern)] @param))])
(export_statement
  "default"
  value: [
    (arrow_function parameter: (identifier) @param)
    (_ parameters: (formal_parameters
      [(identifier) (assignment_pattern) (rest_pattern) (object_pattern) (array_pattern)] @param))])

[(comment) (html_comment)] @comment
