<?php
$name = $_GET['name'] ?? 'guest';
// ruleid: php.xss
echo "<h1>Hello " . $_GET['name'] . "</h1>";
// ruleid: php.xss
echo "<p>You searched for {$_REQUEST['q']}</p>";
// ruleid: php.xss
print $_POST['comment'];
// ok: php.xss
echo '<h1>Hello ' . htmlspecialchars($name, ENT_QUOTES, 'UTF-8') . '</h1>';
// ok: php.xss
echo '<p>Page ' . (int) $_GET['page'] . '</p>';
// ok: php.xss
echo htmlspecialchars($_GET['q'] ?? '', ENT_QUOTES, 'UTF-8');
// ok: php.xss
echo json_encode(['q' => $_GET['q'] ?? ''], JSON_HEX_TAG);
?>
<!-- ruleid: php.xss -->
<form action="<?= $_SERVER['PHP_SELF'] ?>" method="post">
  <!-- ruleid: php.xss -->
  <input name="email" value="<?= $_POST['email'] ?? '' ?>">
  <!-- ok: php.xss -->
  <input name="q" value="<?= htmlspecialchars($_GET['q'] ?? '', ENT_QUOTES) ?>">
  <!-- ok: php.xss -->
  <input name="name" value="<?= $name === 'guest' ? '' : 'set' ?>">
</form>
