import { z } from 'zod';

/** Response of `GET /api/health`: `database` is `ok` when a `select 1` succeeded. */
export const ZHealth = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['ok', 'error']),
  driver: z.enum(['pglite', 'postgres']),
  version: z.string(),
});
/** Health body. */
export type THealth = z.infer<typeof ZHealth>;
