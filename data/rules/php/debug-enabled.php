<?php
// ruleid: php.debug-enabled
ini_set('display_errors', 1);
// ruleid: php.debug-enabled
ini_set('display_startup_errors', '1');
error_reporting(E_ALL);

// ruleid: php.debug-enabled
define('WP_DEBUG', true);
// ok: php.debug-enabled
define('WP_DEBUG_LOG', true);
// ok: php.debug-enabled
ini_set('display_errors', getenv('APP_ENV') === 'local' ? '1' : '0');
// ok: php.debug-enabled
ini_set('log_errors', '1');

return [
    'name' => 'Shop',
    // ruleid: php.debug-enabled
    'debug' => true,
    // ok: php.debug-enabled
    'cache' => true,
];

function diagnostics(): void
{
    // ruleid: php.debug-enabled
    phpinfo();
}
