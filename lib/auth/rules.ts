// Pure rules for authentication. Unit-tested in tests/unit/auth-rules.test.ts.

/**
 * Where to go after signing in: only a path on this site. Anything that a browser could read as another origin
 * (`//evil.example`, `/\evil.example`, `https://…`, `javascript:`) falls back to the home page.
 */
export function safeRedirectPath(target: string | null | undefined, fallback = "/"): string {
  if (!target || target.length > 2000) return fallback;
  if (!target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\\]/.test(target)) return fallback;
  try {
    const resolved = new URL(target, "http://tandem.invalid");
    if (resolved.origin !== "http://tandem.invalid") return fallback;
    const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
    // Dot segments can collapse into a protocol-relative path ("/.//evil.example" → "//evil.example").
    return path.startsWith("//") ? fallback : path;
  } catch {
    return fallback;
  }
}

/**
 * next-auth's redirect callback: `url` is where it wants to send the browser (absolute or a path), `baseUrl` this
 * site. Only a path on this site survives; anything else goes home.
 */
export function redirectWithinSite(url: string, baseUrl: string): string {
  let path: string | null = url;
  if (!url.startsWith("/")) {
    try {
      const absolute = new URL(url);
      path = absolute.origin === new URL(baseUrl).origin ? `${absolute.pathname}${absolute.search}${absolute.hash}` : null;
    } catch {
      path = null;
    }
  }
  return `${baseUrl.replace(/\/+$/, "")}${safeRedirectPath(path)}`;
}
