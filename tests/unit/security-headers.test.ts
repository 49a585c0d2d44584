import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, makeNonce, STATIC_SECURITY_HEADERS, transportSecurityHeaders } from "@/lib/security/headers";

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split("; ").map((directive) => {
    const [name, ...sources] = directive.split(" ");
    return [name!, sources];
  }));
}

describe("contentSecurityPolicy", () => {
  const policy = directives(contentSecurityPolicy("abc123=="));

  it("runs only scripts carrying this response's nonce, and what they load", () => {
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
  });

  it("never allows inline or eval'd scripts in production", () => {
    const scripts = policy.get("script-src")!.join(" ");
    expect(scripts).not.toContain("unsafe-inline");
    expect(scripts).not.toContain("unsafe-eval");
  });

  it("cannot be framed, and closes plugins, base-tag and form hijacking", () => {
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
  });

  it("talks to no other origin", () => {
    for (const sources of policy.values()) {
      for (const source of sources) expect(source).toMatch(/^('[^']+'|blob:|data:)$/);
    }
  });

  it("lets Next's development server eval and open its websocket, only in development", () => {
    const dev = directives(contentSecurityPolicy("n", true));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("connect-src")).toContain("ws:");
    expect(policy.get("connect-src")).toEqual(["'self'"]);
  });
});

describe("STATIC_SECURITY_HEADERS", () => {
  it("forbid MIME sniffing and framing, and keep referrers to the origin", () => {
    expect(STATIC_SECURITY_HEADERS["X-Content-Type-Options"]).toBe("nosniff");
    expect(STATIC_SECURITY_HEADERS["X-Frame-Options"]).toBe("DENY");
    expect(["strict-origin-when-cross-origin", "strict-origin", "same-origin", "no-referrer"]).toContain(
      STATIC_SECURITY_HEADERS["Referrer-Policy"],
    );
    expect(STATIC_SECURITY_HEADERS["Permissions-Policy"]).toContain("camera=()");
  });
});

describe("makeNonce", () => {
  it("is the base64 of the random bytes, different for different bytes", () => {
    expect(makeNonce(new Uint8Array([0, 1, 2]))).toBe("AAEC");
    const a = makeNonce(crypto.getRandomValues(new Uint8Array(16)));
    const b = makeNonce(crypto.getRandomValues(new Uint8Array(16)));
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(a).not.toBe(b);
  });
});

describe("transportSecurityHeaders", () => {
  it("asks browsers to keep to HTTPS when the request came over HTTPS", () => {
    for (const protocol of ["https", "https:", "HTTPS"]) {
      expect(transportSecurityHeaders(protocol)["Strict-Transport-Security"]).toMatch(/^max-age=31536000/);
    }
  });

  it("sends nothing over plain HTTP (a local demo on http://localhost)", () => {
    for (const protocol of ["http", "http:", "", null, undefined]) expect(transportSecurityHeaders(protocol)).toEqual({});
  });
});
