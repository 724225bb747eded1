/**
 * The address of the sign-in page, a light page of its own outside the staff app (ADR 41): the
 * app goes there with a full page load, naming the page to come back to (`?next=`), and the
 * sign-in page goes back to it, again with a full page load. Shared by both; no dependencies.
 */

export const SIGN_IN_PATH = '/login';

/** Query flag of the address the app opens after signing out ("you have signed out"). */
export const SIGNED_OUT_PARAM = 'signed-out';

/**
 * Where to go after signing in: a path of this site only (never another site's address, never the
 * sign-in page itself), the home page otherwise.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  // A browser drops tabs and line breaks from an address: "/\t/example.org" would leave the site.
  if ([...next].some((c) => c < ' ')) return '/';
  const path = next.split(/[?#]/)[0] ?? '';
  if (path === SIGN_IN_PATH || path.startsWith(`${SIGN_IN_PATH}/`)) return '/';
  return next;
}

/** The sign-in page's address: with the page to return to (unless home) or the signed-out note. */
export function signInAddress(options: { next?: string; signedOut?: boolean } = {}): string {
  const params = new URLSearchParams();
  const next = safeNext(options.next);
  if (next !== '/') params.set('next', next);
  if (options.signedOut) params.set(SIGNED_OUT_PARAM, '1');
  const query = params.toString();
  return query ? `${SIGN_IN_PATH}?${query}` : SIGN_IN_PATH;
}
