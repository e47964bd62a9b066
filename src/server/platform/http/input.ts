import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, type FieldError } from '../errors';

/** NUL and the C0 controls other than tab, line feed and carriage return: PostgreSQL text cannot hold NUL. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

function findControls(value: unknown, path: string, out: FieldError[]): void {
  if (typeof value === 'string') {
    if (CONTROL.test(value)) out.push({ field: path, code: 'control_characters' });
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) findControls(v, `${path}.${i}`, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) findControls(v, `${path}.${k}`, out);
  }
}

/**
 * Rejects request bodies and query strings carrying control characters (NUL above all) with a 400
 * naming each field, before validation and before they can reach the database.
 */
export const inputHygienePlugin = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request) => {
    const fields: FieldError[] = [];
    findControls(request.body, 'body', fields);
    findControls(request.query, 'query', fields);
    if (fields.length) throw new AppError('control_characters', fields);
  });
});
