// The Host allow-list: a page on another site cannot reach a local server by pointing a name of its own at 127.0.0.1 (DNS rebinding).
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-error.js';

/**
 * Refuses a request whose Host is neither an IP address, `localhost`, nor one of `allowed` (compared without the port,
 * case-insensitively). A rebinding attack needs a name the attacker controls; addresses and listed names are safe.
 */
export function hostCheck(allowed: readonly string[], log: (line: string) => void): MiddlewareHandler {
  const names = new Set(['localhost', ...allowed.map((h) => h.toLowerCase())]);
  return async (c, next) => {
    const host = hostName(c.req.header('host') ?? new URL(c.req.url).host);
    if (!isAllowedHost(host, names)) {
      log(`schism serve: refused Host "${host.slice(0, 100)}"`);
      throw new ApiError('host_not_allowed', `this server answers only to its own addresses and names (Host "${host.slice(0, 100)}" is not one; start it with --allow-host to add a name)`);
    }
    return next();
  };
}

/** The host part of a Host header: without the port, brackets kept for IPv6. */
function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.lastIndexOf(':');
  return colon >= 0 ? h.slice(0, colon) : h;
}

/** True for an IPv4 or bracketed IPv6 literal, `localhost` or a listed name. */
export function isAllowedHost(host: string, names: ReadonlySet<string>): boolean {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return true;
  if (/^\[[0-9a-f:.]+\]$/.test(host)) return true;
  return names.has(host) || names.has(host.replace(/\.$/, ''));
}
