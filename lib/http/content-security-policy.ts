/**
 * Content-Security-Policy values. Pure (no Node or Next imports): proxy.ts builds the desk's
 * policy per request, and the public site and the 503 page use the script-free one.
 */

export const CONTENT_SECURITY_POLICY_HEADER = "Content-Security-Policy";

/** A fresh, unguessable nonce (128 random bits, base64) for one response. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

// A Host header ends up inside the policy, so only plain host names and bracketed IPv6
// addresses are accepted: anything else could smuggle a `;` and a directive of its own.
const PLAIN_HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/i;

/**
 * Where the browser may open the co-editing websocket: COLLAB_PUBLIC_URL's origin when set,
 * else ws and wss on the page's own host at COLLAB_PORT (the same rule the editor follows in
 * components/explainers/use-collab-session.ts). An unusable host allows no websocket at all.
 */
export function collabConnectSources(options: { hostHeader: string | null; port: number; publicUrl?: string }): string[] {
  if (options.publicUrl) return [new URL(options.publicUrl).origin];
  const hostname = hostnameOf(options.hostHeader);
  if (!hostname) return [];
  return [`ws://${hostname}:${options.port}`, `wss://${hostname}:${options.port}`];
}

function hostnameOf(hostHeader: string | null): string | null {
  if (!hostHeader) return null;
  const hostname = hostHeader.startsWith("[") ? hostHeader.slice(0, hostHeader.indexOf("]") + 1) : hostHeader.split(":")[0];
  return hostname && PLAIN_HOST.test(hostname) ? hostname.toLowerCase() : null;
}

function serialize(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(" "))
    .join("; ");
}

/**
 * The desk's policy: scripts run only with this response's nonce (Next.js stamps it on its own
 * scripts when it finds it in the request's policy) or when loaded by such a script
 * ('strict-dynamic', for Next's chunks). Development adds 'unsafe-eval', which React's dev build
 * needs to rebuild server error stacks; production never allows eval.
 */
export function deskContentSecurityPolicy(options: { nonce: string; connectSources: string[]; development: boolean }): string {
  return serialize({
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${options.nonce}'`, "'strict-dynamic'", ...(options.development ? ["'unsafe-eval'"] : [])],
    // ProseMirror/Tiptap (and the toaster) write style attributes and style elements at run
    // time, which a nonce cannot cover; styles cannot run code, scripts stay nonce-only
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "https:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...options.connectSources],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "object-src": ["'none'"],
  });
}

/**
 * For HTML that runs no script at all (public explainer pages, the 503 page): nothing may run or
 * connect, so the policy is the same for every response and can be cached with it. Their one
 * inline style element needs 'unsafe-inline'; JSON-LD data blocks are not scripts CSP blocks.
 */
export function scriptFreeContentSecurityPolicy(): string {
  return serialize({
    "default-src": ["'none'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:", "https:"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
  });
}
