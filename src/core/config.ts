import path from 'node:path';
import v8 from 'node:v8';
import { z } from 'zod';
import { parseClockInstant } from './clock.js';
import { bothLanguages } from './i18n/startup.js';
import { parseQuietHours, type QuietHours } from './maintenance.js';

const DEFAULT_SECRET = 'lianjian-dev-secret-change-me';

/** CASE_RATING_WORKING_DAYS when unset (and for sweeps run without a configuration, as in tests). */
export const DEFAULT_CASE_RATING_WORKING_DAYS = 7;

const flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true' || v === '1'));

/** A switch written on/off (true/false and 1/0 too); undefined when unset, so each setting picks its own default. */
const onOff = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'on' || v === 'true' || v === '1'));

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  SESSION_SECRET: z.string().min(16).default(DEFAULT_SECRET),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where the built web app is; defaults to dist/web (another build, e.g. a helper's, can be served instead). */
  WEB_DIST_DIR: z.string().optional(),
  SEED_DEMO: flag,
  /** Start the business clock at this instant ('2027-01-01T00:30:00+08:00' or a county day); tests and demos only. */
  CLOCK_START: z.string().optional(),
  /** Behind a reverse proxy that sets X-Forwarded-For/-Proto: true, a hop count, or a comma list of proxy addresses. */
  TRUST_PROXY: z.string().optional(),
  /** Serve the OpenAPI document and its UI at /api/docs (default: on, off in production). */
  API_DOCS: flag,
  /** A session ends after this many minutes without a request… */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(100_000).default(480),
  /** …and this many hours after login, whatever happens. */
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(10_000).default(168),
  /** Writes (POST/PUT/PATCH/DELETE) one user may make per minute (all processes together on PostgreSQL); 0 = no limit. */
  RATE_LIMIT_WRITES_PER_MINUTE: z.coerce.number().int().min(0).max(1e9).optional(),
  /** Login attempts one address may make per minute, all processes together (a coarse guard before the lockout). */
  RATE_LIMIT_LOGINS_PER_MINUTE: z.coerce.number().int().min(0).max(1e9).optional(),
  /** Working days a verified case waits for its reporter's rating before the sweep closes it unrated. */
  CASE_RATING_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(DEFAULT_CASE_RATING_WORKING_DAYS),
  /** App processes sharing the port (node:cluster); more than one needs PostgreSQL (docs/SCALING.md). */
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  /** Where the server's scheduled backups go (default DATA_DIR/backups; docs/OPERATIONS.md). */
  BACKUP_DIR: z.string().min(1).optional(),
  /** Hours between scheduled backups (default 24; 0 turns them off, the default under NODE_ENV=test). */
  BACKUP_EVERY_HOURS: z.coerce.number().min(0).max(8760).optional(),
  /** How many scheduled backups are kept (the oldest beyond are deleted). */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(10_000).default(7),
  /** Back up an older database into BACKUP_DIR before migrating it at start (default on; core/upgrade.ts). */
  UPGRADE_BACKUP: onOff,
  /** County hours of the embedded database's nightly VACUUM (ANALYZE), e.g. '2-5'; 'off' turns it off (core/maintenance.ts). */
  MAINTENANCE_HOURS: z.string().optional(),
  /** Prometheus metrics at GET /metrics and the request hooks that feed them; off removes both (docs/OPERATIONS.md). */
  METRICS: onOff,
  /** When set, GET /metrics wants `Authorization: Bearer <token>` from any address; unset, loopback callers only. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** @fastify/under-pressure: 503 SERVER_BUSY while the process is overloaded (default on; off under NODE_ENV=test). */
  UNDER_PRESSURE: onOff,
  /** The event loop stuck longer than this (ms, a timer's lateness) → requests refused until a sample on time; 0 = off. */
  PRESSURE_MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().min(0).max(600_000).default(1000),
  /** V8 heap in use (MB) above which requests are refused (default 90 % of the heap limit); 0 = not checked. */
  PRESSURE_MAX_HEAP_MB: z.coerce.number().min(0).max(1_000_000).optional(),
  /** Resident memory (MB) above which requests are refused; 0 (default) = not checked. */
  PRESSURE_MAX_RSS_MB: z.coerce.number().min(0).max(1_000_000).default(0),
  /** Event-loop utilisation (0–1) above which requests are refused; 0 (default) = not checked (see OPERATIONS.md). */
  PRESSURE_MAX_EVENT_LOOP_UTILIZATION: z.coerce.number().min(0).max(1).default(0),
  /** How often (ms) the figures above are sampled (under 100 ms a window may hold no delay sample: read as infinite). */
  PRESSURE_SAMPLE_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
});

