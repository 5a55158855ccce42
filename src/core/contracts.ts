import { z } from 'zod';

/** Shared pieces of request/response contracts. */
export const ZId = z.uuid();
export const ZIdParams = z.object({ id: z.uuid() });
export const ZOk = z.object({ ok: z.literal(true) });
export const ZIsoDate = z.iso.date();
/** The optimistic-locking version: a PostgreSQL integer. */
export const ZVersion = z.number().int().min(1).max(2_147_483_647);
export const ZLng = z.number().min(-180).max(180);
export const ZLat = z.number().min(-90).max(90);
export const ZBbox = z.tuple([z.number(), z.number(), z.number(), z.number()]);
