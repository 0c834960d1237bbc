const jwt = require("jsonwebtoken");
const Stripe = require("stripe");

// ruleid: javascript.hardcoded-secret
const JWT_SECRET = "s3cr3t-K3y-f0r-jwt-2024!";
// ruleid: javascript.hardcoded-secret
const sessionSecret = process.env.SESSION_SECRET || "kd8#Lq2!vZ0pWm4r";

const dbConfig = {
  host: "db.internal",
  user: "app",
  // ruleid: javascript.hardcoded-secret
  password: "Pr0d-P@ssw0rd-91",
  // ok: javascript.hardcoded-secret
  passwordField: "user_password",
};

const mailer = {
  auth: {
    // ruleid: javascript.hardcoded-secret
    "api_key": "9f86d081884c7d659a2feaa0c55ad015",
  },
};

// ruleid: javascript.hardcoded-secret
mailer.auth.clientSecret = "Zq7mN2vB9xK4pL8w";

function issueToken(user) {
  // ruleid: javascript.hardcoded-secret
  return jwt.sign({ sub: user.id }, "a9Vx!r72LmQz0pTe", { expiresIn: "1h" });
}

function signWebhook(body) {
  // ruleid: javascript.hardcoded-secret
  return require("crypto").createHmac("sha256", "whk_7Gq2pLx9Vb4mZt8R").update(body).digest("hex");
}

// ok: javascript.hardcoded-secret
const signature = require("crypto").createHmac("sha256", process.env.WEBHOOK_SECRET).update("{}").digest("hex");
// ok: javascript.hardcoded-secret
const stripeKey = process.env.STRIPE_SECRET_KEY;
// ok: javascript.hardcoded-secret
const adminPassword = "changeme";
// ok: javascript.hardcoded-secret
const apiKey = "";
// ok: javascript.hardcoded-secret
const TOKEN_STORAGE_KEY = "auth_token";
// ok: javascript.hardcoded-secret
const accessToken = "<your-access-token>";
// ok: javascript.hardcoded-secret
const tokenUrl = "https://oauth2.googleapis.com/token";
// ok: javascript.hardcoded-secret
const passwordHint = "At least 12 characters, one digit";
// ok: javascript.hardcoded-secret
const authHeaders = { Authorization: `Bearer ${process.env.API_TOKEN}` };
// ok: javascript.hardcoded-secret
const secretsPath = "./config/secrets.json";
// ok: javascript.hardcoded-secret
const verified = jwt.verify(authHeaders.Authorization, process.env.JWT_SECRET);
// ok: javascript.hardcoded-secret
const passwordResetToken = "resetPasswordToken";

const stripe = new Stripe(stripeKey);
module.exports = { JWT_SECRET, sessionSecret, dbConfig, issueToken, adminPassword, apiKey, stripe, verified };
