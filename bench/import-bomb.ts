/**
 * What an Excel import costs the server, for the worst file and the largest allowed one: POST /api/people/import
 * through app.inject (multipart parsing, session, the read under core/excel/limits.ts, validation, the write) as the
 * county admin of the demo. The files are built first, by this process; each is then posted in its own child process
 * (after the demo seed and a login, with a garbage collection before the baseline), so that no measurement inherits
 * the heap of building a file or of the other measurement; memory is sampled every 10 ms while the request runs.
 *   bomb:    5,000,000 one-cell rows under a valid header (~0.6 MB; the old reader grew the process to 5.1 GB and died)
 *   allowed: 100,000 realistic people (shared strings, as Excel writes them), imported for real
 * Run: node --import tsx bench/import-bomb.ts            (PGlite in a data directory, as the app runs)
 *      node --import tsx bench/import-bomb.ts --pg[=url] (a fresh PostgreSQL database, dropped after)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/core/config.js';
import { idCheckChar } from '../src/core/idcard.js';
import { grids } from '../src/modules/grid/grid.schema.js';
import { PERSON_COLUMNS } from '../src/modules/people/people.excel.js';
import { seedDemo } from '../src/seed/demo.js';
import { seedReferenceData } from '../src/seed/reference.js';
import { manyRowsBomb, xlsxForm } from '../test/xlsx-bombs.js';
import { benchPostgresUrl, loginCookieInject, openBenchDatabase } from './util.js';

type Case = 'bomb' | 'allowed';
const MB = 2 ** 20;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华春梅海燕志强玉兰';

/** 100,000 people as a community office would type them: distinct names, ID numbers, phones and addresses. */
async function allowedFile(gridCodes: string[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  const ws = wb.addWorksheet('人员');
  ws.addRow(PERSON_COLUMNS.map((c) => c.title)).commit();
  for (let i = 0; i < 100_000; i++) {
    const born = new Date(Date.UTC(1940, 0, 1) + Math.floor(i / 999) * 86_400_000).toISOString().slice(0, 10);
    const first17 = `350723${born.replaceAll('-', '')}${String((i % 999) + 1).padStart(3, '0')}`;
    const name = SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + GIVEN[(i * 13) % GIVEN.length];
    const values: Record<string, string | null> = {
      name,
      gender: ((i % 999) + 1) % 2 ? '男' : '女',
      birthDate: born,
      phone: `139${String(i).padStart(8, '0')}`,
      idNumber: first17 + idCheckChar(first17),
      address: `杭川镇${(i % 40) + 1}号路${i % 300}号${(i % 6) + 1}单元`,
      homeGridCode: gridCodes[i % gridCodes.length],
      roles: i % 10 ? '居民' : '居民、志愿者',
      note: i % 20 ? null : '独居老人，每周探访',
    };
    ws.addRow(PERSON_COLUMNS.map((c) => values[c.key] ?? null)).commit();
  }
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

/** Posts the file of one case in this process and prints one JSON line. */
async function measure(which: Case, filePath: string): Promise<void> {
  const database = await openBenchDatabase(benchPostgresUrl(), { onDisk: true });
  await seedReferenceData({ db: database.db });
  await seedDemo({ db: database.db });
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'false' }), webDistDir: null };
  const app = await buildApp({ config, database, logger: false });
  const cookie = await loginCookieInject(app, 'admin');
  const file = readFileSync(filePath);
  const form = xlsxForm(file, `${which}.xlsx`);

  global.gc?.();
  const base = process.memoryUsage();
  const peak = { rss: base.rss, heap: base.heapUsed };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heap = Math.max(peak.heap, m.heapUsed);
  };
  const sampler = setInterval(sample, 10);
  const started = performance.now();
  const res = await app.inject({
    method: 'POST',
    url: '/api/people/import',
    payload: form.payload,
    headers: { ...form.headers, cookie },
  });
  const ms = performance.now() - started;
  sample();
  clearInterval(sampler);
  const body = res.json<{ error?: { code: string }; totalRows?: number; inserted?: number; updated?: number }>();
  console.log(
    JSON.stringify({
      which,
      fileMb: file.length / MB,
      status: res.statusCode,
      answer: body.error?.code ?? `${body.totalRows} rows, ${body.inserted} inserted, ${body.updated} updated`,
      ms,
      rssGrowthMb: (peak.rss - base.rss) / MB,
      peakRssMb: peak.rss / MB,
      heapGrowthMb: (peak.heap - base.heapUsed) / MB,
      baseRssMb: base.rss / MB,
    }),
  );
  await app.close();
  await database.close();
}

interface Result {
  which: Case;
  fileMb: number;
  status: number;
  answer: string;
  ms: number;
  rssGrowthMb: number;
  peakRssMb: number;
  heapGrowthMb: number;
  baseRssMb: number;
}

/** One case in a fresh child process, with the same flags. */
function runChild(which: Case, filePath: string): Result {
  const args = [
    ...process.execArgv,
    '--expose-gc',
    fileURLToPath(import.meta.url),
    `--case=${which}`,
    `--file=${filePath}`,
    ...process.argv.slice(2),
  ];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 16 * MB });
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !line.startsWith('{'))
    throw new Error(`${which} failed (${child.status}): ${child.stderr.slice(-2000)}`);
  return JSON.parse(line) as Result;
}

async function main(): Promise<void> {
  const only = process.argv.find((a) => a.startsWith('--case='))?.slice(7) as Case | undefined;
  const file = process.argv.find((a) => a.startsWith('--file='))?.slice(7);
  if (only && file) return measure(only, file);
  console.log(
    `database: ${benchPostgresUrl() ? 'PostgreSQL (fresh database)' : 'PGlite (a data directory, as the app runs)'}`,
  );
  const dir = mkdtempSync(path.join(tmpdir(), 'lj-import-bomb-'));
  const files: Record<Case, string> = { bomb: path.join(dir, 'bomb.xlsx'), allowed: path.join(dir, 'allowed.xlsx') };
  writeFileSync(files.bomb, await manyRowsBomb(PERSON_COLUMNS.map((c) => c.title)));
  writeFileSync(files.allowed, await allowedFile(await leafGridCodes()));
  for (const which of ['bomb', 'allowed'] as const) {
    const r = runChild(which, files[which]);
    console.log(
      `${which}: ${r.fileMb.toFixed(2)} MB file → ${r.status} ${r.answer} in ${(r.ms / 1000).toFixed(2)} s; ` +
        `peak growth RSS +${r.rssGrowthMb.toFixed(0)} MB, heap +${r.heapGrowthMb.toFixed(0)} MB (RSS ${r.baseRssMb.toFixed(0)} MB before, ${r.peakRssMb.toFixed(0)} MB at peak)`,
    );
  }
  console.log('goal: the 5,000,000-row file refused in < 5 s with < 200 MB growth of the process');
  rmSync(dir, { recursive: true, force: true });
}

/** The demo's lowest-level grid codes (the demo seed is deterministic, so the children see the same ones). */
async function leafGridCodes(): Promise<string[]> {
  const database = await openBenchDatabase(null);
  await seedReferenceData({ db: database.db });
  await seedDemo({ db: database.db });
  const rows = await database.db
    .select({ code: grids.code })
    .from(grids)
    .where(eq(grids.level, 4))
    .orderBy(asc(grids.code));
  await database.close();
  return rows.map((g) => g.code);
}

await main();
