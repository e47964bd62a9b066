import { loadConfig } from './platform/config';
import { createRuntime } from './server';

// `--demo` (used by `npm start`) turns demo seeding on unless KAUSA_DEMO says otherwise.
const argvDemo = process.argv.includes('--demo');
const config = loadConfig({
  ...process.env,
  KAUSA_DEMO: process.env.KAUSA_DEMO ?? (argvDemo ? 'true' : undefined),
});
const runtime = await createRuntime(config);
const { app } = runtime;

if (runtime.adminOneTimePassword) {
  // Printed once on purpose: the only way to learn the first admin password.
  process.stdout.write(
    `\n  First start: admin ${config.adminEmail} has the one-time password  ${runtime.adminOneTimePassword}\n  (change it at first sign-in)\n\n`,
  );
}

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

await app.listen({ port: config.port, host: config.host });
app.log.info(`KAUSA platform on ${config.publicUrl} (database: ${runtime.handle.driver})`);
