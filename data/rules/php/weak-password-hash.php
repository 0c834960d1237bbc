<?php

function register(PDO $pdo, string $email, string $password): void
{
    // ruleid: php.weak-password-hash
    $hash = md5($password);
    $pdo->prepare('INSERT INTO users (email, pw_hash) VALUES (?, ?)')->execute([$email, $hash]);
}

function check_login(array $user, string $pass): bool
{
    // ruleid: php.weak-password-hash
    return hash_equals($user['pw_hash'], sha1($user['salt'] . $pass));
}

function legacy(array $form): string
{
    // ruleid: php.weak-password-hash
    return hash('md5', $form['password']);
}

function safe_variants(string $password, string $upload): array
{
    // ok: php.weak-password-hash
    $hash = password_hash($password, PASSWORD_ARGON2ID);
    // ok: php.weak-password-hash
    $etag = md5($upload);
    // ok: php.weak-password-hash
    $checksum = hash('sha256', $password . $upload);
    // ok: php.weak-password-hash
    $cacheKey = sha1('user:' . $upload);
    return [$hash, $etag, $checksum, $cacheKey];
}
