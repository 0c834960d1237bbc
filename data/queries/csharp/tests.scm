; Tests of C# (xUnit, NUnit, MSTest, FluentAssertions). Read by analyzers/testfacts.py;
; data/tests.toml says which methods are tests (`[Fact]`, `[Test]`, `[TestMethod]`, ... read from
; the method's attribute lists in Python) and which calls are assertions.
(method_declaration name: (identifier) @test.name) @test.function

; Assertions: `Assert.Equal(a, b)`, `Assert.Throws<E>(...)`, `x.Should().Be(y)`.
(invocation_expression function: (identifier) @assert.name) @assert
(invocation_expression function: (generic_name (identifier) @assert.name)) @assert
(invocation_expression
  function: (member_access_expression name: [(identifier) @assert.name (generic_name (identifier) @assert.name)])) @assert

(using_directive [(qualified_name) (identifier)] @import)

(identifier) @ref
