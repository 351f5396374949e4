import { describe, expect, it } from "vitest";
import { contentDisposition, downloadHeaders, inlineImageHeaders } from "./download-headers.ts";
import { isImageMime, isStoredMime } from "./file-types.ts";

describe("downloadHeaders", () => {
  it("makes the browser save the file, never render it", () => {
    expect(downloadHeaders({ mime: "application/pdf", originalName: "Registreringsbevis.pdf", size: 1234 })).toEqual({
      "Content-Type": "application/pdf",
      "Content-Length": "1234",
      "Content-Disposition": `attachment; filename="Registreringsbevis.pdf"; filename*=UTF-8''Registreringsbevis.pdf`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cross-Origin-Resource-Policy": "same-origin",
    });
  });

  it("keeps å ä ö in filename* and gives old clients an ASCII name", () => {
    const header = downloadHeaders({ mime: "image/jpeg", originalName: "Intyg för åkeri – Öst.jpg", size: 1 })["Content-Disposition"];
    expect(header).toBe(
      `attachment; filename="Intyg for akeri _ Ost.jpg"; filename*=UTF-8''Intyg%20f%C3%B6r%20%C3%A5keri%20%E2%80%93%20%C3%96st.jpg`,
    );
    const encoded = header.split("filename*=UTF-8''")[1];
    expect(decodeURIComponent(encoded)).toBe("Intyg för åkeri – Öst.jpg");
  });
});

describe("contentDisposition", () => {
  it("cannot be broken out of, whatever the stored name", () => {
    const header = contentDisposition("attachment", 'a"; filename=evil.html\r\nSet-Cookie: x=1%41.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    // One quoted filename with no bare quote inside, and a filename* with no quote or space at all.
    expect(header).toMatch(/^attachment; filename="[^"\\]*"; filename\*=UTF-8''[A-Za-z0-9%!._~-]+$/);
    expect(header).toContain(`filename="a_; filename=evil.html Set-Cookie_ x=1_41.pdf"`);
  });

  it("encodes the characters RFC 5987 leaves out of attr-char", () => {
    expect(contentDisposition("attachment", "it's (1)*.pdf")).toBe(
      `attachment; filename="it's (1)_.pdf"; filename*=UTF-8''it%27s%20%281%29_.pdf`,
    );
  });

  it("names a file with no usable name 'fil'", () => {
    expect(contentDisposition("attachment", "\u0000\u0001")).toBe(`attachment; filename="fil"; filename*=UTF-8''fil`);
  });
});

describe("inlineImageHeaders", () => {
  it("shows an image inline with the same protections", () => {
    const headers = inlineImageHeaders({ mime: "image/png", originalName: "skärmbild.png", size: 99 });
    expect(headers["Content-Disposition"]).toBe(`inline; filename="skarmbild.png"; filename*=UTF-8''sk%C3%A4rmbild.png`);
    expect(headers).toMatchObject({
      "Content-Type": "image/png",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    });
  });

  it("refuses anything that is not an image", () => {
    const pdf = { mime: "application/pdf", originalName: "a.pdf", size: 1 };
    // @ts-expect-error the type already forbids it; this is for mimes read from the database
    expect(() => inlineImageHeaders(pdf)).toThrow(TypeError);
  });
});

describe("mimes read from the database", () => {
  it("are narrowed to the four we store, and to images for previews", () => {
    expect(["application/pdf", "image/jpeg", "image/png", "image/webp"].every(isStoredMime)).toBe(true);
    expect(["text/html", "image/svg+xml", "image/gif", ""].some(isStoredMime)).toBe(false);
    expect(isImageMime("image/webp")).toBe(true);
    expect(isImageMime("application/pdf")).toBe(false);
  });
});
