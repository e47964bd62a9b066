import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { importOfficePages, type OfficePageImport, readOfficePages } from './modules/office-directory/index';
import { loadReferenceData } from './modules/reference/index';
import { systemContext } from './platform/auth/context';
import { loadConfig } from './platform/config';
import { openDatabase } from './platform/db/database';
import { migrateToLatest } from './platform/db/migrate';

// `npm run import:offices -- <files or folders…>`: imports KAUSA office pages (plain text) into the
// public office directory of DATABASE_URL or the PGlite database in DATA_DIR, in one transaction.
// Exit code 0: every page imported with every field found; 2: some fields missing, a layout not
// recognised or a page skipped; 1: error (nothing imported).

/** Files named on the command line; a folder stands for its `*.txt` files. */
function expand(args: string[]): string[] {
  return args.flatMap((a) =>
    statSync(a).isDirectory()
      ? readdirSync(a)
          .filter((f) => f.endsWith('.txt'))
          .sort()
          .map((f) => join(a, f))
      : [a],
  );
}

function report(r: OfficePageImport): string {
  const head = `${r.status.padEnd(9)} ${r.sourceFile}  [${r.layout}]`;
  const what = r.name
    ? `  ${r.name}${r.grantNumber ? ` (${r.grantNumber})` : ''}`
    : '  (no office name or kind found)';
  const lines = [head, what];
  if (r.geocodedBy)
    lines.push(`  located by ${r.geocodedBy === 'postcode' ? "the operator's postcode" : 'place name'}`);
  lines.push(`  missing: ${r.missingFields.length ? r.missingFields.join(', ') : '—'}`);
  for (const w of r.warnings) lines.push(`  note: ${w}`);
  return lines.join('\n');
}

const acceptUnknownLayout = process.argv.includes('--accept-unknown-layout');
const args = process.argv.slice(2).filter((a) => a !== '--' && a !== '--accept-unknown-layout');
if (args.length === 0) {
  process.stderr.write('usage: npm run import:offices -- [--accept-unknown-layout] <page.txt|folder>…\n');
  process.exit(1);
}
let code = 0;
try {
  const files = readOfficePages(expand(args));
  if (files.length === 0) throw new Error('no office pages (*.txt) found in the given folders');
  const config = loadConfig();
  const log = pino({ level: config.logLevel === 'silent' ? 'silent' : 'warn' });
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(handle.db);
    await loadReferenceData(handle.db, log);
    const results = await importOfficePages(systemContext({ db: handle.db, config, log }), files, {
      acceptUnknownLayout,
    });
    process.stdout.write(`${results.map(report).join('\n\n')}\n`);
    const incomplete = results.some(
      (r) => r.status === 'skipped' || r.layout === 'unknown' || r.missingFields.length > 0,
    );
    process.stdout.write(
      `\n${results.filter((r) => r.status !== 'skipped').length} of ${results.length} pages imported${incomplete ? ' (some fields missing)' : ''}\n`,
    );
    code = incomplete ? 2 : 0;
  } finally {
    await handle.close();
  }
} catch (err) {
  process.stderr.write(
    `import failed, nothing imported: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  code = 1;
}
process.exit(code);
