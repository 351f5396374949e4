import { describe, expect, it } from "vitest";
import { Rich } from "./rich.tsx";

const html = (text: string) => String(<p><Rich text={text} /></p>);

describe("a catalogue text's inline markup", () => {
  it("makes **strong**, `code` and [links](/path) and escapes everything else", () => {
    expect(html("Välj **Online** och [Registrera konto](/registrera-konto), sedan `POST /x` & <b>")).toBe(
      '<p>Välj <strong>Online</strong> och <a href="/registrera-konto">Registrera konto</a>, sedan <code>POST /x</code> &amp; &lt;b&gt;</p>',
    );
  });

  it("links only to our own paths, mailto: and tel:", () => {
    expect(html("[a](mailto:x@example.org) [b](tel:+4610) [c](https://evil.example) [d](javascript:alert(1))")).toBe(
      '<p><a href="mailto:x@example.org">a</a> <a href="tel:+4610">b</a> [c](https://evil.example) [d](javascript:alert(1))</p>',
    );
  });
});
