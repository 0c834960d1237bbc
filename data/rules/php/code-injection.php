<?php

function calculate(): float
{
    $expr = $_POST['expression'] ?? '0';
    // ruleid: php.code-injection
    return eval("return $expr;");
}

function legacy_filters(array $rules, string $text): string
{
    foreach ($rules as $rule) {
        // ruleid: php.code-injection
        $filter = create_function('$s', $rule['body']);
        $text = $filter($text);
    }
    // ruleid: php.code-injection
    $text = preg_replace('/\{(\w+)\}/e', 'strtoupper("$1")', $text);
    // ruleid: php.code-injection
    assert($_GET['check']);
    return $text;
}

function dispatch()
{
    // ruleid: php.code-injection
    $result = call_user_func($_GET['action'], $_GET['arg'] ?? null);
    // ruleid: php.code-injection
    $other = $_REQUEST['callback']($result);
    return $other;
}

function safe_variants(string $text, array $handlers)
{
    // ok: php.code-injection
    $upper = preg_replace_callback('/\{(\w+)\}/', fn ($m) => strtoupper($m[1]), $text);
    // ok: php.code-injection
    $clean = preg_replace('/\s+/', ' ', $text);
    // ok: php.code-injection
    $handler = $handlers[$_GET['action'] ?? 'index'] ?? $handlers['index'];
    // ok: php.code-injection
    $result = call_user_func($handler, $clean);
    // ok: php.code-injection
    assert($result !== null && is_string($result));
    // ok: php.code-injection
    eval('return 1 + 1;');
    return [$upper, $result];
}
