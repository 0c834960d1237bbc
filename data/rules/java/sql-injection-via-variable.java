package com.example.orders;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.jdbc.core.JdbcTemplate;

public class OrderTotals {
    private final Connection conn;
    private final JdbcTemplate jdbcTemplate;

    public OrderTotals(Connection conn, JdbcTemplate jdbcTemplate) {
        this.conn = conn;
        this.jdbcTemplate = jdbcTemplate;
    }

    // ruleid: java.sql-injection-via-variable
    public int total(String customer) throws SQLException {
        String sql = "SELECT SUM(total) FROM orders WHERE customer = '" + customer + "'";
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    // ruleid: java.sql-injection-via-variable
    public void archive(String before) throws SQLException {
        String query = "DELETE FROM orders WHERE created < '%s'".formatted(before);
        Statement st = conn.createStatement();
        st.execute(query);
    }

    // ok: java.sql-injection-via-variable
    public int count(String customer) {
        String sql = "SELECT COUNT(*) FROM orders WHERE customer = ?";
        return jdbcTemplate.queryForObject(sql, Integer.class, customer);
    }

    // ok: java.sql-injection-via-variable
    public int countByStatus(String status) {
        String sql = "SELECT COUNT(*) FROM orders WHERE status = ?";
        String label = "orders with status " + status;
        System.out.println(label);
        return jdbcTemplate.queryForObject(sql, Integer.class, status);
    }
}
