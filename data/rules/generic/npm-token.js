const { execFileSync } = require("child_process");

function publish(dir) {
  // ruleid: generic.npm-token
  const env = { ...process.env, NPM_TOKEN: "npm_xSaCFBBLKYQ6afxIH2lC11xTfGKiGUBHUjGx" };
  execFileSync("npm", ["publish"], { cwd: dir, env });
}

function publishFromCi(dir) {
  // ok: generic.npm-token
  const env = { ...process.env, NPM_TOKEN: process.env.NPM_TOKEN };
  // ok: generic.npm-token
  const npm_config_registry = "https://registry.npmjs.org/";
  execFileSync("npm", ["publish"], { cwd: dir, env: { ...env, npm_config_registry } });
}

module.exports = { publish, publishFromCi };
