// Builds the web bundle when it is missing or older than its sources, so `npm start` works on a fresh clone.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildGeo } from './build-geo.mjs';

const root = new URL('..', import.meta.url).pathname;
const target = join(root, 'dist/web/index.html');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

// The map's boundaries (src/web/public/geo, generated) first: they are part of the bundle's sources.
buildGeo({ ifStale: true });

const sources = ['src/web', 'src/contracts', 'src/locales', 'vite.config.ts']
  .map((p) => join(root, p))
  .filter(existsSync);
const srcTime = Math.max(
  ...sources.map((p) => (statSync(p).isDirectory() ? newest(p) : statSync(p).mtimeMs)),
);
if (!existsSync(target) || statSync(target).mtimeMs < srcTime) {
  console.log('Building the web bundle (vite build)…');
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}
