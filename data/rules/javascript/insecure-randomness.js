const crypto = require("crypto");

function createPasswordReset(user) {
  // ruleid: javascript.insecure-randomness
  const resetToken = Math.random().toString(36).slice(2);
  // ruleid: javascript.insecure-randomness
  user.otp = Math.floor(100000 + Math.random() * 900000);
  return {
    userId: user.id,
    resetToken,
    // ruleid: javascript.insecure-randomness
    verificationCode: String(Math.floor(Math.random() * 1e6)).padStart(6, "0"),
  };
}

// ruleid: javascript.insecure-randomness
function generateSessionToken(length = 32) {
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  let out = "";
  for (let i = 0; i < length; i++) {
    out += chars[Math.floor(Math.random() * chars.length)];
  }
  return out;
}

function createPasswordResetSafely(user) {
  // ok: javascript.insecure-randomness
  const resetToken = crypto.randomBytes(32).toString("hex");
  // ok: javascript.insecure-randomness
  const sessionId = crypto.randomUUID();
  return { userId: user.id, resetToken, sessionId };
}

// ok: javascript.insecure-randomness
const retryDelay = 500 + Math.random() * 250;
// ok: javascript.insecure-randomness
const tempId = `tmp-${Math.random().toString(36).slice(2)}`;

module.exports = { createPasswordReset, generateSessionToken, createPasswordResetSafely, retryDelay, tempId };
