const express = require("express");
const axios = require("axios");
const https = require("https");

const app = express();

app.get("/preview", async (req, res) => {
  // ruleid: javascript.ssrf
  const page = await fetch(req.query.url);
  res.send(await page.text());
});

app.post("/webhooks/test", async (req, res) => {
  // ruleid: javascript.ssrf
  const { status } = await axios.post(req.body.callbackUrl, { ping: true });
  res.json({ status });
});

app.get("/proxy", (req, res) => {
  // ruleid: javascript.ssrf
  https.get(`https://${req.query.host}/status`, (upstream) => upstream.pipe(res));
});

app.get("/users/:login", async (req, res) => {
  // ok: javascript.ssrf
  const gh = await fetch(`https://api.github.com/users/${encodeURIComponent(req.params.login)}`);
  res.json(await gh.json());
});

app.get("/orders/:id", async (req, res) => {
  // ok: javascript.ssrf
  const { data } = await axios.get(`${process.env.ORDERS_API}/orders/${encodeURIComponent(req.params.id)}`);
  res.json(data);
});

app.get("/settings", (req, res) => {
  // ok: javascript.ssrf
  const theme = req.query.theme;
  // ok: javascript.ssrf
  const item = new Map([["a", 1]]).get(req.query.key);
  res.json({ theme, item });
});

app.listen(3000);
