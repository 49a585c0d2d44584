import { describe, expect, it } from "vitest";
import {
  answerAs,
  corsHeaders,
  escapeHtml,
  formatFormToken,
  formEndpoint,
  formFields,
  HONEYPOT_FIELD,
  honeypotFilled,
  looksLikeFormToken,
  originAllowed,
  parseOrigin,
  parseThankYouUrl,
  preflightHeaders,
  refuseWebFormChange,
  requestOrigin,
  retryAfterSeconds,
  webFormSnippet,
} from "@/lib/web-forms/rules";
import { WEB_FORM_FIELDS, WEB_FORM_NAMES, webFormFieldsSchema, webFormSettingsSchema } from "@/lib/web-forms/schemas";
import { leadFieldsSchema } from "@/lib/leads/schemas";
import { invalidPage, thankYouPage } from "@/lib/web-forms/pages";

describe("form tokens", () => {
  it("are wf_ and 24 random bytes in base64url, and recognised by their shape only", () => {
    const token = formatFormToken(new Uint8Array(24).fill(255));
    expect(token).toBe(`wf_${"_".repeat(32)}`);
    expect(looksLikeFormToken(token)).toBe(true);
    expect(looksLikeFormToken(formatFormToken(new Uint8Array(24)))).toBe(true);
    for (const bad of ["", "wf_short", `tdm_${"A".repeat(43)}`, `wf_${"A".repeat(31)}!`, `wf_${"A".repeat(33)}`]) expect(looksLikeFormToken(bad)).toBe(false);
    expect(() => formatFormToken(new Uint8Array(16))).toThrow(/24 random bytes/);
  });
});

describe("parseOrigin", () => {
  it.each([
    ["https://www.example.com", "https://www.example.com"],
    ["  HTTPS://WWW.Example.COM/ ", "https://www.example.com"],
    ["https://example.com:443", "https://example.com"],
    ["https://example.com:8443", "https://example.com:8443"],
    ["http://localhost:3000", "http://localhost:3000"],
    ["http://127.0.0.1:8080", "http://127.0.0.1:8080"],
    ["http://[::1]:5173", "http://[::1]:5173"],
    ["https://xn--bcher-kva.example", "https://xn--bcher-kva.example"],
  ])("accepts %s as %s", (input, origin) => {
    expect(parseOrigin(input)).toEqual({ ok: true, origin });
  });

  it.each([
    ["", /Enter an origin/],
    ["https://*.example.com", /wildcards/],
    ["*", /wildcards/],
    ["https://example.com/contact", /without a path/],
    ["https://example.com?x=1", /without a path/],
    ["https://example.com#top", /without a path/],
    ["example.com", /without a path/],
    ["ftp://example.com", /without a path/],
    ["http://example.com", /use https/],
    ["https://user:pw@example.com", /user name/],
    ["https://example.com:99999", /not a valid origin/],
    ["https://exa mple.com", /not a valid origin/],
    ["null", /without a path/],
  ])("refuses %s", (input, error) => {
    const checked = parseOrigin(input);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? "" : checked.error).toMatch(error);
  });
});

describe("origin matching", () => {
  const allowed = ["https://www.example.com", "http://localhost:3000"];

  it("allows exactly the listed origins, as browsers send them", () => {
    expect(originAllowed(requestOrigin("https://www.example.com"), allowed)).toBe(true);
    expect(originAllowed(requestOrigin("http://localhost:3000"), allowed)).toBe(true);
  });

  it("refuses other origins, look-alikes, a missing Origin and the opaque null origin", () => {
    for (const origin of [
      "https://example.com",
      "http://www.example.com",
      "https://www.example.com:8443",
      "https://www.example.com.evil.test",
      "https://evil.test",
      "http://localhost:3001",
      "null",
      "",
      "https://www.example.com/path",
    ]) {
      expect(originAllowed(requestOrigin(origin), allowed), origin).toBe(false);
    }
    expect(originAllowed(requestOrigin(null), allowed)).toBe(false);
    expect(originAllowed(requestOrigin("https://www.example.com"), [])).toBe(false);
  });

  it("echoes only an allowed origin, never *, and always varies by Origin", () => {
    expect(corsHeaders("https://www.example.com", allowed)).toEqual({ "Access-Control-Allow-Origin": "https://www.example.com", Vary: "Origin" });
    expect(corsHeaders("https://evil.test", allowed)).toEqual({ Vary: "Origin" });
    expect(corsHeaders(null, allowed)).toEqual({ Vary: "Origin" });
    const preflight = preflightHeaders("https://www.example.com");
    expect(preflight).toMatchObject({ "Access-Control-Allow-Origin": "https://www.example.com", "Access-Control-Allow-Methods": "POST, OPTIONS", Vary: "Origin" });
    expect(preflight["Access-Control-Allow-Headers"]).toMatch(/Content-Type/);
    expect(Object.keys(preflight)).not.toContain("Access-Control-Allow-Credentials");
  });
});

