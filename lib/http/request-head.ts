// What the API reads of a request besides its body. A Web Request is one; for the hot reads the
// production server makes a lighter one from node:http's request (scripts/server/node-bridge.ts).
export interface RequestHead {
  readonly method: string;
  /** Absolute, with the query string. */
  readonly url: string;
  readonly headers: HeaderReader;
}

/** A request's headers by name, case-insensitively (Web Headers are one). */
export interface HeaderReader {
  get(name: string): string | null;
}
