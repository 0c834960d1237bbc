const { exec, execSync, execFile, spawn } = require("child_process");
const childProcess = require("child_process");
const util = require("util");

const execAsync = util.promisify(exec);

async function convertUpload(req, res) {
  const input = req.file.path;
  const format = req.body.format;
  // ruleid: javascript.command-injection
  exec(`convert ${input} -resize 50% out.${format}`, (err) => {
    if (err) res.status(500).end();
  });
  // ruleid: javascript.command-injection
  const sha = execSync("git log -1 --format=%H -- " + req.query.file).toString();
  // ruleid: javascript.command-injection
  await execAsync(`ping -c 1 ${req.query.host}`);
  // ruleid: javascript.command-injection
  childProcess.exec("tar -xzf " + input + " -C /tmp/extract");
  // ruleid: javascript.command-injection
  spawn(`ffmpeg -i ${input} out.mp4`, { shell: true });
  // ruleid: javascript.command-injection
  spawn("zip", ["-r", req.body.name, "."], { cwd: "/srv/export", shell: true });

  // ok: javascript.command-injection
  execFile("convert", [input, "-resize", "50%", `out.${format}`], (err) => err && console.error(err));
  // ok: javascript.command-injection
  spawn("git", ["log", "-1", "--format=%H", "--", req.query.file]);
  // ok: javascript.command-injection
  exec("git rev-parse HEAD", (err, stdout) => console.log(stdout));
  // ok: javascript.command-injection
  spawn("npm", ["run", "build"], { shell: true });
  // ok: javascript.command-injection
  const match = /^(\d+)x(\d+)$/.exec(`${req.query.width}x${req.query.height}`);
  // ok: javascript.command-injection
  execSync(`${GIT_BINARY} fetch --all`);
  res.json({ sha, match });
}

module.exports = { convertUpload };
