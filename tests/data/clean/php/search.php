<?php
declare(strict_types=1);

ini_set('display_errors', '0');
ini_set('log_errors', '1');
header('Content-Type: text/html; charset=utf-8');
header('Access-Control-Allow-Origin: https://shop.example.com');
header('Vary: Origin');

require __DIR__ . '/bootstrap.php';

$pages = ['home' => __DIR__ . '/pages/home.php', 'about' => __DIR__ . '/pages/about.php'];
$page = $_GET['page'] ?? 'home';
$query = trim((string) ($_GET['q'] ?? ''));
$pageNumber = max(1, (int) ($_GET['p'] ?? 1));

function e(string $value): string
{
    return htmlspecialchars($value, ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8');
}

$results = $query === '' ? [] : $repository->search($query);
?>
<!doctype html>
<html lang="en">
<head><title>Search<?= $query !== '' ? ' – ' . e($query) : '' ?></title></head>
<body>
<form action="/search.php" method="get">
  <input name="q" value="<?= e($query) ?>">
  <input type="hidden" name="csrf" value="<?= e($_SESSION['csrf'] ?? '') ?>">
</form>
<?php include $pages[$page] ?? $pages['home']; ?>
<p>Results for <strong><?= htmlspecialchars($_GET['q'] ?? '', ENT_QUOTES, 'UTF-8') ?></strong>, page <?= (int) $_GET['p'] ?></p>
<ul>
<?php foreach ($results as $row): ?>
  <li><a href="/orders/<?= (int) $row['id'] ?>"><?= e($row['reference']) ?></a></li>
<?php endforeach; ?>
</ul>
<?php
echo '<p>Page ' . $pageNumber . '</p>';
echo json_encode(['query' => $query], JSON_HEX_TAG | JSON_HEX_AMP);
?>
</body>
</html>
