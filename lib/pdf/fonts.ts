import { fileURLToPath } from "node:url";
import { Font } from "@react-pdf/renderer";

// Read from the repository, never fetched: PDFs must render on a closed network and look the same
// on every machine. DejaVu has å ä ö and é ü ø for names from abroad (licence in fonts/).
const font = (file: string) => fileURLToPath(new URL(`./fonts/${file}`, import.meta.url));

export const SANS = "DejaVu Sans";
export const SERIF = "DejaVu Serif";

let registered = false;

export function registerFonts(): void {
  if (registered) return;
  registered = true;
  Font.register({
    family: SANS,
    fonts: [
      { src: font("DejaVuSans.ttf"), fontWeight: 400 },
      { src: font("DejaVuSans-Bold.ttf"), fontWeight: 700 },
    ],
  });
  Font.register({ family: SERIF, fonts: [{ src: font("DejaVuSerif-Bold.ttf"), fontWeight: 700 }] });
  // The default breaks words with English rules and a hyphen; a name like "Ängström-Öberg" or an
  // OCR number must never be split.
  Font.registerHyphenationCallback((word) => [word]);
}