describe("honeypot", () => {
  it("is filled by any non-blank value, and not by an absent or blank one", () => {
    expect(HONEYPOT_FIELD).toBe("website");
    expect(honeypotFilled({})).toBe(false);
    expect(honeypotFilled({ website: "" })).toBe(false);
    expect(honeypotFilled({ website: "   " })).toBe(false);
    expect(honeypotFilled({ website: null })).toBe(false);
    expect(honeypotFilled({ website: "https://spam.test" })).toBe(true);
    expect(honeypotFilled({ website: 1 })).toBe(true);
    expect(honeypotFilled({ website: ["x"] })).toBe(true);
  });

  it("is not one of the lead's own fields", () => {
    expect(Object.keys(leadFieldsSchema.shape)).not.toContain(HONEYPOT_FIELD);
  });
});

describe("answerAs", () => {
  it("answers JSON to JSON bodies and to scripts asking for it, and HTML to form posts", () => {
    expect(answerAs("application/json", null)).toBe("json");
    expect(answerAs("Application/JSON; charset=utf-8", "text/html")).toBe("json");
    expect(answerAs("application/x-www-form-urlencoded", "application/json")).toBe("json");
    expect(answerAs("multipart/form-data; boundary=x", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")).toBe("html");
    expect(answerAs("application/x-www-form-urlencoded", "*/*")).toBe("html");
    expect(answerAs(null, null)).toBe("html");
  });
});

describe("formFields", () => {
  it("keeps the first string value of each known name, and drops files and unknown names", () => {
    const file = new Blob(["x"]);
    expect(
      formFields(
        [
          ["name", "Ada"],
          ["name", "Second"],
          ["email", "ada@example.test"],
          ["source", "PARTNER"],
          ["campaignId", "someone-elses"],
          ["company", file],
          ["website", ""],
        ],
        WEB_FORM_NAMES,
      ),
    ).toEqual({ name: "Ada", email: "ada@example.test", website: "" });
  });
});

describe("retryAfterSeconds", () => {
  it("is the whole seconds left in the window, at least 1", () => {
    const start = new Date("2026-12-01T10:00:00Z");
    expect(retryAfterSeconds(start, 600, new Date("2026-12-01T10:00:00Z"))).toBe(600);
    expect(retryAfterSeconds(start, 600, new Date("2026-12-01T10:09:59.500Z"))).toBe(1);
    expect(retryAfterSeconds(start, 600, new Date("2026-12-01T10:04:00.100Z"))).toBe(360);
    expect(retryAfterSeconds(start, 600, new Date("2026-12-01T11:00:00Z"))).toBe(1);
  });
});

describe("parseThankYouUrl", () => {
  it("takes https addresses (http only on localhost)", () => {
    expect(parseThankYouUrl(" https://www.example.com/thanks?from=form ")).toEqual({ ok: true, url: "https://www.example.com/thanks?from=form" });
    expect(parseThankYouUrl("http://localhost:3000/thanks")).toEqual({ ok: true, url: "http://localhost:3000/thanks" });
    for (const bad of ["javascript:alert(1)", "http://www.example.com/thanks", "/thanks", "https://u:p@example.com/", `https://example.com/${"a".repeat(2000)}`]) {
      expect(parseThankYouUrl(bad).ok, bad).toBe(false);
    }
  });
});

describe("refuseWebFormChange", () => {
  it("lets the campaign's marketer and the marketing manager change it, nobody else", () => {
    const campaign = { ownerId: "m1" };
    expect(refuseWebFormChange({ id: "m1", role: "MARKETER" }, campaign)).toBeNull();
    expect(refuseWebFormChange({ id: "boss", role: "MARKETING_MANAGER" }, campaign)).toBeNull();
    expect(refuseWebFormChange({ id: "m2", role: "MARKETER" }, campaign)).toMatch(/marketer who runs this campaign/);
    for (const role of ["SALES_REP", "SALES_MANAGER", "CRO", "ADMIN"] as const) expect(refuseWebFormChange({ id: "m1", role }, campaign)).toMatch(/Only marketing/);
  });
});

describe("settings schema", () => {
  it("takes origins one per line, normalised and once each, and needs one to turn the form on", () => {
    const parsed = webFormSettingsSchema.parse({ campaignId: "c1", enabled: "true", origins: "https://WWW.example.com/\n\nhttps://www.example.com\nhttp://localhost:8080", thankYouUrl: "" });
    expect(parsed).toEqual({ campaignId: "c1", enabled: true, origins: ["https://www.example.com", "http://localhost:8080"], thankYouUrl: null, version: undefined });
    const empty = webFormSettingsSchema.safeParse({ campaignId: "c1", enabled: true, origins: "" });
    expect(empty.success ? null : empty.error.issues.map((issue) => issue.path.join("."))).toEqual(["origins"]);
    expect(webFormSettingsSchema.safeParse({ campaignId: "c1", enabled: false, origins: [] }).success).toBe(true);
    const bad = webFormSettingsSchema.safeParse({ campaignId: "c1", enabled: true, origins: "https://ok.example\nhttps://*.example.com", thankYouUrl: "ftp://x" });
    expect(bad.success ? [] : bad.error.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["origins", expect.stringMatching(/wildcards/)],
      ["thankYouUrl", expect.stringMatching(/https/)],
    ]);
  });
});

describe("the embeddable snippet", () => {
  const action = formEndpoint("https://tandem.example.com/", "wf_abc");
  const html = webFormSnippet(action, WEB_FORM_FIELDS);

  it("posts to the form's endpoint as a plain form, without script", () => {
    expect(action).toBe("https://tandem.example.com/api/v1/forms/wf_abc");
    expect(html).toMatch(/^<form method="post" action="https:\/\/tandem\.example\.com\/api\/v1\/forms\/wf_abc" accept-charset="UTF-8">/);
    expect(html).toMatch(/<\/form>$/);
    expect(html).not.toMatch(/<script|javascript:|on\w+=/i);
  });

  it("has exactly the schema's visitor fields, then the hidden honeypot", () => {
    const names = [...html.matchAll(/ name="([^"]+)"/g)].map((match) => match[1]);
    const schemaFields = Object.keys(leadFieldsSchema.shape).filter((name) => name !== "source" && name !== "campaignId");
    expect(names).toEqual([...schemaFields, HONEYPOT_FIELD]);
    expect(Object.keys(webFormFieldsSchema.shape)).toEqual(schemaFields);
    expect(html).toMatch(/<div aria-hidden="true" style="position:absolute;left:-10000px[^"]*">\n\s*<label for="tandem-website">Leave this empty<\/label>\n\s*<input id="tandem-website" name="website" type="text" tabindex="-1" autocomplete="off">/);
  });

  it("marks required what the schema requires, and offers the schema's choices", () => {
    const required = [...html.matchAll(/<(?:input|select) id="tandem-(\w+)"[^>]*\brequired>/g)].map((match) => match[1]);
    expect(required).toEqual(["name", "email", "company"]);
    expect(html).toContain('<input id="tandem-email" name="email" type="email" autocomplete="email" required>');
    expect(html).toContain('<input id="tandem-companySize" name="companySize" type="number" min="1" step="1">');
    expect(html).toContain('<option value="Financial services">Financial services</option>');
    expect(html).toContain('<option value="GB">United Kingdom</option>');
    for (const field of WEB_FORM_FIELDS) expect(html).toContain(`<label for="tandem-${field.name}">`);
  });

  it("escapes whatever it interpolates", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    const odd = webFormSnippet('https://t.example/api/v1/forms/"><script>', [{ name: "name", label: "<b>Name</b>", required: true, type: "text" }]);
    expect(odd).not.toContain("<script>");
    expect(odd).toContain("&lt;b&gt;Name&lt;/b&gt;");
  });
});

