; Tests of Rust (`#[test]`, `#[tokio::test]`, rstest, proptest). Read by analyzers/testfacts.py;
; the attributes before a function (`#[test]`, `#[should_panic]`) are read in Python from its
; preceding siblings. Every function is a candidate: helpers that assert count for their callers.
(function_item name: (identifier) @test.name) @test.function

; Assertions are macros: `assert!`, `assert_eq!`, `pretty_assertions::assert_eq!`, `panic!`.
(macro_invocation macro: (identifier) @assert.name) @assert
(macro_invocation macro: (scoped_identifier name: (identifier) @assert.name)) @assert

; `use crate::pricing::{total, Cart};` (braces are expanded in Python)
(use_declaration argument: (_) @import)

(identifier) @ref
(field_identifier) @ref
(type_identifier) @ref
