import pino from 'pino';
import { recoverAdmin } from './modules/users/index';
import { systemContext } from './platform/auth/context';
import { loadConfig } from './platform/config';
import { openDatabase } from './platform/db/database';
import { migrateToLatest } from './platform/db/migrate';

// `npm run admin:recover [-- <e-mail>]`: with the server stopped (PGlite) or running (PostgreSQL),
// makes the account an enabled admin with KAUSA_ADMIN_PASSWORD or a printed one-time password.
const config = loadConfig();
const email = (process.argv[2] ?? config.adminEmail).toLowerCase();
const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await migrateToLatest(handle.db);
  const log = pino({ level: 'warn' });
  const otp = await recoverAdmin(systemContext({ db: handle.db, config, log }), email, config.adminPassword);
  console.log(
    otp
      ? `${email} is an admin again; one-time password: ${otp}`
      : `${email} is an admin again (password from KAUSA_ADMIN_PASSWORD)`,
  );
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await handle.close();
}
