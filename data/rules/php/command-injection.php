<?php

function thumbnail(string $upload, int $width): string
{
    // ruleid: php.command-injection
    exec("convert $upload -resize {$width}x thumb.png", $output, $status);
    // ruleid: php.command-injection
    $info = shell_exec('identify ' . $_GET['file']);
    // ruleid: php.command-injection
    $exif = `exiftool $upload`;
    return $info . $exif;
}

function ping_host(string $host)
{
    $cmd = "ping -c 1 " . $host;
    // ruleid: php.command-injection
    system($cmd);
    // ruleid: php.command-injection
    $h = popen("traceroute $host", "r");
    // ruleid: php.command-injection
    $proc = proc_open("nslookup " . $host, [1 => ['pipe', 'w']], $pipes);
    return [$h, $proc];
}

function safe_variants(string $upload, string $host)
{
    // ok: php.command-injection
    exec('convert ' . escapeshellarg($upload) . ' -resize 200x thumb.png', $output, $status);
    // ok: php.command-injection
    $proc = proc_open(['ping', '-c', '1', $host], [1 => ['pipe', 'w']], $pipes);
    // ok: php.command-injection
    $uptime = shell_exec('uptime');
    // ok: php.command-injection
    $date = `date +%F`;
    // ok: php.command-injection
    $stmt = $pdo->exec("DELETE FROM sessions WHERE expires < NOW()");
    return [$output, $proc, $uptime, $date, $stmt];
}
