; Tests of PHP (PHPUnit, Pest, Codeception). Read by analyzers/testfacts.py; data/tests.toml says
; which methods are tests (`test*` names, `#[Test]` or an `@test` docblock, read in Python) and
; which calls are assertions.
(method_declaration name: (name) @test.name) @test.function
(function_definition name: (name) @test.name) @test.function

; Pest: `it("does x", function () { ... })`, `test(...)`, `describe(...)`.
(function_call_expression
  function: (name) @test.callee
  arguments: (arguments . (argument [(string) (encapsed_string)] @test.name))) @test.function

; Assertions: `$this->assertSame(a, b)`, `self::assertTrue(x)`, `expect($x)->toBe(y)`.
(member_call_expression name: (name) @assert.name) @assert
(nullsafe_member_call_expression name: (name) @assert.name) @assert
(scoped_call_expression name: (name) @assert.name) @assert
(function_call_expression function: (name) @assert.name) @assert

; `use App\Pricing\Calculator;` and require/include of a path (the string is read in Python).
(namespace_use_clause [(qualified_name) (name)] @import)
[(require_expression) (require_once_expression) (include_expression) (include_once_expression)] @import.path

(name) @ref
