; Tests of Go (testing, testify). Read by analyzers/testfacts.py; data/tests.toml says which
; functions are tests (`TestX`) and which calls are assertions. Subtests (`t.Run`) are not tests of
; their own: what they assert counts for the enclosing TestX.
(function_declaration name: (identifier) @test.name) @test.function

; Assertions: `t.Errorf` / `t.Fatal` (judged by the `if` around them), testify `assert.Equal`,
; `require.NoError`, suite methods `s.Equal`. Receivers and names are checked in Python.
(call_expression function: (identifier) @assert.name) @assert
(call_expression function: (selector_expression field: (field_identifier) @assert.name)) @assert

(import_spec path: (interpreted_string_literal (interpreted_string_literal_content) @import))

(identifier) @ref
(field_identifier) @ref
(type_identifier) @ref
