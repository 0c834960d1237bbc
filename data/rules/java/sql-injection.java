package com.example.orders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.persistence.EntityManager;
import org.springframework.jdbc.core.JdbcTemplate;

public class OrderRepository {
    private static final String ORDER_COLUMNS = "id, customer, total";
    private final Connection conn;
    private final EntityManager em;
    private final JdbcTemplate jdbcTemplate;

    public OrderRepository(Connection conn, EntityManager em, JdbcTemplate jdbcTemplate) {
        this.conn = conn;
        this.em = em;
        this.jdbcTemplate = jdbcTemplate;
    }

    public ResultSet byCustomer(String customer) throws SQLException {
        Statement stmt = conn.createStatement();
        // ruleid: java.sql-injection
        return stmt.executeQuery("SELECT * FROM orders WHERE customer = '" + customer + "'");
    }

    public int cancel(String id, String reason) throws SQLException {
        Statement stmt = conn.createStatement();
        // ruleid: java.sql-injection
        return stmt.executeUpdate(String.format("UPDATE orders SET status = 'cancelled', reason = '%s' WHERE id = %s", reason, id));
    }

    public List<?> search(String status) {
        // ruleid: java.sql-injection
        return em.createQuery("SELECT o FROM Order o WHERE o.status = '" + status + "'").getResultList();
    }

    public List<Order> sorted(String column) {
        // ruleid: java.sql-injection
        return jdbcTemplate.query("SELECT " + ORDER_COLUMNS + " FROM orders ORDER BY " + column, new OrderMapper());
    }

    public ResultSet byCustomerSafely(String customer) throws SQLException {
        // ok: java.sql-injection
        PreparedStatement ps = conn.prepareStatement("SELECT * FROM orders WHERE customer = ?");
        ps.setString(1, customer);
        return ps.executeQuery();
    }

    public List<?> searchSafely(String status) {
        // ok: java.sql-injection
        return em.createQuery("SELECT o FROM Order o WHERE o.status = :status").setParameter("status", status).getResultList();
    }

    public List<Order> page(int limit) {
        // ok: java.sql-injection
        return jdbcTemplate.query("SELECT " + ORDER_COLUMNS + " FROM orders " + "ORDER BY id LIMIT ?", new OrderMapper(), limit);
    }
}
