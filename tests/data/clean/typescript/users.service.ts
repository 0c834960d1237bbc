import { randomBytes, randomUUID, scrypt as scryptCb, timingSafeEqual, createHash } from "node:crypto";
import { promisify } from "node:util";
import type { Knex } from "knex";
import jwt, { type JwtPayload } from "jsonwebtoken";
import { PrismaClient, Prisma } from "@prisma/client";

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

export interface AppConfig {
  jwtSecret: string;
  jwtIssuer: string;
  databaseUrl: string;
  smtpPassword: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const required = (name: string): string => {
    const value = env[name];
    if (!value) throw new Error(`${name} must be set`);
    return value;
  };
  return {
    jwtSecret: required("JWT_SECRET"),
    jwtIssuer: env.JWT_ISSUER ?? "https://auth.example.com/",
    databaseUrl: required("DATABASE_URL"),
    smtpPassword: required("SMTP_PASSWORD"),
  };
}

export interface User {
  id: string;
  email: string;
  passwordHash: string;
}

type SortColumn = "email" | "created_at";

export class UsersService {
  private readonly tokenTtlSeconds = 900;
  private readonly passwordMinLength = 12;
  private readonly resetTokenBytes = 32;
  private static readonly TOKEN_HEADER = "authorization";

  constructor(
    private readonly db: Knex,
    private readonly prisma: PrismaClient,
    private readonly config: AppConfig,
  ) {}

  async register(email: string, password: string): Promise<User> {
    if (password.length < this.passwordMinLength) {
      throw new Error("password too short");
    }
    const passwordHash = await hashPassword(password);
    const [user] = await this.db<User>("users").insert({ id: randomUUID(), email, passwordHash }).returning("*");
    return user;
  }

  async login(email: string, password: string): Promise<string | null> {
    const user = await this.db<User>("users").where({ email }).first();
    if (!user || !(await verifyPassword(password, user.passwordHash))) return null;
    return jwt.sign({ sub: user.id }, this.config.jwtSecret, {
      algorithm: "HS256",
      expiresIn: this.tokenTtlSeconds,
      issuer: this.config.jwtIssuer,
    });
  }

  authenticate(headers: Record<string, string | undefined>): JwtPayload | null {
    const header = headers[UsersService.TOKEN_HEADER] ?? "";
    const token = header.startsWith("Bearer ") ? header.slice("Bearer ".length) : "";
    if (!token) return null;
    try {
      return jwt.verify(token, this.config.jwtSecret, {
        algorithms: ["HS256"],
        issuer: this.config.jwtIssuer,
      }) as JwtPayload;
    } catch (err: unknown) {
      console.info("token rejected", err instanceof Error ? err.message : err);
      return null;
    }
  }

  async list(search: string, sort: SortColumn, limit: number): Promise<User[]> {
    return this.db<User>("users")
      .whereRaw("lower(email) like ?", [`%${search.toLowerCase()}%`])
      .orderBy(sort)
      .limit(Math.min(limit, 100));
  }

  async countByDomain(domain: string): Promise<number> {
    const rows: { n: bigint }[] = await this.prisma.$queryRaw`SELECT count(*) AS n FROM "User" WHERE email LIKE ${"%@" + domain}`;
    return Number(rows[0]?.n ?? 0);
  }

  async findMany(ids: string[]): Promise<User[]> {
    return this.prisma.$queryRaw<User[]>(Prisma.sql`SELECT * FROM "User" WHERE id IN (${Prisma.join(ids)})`);
  }

  async createPasswordReset(email: string): Promise<string> {
    const resetToken = randomBytes(this.resetTokenBytes).toString("base64url");
    const tokenDigest = createHash("sha256").update(resetToken).digest("hex");
    await this.db("password_resets").insert({ email, tokenDigest, expiresAt: new Date(Date.now() + 3_600_000) });
    return resetToken;
  }
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const derived = await scrypt(password, salt, 64);
  return `${salt.toString("hex")}:${derived.toString("hex")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [saltHex, keyHex] = stored.split(":");
  if (!saltHex || !keyHex) return false;
  const derived = await scrypt(password, Buffer.from(saltHex, "hex"), 64);
  return timingSafeEqual(derived, Buffer.from(keyHex, "hex"));
}
