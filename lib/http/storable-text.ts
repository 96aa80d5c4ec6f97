// PostgreSQL stores neither NUL (U+0000) nor unpaired UTF-16 surrogates, in text or in jsonb; JSON
// can carry both (as \u0000 and \ud800 escapes). A body holding them is refused up front with the
// fields named, rather than failing in the database or being silently altered by the driver.
import { AppError } from "./errors";

const UNSTORABLE = /\u0000|\p{Cs}/u;
// Only escapes produce them: a JSON string cannot hold a raw NUL, and decoded UTF-8 has no surrogates.
const UNSTORABLE_ESCAPE = /\\u(0000|d[89a-f])/i;
const MAX_FIELDS_NAMED = 20;

const problem = "Text cannot contain the NUL character (\\u0000) or an unpaired surrogate (\\ud800-\\udfff)";

/** Where a value sits in the body: a chain up to the root, made into a path only when needed. */
interface Place {
  parent: Place | null;
  key: string;
}

function pathOf(place: Place | null): string {
  const keys: string[] = [];
  for (let at = place; at; at = at.parent) keys.push(at.key.replace(/\u0000|\p{Cs}/gu, "\ufffd"));
  return keys.reverse().join(".") || "body";
}

/** Throws 422 naming the fields (or keys) of a parsed JSON body whose text cannot be stored. */
export function refuseUnstorableText(jsonText: string, value: unknown): void {
  if (!UNSTORABLE_ESCAPE.test(jsonText)) return;
  const fields: Record<string, string[]> = {};
  // Iterative: a body may nest ten thousand levels deep.
  const stack: [unknown, Place | null][] = [[value, null]];
  while (stack.length && Object.keys(fields).length < MAX_FIELDS_NAMED) {
    const [current, place] = stack.pop()!;
    if (typeof current === "string") {
      if (UNSTORABLE.test(current)) fields[pathOf(place)] = [problem];
    } else if (current && typeof current === "object") {
      for (const [key, child] of Object.entries(current)) {
        const childPlace = { parent: place, key };
        if (UNSTORABLE.test(key)) fields[pathOf(childPlace)] = [`${problem} in a key`];
        stack.push([child, childPlace]);
      }
    }
  }
  const names = Object.keys(fields);
  if (names.length) throw new AppError("validation_failed", `Invalid body: check ${names.join(", ")}`, { fields });
}
