import { loadConfig } from './platform/config';
import { createRuntime } from './server';

// `--demo` (used by `npm start`) turns demo seeding on unless KAUSA_DEMO says otherwise, and keeps the
// demo (with its published passwords) on this machine unless HOST says otherwise.
const argvDemo = process.argv.includes('--demo');
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig({
    ...process.env,
    KAUSA_DEMO: process.env.KAUSA_DEMO ?? (argvDemo ? 'true' : undefined),
    HOST: process.env.HOST ?? (argvDemo ? '127.0.0.1' : undefined),
  });
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
const runtime = await createRuntime(config);
const { app } = runtime;

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down: finishing in-flight requests');
  const timer = setTimeout(() => {
    app.log.error('shutdown timed out after 10 s');
    process.exit(1);
  }, 10_000);
  timer.unref();
  await runtime.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

try {
  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info(
    `KAUSA platform listening on ${address} (public URL ${config.publicUrl}, database: ${runtime.handle.driver})`,
  );
} catch (err) {
  app.log.error({ err }, 'could not listen');
  await runtime.close();
  process.exit(1);
}

if (runtime.adminOneTimePassword) {
  // Printed once on purpose, after the server is up: the only way to learn the first admin password.
  // Lost it? Restart with KAUSA_ADMIN_PASSWORD set while no admin has signed in (README "Admin recovery").
  process.stdout.write(
    `\n  Admin ${config.adminEmail} has the one-time password  ${runtime.adminOneTimePassword}\n  (change it at the first sign-in)\n\n`,
  );
}
