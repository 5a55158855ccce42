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

/** The query of an Excel import. */
export const ZImportMode = z.object({
  /** all-or-nothing: one bad row rejects the file; partial: valid rows go in, bad rows are reported. */
  mode: z.enum(['partial', 'all_or_nothing']).default('partial'),
  dryRun: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false),
});

/** What an Excel import did (or, on a dry run, would do): every bad row with its column and reason. */
export const ZImportReport = z.object({
  totalRows: z.number().int(),
  validRows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), reason: z.string() })),
  /** Errors beyond this many are counted, not listed. */
  errorCount: z.number().int(),
  committed: z.boolean(),
});
export type ImportReport = z.infer<typeof ZImportReport>;
