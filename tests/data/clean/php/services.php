<?php

declare(strict_types=1);

namespace App\Service;

use GuzzleHttp\Client;
use Psr\Log\LoggerInterface;
use RuntimeException;

final class PartnerClient
{
    private const ALLOWED_HOSTS = ['images.example.com', 'cdn.example.com'];

    private Client $http;

    public function __construct(private LoggerInterface $logger)
    {
        $this->http = new Client([
            'base_uri' => 'https://partner.example.com',
            'timeout' => 10,
            'verify' => getenv('PARTNER_CA_BUNDLE') ?: true,
            'headers' => ['X-Api-Key' => (string) getenv('PARTNER_API_KEY'), 'Accept' => 'application/json'],
        ]);
    }

    public function invoice(int $id): array
    {
        $response = $this->http->get('/v1/invoices/' . $id);
        return json_decode((string) $response->getBody(), true, 32, JSON_THROW_ON_ERROR);
    }

    public function fetchImage(string $url): string
    {
        $parts = parse_url($url);
        if (($parts['scheme'] ?? '') !== 'https' || !in_array($parts['host'] ?? '', self::ALLOWED_HOSTS, true)) {
            throw new RuntimeException('host not allowed');
        }
        $ch = curl_init($url);
        curl_setopt_array($ch, [
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_SSL_VERIFYPEER => true,
            CURLOPT_SSL_VERIFYHOST => 2,
            CURLOPT_FOLLOWLOCATION => false,
            CURLOPT_TIMEOUT => 5,
        ]);
        $body = curl_exec($ch);
        curl_close($ch);
        return (string) $body;
    }
}

final class Backup
{
    public function __construct(private LoggerInterface $logger)
    {
    }

    public function dump(string $database, string $target): void
    {
        $process = proc_open(['pg_dump', '--no-owner', '--file', $target, $database], [2 => ['pipe', 'w']], $pipes);
        $errors = stream_get_contents($pipes[2]);
        if (proc_close($process) !== 0) {
            $this->logger->error('pg_dump failed', ['stderr' => $errors]);
            throw new RuntimeException('backup failed');
        }
    }

    public function diskUsage(string $path): string
    {
        return (string) shell_exec('du -sh ' . escapeshellarg($path));
    }

    public function uptime(): string
    {
        return (string) shell_exec('uptime');
    }
}

final class Cache
{
    public function read(string $payload): mixed
    {
        return unserialize($payload, ['allowed_classes' => false]);
    }

    public function readJson(string $payload): array
    {
        try {
            return json_decode($payload, true, 64, JSON_THROW_ON_ERROR);
        } catch (\JsonException $e) {
            error_log('corrupt cache entry: ' . $e->getMessage());
            return [];
        }
    }
}

final class Uploads
{
    private const DIR = __DIR__ . '/../storage/uploads/';

    public function store(array $file): string
    {
        $name = bin2hex(random_bytes(16)) . '.' . pathinfo(basename($file['name']), PATHINFO_EXTENSION);
        if (!move_uploaded_file($file['tmp_name'], self::DIR . $name)) {
            throw new RuntimeException('upload failed');
        }
        return $name;
    }

    public function download(string $name): void
    {
        $base = realpath(self::DIR);
        $path = realpath(self::DIR . basename($name));
        if ($path === false || strpos($path, $base . DIRECTORY_SEPARATOR) !== 0) {
            http_response_code(404);
            return;
        }
        readfile($path);
    }
}
