// A streaming multipart/form-data reader: parts come one after another, each body as a stream of
// chunks, so an upload of any size passes through without being held in memory. Each part's body
// must be read (or drained) before the next part is asked for.
import { ByteReader } from "@/lib/scans/scanners/bytes";
import { AppError } from "./errors";

export interface MultipartPart {
  name: string;
  filename: string | null;
  contentType: string | null;
  body: AsyncIterable<Buffer>;
}

const MAX_HEADER_BYTES = 16 * 1024;

export function boundaryOf(contentType: string | null): string {
  const match = /^multipart\/form-data\s*;.*?\bboundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? "");
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary || boundary.length > 70) {
    throw new AppError("bad_request", "Send the files as multipart/form-data (a field named file)");
  }
  return boundary;
}

function malformed(detail: string): AppError {
  return new AppError("bad_request", `The multipart body is malformed: ${detail}`);
}

/** Reads until `marker`, returning what came before it (at most `max` bytes), and consumes the marker. */
async function readUntil(reader: ByteReader, marker: Buffer, max: number): Promise<Buffer> {
  for (let want = Math.min(max, 4096); ; want = Math.min(max + marker.length, want * 2)) {
    const ready = await reader.fill(want);
    const head = await reader.peek(Math.min(want, reader.available));
    const at = head.indexOf(marker);
    if (at >= 0) {
      const before = await reader.read(at);
      await reader.read(marker.length);
      return Buffer.from(before);
    }
    if (!ready || want >= max + marker.length) throw malformed("a part boundary or header end is missing");
  }
}

function parseHeaders(block: string): { name: string; filename: string | null; contentType: string | null } {
  let name: string | null = null;
  let filename: string | null = null;
  let contentType: string | null = null;
  for (const line of block.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === "content-type") contentType = value;
    if (key !== "content-disposition") continue;
    name = /\bname="((?:[^"\\]|\\.)*)"/i.exec(value)?.[1] ?? /\bname=([^;\s]+)/i.exec(value)?.[1] ?? null;
    const star = /\bfilename\*=(?:UTF-8|utf-8)''([^;\s]+)/.exec(value)?.[1];
    const plain = /\bfilename="((?:[^"\\]|\\.)*)"/i.exec(value)?.[1] ?? /\bfilename=([^;\s]+)/i.exec(value)?.[1];
    filename = star ? decodeFilename(star) : plain !== undefined ? plain.replace(/\\(.)/g, "$1") : null;
  }
  if (name === null) throw malformed("a part has no content-disposition name");
  return { name, filename, contentType };
}

/** An RFC 5987 filename* value, percent-decoded; one that is not valid percent-encoding is a 400. */
function decodeFilename(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    throw malformed("a filename* is not valid percent-encoded UTF-8");
  }
}

export async function* readMultipart(body: AsyncIterable<Uint8Array>, boundary: string): AsyncGenerator<MultipartPart> {
  const reader = new ByteReader(body);
  const dash = Buffer.from(`--${boundary}`);
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // The preamble ends at the first boundary, which needs no CRLF before it.
  await readUntil(reader, dash, 64 * 1024);
  for (;;) {
    const after = await reader.read(2).catch(() => Buffer.from("--"));
    if (after.toString("latin1") === "--") break;
    if (after.toString("latin1") !== "\r\n") throw malformed("a boundary is not followed by a line break");
    const headers = parseHeaders((await readUntil(reader, Buffer.from("\r\n\r\n"), MAX_HEADER_BYTES)).toString("utf8"));
    let finished = false;
    const partBody = (async function* (): AsyncGenerator<Buffer> {
      // Yield everything that cannot be the start of the delimiter; stop at the delimiter.
      for (;;) {
        if (!(await reader.fill(delimiter.length))) throw malformed("the body ends inside a part");
        const window = await reader.peek(Math.max(reader.available, delimiter.length));
        const at = window.indexOf(delimiter);
        if (at >= 0) {
          if (at > 0) yield await reader.read(at);
          await reader.read(delimiter.length);
          finished = true;
          return;
        }
        yield await reader.read(window.length - delimiter.length + 1);
      }
    })();
    yield { ...headers, body: partBody };
    if (!finished) for await (const _ of partBody) void _;
  }
  await reader.drain();
}
