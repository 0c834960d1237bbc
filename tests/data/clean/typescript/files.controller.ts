import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import https from "node:https";
import path from "node:path";
import { promisify } from "node:util";
import type { Request, Response, NextFunction } from "express";

const execFileAsync = promisify(execFile);
const UPLOAD_ROOT = path.resolve(process.env.UPLOAD_ROOT ?? "/srv/uploads");
const ALLOWED_HOSTS = new Set(["images.example.com", "cdn.example.net"]);

const internalAgent = new https.Agent({
  ca: process.env.INTERNAL_CA_PEM,
  rejectUnauthorized: true,
  keepAlive: true,
});

function resolveInside(root: string, name: string): string {
  const target = path.resolve(root, name);
  const relative = path.relative(root, target);
  if (relative.startsWith("..") || path.isAbsolute(relative)) {
    throw new RangeError(`path escapes ${root}`);
  }
  return target;
}

export async function download(req: Request, res: Response, next: NextFunction): Promise<void> {
  try {
    const file = resolveInside(UPLOAD_ROOT, String(req.params.name));
    const stat = await fs.stat(file);
    res.setHeader("Content-Length", stat.size);
    res.sendFile(path.relative(UPLOAD_ROOT, file), { root: UPLOAD_ROOT });
  } catch (err) {
    next(err);
  }
}

export async function fetchRemoteImage(req: Request, res: Response): Promise<void> {
  let url: URL;
  try {
    url = new URL(String(req.query.src));
  } catch {
    res.status(400).json({ error: "invalid url" });
    return;
  }
  if (url.protocol !== "https:" || !ALLOWED_HOSTS.has(url.hostname)) {
    res.status(400).json({ error: "host not allowed" });
    return;
  }
  const upstream = await fetch(url, { redirect: "error", signal: AbortSignal.timeout(5_000) });
  res.status(upstream.status).type(upstream.headers.get("content-type") ?? "application/octet-stream");
  res.send(Buffer.from(await upstream.arrayBuffer()));
}

export async function archive(req: Request, res: Response): Promise<void> {
  const dir = resolveInside(UPLOAD_ROOT, String(req.body.folder));
  const output = `${dir}.tar.gz`;
  await execFileAsync("tar", ["-czf", output, "-C", path.dirname(dir), "--", path.basename(dir)]);
  res.status(201).json({ archive: path.basename(output) });
}

export function corsHeaders(allowed: readonly string[]) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const origin = req.get("origin");
    if (origin && allowed.includes(origin)) {
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.setHeader("Vary", "Origin");
    }
    next();
  };
}

export { internalAgent };
