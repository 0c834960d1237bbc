; Tests of C (Unity, CUnit, Check, plain assert; googletest macros parse as calls). Read by
; analyzers/testfacts.py. A function definition's callee is its own name (`void test_total(void)`);
; a call statement followed by a block is a macro-declared test (`TEST(Suite, Name) { ... }`,
; Catch2's `TEST_CASE("name") { ... }`), kept when data/tests.toml lists the callee.
(function_definition
  declarator: (function_declarator
    declarator: (identifier) @test.callee
    parameters: (parameter_list) @test.name)) @test.function
((expression_statement
   (call_expression function: (identifier) @test.callee arguments: (argument_list) @test.name)) @test.function
 .
 (compound_statement) @test.body)

; Assertions: assert(x), TEST_ASSERT_EQUAL_INT(a, b), CU_ASSERT(x), EXPECT_EQ(a, b), REQUIRE(x).
(call_expression function: (identifier) @assert.name) @assert

(preproc_include path: [(string_literal) (system_lib_string)] @import)

(identifier) @ref
(field_identifier) @ref
(type_identifier) @ref
