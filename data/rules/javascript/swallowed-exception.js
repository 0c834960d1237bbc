const fs = require("fs/promises");
const fsSync = require("fs");
const logger = require("./logger");

async function loadSettings(file) {
  let settings = {};
  try {
    settings = JSON.parse(await fs.readFile(file, "utf8"));
  // ruleid: javascript.swallowed-exception
  } catch (err) {}
  return settings;
}

function track(event) {
  // ruleid: javascript.swallowed-exception
  fetch("/analytics", { method: "POST", body: JSON.stringify(event) }).catch(() => {});
  try {
    localStorage.setItem("last-event", event.name);
  // ruleid: javascript.swallowed-exception
  } catch {
  }
}

async function loadSettingsLoudly(file) {
  try {
    return JSON.parse(await fs.readFile(file, "utf8"));
  // ok: javascript.swallowed-exception
  } catch (err) {
    logger.warn({ err, file }, "settings unreadable, using defaults");
    return {};
  }
}

async function removeIfPresent(file) {
  try {
    await fs.unlink(file);
  // ok: javascript.swallowed-exception
  } catch {
    // already gone: nothing to clean up
  }
  // ok: javascript.swallowed-exception
  return fs.stat(file).catch((err) => logger.debug({ err }, "stat failed"));
}

function writeAll(file, data) {
  const fd = fsSync.openSync(file, "w");
  let threw = true;
  try {
    fsSync.writeSync(fd, data);
    threw = false;
  } finally {
    if (threw) {
      try {
        fsSync.closeSync(fd);
      // ok: javascript.swallowed-exception
      } catch {}
    }
  }
  try {
    fsSync.writeSync(fd, "\n");
    fsSync.closeSync(fd);
  // ruleid: javascript.swallowed-exception
  } catch {}
}

module.exports = { loadSettings, track, loadSettingsLoudly, removeIfPresent, writeAll };
