<?php

use Firebase\JWT\JWT;
use Firebase\JWT\Key;

function current_user_id(): ?int
{
    $token = str_replace('Bearer ', '', $_SERVER['HTTP_AUTHORIZATION'] ?? '');
    // ruleid: php.jwt-no-verify
    $claims = json_decode(base64_decode(explode('.', $token)[1]), true);
    return $claims['sub'] ?? null;
}

function legacy_claims(string $jwt): object
{
    // ruleid: php.jwt-no-verify
    return JWT::decode($jwt, getenv('JWT_SECRET'), ['HS256', 'none']);
}

function very_old_claims(string $jwt): object
{
    // ruleid: php.jwt-no-verify
    return JWT::decode($jwt, null, false);
}

function partner_claims(string $jwt): object
{
    // ruleid: php.jwt-no-verify
    return JWT::decode($jwt, new Key(getenv('PARTNER_KEY'), 'none'));
}

function verified_claims(string $jwt): ?object
{
    try {
        // ok: php.jwt-no-verify
        return JWT::decode($jwt, new Key(file_get_contents('/run/secrets/jwt_public.pem'), 'RS256'));
    } catch (UnexpectedValueException $e) {
        error_log('rejected token: ' . $e->getMessage());
        return null;
    }
}

function attachment(string $data): string
{
    // ok: php.jwt-no-verify
    return base64_decode($data, true);
}
