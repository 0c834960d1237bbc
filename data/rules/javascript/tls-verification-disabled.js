const https = require("https");
const axios = require("axios");
const request = require("request");
const { Pool } = require("pg");

// ruleid: javascript.tls-verification-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";

// ruleid: javascript.tls-verification-disabled
const agent = new https.Agent({ rejectUnauthorized: false });
const client = axios.create({ baseURL: process.env.API_URL, httpsAgent: agent });

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  // ruleid: javascript.tls-verification-disabled
  ssl: { "rejectUnauthorized": false },
});

function legacyFetch(url, cb) {
  // ruleid: javascript.tls-verification-disabled
  request({ url, strictSSL: false }, cb);
}

// ruleid: javascript.tls-verification-disabled
https.globalAgent.options.rejectUnauthorized = false;

// ok: javascript.tls-verification-disabled
const strictAgent = new https.Agent({ rejectUnauthorized: true, ca: process.env.INTERNAL_CA_PEM });
// ok: javascript.tls-verification-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "1";
// ok: javascript.tls-verification-disabled
const options = { keepAlive: false, secure: true };

module.exports = { client, pool, legacyFetch, strictAgent, options };
