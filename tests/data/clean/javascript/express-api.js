"use strict";

const crypto = require("crypto");
const fs = require("fs/promises");
const path = require("path");
const { execFile } = require("child_process");
const { promisify } = require("util");

const express = require("express");
const helmet = require("helmet");
const cors = require("cors");
const bcrypt = require("bcrypt");
const jwt = require("jsonwebtoken");
const { Pool } = require("pg");
const format = require("pg-format");

const execFileAsync = promisify(execFile);
const logger = require("./logger");

const config = {
  port: Number(process.env.PORT || 3000),
  jwtSecret: process.env.JWT_SECRET,
  jwtIssuer: "https://auth.example.com/",
  tokenTtl: "15m",
  uploadDir: path.resolve(process.env.UPLOAD_DIR || "./uploads"),
  allowedOrigins: (process.env.CORS_ORIGINS || "").split(",").filter(Boolean),
  db: {
    host: process.env.PGHOST,
    user: process.env.PGUSER,
    password: process.env.PGPASSWORD,
    database: process.env.PGDATABASE,
    ssl: process.env.PGSSLROOTCERT ? { ca: process.env.PGSSLROOTCERT, rejectUnauthorized: true } : undefined,
  },
};

if (!config.jwtSecret) {
  throw new Error("JWT_SECRET must be set");
}

const pool = new Pool(config.db);
const app = express();

app.use(helmet());
app.use(express.json({ limit: "100kb" }));
app.use(
  cors({
    origin(origin, callback) {
      if (!origin || config.allowedOrigins.includes(origin)) return callback(null, true);
      return callback(new Error("origin not allowed"));
    },
    credentials: true,
  }),
);

function asyncHandler(fn) {
  return (req, res, next) => Promise.resolve(fn(req, res, next)).catch(next);
}

function requireAuth(req, res, next) {
  const header = req.get("authorization") || "";
  const token = header.startsWith("Bearer ") ? header.slice(7) : null;
  if (!token) return res.status(401).json({ error: "missing token" });
  try {
    req.user = jwt.verify(token, config.jwtSecret, { algorithms: ["HS256"], issuer: config.jwtIssuer });
    return next();
  } catch (err) {
    logger.info({ err: err.message }, "rejected token");
    return res.status(401).json({ error: "invalid token" });
  }
}

app.post(
  "/register",
  asyncHandler(async (req, res) => {
    const { email, password } = req.body;
    if (typeof password !== "string" || password.length < 12) {
      return res.status(400).json({ error: "password too short" });
    }
    const passwordHash = await bcrypt.hash(password, 12);
    const { rows } = await pool.query(
      "INSERT INTO users (email, password_hash) VALUES ($1, $2) RETURNING id",
      [email, passwordHash],
    );
    return res.status(201).json({ id: rows[0].id });
  }),
);

app.post(
  "/login",
  asyncHandler(async (req, res) => {
    const { email, password } = req.body;
    const { rows } = await pool.query("SELECT id, password_hash FROM users WHERE email = $1", [email]);
    const user = rows[0];
    if (!user || !(await bcrypt.compare(password, user.password_hash))) {
      return res.status(401).json({ error: "invalid credentials" });
    }
    const accessToken = jwt.sign({ sub: String(user.id) }, config.jwtSecret, {
      algorithm: "HS256",
      expiresIn: config.tokenTtl,
      issuer: config.jwtIssuer,
    });
    return res.json({ accessToken });
  }),
);

app.post(
  "/password-reset",
  asyncHandler(async (req, res) => {
    const resetToken = crypto.randomBytes(32).toString("base64url");
    const tokenDigest = crypto.createHash("sha256").update(resetToken).digest("hex");
    await pool.query(
      "INSERT INTO password_resets (email, token_digest, expires_at) VALUES ($1, $2, now() + interval '1 hour')",
      [req.body.email, tokenDigest],
    );
    await sendResetMail(req.body.email, resetToken);
    res.status(202).end();
  }),
);

app.get(
  "/products",
  requireAuth,
  asyncHandler(async (req, res) => {
    const sortable = { name: "name", price: "price", created: "created_at" };
    const orderBy = sortable[req.query.sort] || "name";
    const limit = Math.min(Number(req.query.limit) || 20, 100);
    // pg-format quotes the column as an identifier (%I); the values stay bind parameters.
    const statement = format("SELECT id, name, price FROM products WHERE category = $1 ORDER BY %I LIMIT $2", orderBy);
    const { rows } = await pool.query(statement, [req.query.category, limit]);
    res.json(rows);
  }),
);

app.get(
  "/files/:name",
  requireAuth,
  asyncHandler(async (req, res) => {
    const target = path.resolve(config.uploadDir, req.params.name);
    if (!target.startsWith(config.uploadDir + path.sep)) {
      return res.status(400).json({ error: "bad file name" });
    }
    res.sendFile(path.basename(target), { root: config.uploadDir, dotfiles: "deny" });
  }),
);

app.post(
  "/thumbnails/:name",
  requireAuth,
  asyncHandler(async (req, res) => {
    const source = path.join(config.uploadDir, path.basename(req.params.name));
    const output = `${source}.thumb.png`;
    await execFileAsync("convert", [source, "-thumbnail", "200x200", output], { timeout: 10_000 });
    res.status(201).json({ thumbnail: path.basename(output) });
  }),
);

app.get(
  "/weather",
  asyncHandler(async (req, res) => {
    const city = encodeURIComponent(String(req.query.city || "London"));
    const upstream = await fetch(`https://api.weather.example.com/v1/current?city=${city}`, {
      headers: { "x-api-key": process.env.WEATHER_API_KEY },
      signal: AbortSignal.timeout(5000),
    });
    if (!upstream.ok) return res.status(502).json({ error: "weather service unavailable" });
    res.json(await upstream.json());
  }),
);

async function sendResetMail(email, token) {
  const link = new URL("/reset", "https://app.example.com");
  link.searchParams.set("token", token);
  logger.info({ email }, "reset mail queued");
  return link;
}

async function readVersion() {
  try {
    const pkg = JSON.parse(await fs.readFile(path.join(__dirname, "package.json"), "utf8"));
    return pkg.version;
  } catch (err) {
    logger.warn({ err }, "could not read package.json");
    return "unknown";
  }
}

function retryDelay(attempt) {
  const jitter = Math.random() * 100;
  return Math.min(30_000, 2 ** attempt * 100 + jitter);
}

app.use((err, req, res, next) => {
  logger.error({ err, path: req.path }, "unhandled error");
  if (res.headersSent) return next(err);
  res.status(500).json({ error: "internal error" });
});

if (require.main === module) {
  readVersion().then((version) => {
    app.listen(config.port, () => logger.info({ version, port: config.port }, "listening"));
  });
}

module.exports = { app, retryDelay };
