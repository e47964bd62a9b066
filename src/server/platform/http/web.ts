import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Folder of the built web bundle (`vite build` output). */
export const WEB_DIST = resolve(import.meta.dirname, '../../../../dist/web');

/**
 * Serves the built single-page app from `dist/web` (hashed assets cached for a year) when it exists.
 * @returns true when the bundle is served, so the not-found handler can fall back to index.html
 */
export async function registerWeb(app: FastifyInstance): Promise<boolean> {
  if (!existsSync(resolve(WEB_DIST, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: WEB_DIST,
    wildcard: false,
    index: ['index.html'],
    setHeaders: (res, path) => {
      res.header(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  return true;
}
