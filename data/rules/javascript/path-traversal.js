const express = require("express");
const fs = require("fs");
const path = require("path");

const router = express.Router();
const UPLOAD_DIR = path.join(__dirname, "uploads");

router.get("/files/:name", (req, res) => {
  // ruleid: javascript.path-traversal
  fs.readFile(path.join(UPLOAD_DIR, req.params.name), (err, data) => {
    if (err) return res.sendStatus(404);
    res.send(data);
  });
});

router.get("/download", (req, res) => {
  // ruleid: javascript.path-traversal
  res.download(req.query.file);
});

router.get("/raw", (req, res) => {
  // ruleid: javascript.path-traversal
  fs.createReadStream(`${UPLOAD_DIR}/${req.query.path}`).pipe(res);
});

router.delete("/files", async (req, res) => {
  // ruleid: javascript.path-traversal
  await fs.promises.unlink(path.resolve(UPLOAD_DIR, req.body.filename));
  res.sendStatus(204);
});

router.get("/static/:name", (req, res) => {
  // ok: javascript.path-traversal
  res.sendFile(req.params.name, { root: UPLOAD_DIR, dotfiles: "deny" });
});

router.get("/avatars/:name", (req, res) => {
  // ok: javascript.path-traversal
  fs.readFile(path.join(UPLOAD_DIR, path.basename(req.params.name)), (err, data) => res.send(data));
});

router.get("/readme", (req, res) => {
  // ok: javascript.path-traversal
  res.sendFile(path.join(__dirname, "README.md"));
});

module.exports = router;
