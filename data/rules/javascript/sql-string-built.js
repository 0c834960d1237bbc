const db = require("./db");

async function searchProducts(req, res) {
  const { category, minPrice, sortBy } = req.query;
  // ruleid: javascript.sql-string-built
  let sql = `SELECT id, name, price FROM products WHERE category = '${category}'`;
  if (minPrice) {
    // ruleid: javascript.sql-string-built
    sql += " AND price >= " + minPrice;
  }
  if (sortBy) {
    // ruleid: javascript.sql-string-built
    sql += ` ORDER BY ${sortBy}`;
  }
  const rows = await db.query(sql);

  // ruleid: javascript.sql-string-built
  const deleteSql = "DELETE FROM carts WHERE user_id = " + req.user.id;
  await db.query(deleteSql);

  // ok: javascript.sql-string-built
  const safeSql = "SELECT id, name, price FROM products WHERE category = $1 AND price >= $2";
  await db.query(safeSql, [category, minPrice]);
  const ids = req.body.ids;
  // ok: javascript.sql-string-built
  const inSql = `SELECT * FROM products WHERE id IN (${ids.map(() => "?").join(", ")})`;
  await db.query(inSql, ids);
  // ok: javascript.sql-string-built
  const countSql = `SELECT COUNT(*) FROM ${PRODUCTS_TABLE} WHERE category = $1`;
  await db.query(countSql, [category]);
  // ok: javascript.sql-string-built
  const message = `Selected ${rows.length} products from the catalogue, update pending`;
  res.json({ rows, message });
}

module.exports = { searchProducts };
