// A catalogue text with a little inline markup (lib/i18n): **strong**, `code` and [a link](/path),
// so a sentence keeps its words in one piece in each language, whatever order they come in.
// Everything else is text (escaped as any text is); a link may only lead to a path of ours,
// mailto: or tel:.
import type { Child } from "hono/jsx";

const TOKEN = /\*\*([^*]+)\*\*|\[([^\]]+)\]\(((?:\/|mailto:|tel:)[^)\s]*)\)|`([^`]+)`/g;

export function rich(text: string): Child[] {
  const out: Child[] = [];
  let at = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (m.index > at) out.push(text.slice(at, m.index));
    if (m[1] !== undefined) out.push(<strong>{m[1]}</strong>);
    else if (m[4] !== undefined) out.push(<code>{m[4]}</code>);
    else out.push(<a href={m[3]}>{m[2]}</a>);
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** A catalogue text with its inline markup, as children of whatever holds it. */
export const Rich = ({ text }: { text: string }) => <>{rich(text)}</>;
