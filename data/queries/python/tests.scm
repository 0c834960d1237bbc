; Tests of Python (pytest, unittest). Read by analyzers/testfacts.py; data/tests.toml says which
; candidates are tests (`test*` names), which calls are assertions and how strong they are.
; Every function is a candidate: the ones that are not tests but assert are assertion helpers.
(function_definition name: (identifier) @test.name) @test.function

; Classes group their tests' names: `TestCart::test_total`.
(class_definition name: (identifier) @test.group.name) @test.group

; Assertions: `assert` statements and calls named in data/tests.toml (assertEqual, pytest.raises,
; mock.assert_called_once_with, ...). Call names are matched in Python, not by predicates.
(assert_statement) @assert
(call function: (identifier) @assert.name) @assert
(call function: (attribute attribute: (identifier) @assert.name)) @assert

; Imports: `import a.b`, `import a.b as c` -> a.b; `from a import b` -> a.b; `from . import b` -> .b
(import_statement name: (dotted_name) @import)
(import_statement name: (aliased_import name: (dotted_name) @import))
(import_from_statement module_name: (_) @import name: (dotted_name) @import.member)
(import_from_statement module_name: (_) @import name: (aliased_import name: (dotted_name) @import.member))
(import_from_statement module_name: (_) @import (wildcard_import))

; Names used (attributes are identifiers too).
(identifier) @ref
