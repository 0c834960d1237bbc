<?php
// ruleid: php.cors-wildcard
header('Access-Control-Allow-Origin: *');
// ruleid: php.cors-wildcard
header('Access-Control-Allow-Origin: ' . $_SERVER['HTTP_ORIGIN']);
header('Access-Control-Allow-Credentials: true');
// ok: php.cors-wildcard
header('Access-Control-Allow-Methods: *');
// ok: php.cors-wildcard
header('Access-Control-Allow-Origin: https://shop.example.com');
// ok: php.cors-wildcard
header('Content-Type: application/json');

function cors(Response $response): Response
{
    // ruleid: php.cors-wildcard
    return $response->header('Access-Control-Allow-Origin', '*');
}

return [
    'paths' => ['api/*'],
    // ok: php.cors-wildcard
    'allowed_methods' => ['*'],
    // ruleid: php.cors-wildcard
    'allowed_origins' => ['*'],
    'supports_credentials' => false,
];
