const jwt = require("jsonwebtoken");
const jwksClient = require("jwks-rsa");

const jwks = jwksClient({ jwksUri: process.env.JWKS_URI });

function currentUser(req, res, next) {
  const token = req.cookies.session;
  // ruleid: javascript.jwt-decode-unverified
  const payload = jwt.decode(token);
  if (!payload) return res.status(401).end();
  req.user = { id: payload.sub, role: payload.role };
  next();
}

async function verifyWithJwks(token) {
  // ok: javascript.jwt-decode-unverified
  const { header } = jwt.decode(token, { complete: true });
  const key = await jwks.getSigningKey(header.kid);
  // ok: javascript.jwt-decode-unverified
  return jwt.verify(token, key.getPublicKey(), { algorithms: ["RS256"] });
}

// ok: javascript.jwt-decode-unverified
const body = decodeURIComponent("%7B%7D");

module.exports = { currentUser, verifyWithJwks, body };
