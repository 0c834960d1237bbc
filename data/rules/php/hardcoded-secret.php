<?php

// ruleid: php.hardcoded-secret
define('AUTH_KEY', 'q8#Lm2!xZ7pR4tW9vK3nB6cY1hJ5sD0');
// ok: php.hardcoded-secret
define('SECURE_AUTH_KEY', 'put your unique phrase here');
// ok: php.hardcoded-secret
define('DB_PASSWORD', getenv('DB_PASSWORD'));
// ruleid: php.hardcoded-secret
const STRIPE_SECRET = 'rk9Xw2Lq7Rt4Zm8Vb3Nc6Hj1';
// ok: php.hardcoded-secret
const TOKEN_URL = 'https://auth.example.org/oauth/token';

class PaymentGateway
{
    // ruleid: php.hardcoded-secret
    private $apiKey = 'pk_9hQ2xL7mR4tW8zV3';
    // ok: php.hardcoded-secret
    private $tokenType = 'Bearer';

    // ruleid: php.hardcoded-secret
    public function __construct(private string $webhookSecret = 'whsec_4Fq8Lp2Zx7Rm9Tk3')
    {
    }

    public function client(): Client
    {
        return new Client([
            'base_uri' => 'https://api.payments.example',
            // ruleid: php.hardcoded-secret
            'headers' => ['X-Api-Key' => '3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c2e', 'Accept' => 'application/json'],
        ]);
    }
}

function db(): PDO
{
    // ruleid: php.hardcoded-secret
    $password = $_ENV['DB_PASSWORD'] ?? 'Pg_pr0d#2024!Rw';
    // ok: php.hardcoded-secret
    $user = getenv('DB_USER') ?: 'app';
    // ruleid: php.hardcoded-secret
    $pass = 'Xk9#mQ2!vL7pR4zW';
    $replica = new PDO('pgsql:host=replica;dbname=shop', $user, $pass);
    return new PDO('pgsql:host=db;dbname=shop', $user, $password);
}

function admin_login(string $password): bool
{
    // ruleid: php.hardcoded-secret
    if ($password === 'Sup3r-S3cret-Adm1n') {
        return true;
    }
    // ok: php.hardcoded-secret
    $config = ['password' => 'changeme', 'api_key' => '<your-api-key>', 'secret' => env('APP_SECRET')];
    // ok: php.hardcoded-secret
    $greeting = "token for {$password}";
    return false;
}
