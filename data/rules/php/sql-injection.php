<?php

function find_user(mysqli $conn, string $email)
{
    // ruleid: php.sql-injection
    $result = mysqli_query($conn, "SELECT id, name FROM users WHERE email = '$email'");
    return mysqli_fetch_assoc($result);
}

function list_orders(PDO $pdo, array $filters)
{
    $sort = $filters['sort'] ?? 'created_at';
    // ruleid: php.sql-injection
    $rows = $pdo->query("SELECT * FROM orders WHERE status = '" . $_GET['status'] . "' ORDER BY " . $sort);
    // ruleid: php.sql-injection
    $pdo->exec(sprintf("DELETE FROM carts WHERE user_id = %s", $_SESSION['uid']));
    // ok: php.sql-injection
    $stmt = $pdo->prepare("SELECT * FROM orders WHERE status = ? AND customer_id = ?");
    $stmt->execute([$filters['status'], $_SESSION['uid']]);
    // ok: php.sql-injection
    $count = $pdo->query("SELECT COUNT(*) FROM orders")->fetchColumn();
    // ok: php.sql-injection
    $one = $pdo->query("SELECT * FROM orders WHERE id = " . intval($_GET['id']));
    return [$rows, $stmt->fetchAll(), $count, $one];
}

function report(wpdb $wpdb, $year)
{
    // ruleid: php.sql-injection
    $posts = $wpdb->get_results("SELECT ID, post_title FROM {$wpdb->posts} WHERE YEAR(post_date) = $year");
    // ok: php.sql-injection
    $safe = $wpdb->get_results($wpdb->prepare("SELECT ID FROM {$wpdb->posts} WHERE YEAR(post_date) = %d", $year));
    return [$posts, $safe];
}

class OrderRepository
{
    public function search(string $term)
    {
        // ruleid: php.sql-injection
        $rows = DB::select("SELECT * FROM orders WHERE reference LIKE '%$term%'");
        // ruleid: php.sql-injection
        $more = Order::whereRaw("notes LIKE '%" . $term . "%'")->get();
        // ok: php.sql-injection
        $bound = DB::select('SELECT * FROM orders WHERE reference LIKE ?', ["%{$term}%"]);
        // ok: php.sql-injection
        $builder = Order::where('reference', 'like', "%{$term}%")->get();
        return [$rows, $more, $bound, $builder];
    }

    public function remoteList(Ssh $ssh, string $dir)
    {
        // ok: php.sql-injection
        return $ssh->exec("ls -la $dir");
    }
}