describe("visitor pages", () => {
  it("say thanks, or list the problems with every text escaped, without script", () => {
    expect(thankYouPage()).toContain("<h1>Thank you</h1>");
    const page = invalidPage({ email: ["Enter a valid email"], "<x>": ["<img src=x>"] }, { email: "Work email" });
    expect(page).toContain("<strong>Work email</strong>: Enter a valid email");
    expect(page).toContain("&lt;img src=x&gt;");
    expect(page).not.toMatch(/<script|<img/);
  });
});

describe("the OpenAPI document", () => {
  it("describes the public form endpoint, without the API key, with the snippet's fields and the honeypot", async () => {
    const { openApiDocument } = await import("@/lib/intake/openapi");
    const document = openApiDocument();
    const path = document.paths["/api/v1/forms/{token}"];
    expect(path.post.security).toEqual([]);
    expect(Object.keys(path.post.requestBody.content)).toEqual(["application/x-www-form-urlencoded", "multipart/form-data", "application/json"]);
    expect(Object.keys(path.post.responses)).toEqual(expect.arrayContaining(["200", "303", "403", "404", "422", "429"]));
    const input = document.components.schemas.WebFormInput as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(input.properties)).toEqual([...WEB_FORM_FIELDS.map((field) => field.name), HONEYPOT_FIELD]);
    expect(input.required).toEqual(["name", "email", "company"]);
  });
});
