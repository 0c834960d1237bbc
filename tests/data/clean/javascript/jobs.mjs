import { spawn } from "node:child_process";
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from "node:crypto";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import yaml from "js-yaml";

const scrypt = promisify(scryptCb);
const WORK_DIR = path.resolve(process.env.WORK_DIR ?? "/var/lib/jobs");

export async function loadPipeline(file) {
  const text = await readFile(path.join(WORK_DIR, "pipelines", path.basename(file)), "utf8");
  return yaml.load(text, { schema: yaml.JSON_SCHEMA });
}

export function runStep(step) {
  return new Promise((resolve, reject) => {
    const child = spawn(step.command, step.args, { cwd: WORK_DIR, stdio: "inherit", shell: false });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${step.command} exited with ${code}`))));
  });
}

export async function hashPassword(password) {
  const salt = randomBytes(16);
  const derived = await scrypt(password, salt, 64);
  return `${salt.toString("hex")}:${derived.toString("hex")}`;
}

export async function verifyPassword(password, stored) {
  const [saltHex, keyHex] = stored.split(":");
  const derived = await scrypt(password, Buffer.from(saltHex, "hex"), 64);
  return timingSafeEqual(derived, Buffer.from(keyHex, "hex"));
}

export function cacheKey(content) {
  return createHash("sha256").update(content).digest("hex").slice(0, 16);
}

export async function writeReport(name, report) {
  await mkdir(path.join(WORK_DIR, "reports"), { recursive: true });
  const file = path.join(WORK_DIR, "reports", `${path.basename(name)}.json`);
  await writeFile(file, JSON.stringify(report, null, 2));
  return file;
}

export function parseSettings(raw) {
  try {
    return JSON.parse(raw);
  } catch (err) {
    throw new Error(`settings are not valid JSON: ${err.message}`, { cause: err });
  }
}
