import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/core/config.js';
import type { UploadedPhoto } from '../src/modules/cases/photos/photos.js';
import { openTestDatabase, type TestContext } from './app.js';
import { seedTestWorld, TEST_PASSWORD } from './world.js';

/**
 * Helpers for photo uploads, shared by API tests and browser journeys: a real image made with sharp, a multipart
 * body for app.inject(), and a test app whose DATA_DIR is a fresh temporary folder (uploads never land in ./data).
 */
export interface SamplePhotoOptions {
  format?: 'jpeg' | 'png' | 'webp';
  width?: number;
  height?: number;
  /** Writes EXIF (camera make, GPS position, orientation) so that tests can check it is stripped. */
  exif?: boolean;
  /** EXIF orientation 1–8 (6 = the camera was turned: the image must be rotated 90° clockwise). */
  orientation?: number;
}

/** A small photo-like image (a colour gradient with a block, so that rotation is visible) in the given format. */
export async function samplePhoto(opts: SamplePhotoOptions = {}): Promise<Buffer> {
  const width = opts.width ?? 640;
  const height = opts.height ?? 480;
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const block = x < width / 4 && y < height / 4;
      raw[i] = block ? 220 : Math.round((x / width) * 255);
      raw[i + 1] = block ? 30 : Math.round((y / height) * 255);
      raw[i + 2] = block ? 30 : 128;
    }
  }
  let img = sharp(raw, { raw: { width, height, channels: 3 } });
  if (opts.exif || opts.orientation) {
    img = img.withMetadata({
      orientation: opts.orientation,
      exif: opts.exif
        ? {
            IFD0: { Make: 'LianjianTestCam', Model: 'GPS-Phone' },
            IFD3: {
              GPSLatitudeRef: 'N',
              GPSLatitude: '27/1 32/1 42/1',
              GPSLongitudeRef: 'E',
              GPSLongitude: '117/1 20/1 6/1',
            },
          }
        : undefined,
    });
  }
  const format = opts.format ?? 'jpeg';
  return format === 'png'
    ? img.png().toBuffer()
    : format === 'webp'
      ? img.webp().toBuffer()
      : img.jpeg({ quality: 90 }).toBuffer();
}

/** A multipart/form-data body with one file in the field `file` (name and type as a client would claim them). */
export function photoForm(file: Buffer, filename = 'photo.jpg', contentType = 'image/jpeg', field = 'file') {
  const boundary = `----lianjian${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Uploads through POST /api/cases/photos as the given (logged-in) cookie; returns the raw response. */
export async function uploadPhoto(
  ctx: Pick<TestContext, 'app'>,
  cookie: string,
  file: Buffer,
  filename?: string,
  contentType?: string,
) {
  const form = photoForm(file, filename, contentType);
  return ctx.app.inject({
    method: 'POST',
    url: '/api/cases/photos',
    payload: form.payload,
    headers: { ...form.headers, cookie },
  });
}

export type { UploadedPhoto };

/** Like createTestContext(), with DATA_DIR in a temporary folder that close() removes. */
export async function createUploadTestContext(): Promise<TestContext & { dataDir: string }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'lj-uploads-'));
  const database = await openTestDatabase();
  const config = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'false', DATA_DIR: dataDir }),
    webDistDir: null,
  };
  const app = await buildApp({ config, database, logger: false });
  const world = await seedTestWorld(database.db);
  const cookies = new Map<string, Promise<string>>();
  return {
    app,
    database,
    world,
    dataDir,
    cookieFor(username) {
      // Requests that ask at once share one login (a burst of logins to one account is throttled, see test/app.ts).
      let cookie = cookies.get(username);
      if (!cookie) {
        cookie = app
          .inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } })
          .then((res) => {
            if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
            return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
          });
        cookies.set(username, cookie);
        cookie.catch(() => cookies.delete(username));
      }
      return cookie;
    },
    async close() {
      await app.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
