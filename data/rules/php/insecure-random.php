<?php

function create_password_reset(PDO $pdo, int $userId): string
{
    // ruleid: php.insecure-random
    $token = md5(uniqid((string) mt_rand(), true));
    $pdo->prepare('INSERT INTO password_resets (user_id, token) VALUES (?, ?)')->execute([$userId, hash('sha256', $token)]);
    return $token;
}

function send_login_code(array $user): void
{
    // ruleid: php.insecure-random
    $_SESSION['otp'] = rand(100000, 999999);
    // ruleid: php.insecure-random
    $user['api_key'] = substr(str_shuffle('abcdefghijklmnopqrstuvwxyz0123456789'), 0, 32);
}

class InviteService
{
    public function generateInviteCode(): string
    {
        // ruleid: php.insecure-random
        return strtoupper(base_convert((string) mt_rand(), 10, 36));
    }

    public function safeToken(): string
    {
        // ok: php.insecure-random
        $token = bin2hex(random_bytes(32));
        // ok: php.insecure-random
        $otp = str_pad((string) random_int(0, 999999), 6, '0', STR_PAD_LEFT);
        // ok: php.insecure-random
        $delay = mt_rand(100, 500);
        return $token . $otp . $delay;
    }
}
