; Tests of Ruby (RSpec, Minitest, Test::Unit, ActiveSupport `test "..." do`). Read by
; analyzers/testfacts.py; data/tests.toml says which callees are tests (`it`) or groups
; (`describe`), which methods are tests (`test_*`) and which calls are assertions.
(method name: (identifier) @test.name) @test.function
(call
  method: (identifier) @test.callee
  arguments: (argument_list . (_) @test.name)?
  block: (_)) @test.function

; Assertions: `assert_equal a, b`, `expect(x).to eq(y)` (the `to` call carries the matcher).
(call method: (identifier) @assert.name) @assert

; require "x", require_relative "x" (the callee is checked in Python).
(call
  method: (identifier) @import.callee
  arguments: (argument_list . (string (string_content) @import)))

(identifier) @ref
(constant) @ref
