import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isUnsafeText, unsafeTextErrors } from "@/lib/security/text";

// Text without NUL, other C0 controls (tab, line feed and carriage return aside) or unpaired surrogates.
const safeText = fc.string({ unit: "grapheme", maxLength: 60 }).map((text) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, ""));
const unsafePiece = fc.constantFrom("\u0000", "\u0001", "\u001B", "\uD800", "\uDBFF", "\uDC00", "\uDFFF");

describe("text the database cannot store as sent", () => {
  it("accepts any well-formed text, right-to-left marks, emoji, combining marks, tabs and line breaks included", () => {
    fc.assert(fc.property(safeText, (text) => {
      expect(isUnsafeText(text)).toBe(false);
    }), { numRuns: 1000 });
    for (const text of ["\u200F\u05E9\u05DC\u05D5\u05DD", "\u202Eabc", "👩‍👩‍👧 e\u0301", "line\nbreak\r\n\ttab", "𝕏"]) expect(isUnsafeText(text)).toBe(false);
  });

  it("refuses a NUL, a control character or a lone surrogate anywhere in otherwise good text", () => {
    fc.assert(
      fc.property(safeText, unsafePiece, safeText, (before, piece, after) => {
        // A high surrogate right before a low one is a valid pair, not a lone one.
        fc.pre(!(/[\uD800-\uDBFF]$/.test(before) && /^[\uDC00-\uDFFF]/.test(piece)) && !(/^[\uDC00-\uDFFF]/.test(after) && /[\uD800-\uDBFF]$/.test(piece)));
        expect(isUnsafeText(before + piece + after)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("names the field of every unsafe string, at any depth, keys included", () => {
    expect(unsafeTextErrors({ name: "ok", rules: { reasons: [{ label: "a\u0000" }] }, ["bad\uD800"]: 1 })).toEqual({
      "rules.reasons.0.label": [expect.any(String)],
      _form: [expect.any(String)],
    });
    expect(unsafeTextErrors({ name: "Zoë", note: "fine\n" })).toBeNull();
    expect(unsafeTextErrors("\u0000")).toEqual({ _form: [expect.any(String)] });
  });
});
