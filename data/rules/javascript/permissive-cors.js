const express = require("express");
const cors = require("cors");

const app = express();

// ruleid: javascript.permissive-cors
app.use(cors());

// ruleid: javascript.permissive-cors
app.use("/api", cors({ origin: "*" }));

app.use(
  "/account",
  // ruleid: javascript.permissive-cors
  cors({
    origin: true,
    credentials: true,
  }),
);

app.use((req, res, next) => {
  // ruleid: javascript.permissive-cors
  res.setHeader("Access-Control-Allow-Origin", "*");
  // ruleid: javascript.permissive-cors
  res.header("Access-Control-Allow-Origin", req.headers.origin);
  next();
});

const allowedOrigins = (process.env.CORS_ORIGINS || "").split(",");
// ok: javascript.permissive-cors
app.use(cors({ origin: allowedOrigins, credentials: true }));

app.use((req, res, next) => {
  const origin = req.get("origin");
  if (allowedOrigins.includes(origin)) {
    // ok: javascript.permissive-cors
    res.setHeader("Access-Control-Allow-Origin", origin);
    // ok: javascript.permissive-cors
    res.setHeader("Vary", "Origin");
  }
  next();
});

module.exports = app;
