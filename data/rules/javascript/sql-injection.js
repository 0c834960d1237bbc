const mysql = require("mysql2/promise");
const { Pool } = require("pg");
const knex = require("knex")({ client: "pg" });
const { PrismaClient } = require("@prisma/client");

const pool = new Pool();
const prisma = new PrismaClient();

async function findUser(connection, req) {
  const { email, sort } = req.query;
  // ruleid: javascript.sql-injection
  const [rows] = await connection.query(`SELECT * FROM users WHERE email = '${email}'`);
  // ruleid: javascript.sql-injection
  await connection.execute("SELECT id, name FROM users ORDER BY " + sort);
  // ruleid: javascript.sql-injection
  const result = await pool.query("DELETE FROM sessions WHERE user_id = " + req.params.id + " AND expired = true");
  // ruleid: javascript.sql-injection
  await knex.raw(`UPDATE accounts SET balance = ${req.body.balance} WHERE id = ${req.params.id}`);
  // ruleid: javascript.sql-injection
  const users = await prisma.$queryRawUnsafe(`SELECT * FROM "User" WHERE name LIKE '%${req.query.q}%'`);
  // ruleid: javascript.sql-injection
  await knex("orders").whereRaw(`status = '${req.query.status}'`);
  // ruleid: javascript.sql-injection
  const stmt = db.prepare(`INSERT INTO audit (action) VALUES ('${req.body.action}')`);

  // ok: javascript.sql-injection
  const [safe] = await connection.query("SELECT * FROM users WHERE email = ?", [email]);
  // ok: javascript.sql-injection
  await pool.query("DELETE FROM sessions WHERE user_id = $1", [req.params.id]);
  // ok: javascript.sql-injection
  const tagged = await prisma.$queryRaw`SELECT * FROM "User" WHERE name = ${req.query.q}`;
  // ok: javascript.sql-injection
  await knex("orders").whereRaw("status = ?", [req.query.status]);
  const ids = req.body.ids;
  // ok: javascript.sql-injection
  await pool.query(`SELECT * FROM items WHERE id IN (${ids.map((_, i) => `$${i + 1}`).join(", ")})`, ids);
  // ok: javascript.sql-injection
  await connection.query(`SELECT ${USER_COLUMNS} FROM ${USERS_TABLE} WHERE id = ?`, [req.params.id]);
  // ok: javascript.sql-injection
  const pattern = /user-(\d+)/.exec(`user-${req.params.id}`);
  return { rows, result, users, stmt, safe, tagged, pattern };
}

module.exports = { findUser };
