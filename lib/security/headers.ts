// The security headers every response carries, built from pure functions (no Next imports) so that they are
// unit-tested in tests/unit/security-headers.test.ts. proxy.ts sets them per request with a fresh nonce.

/**
 * The Content-Security-Policy for one response. Scripts run only with this response's nonce, and what they load
 * ('strict-dynamic'): Next's inline bootstrap scripts carry the nonce, an injected <script> cannot. Styles allow
 * 'unsafe-inline' because server-rendered charts carry style attributes; a style cannot run code. `dev` allows what
 * Next's development server needs (eval for fast refresh, its websocket).
 */
export function contentSecurityPolicy(nonce: string, dev = false): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "blob:", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...(dev ? ["ws:"] : [])],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** The other headers, the same on every response. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  // No guessing a file's type from its bytes: an uploaded "text" cannot become a script.
  "X-Content-Type-Options": "nosniff",
  // Other sites learn at most our origin, never a path with ids or filters in it.
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // For browsers that predate frame-ancestors.
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/**
 * What a JSON answer carries when the page proxy does not run for its route (proxy.ts's matcher): the same headers,
 * and a policy that lets the answer load nothing and be framed nowhere (it is no page).
 */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  ...STATIC_SECURITY_HEADERS,
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
};

/**
 * HTTPS only for a year, subdomains included, when the request came over HTTPS (directly or as the TLS terminator in
 * front says). Over plain HTTP browsers ignore the header, so sending none there changes nothing.
 */
export function transportSecurityHeaders(protocol: string | null | undefined): Record<string, string> {
  return protocol?.replace(/:$/, "").toLowerCase() === "https" ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {};
}

/** A nonce: 128 random bits, base64 (what CSP's nonce-source expects). */
export function makeNonce(randomBytes: Uint8Array): string {
  return btoa(String.fromCharCode(...randomBytes));
}
