const crypto = require("crypto");
const md5 = require("md5");
const bcrypt = require("bcrypt");

async function register(db, { email, password }) {
  // ruleid: javascript.weak-password-hash
  const hash = crypto.createHash("md5").update(password).digest("hex");
  await db.users.insert({ email, hash });
}

function checkLegacy(user, input) {
  // ruleid: javascript.weak-password-hash
  return md5(input.password) === user.passwordHash;
}

function hashPin(pin) {
  // ruleid: javascript.weak-password-hash
  return crypto.createHash("sha256").update(String(pin)).digest("base64");
}

async function registerSafely(db, { email, password }) {
  // ok: javascript.weak-password-hash
  const hash = await bcrypt.hash(password, 12);
  await db.users.insert({ email, hash });
}

function storeResetToken(db, user, resetToken) {
  // ok: javascript.weak-password-hash
  const digest = crypto.createHash("sha256").update(resetToken).digest("hex");
  return db.passwordResets.insert({ userId: user.id, digest });
}

function etag(body) {
  // ok: javascript.weak-password-hash
  return crypto.createHash("sha1").update(body).digest("hex");
}

module.exports = { register, checkLegacy, hashPin, registerSafely, storeResetToken, etag };
