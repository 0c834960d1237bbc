package com.example.shop.orders;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.persistence.EntityManager;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Orders, read and written with bound parameters only. */
public class OrderRepository {
    private static final Logger LOG = LoggerFactory.getLogger(OrderRepository.class);
    private static final String COLUMNS = "id, customer_id, status, total";
    private static final String BY_CUSTOMER = "SELECT " + COLUMNS + " FROM orders WHERE customer_id = ? ORDER BY ";
    private static final Map<String, String> SORTED = Map.of(
        "date", BY_CUSTOMER + "created_at DESC",
        "total", BY_CUSTOMER + "total DESC");
    private static final Set<String> STATUSES = Set.of("open", "paid", "shipped", "cancelled");

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final EntityManager em;

    public OrderRepository(DataSource dataSource, EntityManager em) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.named = new NamedParameterJdbcTemplate(dataSource);
        this.em = em;
    }

    public Optional<Order> findById(long id) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM orders WHERE id = ?";
        try (Connection conn = dataSource.getConnection();
             PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    public List<Order> byCustomer(long customerId, String sortKey) {
        String sql = SORTED.getOrDefault(sortKey, SORTED.get("date"));
        return jdbc.query(sql, (rs, row) -> map(rs), customerId);
    }

    public List<Order> byStatus(String status, int limit) {
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("unknown status");
        }
        MapSqlParameterSource params = new MapSqlParameterSource()
            .addValue("status", status)
            .addValue("limit", Math.min(limit, 100));
        return named.query("SELECT " + COLUMNS + " FROM orders WHERE status = :status LIMIT :limit", params, (rs, row) -> map(rs));
    }

    public List<Order> search(String customerName) {
        return em.createQuery("SELECT o FROM Order o WHERE o.customer.name = :name", Order.class)
            .setParameter("name", customerName)
            .getResultList();
    }

    public int markPaid(List<Long> ids) throws SQLException {
        int updated = 0;
        try (Connection conn = dataSource.getConnection();
             PreparedStatement ps = conn.prepareStatement("UPDATE orders SET status = 'paid' WHERE id = ?")) {
            conn.setAutoCommit(false);
            for (Long id : ids) {
                ps.setLong(1, id);
                ps.addBatch();
            }
            for (int n : ps.executeBatch()) {
                updated += n;
            }
            conn.commit();
        } catch (SQLException e) {
            LOG.error("marking {} orders paid failed", ids.size(), e);
            throw e;
        }
        return updated;
    }

    public BigDecimal revenue() {
        return jdbc.queryForObject("SELECT COALESCE(SUM(total), 0) FROM orders WHERE status = ?", BigDecimal.class, "paid");
    }

    private static Order map(ResultSet rs) throws SQLException {
        return new Order(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("status"), rs.getBigDecimal("total"));
    }

    public record Order(long id, long customerId, String status, BigDecimal total) {}

    public List<Order> recent(int days) {
        List<Order> out = new ArrayList<>();
        jdbc.query("SELECT " + COLUMNS + " FROM orders WHERE created_at > now() - make_interval(days => ?)",
            rs -> {
                out.add(map(rs));
            }, days);
        return out;
    }
}
