<?php

function restore_cart(): array
{
    // ruleid: php.unsafe-deserialization
    $cart = unserialize(base64_decode($_COOKIE['cart'] ?? ''));
    return is_array($cart) ? $cart : [];
}

class SessionStore
{
    public function read(PDO $pdo, string $id)
    {
        $stmt = $pdo->prepare('SELECT payload FROM sessions WHERE id = ?');
        $stmt->execute([$id]);
        // ruleid: php.unsafe-deserialization
        return unserialize($stmt->fetchColumn());
    }

    public function readSafely(string $payload)
    {
        // ok: php.unsafe-deserialization
        $data = unserialize($payload, ['allowed_classes' => false]);
        // ok: php.unsafe-deserialization
        $json = json_decode($_COOKIE['prefs'] ?? '{}', true, 16, JSON_THROW_ON_ERROR);
        // ok: php.unsafe-deserialization
        $blob = serialize($json);
        return [$data, $blob];
    }
}
