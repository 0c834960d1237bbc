<?php

declare(strict_types=1);

namespace App\Auth;

use Firebase\JWT\ExpiredException;
use Firebase\JWT\JWT;
use Firebase\JWT\Key;
use PDO;
use UnexpectedValueException;

final class AuthService
{
    private const PASSWORD_MIN_LENGTH = 12;
    private const RESET_TTL = 1800;

    private string $publicKey;
    private string $privateKey;

    public function __construct(private PDO $pdo)
    {
        $this->publicKey = (string) file_get_contents(getenv('JWT_PUBLIC_KEY_FILE') ?: '/run/secrets/jwt_public.pem');
        $this->privateKey = (string) file_get_contents(getenv('JWT_PRIVATE_KEY_FILE') ?: '/run/secrets/jwt_private.pem');
    }

    public function register(string $email, string $password): int
    {
        if (strlen($password) < self::PASSWORD_MIN_LENGTH) {
            throw new \InvalidArgumentException('password too short');
        }
        $hash = password_hash($password, PASSWORD_ARGON2ID);
        $this->pdo->prepare('INSERT INTO users (email, password_hash) VALUES (?, ?)')->execute([strtolower($email), $hash]);
        return (int) $this->pdo->lastInsertId();
    }

    public function login(string $email, string $password): ?string
    {
        $stmt = $this->pdo->prepare('SELECT id, password_hash FROM users WHERE email = ?');
        $stmt->execute([strtolower($email)]);
        $user = $stmt->fetch(PDO::FETCH_ASSOC);
        if (!$user || !password_verify($password, $user['password_hash'])) {
            return null;
        }
        if (password_needs_rehash($user['password_hash'], PASSWORD_ARGON2ID)) {
            $this->pdo->prepare('UPDATE users SET password_hash = ? WHERE id = ?')
                ->execute([password_hash($password, PASSWORD_ARGON2ID), $user['id']]);
        }
        return $this->issueToken((int) $user['id']);
    }

    public function issueToken(int $userId): string
    {
        $now = time();
        return JWT::encode(['sub' => $userId, 'iat' => $now, 'exp' => $now + 900], $this->privateKey, 'RS256');
    }

    public function verify(string $jwt): ?object
    {
        try {
            return JWT::decode($jwt, new Key($this->publicKey, 'RS256'));
        } catch (ExpiredException | UnexpectedValueException $e) {
            error_log('rejected token: ' . $e->getMessage());
            return null;
        }
    }

    public function startPasswordReset(int $userId): string
    {
        $token = bin2hex(random_bytes(32));
        $this->pdo->prepare('INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES (?, ?, ?)')
            ->execute([$userId, hash('sha256', $token), date('c', time() + self::RESET_TTL)]);
        return $token;
    }

    public function oneTimeCode(): string
    {
        return str_pad((string) random_int(0, 999999), 6, '0', STR_PAD_LEFT);
    }

    public function gravatar(string $email): string
    {
        return 'https://www.gravatar.com/avatar/' . md5(strtolower(trim($email)));
    }

    public function retryDelayMs(int $attempt): int
    {
        return min(30000, 2 ** $attempt * 100) + mt_rand(0, 250);
    }
}
