<?php

function link_preview(): array
{
    // ruleid: php.ssrf
    $html = file_get_contents($_GET['url']);
    preg_match('/<title>(.*?)<\/title>/si', $html, $m);
    return ['title' => $m[1] ?? null];
}

function proxy_image(): void
{
    // ruleid: php.ssrf
    $ch = curl_init($_GET['src']);
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    echo curl_exec($ch);
}

function fetch_feed(): string
{
    $ch = curl_init();
    // ruleid: php.ssrf
    curl_setopt($ch, CURLOPT_URL, $_POST['feed_url']);
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    return curl_exec($ch);
}

class WebhookController
{
    public function test(Request $request, GuzzleHttp\Client $client)
    {
        // ruleid: php.ssrf
        $response = $client->request('POST', $request->input('callback_url'), ['json' => ['ping' => true]]);
        // ruleid: php.ssrf
        $check = Http::get($request->input('health_url'));
        return [$response->getStatusCode(), $check->status()];
    }

    public function safe(Request $request, GuzzleHttp\Client $client)
    {
        $url = (string) $request->input('callback_url');
        $host = parse_url($url, PHP_URL_HOST);
        if (parse_url($url, PHP_URL_SCHEME) !== 'https' || !in_array($host, ['hooks.example.com'], true)) {
            abort(400);
        }
        // ok: php.ssrf
        $response = $client->request('POST', $url, ['json' => ['ping' => true]]);
        // ok: php.ssrf
        $weather = Http::get('https://api.weather.example.com/v1/current', ['city' => $request->input('city')]);
        return [$response->getStatusCode(), $weather->json()];
    }
}
