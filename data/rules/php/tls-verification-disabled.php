<?php

function fetch_partner(string $path): string
{
    $ch = curl_init('https://partner.example.com' . $path);
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    // ruleid: php.tls-verification-disabled
    curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);
    // ruleid: php.tls-verification-disabled
    curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 0);
    $body = curl_exec($ch);
    curl_close($ch);
    return $body;
}

function legacy_options(): array
{
    return [
        CURLOPT_RETURNTRANSFER => true,
        // ruleid: php.tls-verification-disabled
        CURLOPT_SSL_VERIFYPEER => 0,
        CURLOPT_TIMEOUT => 10,
    ];
}

function stream_fetch(string $url): string
{
    $context = stream_context_create([
        'ssl' => [
            // ruleid: php.tls-verification-disabled
            'verify_peer' => false,
            // ruleid: php.tls-verification-disabled
            'allow_self_signed' => true,
        ],
    ]);
    return file_get_contents($url, false, $context);
}

function guzzle(): array
{
    // ruleid: php.tls-verification-disabled
    $client = new GuzzleHttp\Client(['base_uri' => 'https://legacy.example.com', 'verify' => false]);
    // ruleid: php.tls-verification-disabled
    $resp = Http::withoutVerifying()->get('https://legacy.example.com/status');
    return [$client, $resp];
}

function safe_variants(): array
{
    $ch = curl_init('https://partner.example.com/status');
    // ok: php.tls-verification-disabled
    curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);
    // ok: php.tls-verification-disabled
    curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 2);
    // ok: php.tls-verification-disabled
    curl_setopt($ch, CURLOPT_CAINFO, '/etc/ssl/certs/partner-ca.pem');
    // ok: php.tls-verification-disabled
    $client = new GuzzleHttp\Client(['verify' => '/etc/ssl/certs/partner-ca.pem', 'timeout' => 5]);
    // ok: php.tls-verification-disabled
    $context = stream_context_create(['ssl' => ['verify_peer' => true, 'cafile' => '/etc/ssl/certs/ca.pem']]);
    return [$ch, $client, $context];
}
