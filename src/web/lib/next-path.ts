/**
 * A safe in-app target for "go back to where you were" (`?next=`): only same-site absolute paths,
 * never the login page itself; `/` otherwise (prevents open redirects such as `//evil.example`).
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/change-password')) return '/';
  return next;
}

/** `?next=` query string that brings the user back to `path` (path + search) after signing in. */
export function nextQuery(path: string): string {
  return path && path !== '/' ? `?next=${encodeURIComponent(path)}` : '';
}