/** Why WORKERS > 1 is refused on the embedded database, in both languages (it is read before any locale is known). */
export const WORKERS_NEED_POSTGRES = bothLanguages('workersNeedPostgres');

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL connection string; when absent the embedded PGlite in dataDir is used. */
  databaseUrl?: string;
  sessionSecret: string;
  logLevel: string;
  /** Seed the demo data set into an empty database at start. */
  seedDemo: boolean;
  /** Where the built web app lives; null disables static serving (tests). */
  webDistDir: string | null;
  /** Business time starts here (epoch ms) instead of the system clock; never in production. */
  clockStart: number | null;
  /** Fastify's trustProxy: false unless TRUST_PROXY says which proxies to believe. */
  trustProxy: boolean | number | string;
  apiDocs: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** 0 = no limit. Tests default to a limit no suite reaches; a dedicated test sets a low one. */
  rateLimitWritesPerMinute: number;
  rateLimitLoginsPerMinute: number;
  /** Working days (on the work calendar) a verified case waits for its reporter's rating (docs/CASES.md). */
  caseRatingWorkingDays: number;
  /** How many app processes `npm start` runs on the one port (node:cluster, src/server.ts); 1 = this process serves. */
  workers: number;
  /** The scheduled backups (core/backup/schedule.ts): where, every how many hours (0 = off), how many kept. */
  backupDir: string;
  backupEveryHours: number;
  backupKeep: number;
  /** A start that finds an older schema backs it up before migrating it (core/upgrade.ts). */
  upgradeBackup: boolean;
  /** PGlite only: the county hours in which the nightly maintenance may run; null = off (default off under test). */
  maintenanceHours: QuietHours | null;
  /** GET /metrics and its hooks (core/metrics/); token null = loopback callers only. */
  metrics: { enabled: boolean; token: string | null };
  /** @fastify/under-pressure's limits (core/http/pressure.ts); a limit of 0 is not checked. */
  pressure: PressureConfig;
}

export interface PressureConfig {
  enabled: boolean;
  maxEventLoopDelayMs: number;
  maxHeapUsedBytes: number;
  maxRssBytes: number;
  maxEventLoopUtilization: number;
  sampleMs: number;
}

/** 'true' → every hop, a number → that many hops, anything else → the listed addresses/CIDRs. */
function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/** Parses the environment once at start; throws a readable error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, rootDir = process.cwd()): AppConfig {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.WORKERS > 1 && !e.DATABASE_URL) throw new Error(`Invalid configuration:\n  WORKERS: ${WORKERS_NEED_POSTGRES}`);
  const production = e.NODE_ENV === 'production';
  if (production) {
    const weakness =
      env.SESSION_SECRET === undefined || e.SESSION_SECRET === DEFAULT_SECRET
        ? 'must be set to a non-default value in production'
        : secretWeakness(e.SESSION_SECRET);
    if (weakness) throw new Error(`Invalid configuration:\n  SESSION_SECRET: ${weakness}`);
  }
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(rootDir, e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    sessionSecret: e.SESSION_SECRET,
    logLevel: e.LOG_LEVEL,
    seedDemo: production ? false : (e.SEED_DEMO ?? true),
    webDistDir: path.resolve(rootDir, e.WEB_DIST_DIR ?? 'dist/web'),
    clockStart: e.CLOCK_START === undefined ? null : clockStartOf(e.CLOCK_START, production),
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    apiDocs: e.API_DOCS ?? !production,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    rateLimitWritesPerMinute: e.RATE_LIMIT_WRITES_PER_MINUTE ?? (e.NODE_ENV === 'test' ? 1_000_000 : 120),
    rateLimitLoginsPerMinute: e.RATE_LIMIT_LOGINS_PER_MINUTE ?? (e.NODE_ENV === 'test' ? 1_000_000 : 30),
    caseRatingWorkingDays: e.CASE_RATING_WORKING_DAYS,
    workers: e.WORKERS,
    backupDir: path.resolve(rootDir, e.BACKUP_DIR ?? path.join(e.DATA_DIR, 'backups')),
    backupEveryHours: e.BACKUP_EVERY_HOURS ?? (e.NODE_ENV === 'test' ? 0 : 24),
    backupKeep: e.BACKUP_KEEP,
    upgradeBackup: e.UPGRADE_BACKUP ?? true,
    maintenanceHours: quietHoursOf(e.MAINTENANCE_HOURS ?? (e.NODE_ENV === 'test' ? 'off' : '2-5')),
    metrics: { enabled: e.METRICS ?? true, token: e.METRICS_TOKEN ?? null },
    pressure: pressureOf(e, e.NODE_ENV === 'test'),
  };
}

/**
 * Why a production session secret is too weak, or null. It keys the session ids and the login counters' HMACs, so it
 * must be long and random: at least 32 bytes, 8 different characters and 2.7 bits of entropy per character, and not
 * mostly runs of the same or the next character. Every `openssl rand -hex 16`, `-base64 24` or `-base64 32` output
 * passes (a million samples of each checked); repeated or sequential text does not. A long passphrase may pass: the
 * check catches mistakes, it cannot prove randomness.
 */
