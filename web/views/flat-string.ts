/**
 * The same text as one flat string. Text built piece by piece, as JSX renders it, is held by V8 as
 * a rope of every piece; each time it is put into another answer and sent, the rope is walked
 * again, and a rope kept for a while lies scattered in memory (a kept search result's list:
 * 0.4 ms per page under load). For HTML kept and put into many answers. (Text with a lone
 * surrogate gets U+FFFD in its place, as it would when sent as UTF-8 anyway.)
 */
export function flatString(text: string): string {
  return Buffer.from(text, "utf8").toString("utf8");
}
