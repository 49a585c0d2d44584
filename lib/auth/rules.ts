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
    return `${resolved.pathname}${resolved.search}${resolved.hash}`;
  } catch {
    return fallback;
  }
}
