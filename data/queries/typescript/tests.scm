; Tests of TypeScript and TSX (Jest, Vitest, Mocha/Chai, Jasmine, node:test). Read by
; analyzers/testfacts.py; data/tests.toml says which callees are tests (`it`, `test`) or groups
; (`describe`) and which calls are assertions.

; `it("name", fn)`, `test.only("name", fn)`, `describe("group", fn)`: any call whose first argument
; is a string; the callee is checked in Python.
(call_expression
  function: [(identifier) (member_expression)] @test.callee
  arguments: (arguments . [(string) (template_string)] @test.name)) @test.function

; Named functions are candidates too: the ones that assert are assertion helpers.
(function_declaration name: (identifier) @test.name) @test.function
(variable_declarator
  name: (identifier) @test.name
  value: [(arrow_function) (function_expression)]) @test.function

; Assertions: `expect(x).not.toBe(y)` (the outermost call of the chain), `assert.equal(a, b)`,
; `assert(x)`, and chai's property assertions `expect(x).to.be.true;`.
(call_expression function: (identifier) @assert.name) @assert
(call_expression function: (member_expression property: (property_identifier) @assert.name)) @assert
(expression_statement (member_expression property: (property_identifier) @assert.name) @assert)

; Module specifiers: import/export ... from "x", require("x"), jest.mock("x"), import("x").
(import_statement source: (string (string_fragment) @import))
(export_statement source: (string (string_fragment) @import))
(call_expression
  function: [(identifier) @import.callee (member_expression property: (property_identifier) @import.callee)]
  arguments: (arguments . (string (string_fragment) @import)))
(call_expression function: (import) arguments: (arguments . (string (string_fragment) @import)))

(identifier) @ref
(property_identifier) @ref
(shorthand_property_identifier) @ref
(shorthand_property_identifier_pattern) @ref
(type_identifier) @ref
