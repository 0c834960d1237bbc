const axios = require("axios");

class PaymentGateway {
  // ruleid: javascript.hardcoded-secret-class-field
  apiKey = "pk_9Xv2LmQ7rT4wZ8bN";
  // ruleid: javascript.hardcoded-secret-class-field
  #webhookSecret = process.env.WEBHOOK_SECRET || "whs-4f9A!c2Q8mZ7e";
  // ok: javascript.hardcoded-secret-class-field
  apiKeyHeader = "X-Api-Key";
  // ok: javascript.hardcoded-secret-class-field
  timeoutMs = 5000;
  // ok: javascript.hardcoded-secret-class-field
  token = process.env.GATEWAY_TOKEN;
  // ok: javascript.hardcoded-secret-class-field
  static password = "changeme";

  charge(amount) {
    return axios.post("https://gateway.example.org/charges", { amount }, { headers: { [this.apiKeyHeader]: this.apiKey } });
  }

  verify(signature) {
    return signature === this.#webhookSecret;
  }
}

module.exports = { PaymentGateway };
