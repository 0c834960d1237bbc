; Tests of Java (JUnit 4/5, TestNG, AssertJ, Hamcrest, Mockito). Read by analyzers/testfacts.py;
; data/tests.toml says which methods are tests (@Test-like annotations, read from the method's
; modifiers in Python, or JUnit 3 `test*` names) and which calls are assertions.
(method_declaration name: (identifier) @test.name) @test.function

; Assertions: `assertEquals(a, b)`, `Assertions.assertThrows(...)`, `assertThat(x).isEqualTo(y)`.
(method_invocation name: (identifier) @assert.name) @assert

; Imports (`.*` is added in Python when the declaration ends with an asterisk); the package
; declaration stands for `import pkg.*`: classes of the same package need no import.
(import_declaration [(scoped_identifier) (identifier)] @import)
(package_declaration [(scoped_identifier) (identifier)] @import.package)

(identifier) @ref
(type_identifier) @ref
