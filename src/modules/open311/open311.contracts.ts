import { z } from 'zod';

/** An Open311 client system as the county admin's page shows it: never its key, only the key's first characters. */
export const ZOpen311Client = z.object({
  id: z.string(),
  name: z.string(),
  keyPrefix: z.string(),
  requestsPerMinute: z.number().int(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type Open311Client = z.infer<typeof ZOpen311Client>;
export const ZOpen311ClientList = z.object({ items: z.array(ZOpen311Client) });

export const ZCreateOpen311Client = z.strictObject({
  name: z.string().trim().min(1).max(60),
  requestsPerMinute: z.number().int().min(1).max(1_000_000).optional(),
});
export type CreateOpen311Client = z.infer<typeof ZCreateOpen311Client>;

/** The answer to creating a client: the only time its key is ever shown. */
export const ZCreatedOpen311Client = ZOpen311Client.extend({ key: z.string() });
export type CreatedOpen311Client = z.infer<typeof ZCreatedOpen311Client>;
