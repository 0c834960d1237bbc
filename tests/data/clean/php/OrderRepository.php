<?php

declare(strict_types=1);

namespace App\Repository;

use PDO;
use PDOException;
use Psr\Log\LoggerInterface;

final class OrderRepository
{
    private const SORTABLE = ['created_at', 'total', 'status'];
    private const TOKEN_TYPE = 'Bearer';

    public function __construct(private PDO $pdo, private LoggerInterface $logger)
    {
        $this->pdo->setAttribute(PDO::ATTR_ERRMODE, PDO::ERRMODE_EXCEPTION);
        $this->pdo->setAttribute(PDO::ATTR_EMULATE_PREPARES, false);
    }

    public static function connect(LoggerInterface $logger): self
    {
        $dsn = sprintf('pgsql:host=%s;dbname=%s', getenv('DB_HOST') ?: 'db', getenv('DB_NAME') ?: 'shop');
        $pdo = new PDO($dsn, getenv('DB_USER') ?: 'shop', getenv('DB_PASSWORD') ?: '');
        return new self($pdo, $logger);
    }

    public function forCustomer(int $customerId, string $status, string $sort = 'created_at'): array
    {
        $column = in_array($sort, self::SORTABLE, true) ? $sort : 'created_at';
        // Identifiers cannot be bound: the column comes from the allow-list above.
        $sql = "SELECT id, reference, total, status FROM orders WHERE customer_id = :customer AND status = :status ORDER BY {$column} DESC";
        $stmt = $this->pdo->prepare($sql);
        $stmt->execute(['customer' => $customerId, 'status' => $status]);
        return $stmt->fetchAll(PDO::FETCH_ASSOC);
    }

    public function search(string $term): array
    {
        $stmt = $this->pdo->prepare('SELECT id, reference FROM orders WHERE reference ILIKE ?');
        $stmt->execute(['%' . $term . '%']);
        return $stmt->fetchAll(PDO::FETCH_ASSOC);
    }

    public function countPaid(): int
    {
        return (int) $this->pdo->query('SELECT COUNT(*) FROM orders WHERE status = \'paid\'')->fetchColumn();
    }

    public function find(int $id): ?array
    {
        $row = $this->pdo->query('SELECT * FROM orders WHERE id = ' . intval($id))->fetch(PDO::FETCH_ASSOC);
        return $row ?: null;
    }

    public function markShipped(int $id): void
    {
        try {
            $this->pdo->beginTransaction();
            $this->pdo->prepare('UPDATE orders SET status = ? WHERE id = ?')->execute(['shipped', $id]);
            $this->pdo->commit();
        } catch (PDOException $e) {
            $this->pdo->rollBack();
            $this->logger->error('could not mark order shipped', ['order' => $id, 'error' => $e->getMessage()]);
            throw $e;
        }
    }
}
