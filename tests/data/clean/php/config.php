<?php

return [
    'name' => env('APP_NAME', 'Shop'),
    'env' => env('APP_ENV', 'production'),
    'debug' => (bool) env('APP_DEBUG', false),
    'key' => env('APP_KEY'),
    'cipher' => 'AES-256-CBC',
    'database' => [
        'host' => env('DB_HOST', 'db'),
        'username' => env('DB_USERNAME', 'shop'),
        'password' => env('DB_PASSWORD', ''),
    ],
    'cors' => [
        'paths' => ['api/*'],
        'allowed_methods' => ['GET', 'POST'],
        'allowed_origins' => ['https://shop.example.com', 'https://admin.example.com'],
        'supports_credentials' => true,
    ],
    'services' => [
        'stripe' => ['secret' => env('STRIPE_SECRET'), 'webhook_tolerance' => 300],
        'token_header' => 'X-Api-Token',
    ],
];
