// PDFs are stored byte for byte (re-rendering would break signed documents such as a
// registreringsbevis), so these cheap checks are all that stands between an upload and a
// reviewer's PDF reader, together with the download headers (attachment, nosniff, sandbox).

/**
 * A PDF ends with `%%EOF`; readers look for it in the last 1024 bytes, which allows for the
 * padding some producers add. Without it the upload was almost certainly cut off.
 */
export function pdfLooksComplete(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(-1024);
  return tail.includes("%%EOF", 0, "latin1");
}

// Actions that run something when the file is opened: script, or another program.
const ACTIVE_NAMES = new Set(["JavaScript", "JS", "Launch"]);

/**
 * Whether the PDF's own structure names JavaScript or a Launch action. We refuse those:
 * evidence and registreringsbevis never need them, and reviewers open the files.
 *
 * This is a filter for the plain case, not a proof: names inside compressed object streams
 * are not seen. Stream bodies are skipped because compressed bytes would otherwise spell
 * `/JS` by chance in about one 20 MB scan in five.
 */
export function pdfHasActiveContent(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  for (const part of outsideStreams(text)) {
    for (const match of part.matchAll(NAME)) {
      if (ACTIVE_NAMES.has(decodeName(match[1]))) return true;
    }
  }
  return false;
}

// A PDF name is a slash and the regular characters up to the next whitespace or delimiter.
// Only names starting with J or L (0x4A, 0x4C, perhaps #-escaped) can be ours, and matching
// only those keeps a 20 MB file full of names fast.
const NAME = /\/((?:[JL]|#4[AaCc])[^\s()<>[\]{}/%]*)/g;

/** `/J#53` is `/JS`: names may spell any byte as #xx, which would otherwise hide them. */
function decodeName(raw: string): string {
  return raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The text between stream bodies. indexOf, not a lazy regex, so a file can't make it quadratic. */
function* outsideStreams(text: string): Generator<string> {
  // `stream` + end of line starts a body that runs to `endstream`.
  const streamStart = /(?<!end)stream(?:\r\n|\n|\r)/g;
  let from = 0;
  for (let start = streamStart.exec(text); start; start = streamStart.exec(text)) {
    yield text.slice(from, start.index);
    const end = text.indexOf("endstream", streamStart.lastIndex);
    if (end < 0) return;
    from = end;
    streamStart.lastIndex = end + "endstream".length;
  }
  yield text.slice(from);
}
