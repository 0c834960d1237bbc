<?php

$page = $_GET['page'] ?? 'home';
// ruleid: php.path-traversal
include 'pages/' . $_GET['page'] . '.php';
// ruleid: php.path-traversal
require_once __DIR__ . "/lang/{$_COOKIE['lang']}.php";

function download()
{
    // ruleid: php.path-traversal
    readfile('/srv/app/reports/' . $_GET['file']);
}

function upload()
{
    $dir = __DIR__ . '/uploads/';
    // ruleid: php.path-traversal
    move_uploaded_file($_FILES['doc']['tmp_name'], $dir . $_FILES['doc']['name']);
    // ok: php.path-traversal
    move_uploaded_file($_FILES['doc']['tmp_name'], $dir . bin2hex(random_bytes(16)) . '.pdf');
}

class ReportController
{
    public function show(Request $request)
    {
        // ruleid: php.path-traversal
        return response()->download(storage_path('reports/' . $request->input('name')));
    }

    public function safe(Request $request)
    {
        $base = realpath(storage_path('reports'));
        // ok: php.path-traversal
        $path = realpath($base . '/' . basename($request->input('name', '')));
        if ($path === false || strpos($path, $base . DIRECTORY_SEPARATOR) !== 0) {
            abort(404);
        }
        // ok: php.path-traversal
        return response()->download($path);
    }
}

$allowed = ['home' => 'pages/home.php', 'about' => 'pages/about.php'];
// ok: php.path-traversal
include $allowed[$page] ?? 'pages/home.php';