export function secretWeakness(secret: string): string | null {
  const hint = 'use random text, e.g. the output of `openssl rand -base64 48`';
  const bytes = Buffer.byteLength(secret, 'utf8');
  if (bytes < 32) return `must be at least 32 bytes in production (this one is ${bytes}); ${hint}`;
  const chars = [...secret];
  const counts = new Map<string, number>();
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bitsPerChar = 0;
  for (const n of counts.values()) bitsPerChar -= (n / chars.length) * Math.log2(n / chars.length);
  let runSteps = 0;
  for (let i = 1; i < chars.length; i++) {
    if (Math.abs((chars[i].codePointAt(0) ?? 0) - (chars[i - 1].codePointAt(0) ?? 0)) <= 1) runSteps++;
  }
  if (counts.size < 8 || bitsPerChar < 2.7 || runSteps / (chars.length - 1) >= 0.7) {
    return `does not look random (${counts.size} different characters, ${bitsPerChar.toFixed(1)} bits each); ${hint}`;
  }
  return null;
}

function quietHoursOf(value: string): QuietHours | null {
  try {
    return parseQuietHours(value);
  } catch (err) {
    throw new Error(`Invalid configuration:\n  MAINTENANCE_HOURS: ${(err as Error).message}`);
  }
}

function clockStartOf(value: string, production: boolean): number {
  if (production) throw new Error('Invalid configuration:\n  CLOCK_START: not allowed in production');
  try {
    return parseClockInstant(value);
  } catch {
    throw new Error(`Invalid configuration:\n  CLOCK_START: not an instant or a day: ${value}`);
  }
}

const MB = 1024 * 1024;

/** Off by default in tests: a suite's seeding blocks the loop for seconds, and requests after it are no overload. */
function pressureOf(e: z.infer<typeof ZEnv>, test: boolean): PressureConfig {
  return {
    enabled: e.UNDER_PRESSURE ?? !test,
    maxEventLoopDelayMs: e.PRESSURE_MAX_EVENT_LOOP_DELAY_MS,
    maxHeapUsedBytes:
      e.PRESSURE_MAX_HEAP_MB === undefined
        ? Math.floor(v8.getHeapStatistics().heap_size_limit * 0.9)
        : e.PRESSURE_MAX_HEAP_MB * MB,
    maxRssBytes: e.PRESSURE_MAX_RSS_MB * MB,
    maxEventLoopUtilization: e.PRESSURE_MAX_EVENT_LOOP_UTILIZATION,
    sampleMs: e.PRESSURE_SAMPLE_MS,
  };
}

/** DATA_DIR holds the embedded database and the uploads side by side. */
export function pgliteDir(config: Pick<AppConfig, 'dataDir'>): string {
  return path.join(config.dataDir, 'pglite');
}

export function uploadsDir(config: Pick<AppConfig, 'dataDir'>): string {
  return path.join(config.dataDir, 'uploads');
}
