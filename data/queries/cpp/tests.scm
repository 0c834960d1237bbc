; Tests of C++ (googletest, Catch2, doctest, Boost.Test macros). Read by analyzers/testfacts.py.
; `TEST(Suite, Name) { ... }` parses as a function definition whose callee is `TEST` and whose
; parameters are the test's name; `TEST_CASE("name") { ... }` as a call statement followed by a
; block. Other function definitions are candidates named by their callee.
(function_definition
  declarator: (function_declarator
    declarator: (identifier) @test.callee
    parameters: (parameter_list) @test.name)) @test.function
((expression_statement
   (call_expression function: (identifier) @test.callee arguments: (argument_list) @test.name)) @test.function
 .
 (compound_statement) @test.body)

; Assertions: EXPECT_EQ(a, b), ASSERT_TRUE(x), REQUIRE(x == y), CHECK_THAT(x, Equals(y)), assert(x).
(call_expression function: (identifier) @assert.name) @assert
(call_expression function: (qualified_identifier name: (identifier) @assert.name)) @assert

(preproc_include path: [(string_literal) (system_lib_string)] @import)

(identifier) @ref
(field_identifier) @ref
(type_identifier) @ref
(namespace_identifier) @ref
