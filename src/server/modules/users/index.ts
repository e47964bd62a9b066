/** Users module: staff accounts, sessions and sign-in (`/api/auth/*`, `/api/users/*`). */
import type { FastifyPluginAsync } from 'fastify';
import { authRoutes } from './auth.routes';
import { usersRoutes as userRoutes } from './users.routes';

/** The module's Fastify plugin: sign-in and user routes. */
export const usersRoutes: FastifyPluginAsync<{ loginPerMinute: number }> = async (app, opts) => {
  await app.register(authRoutes, opts);
  await app.register(userRoutes);
};
export { changePassword, login, logout, purgeExpiredSessions, resolveSession } from './auth.service';
export { ensureAdmin, ROOT_OFFICE_NAME, recoverAdmin } from './bootstrap';
export { createUser, getMe, getUser, listUsers, updateUser } from './users.service';
