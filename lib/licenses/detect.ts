// Finds which license a model carries, from what a model card and repo offer: the card's license
// id, its license_name and license_link (the Hub's `other` case), or the text of a LICENSE file.
// Texts are compared with the known licenses' texts in lib/licenses/texts; below the threshold the
// answer is "unknown" (license_type null) and the model needs a person to review it.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { findCatalogLicense, licenseCatalog, type CatalogLicense } from "./catalog";
import { containment, dice, normalizeLicenseText, shingles, weightsOf, type Weights } from "./similarity";

export type DetectionMethod = "id" | "name" | "link" | "text" | "none";

export interface DetectionInput {
  id?: string | null;
  name?: string | null;
  link?: string | null;
  text?: string | null;
}

export interface Detection {
  license_type: string | null;
  method: DetectionMethod;
  confidence: number;
  candidates?: { license_type: string; score: number }[];
}

/** A full reference text must be this similar (Dice); a passages-only one this contained. */
export const TEXT_THRESHOLD = 0.8;
export const PASSAGES_THRESHOLD = 0.85;
/** Ids that say "look elsewhere" rather than naming a license. */
const NON_IDS = new Set(["other", "unknown", "custom", "proprietary", "none", "see-license", "license"]);

const textsDir = path.join(process.cwd(), "lib", "licenses", "texts");

const compact = (value: string) => value.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "");

function normalizeUrl(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, "")
    .replace(/^www\./, "")
    .replace(/[?#].*$/, "")
    .replace(/\/(blob|raw|resolve)\/(main|master|head)\//, "/-/")
    .replace(/\.(html?|txt|md)$/, "")
    .replace(/\/+$/, "");
}

export function detectById(id: string): Detection | null {
  const license = findCatalogLicense(id);
  return license ? { license_type: license.id, method: "id", confidence: 1 } : null;
}

export function detectByName(name: string): Detection | null {
  const wanted = compact(name);
  if (!wanted) return null;
  const license = licenseCatalog.find((l) => [l.id, ...l.aliases, l.name, ...l.names].some((n) => compact(n) === wanted));
  return license ? { license_type: license.id, method: "name", confidence: 0.95 } : null;
}

export function detectByLink(link: string): Detection | null {
  const wanted = normalizeUrl(link);
  if (!wanted) return null;
  const license = licenseCatalog.find((l) => [l.link, ...l.urls].some((url) => url !== null && normalizeUrl(url) === wanted));
  return license ? { license_type: license.id, method: "link", confidence: 0.9 } : null;
}

interface Reference {
  license: CatalogLicense;
  shingles: Set<string>;
  complete: boolean;
}

let references: Promise<{ refs: Reference[]; weights: Weights }> | undefined;

function loadReferences(): Promise<{ refs: Reference[]; weights: Weights }> {
  references ??= Promise.all(
    licenseCatalog
      .filter((license) => license.text)
      .map(async (license) => {
        const text = await readFile(/*turbopackIgnore: true*/ path.join(textsDir, license.text!.file), "utf8");
        return { license, shingles: shingles(normalizeLicenseText(text)), complete: license.text!.complete };
      }),
  )
    .then((refs) => ({ refs, weights: weightsOf(refs.map((ref) => ref.shingles)) }))
    .catch((error) => {
      references = undefined;
      throw error;
    });
  return references;
}

export interface TextScore {
  license_type: string;
  /** How similar the text is to this license's (Dice, or containment for passages-only texts). */
  score: number;
  /** The same with shared passages weighted down: what ranks the candidates. */
  rank: number;
  complete: boolean;
}

/** Scores a text against every known license text; the best first. */
export async function scoreText(text: string): Promise<TextScore[]> {
  const words = shingles(normalizeLicenseText(text));
  const { refs, weights } = await loadReferences();
  const measure = (ref: Reference, w?: Weights) => (ref.complete ? dice(words, ref.shingles, w) : containment(words, ref.shingles, w));
  return refs
    .map((ref) => ({ license_type: ref.license.id, score: measure(ref), rank: measure(ref, weights), complete: ref.complete }))
    .sort((a, b) => b.rank - a.rank || b.score - a.score);
}

export async function detectByText(text: string): Promise<Detection> {
  const scored = await scoreText(text);
  const candidates = scored.slice(0, 3).filter((c) => c.score > 0).map((c) => ({ license_type: c.license_type, score: round(c.score) }));
  const [best, runnerUp] = scored;
  const threshold = best?.complete ? TEXT_THRESHOLD : PASSAGES_THRESHOLD;
  if (!best || best.score < threshold) return { license_type: null, method: "text", confidence: round(best?.score ?? 0), candidates };
  // A runner-up that scores nearly as well on what sets the licenses apart makes the answer less sure.
  const close = runnerUp !== undefined && best.rank - runnerUp.rank < 0.03;
  return { license_type: best.license_type, method: "text", confidence: round(close ? best.score * 0.8 : best.score), candidates };
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * The license a model carries. The card's id wins when it names a known license; for `other`
 * (or an unknown id) the license_name, then the license_link, then the LICENSE text are tried.
 */
export async function detectLicense(input: DetectionInput): Promise<Detection> {
  const id = input.id?.trim() || null;
  if (id && !NON_IDS.has(id.toLowerCase())) {
    const byId = detectById(id);
    if (byId) return byId;
  }
  const byName = input.name?.trim() ? detectByName(input.name) : null;
  if (byName) return byName;
  const byLink = input.link?.trim() ? detectByLink(input.link) : null;
  if (byLink) return byLink;
  const byText = input.text?.trim() ? await detectByText(input.text) : null;
  if (byText?.license_type) return byText;
  // An id the Hub knows but we do not: keep it (so the catalog shows it), and let a person decide.
  if (id && !NON_IDS.has(id.toLowerCase()) && /^[a-z0-9][a-z0-9.+_-]*$/i.test(id)) {
    return { license_type: id.toLowerCase(), method: "id", confidence: 0.5, ...(byText?.candidates?.length ? { candidates: byText.candidates } : {}) };
  }
  return byText ?? { license_type: null, method: "none", confidence: 0 };
}
