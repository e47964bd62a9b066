import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Folder of the built web bundle (`vite build` output). */
export const WEB_DIST = resolve(import.meta.dirname, '../../../../dist/web');

/**
 * Serves the built single-page app from `root` (default `dist/web`) (hashed assets cached for a year) when it exists.
 * @returns true when the bundle is served, so the not-found handler can fall back to index.html
 */
export async function registerWeb(app: FastifyInstance, root: string = WEB_DIST): Promise<boolean> {
  if (!existsSync(resolve(root, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root,
    // Wildcard: files built after start are served too; misses fall through to the not-found handler.
    wildcard: true,
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
