import { describe, expect, it } from "vitest";
import { safeHref, visibleText } from "@/lib/security/safeLink";

describe("safeHref", () => {
  it.each([
    ["https://contoso.example/legal/image-eula", "https://contoso.example/legal/image-eula"],
    ["http://contoso.example/notes?v=1#top", "http://contoso.example/notes?v=1#top"],
    [" https://contoso.example/x ", "https://contoso.example/x"],
  ])("keeps absolute http(s) URL %j", (input, expected) => {
    expect(safeHref(input)).toBe(expected);
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "\u0001javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//evil.example/path",
    "/relative/path",
    "see https://contoso.example for details",
    "https://user:secret@contoso.example/",
    "https://",
    "https://contoso.example/a b",
    "",
    "<script>alert(1)</script>",
  ])("refuses %j", (input) => {
    expect(safeHref(input)).toBeUndefined();
  });

  it("refuses what is not a string", () => {
    expect(safeHref(undefined)).toBeUndefined();
    expect(safeHref(null)).toBeUndefined();
  });
});

describe("visibleText", () => {
  it("leaves ordinary text, markup and line breaks as they are", () => {
    expect(visibleText('<script>alert("x")</script>\nline two\tend')).toBe(
      '<script>alert("x")</script>\nline two\tend',
    );
    expect(visibleText("Windows Server 2022 — 한국어, Nederlands")).toBe("Windows Server 2022 — 한국어, Nederlands");
  });

  it("shows bidirectional overrides and invisible controls as code points", () => {
    expect(visibleText("invoice\u202Etxt.exe")).toBe("invoice\\u{202E}txt.exe");
    expect(visibleText("a\u0000b\u007Fc\u2066d")).toBe("a\\u{0000}b\\u{007F}c\\u{2066}d");
    expect(visibleText("\u061C\u200B\u2060\u2062\uFEFF")).toBe("\\u{061C}\\u{200B}\\u{2060}\\u{2062}\\u{FEFF}");
    expect(visibleText("flag\u{E0067}")).toBe("flag\\u{E0067}");
  });

  // Enumerated, not listed: a format character Unicode adds later is covered by the same property escape.
  it("shows every Unicode format (Cf) character and every bidi control as its code point", () => {
    const bidiControls = [
      0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
    ];
    const format: number[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      if (/\p{Cf}/u.test(String.fromCodePoint(cp))) format.push(cp);
    }
    expect(format.length).toBeGreaterThan(150);
    for (const cp of [...format, ...bidiControls, 0x2028, 0x2029]) {
      const shown = visibleText(`a${String.fromCodePoint(cp)}b`);
      expect(shown, `U+${cp.toString(16)}`).toBe(`a\\u{${cp.toString(16).toUpperCase().padStart(4, "0")}}b`);
    }
  });
});
