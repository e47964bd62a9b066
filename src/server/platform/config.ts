import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Environment configuration, parsed once at boot (house style rule 6). Defaults are documented in
 * README.md ("Configuration"). `databaseUrl` unset → embedded PGlite under `dataDir`.
 */
export const ZConfig = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: z.string().url().optional(),
    DATA_DIR: z.string().min(1).default('./var'),
    SESSION_SECRET: z.string().min(32).optional(),
    PUBLIC_URL: z.string().url().default('http://localhost:3000'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    KAUSA_ADMIN_EMAIL: z.string().email().default('admin@kausa.example'),
    KAUSA_ADMIN_PASSWORD: z.string().min(12).optional(),
    KAUSA_DEMO: bool.default(false),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(10),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    LOGIN_LOCK_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
    SERVE_WEB: bool.default(true),
    WEB_DIR: z.string().min(1).optional(),
    CONSENT_MIN_AGE: z.coerce.number().int().min(0).max(18).default(16),
    RESIDENCE_REMINDER_DAYS: z.coerce.number().int().min(1).max(730).default(90),
    IMPORT_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(20 * 1024 * 1024),
    IMPORT_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(100_000),
    BA_JOBSUCHE_LIVE: bool.default(false),
    BA_JOBSUCHE_URL: z.string().url().default('https://rest.arbeitsagentur.de/jobboerse/jobsuche-service'),
    BA_JOBSUCHE_API_KEY: z.string().min(1).default('jobboerse-jobsuche'),
    BA_JOBSUCHE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    PROFILE_UPLOAD_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(50 * 1024 * 1024)
      .default(5 * 1024 * 1024),
    PUBLIC_PROFILE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
    MAIL_SMTP_URL: z
      .string()
      .url()
      .refine((u) => /^smtps?:\/\//.test(u), 'smtp:// or smtps://')
      .optional(),
    MAIL_FROM: z.string().min(3).default('KAUSA <no-reply@kausa.example>'),
    MAIL_OUTBOX_DIR: z.string().min(1).optional(),
  })
  .transform((e) => ({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    sessionSecret: e.SESSION_SECRET,
    publicUrl: e.PUBLIC_URL,
    secureCookies: e.PUBLIC_URL.startsWith('https:'),
    logLevel: e.LOG_LEVEL,
    adminEmail: e.KAUSA_ADMIN_EMAIL.toLowerCase(),
    adminPassword: e.KAUSA_ADMIN_PASSWORD,
    demo: e.KAUSA_DEMO,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    serveWeb: e.SERVE_WEB,
    webDir: e.WEB_DIR,
    /** Age in years from which a client consents alone; younger clients need a guardian's consent (DSGVO Art. 8). */
    consentMinAge: e.CONSENT_MIN_AGE,
    /** Days before a residence or work permit expires that a case shows a reminder (issue 4). */
    residenceReminderDays: e.RESIDENCE_REMINDER_DAYS,
    /** Largest import file in bytes (CSV/XLSX upload or BA response; issue 5). */
    importMaxBytes: e.IMPORT_MAX_BYTES,
    /** Most data rows of one import file. */
    importMaxRows: e.IMPORT_MAX_ROWS,
    /** Live requests to the Bundesagentur für Arbeit job search (off: saved responses only). */
    baJobsucheLive: e.BA_JOBSUCHE_LIVE,
    /** Base URL of the BA job search service. */
    baJobsucheUrl: e.BA_JOBSUCHE_URL,
    /** `X-API-Key` sent to the BA job search (its documented public client id). */
    baJobsucheApiKey: e.BA_JOBSUCHE_API_KEY,
    /** Milliseconds before a BA job-search request is given up. */
    baJobsucheTimeoutMs: e.BA_JOBSUCHE_TIMEOUT_MS,
    /** Largest photo/document a client uploads through a profile link, in bytes (issue 7). */
    profileUploadMaxBytes: e.PROFILE_UPLOAD_MAX_BYTES,
    /** Requests per minute and address on the public profile routes (drafts are saved as the client types). */
    publicProfileRatePerMinute: e.PUBLIC_PROFILE_RATE_LIMIT_PER_MINUTE,
    /** SMTP server for letters by e-mail; unset = messages are written to `mailOutboxDir` (no network). */
    mailSmtpUrl: e.MAIL_SMTP_URL,
    /** Sender of letters by e-mail. */
    mailFrom: e.MAIL_FROM,
    /** Folder the outbox transport writes `.eml` files to when no SMTP server is set. */
    mailOutboxDir: e.MAIL_OUTBOX_DIR ?? `${e.DATA_DIR.replace(/\/+$/, '')}/outbox`,
  }));

/** Parsed configuration. */
export type Config = z.infer<typeof ZConfig>;

/**
 * Parses the environment (default `process.env`). Throws one Error listing every bad key, so a
 * misconfigured server fails at start rather than at first use. This is the only reader of `process.env`.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZConfig.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
