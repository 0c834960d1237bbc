const serialize = require("node-serialize");
const yaml = require("js-yaml");
const fs = require("fs");

function restoreSession(req, res) {
  const cookie = Buffer.from(req.cookies.profile, "base64").toString();
  // ruleid: javascript.unsafe-deserialization
  const profile = serialize.unserialize(cookie);
  // ruleid: javascript.unsafe-deserialization
  const config = yaml.unsafeLoad(req.body.config);
  // ruleid: javascript.unsafe-deserialization
  const legacy = yaml.load(fs.readFileSync(req.file.path, "utf8"), { schema: yaml.DEFAULT_FULL_SCHEMA });
  // ruleid: javascript.unsafe-deserialization
  const docs = yaml.loadAll(req.body.documents, null, { schema: FULL_SCHEMA });

  // ok: javascript.unsafe-deserialization
  const safeProfile = JSON.parse(cookie);
  // ok: javascript.unsafe-deserialization
  const safeConfig = yaml.load(req.body.config);
  // ok: javascript.unsafe-deserialization
  const strict = yaml.load(req.body.config, { schema: yaml.JSON_SCHEMA });
  // ok: javascript.unsafe-deserialization
  const state = serialize.serialize({ step: 2 });
  res.json({ profile, config, legacy, docs, safeProfile, safeConfig, strict, state });
}

module.exports = { restoreSession };
