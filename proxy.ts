// Runs before every request. It sets the security headers, with a fresh CSP nonce per request (Next reads the
// nonce from the request's Content-Security-Policy header and puts it on its own scripts). It is NOT where access
// is checked: every page, action and route checks the signed-in user itself (lib/auth/current-user.ts,
// lib/actions/pipeline.ts), so nothing depends on this file running.
import { NextResponse, type NextRequest } from "next/server";
import { readEnv } from "./lib/env";
import { contentSecurityPolicy, makeNonce, STATIC_SECURITY_HEADERS, transportSecurityHeaders } from "./lib/security/headers";

export function proxy(request: NextRequest) {
  const nonce = makeNonce(crypto.getRandomValues(new Uint8Array(16)));
  const csp = contentSecurityPolicy(nonce, readEnv().NODE_ENV === "development");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  const protocol = request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol;
  for (const [name, value] of Object.entries({ ...STATIC_SECURITY_HEADERS, ...transportSecurityHeaders(protocol) })) {
    response.headers.set(name, value);
  }
  return response;
}

export const config = {
  // Everything but the hashed static files (they carry no HTML to protect, and are served from cache), the intake
  // API's JSON (no page, no script: lib/intake/replies.ts sets its own headers, and skipping the proxy there spares
  // each request a copy of its headers and body, which the API's request rate measurably needed) and the CSV upload
  // (its route sets its own headers and reads at most its 25 MB: through the proxy, Next would copy the body, and every
  // route would have to accept one that large).
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/v1/leads(?:/[^/]+)?$|api/imports$).*)" }],
};
