const jwt = require("jsonwebtoken");

function authenticate(req, res, next) {
  const token = (req.headers.authorization || "").replace(/^Bearer /, "");
  try {
    req.user = jwt.verify(token, process.env.JWT_PUBLIC_KEY, {
      // ruleid: javascript.jwt-none-algorithm
      algorithms: ["RS256", "none"],
    });
    next();
  } catch (err) {
    res.status(401).json({ error: "invalid token" });
  }
}

function issueGuestToken() {
  // ruleid: javascript.jwt-none-algorithm
  return jwt.sign({ role: "guest" }, null, { algorithm: "none" });
}

function verifyStrict(token) {
  // ok: javascript.jwt-none-algorithm
  return jwt.verify(token, process.env.JWT_PUBLIC_KEY, { algorithms: ["RS256"] });
}

// ok: javascript.jwt-none-algorithm
const cacheHeaders = { cacheControl: "none" };

module.exports = { authenticate, issueGuestToken, verifyStrict, cacheHeaders };
