import { clock } from '../../../core/clock.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../../../test/app.js';
import {
  createUploadTestContext,
  photoForm,
  samplePhoto,
  type UploadedPhoto,
  uploadPhoto,
} from '../../../../test/photos.js';
import type { Actor } from '../../../core/auth/actor.js';
import { isAppError } from '../../../core/errors.js';
import type { CaseDetail, CaseSummary } from '../cases.contracts.js';
import { MAX_PHOTO_BYTES, sniffImage } from '../../../core/uploads.js';
import { attachPhotos } from './photos.js';

let ctx: TestContext & { dataDir: string };
beforeAll(async () => {
  ctx = await createUploadTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

async function upload(as: string, file: Buffer, filename?: string, contentType?: string) {
  return uploadPhoto(ctx, await ctx.cookieFor(as), file, filename, contentType);
}

async function uploaded(as: string, file?: Buffer): Promise<UploadedPhoto> {
  const res = await upload(as, file ?? (await samplePhoto()));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<UploadedPhoto>();
}

async function get(url: string, as: string, headers: Record<string, string> = {}) {
  return ctx.app.inject({ method: 'GET', url, headers: { cookie: await ctx.cookieFor(as), ...headers } });
}

/** A valid PNG header for a 50,000 × 50,000 image followed by a few bytes of pixels: a decompression bomb. */
function pngBomb(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(50_000, 0);
  ihdr.writeUInt32BE(50_000, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(64 * 1024))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('uploading a case photo', () => {
  it('accepts a JPEG, re-encodes it without its EXIF (GPS) and serves it to the uploader', async () => {
    const original = await samplePhoto({ format: 'jpeg', exif: true });
    expect((await sharp(original).metadata()).exif?.toString('latin1')).toContain('LianjianTestCam');
    const photo = await uploaded('resident01', original);
    expect(photo).toMatchObject({
      width: 640,
      height: 480,
      url: `/api/cases/photos/${photo.id}`,
      thumbUrl: `/api/cases/photos/${photo.id}/thumb`,
    });
    const res = await get(photo.url, 'resident01');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['cache-control']).toContain('private');
    const served = res.rawPayload;
    const meta = await sharp(served).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 640, height: 480 });
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(served.includes(Buffer.from('LianjianTestCam'))).toBe(false);
  });

  it('accepts PNG and WebP by content and stores JPEG; a thumbnail is at most 320 px', async () => {
    for (const format of ['png', 'webp'] as const) {
      const photo = await uploaded('resident01', await samplePhoto({ format, width: 3000, height: 1000 }));
      expect(photo).toMatchObject({ width: 2048, height: 683 });
      const thumb = await get(photo.thumbUrl, 'resident01');
      expect(thumb.statusCode).toBe(200);
      const meta = await sharp(thumb.rawPayload).metadata();
      expect(meta).toMatchObject({ format: 'jpeg', width: 320 });
      expect(Math.abs(meta.height - 107)).toBeLessThanOrEqual(1);
    }
  });

  it('turns a photo taken with the phone on its side upright (EXIF orientation)', async () => {
    const photo = await uploaded('resident01', await samplePhoto({ orientation: 6 }));
    expect(photo).toMatchObject({ width: 480, height: 640 });
  });

  it('writes the files under DATA_DIR/uploads/cases/YYYY/MM/<id>.jpg', async () => {
    const photo = await uploaded('resident01');
    const now = new Date(clock.nowMs() + 8 * 3_600_000);
    const dir = path.join(
      ctx.dataDir,
      'uploads',
      'cases',
      String(now.getUTCFullYear()),
      String(now.getUTCMonth() + 1).padStart(2, '0'),
    );
    expect(existsSync(path.join(dir, `${photo.id}.jpg`))).toBe(true);
    expect(existsSync(path.join(dir, `${photo.id}_thumb.jpg`))).toBe(true);
  });

  it('refuses a text file named photo.jpg and sent as image/jpeg (400 INVALID_IMAGE)', async () => {
    const res = await upload(
      'resident01',
      Buffer.from('这不是图片 — just some text\n'.repeat(50)),
      'photo.jpg',
      'image/jpeg',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'INVALID_IMAGE', details: { problem: 'not_image' } });
    expect(res.json().error.message).toContain('JPEG');
    expect(sniffImage(Buffer.from('GIF89a'))).toBeNull();
  });

  it('refuses a decompression bomb without decoding it (400 INVALID_IMAGE)', async () => {
    const bomb = pngBomb();
    expect(bomb.length).toBeLessThan(2000);
    const res = await upload('resident01', bomb, 'tiny.png', 'image/png');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'INVALID_IMAGE', details: { problem: 'too_many_pixels' } });
  });

  it('refuses a truncated image (400) and a file over 10 MB (413)', async () => {
    const jpeg = await samplePhoto();
    const cut = await upload('resident01', jpeg.subarray(0, 200));
    expect(cut.statusCode).toBe(400);
    expect(cut.json().error.code).toBe('INVALID_IMAGE');
    const big = Buffer.concat([jpeg, Buffer.alloc(MAX_PHOTO_BYTES + 1 - jpeg.length)]);
    const res = await upload('resident01', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('needs a multipart body with the field "file", and a login', async () => {
    const json = await ctx.app.inject({
      method: 'POST',
      url: '/api/cases/photos',
      payload: { file: 'x' },
      headers: { cookie: await ctx.cookieFor('resident01') },
    });
    expect(json.statusCode).toBe(415);
    const form = photoForm(await samplePhoto(), 'a.jpg', 'image/jpeg', 'image');
    const wrongField = await ctx.app.inject({
      method: 'POST',
      url: '/api/cases/photos',
      payload: form.payload,
      headers: { ...form.headers, cookie: await ctx.cookieFor('resident01') },
    });
    expect(wrongField.statusCode).toBe(400);
    const anonymous = photoForm(await samplePhoto());
    expect(
      (
        await ctx.app.inject({
          method: 'POST',
          url: '/api/cases/photos',
          payload: anonymous.payload,
          headers: anonymous.headers,
        })
      ).statusCode,
    ).toBe(401);
  });
});

describe('photos on a case', () => {
  let caseId = '';
  let photos: UploadedPhoto[] = [];
  /** resident01 as services see them, for attaching photos later without a transition. */
  const uploader = (): Actor => ({
    userId: ctx.world.users.resident01.id,
    username: 'resident01',
    displayName: 'resident01',
    personId: ctx.world.people.residentA.id,
    locale: 'zh-CN',
    bindings: [{ role: 'resident', scopeOrgId: null, scopeGridId: null }],
    ip: null,
    requestId: null,
  });

  it('an unattached photo is seen only by its uploader', async () => {
    const photo = await uploaded('resident01');
    expect((await get(photo.url, 'resident01')).statusCode).toBe(200);
    expect((await get(photo.url, 'hangdong')).statusCode).toBe(404);
    expect((await get(photo.url, 'admin')).statusCode).toBe(404);
  });

  it('attaches on intake: the detail lists them and the community sees the files', async () => {
    photos = [await uploaded('resident01'), await uploaded('resident01', await samplePhoto({ format: 'png' }))];
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie: await ctx.cookieFor('resident01') },
      payload: {
        channel: 'snap',
        description: '小区门口的井盖破了，晚上很危险',
        lng: 117.331,
        lat: 27.541,
        photoIds: photos.map((p) => p.id),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = (await get(`/api/cases/${res.json<CaseSummary>().id}`, 'resident01')).json<CaseDetail>();
    caseId = c.id;
    expect(c.photos.map((p) => p.id).sort()).toEqual(photos.map((p) => p.id).sort());
    expect(c.photos[0]).toMatchObject({ kind: 'report', url: `/api/cases/photos/${c.photos[0].id}` });
    expect((await get(photos[0].url, 'hangdong')).statusCode).toBe(200);
    expect((await get(photos[0].thumbUrl, 'grid01')).statusCode).toBe(200);
    expect((await get(photos[1].url, 'admin')).statusCode).toBe(200);
  });

  it("another community's admin, an unrelated unit and a stranger get 404 on the file", async () => {
    expect((await get(photos[0].url, 'sanfeng')).statusCode).toBe(404);
    expect((await get(photos[0].thumbUrl, 'sanfeng')).statusCode).toBe(404);
    expect((await get(photos[0].url, 'unit01')).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: photos[0].url })).statusCode).toBe(401);
  });

  it('answers 304 to a revalidation with the ETag, after checking access', async () => {
    const first = await get(photos[0].url, 'hangdong');
    const etag = String(first.headers.etag);
    expect((await get(photos[0].url, 'hangdong', { 'if-none-match': etag })).statusCode).toBe(304);
    expect((await get(photos[0].url, 'sanfeng', { 'if-none-match': etag })).statusCode).toBe(404);
  });

  it('a photo already attached cannot be attached to another case', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie: await ctx.cookieFor('resident01') },
      payload: {
        channel: 'snap',
        description: '路灯不亮了，晚上看不见路',
        lng: 117.331,
        lat: 27.541,
        photoIds: [photos[0].id],
      },
    });
    expect(res.statusCode).toBe(400);
  });

  it("someone else's photo cannot be attached, even with its id: refused like an unknown one, and left unattached", async () => {
    const theirs = await uploaded('member01');
    for (const [as, channel] of [
      ['resident01', 'snap'],
      ['hangdong', 'hall'],
    ] as const) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: { cookie: await ctx.cookieFor(as) },
        payload: { channel, description: '借别人的照片来报事', lng: 117.331, lat: 27.541, photoIds: [theirs.id] },
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    const later = await ctx.app.db
      .transaction((tx) => attachPhotos(tx, uploader(), caseId, [theirs.id], 'resolution'))
      .catch((e: unknown) => e);
    expect(isAppError(later) && later.code).toBe('VALIDATION_FAILED');
    expect((await get(theirs.url, 'member01')).statusCode).toBe(200);
    expect((await get(theirs.url, 'resident01')).statusCode).toBe(404);
  });

  it('a case carries at most nine photos: ten on intake is 400, and a tenth added later is 400', async () => {
    const ten = await Promise.all(Array.from({ length: 10 }, () => uploaded('resident01')));
    const tooMany = await ctx.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie: await ctx.cookieFor('resident01') },
      payload: {
        channel: 'snap',
        description: '垃圾桶满了没人清理，味道很大',
        lng: 117.331,
        lat: 27.541,
        photoIds: ten.map((p) => p.id),
      },
    });
    expect(tooMany.statusCode).toBe(400);
    const nine = await ctx.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie: await ctx.cookieFor('resident01') },
      payload: {
        channel: 'snap',
        description: '垃圾桶满了没人清理，味道很大',
        lng: 117.331,
        lat: 27.541,
        photoIds: ten.slice(0, 9).map((p) => p.id),
      },
    });
    expect(nine.statusCode, nine.body).toBe(201);
    const full = (await get(`/api/cases/${nine.json<CaseSummary>().id}`, 'resident01')).json<CaseDetail>();
    expect(full.photos).toHaveLength(9);
    const tenth = await ctx.app.db
      .transaction((tx) => attachPhotos(tx, uploader(), full.id, [ten[9].id], 'resolution'))
      .catch((e: unknown) => e);
    expect(isAppError(tenth) && tenth.code).toBe('CASE_PHOTO_LIMIT');
    expect(isAppError(tenth) && tenth.status).toBe(400);
    expect((await get(ten[9].url, 'resident01')).statusCode).toBe(200);
  });

  it('photos are added later to a case that has room for them', async () => {
    const extra = [await uploaded('resident01'), await uploaded('resident01')];
    await ctx.app.db.transaction((tx) =>
      attachPhotos(
        tx,
        uploader(),
        caseId,
        extra.map((p) => p.id),
        'resolution',
      ),
    );
    const detail = (await get(`/api/cases/${caseId}`, 'hangdong')).json<CaseDetail>();
    expect(detail.photos.filter((p) => p.kind === 'resolution')).toHaveLength(2);
  });
});
