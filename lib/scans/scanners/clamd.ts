// A clamd client over TCP: INSTREAM (4-byte big-endian length, that many bytes, ..., a zero length),
// PING and VERSION. A stream larger than clamd accepts is reported as not covered by ClamAV, never
// as clean; an unreachable or vanished clamd is an error the caller retries.
import net from "node:net";

export interface ClamdOptions {
  host: string;
  port: number;
  /** The largest stream clamd is configured to scan whole (its StreamMaxLength, MaxFileSize, MaxScanSize). */
  maxStreamBytes: number;
  /** Connecting, and waiting for the verdict after the last byte. */
  connectTimeoutMs?: number;
  replyTimeoutMs?: number;
}

export class ClamdUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ClamdUnavailableError";
  }
}

export type ClamdVerdict =
  | { kind: "clean" }
  | { kind: "found"; signature: string }
  | { kind: "not_covered"; reason: string };

/** clamd's own limits, reported as a detection when AlertExceedsMax is on: not a virus, not a scan either. */
const LIMIT_SIGNATURE = /^Heuristics\.Limits\.Exceeded/;

export function parseReply(reply: string): ClamdVerdict {
  const text = reply.replace(/\0/g, "").trim();
  if (/size limit exceeded/i.test(text)) return { kind: "not_covered", reason: "the file is larger than clamd's StreamMaxLength" };
  const found = /^(?:stream|[^:]*): (.+) FOUND$/.exec(text);
  if (found) {
    const signature = found[1];
    if (LIMIT_SIGNATURE.test(signature)) return { kind: "not_covered", reason: `clamd stopped at one of its scan limits (${signature})` };
    return { kind: "found", signature };
  }
  if (/: OK$/.test(text)) return { kind: "clean" };
  throw new ClamdUnavailableError(`clamd answered "${text.slice(0, 200)}"`);
}

function connect(options: ClamdOptions): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: options.host, port: options.port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new ClamdUnavailableError(`clamd at ${options.host}:${options.port} did not accept a connection in time`));
    }, options.connectTimeoutMs ?? 5000);
    socket.once("connect", () => {
      clearTimeout(timer);
      socket.setNoDelay(true);
      resolve(socket);
    });
    socket.once("error", (error) => {
      clearTimeout(timer);
      reject(new ClamdUnavailableError(`clamd at ${options.host}:${options.port} is unreachable: ${error.message}`, { cause: error }));
    });
  });
}

/** One INSTREAM session: write() chunks as they are read, then end() for the verdict. */
export class ClamdStream {
  private reply = "";
  private sent = 0;
  private failure: Error | null = null;
  private overLimit = false;
  private closed = false;
  private readonly replied: Promise<void>;

  private constructor(private readonly socket: net.Socket, private readonly options: ClamdOptions) {
    this.replied = new Promise<void>((resolve) => {
      socket.on("data", (chunk) => {
        this.reply += chunk.toString("latin1");
        if (this.reply.includes("\0")) resolve();
      });
      socket.on("error", (error) => {
        this.failure ??= error;
        resolve();
      });
      socket.on("close", () => {
        this.closed = true;
        resolve();
      });
    });
  }

  static async open(options: ClamdOptions): Promise<ClamdStream> {
    const socket = await connect(options);
    socket.write("zINSTREAM\0");
    return new ClamdStream(socket, options);
  }

  /** Sends a chunk; resolves when the socket can take more. Stops sending past the size limit. */
  async write(chunk: Buffer): Promise<void> {
    if (this.overLimit || !chunk.length) return;
    if (this.sent + chunk.length > this.options.maxStreamBytes) {
      // clamd would answer "size limit exceeded" and hang up: stop here, and say so at the end.
      this.overLimit = true;
      this.socket.destroy();
      return;
    }
    if (this.closed || this.failure || this.reply.includes("\0")) {
      if (/size limit exceeded/i.test(this.reply)) {
        this.overLimit = true;
        return;
      }
      throw this.lost();
    }
    const length = Buffer.alloc(4);
    length.writeUInt32BE(chunk.length);
    this.sent += chunk.length;
    this.socket.cork();
    this.socket.write(length);
    const flushed = this.socket.write(chunk);
    this.socket.uncork();
    if (!flushed) {
      await new Promise<void>((resolve) => {
        const done = () => {
          this.socket.off("drain", done);
          this.socket.off("close", done);
          resolve();
        };
        this.socket.once("drain", done);
        this.socket.once("close", done);
      });
    }
  }

  /** Ends the stream and waits for clamd's verdict. */
  async end(): Promise<ClamdVerdict> {
    if (this.overLimit) {
      this.socket.destroy();
      return { kind: "not_covered", reason: `the file is larger than the ${this.options.maxStreamBytes} bytes clamd is configured to scan` };
    }
    if (!this.closed && !this.failure) this.socket.write(Buffer.alloc(4));
    const timeout = new Promise<"timeout">((resolve) => {
      const timer = setTimeout(() => resolve("timeout"), this.options.replyTimeoutMs ?? 10 * 60_000);
      timer.unref();
      void this.replied.then(() => clearTimeout(timer));
    });
    const outcome = await Promise.race([this.replied.then(() => "done" as const), timeout]);
    this.socket.destroy();
    if (outcome === "timeout") throw new ClamdUnavailableError("clamd did not answer within the reply timeout");
    if (!this.reply.includes("\0")) throw this.lost();
    return parseReply(this.reply);
  }

  abort(): void {
    this.socket.destroy();
  }

  private lost(): Error {
    if (/size limit exceeded/i.test(this.reply)) return new ClamdUnavailableError("clamd refused the stream's size");
    return new ClamdUnavailableError(`clamd closed the connection in the middle of a scan${this.failure ? ` (${this.failure.message})` : ""}`, { cause: this.failure });
  }
}

/** Sends a short command (zPING, zVERSION) and returns the reply, or null when clamd does not answer. */
export function clamdCommand(host: string, port: number, command: "PING" | "VERSION", timeoutMs = 1000): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let reply = "";
    const finish = (value: string | null) => {
      socket.destroy();
      resolve(value);
    };
    socket.setTimeout(timeoutMs, () => finish(null));
    socket.on("connect", () => socket.write(`z${command}\0`));
    socket.on("data", (chunk) => {
      reply += chunk.toString("utf8");
      if (reply.includes("\0")) finish(reply.replace(/\0.*$/s, "").trim());
    });
    socket.on("error", () => finish(null));
    socket.on("end", () => finish(reply ? reply.replace(/\0.*$/s, "").trim() : null));
  });
}

export interface ClamdVersion {
  engine: string;
  /** The daily signature database's version and date, when clamd has the official databases. */
  signatures: string | null;
  signature_date: string | null;
}

/** "ClamAV 1.4.6/27456/Mon Nov 10 08:20:01 2025" -> its parts. */
export function parseVersion(reply: string): ClamdVersion {
  const [engine, signatures, date] = reply.split("/");
  return { engine: engine.trim(), signatures: signatures?.trim() || null, signature_date: date?.trim() || null };
}
