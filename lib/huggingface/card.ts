// What a model card gives the registry: a short description from the README's prose, the tags
// worth keeping, and the license the card declares.

const DESCRIPTION_LIMIT = 2000;
const MIN_PARAGRAPH = 40;

/** The README without its YAML front matter. */
export function cardBody(readme: string): string {
  const match = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---[ \t]*(\r?\n|$)/.exec(readme);
  return match ? readme.slice(match[0].length) : readme;
}

function plainText(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "") // images
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1") // links keep their text
    .replace(/<[^>]+>/g, "") // inline HTML
    .replace(/[*_`]{1,3}([^*_`]+)[*_`]{1,3}/g, "$1") // emphasis and code
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The first paragraphs of prose in the card, up to ~2,000 characters: headings, badges, HTML
 * blocks, tables, code and lists are skipped, so a card that opens with a logo and a table of
 * links still yields its introduction.
 */
export function describeFromCard(readme: string): string {
  const body = cardBody(readme).replace(/<!--[\s\S]*?-->/g, "").replace(/```[\s\S]*?```/g, "");
  const paragraphs: string[] = [];
  let length = 0;
  for (const block of body.split(/\r?\n\s*\r?\n/)) {
    const trimmed = block.trim();
    if (!trimmed || /^(#|\||>|-{3,}|[-*+] |\d+\. |<|!\[|\[!\[)/.test(trimmed)) continue;
    const text = plainText(trimmed);
    if (text.length < MIN_PARAGRAPH && paragraphs.length === 0) continue;
    if (!text) continue;
    if (length + text.length > DESCRIPTION_LIMIT) {
      if (paragraphs.length === 0) paragraphs.push(`${text.slice(0, DESCRIPTION_LIMIT - 1).replace(/\s\S*$/, "")}…`);
      break;
    }
    paragraphs.push(text);
    length += text.length + 2;
    if (paragraphs.length === 2) break;
  }
  return paragraphs.join("\n\n");
}

// Hub tags that are facets of another kind (license:, base_model:, arxiv: ...) or noise.
const FACET_TAG = /^(license|region|base_model|arxiv|dataset|doi|autotrain_compatible|endpoints_compatible|deploy|template|co2_eq_emissions|eval-results|model-index)(:|$)/;

/** The Hub's tags worth keeping in the catalog: topics, library, formats, languages. */
export function catalogTags(tags: readonly string[]): string[] {
  const kept = tags.map((tag) => tag.trim()).filter((tag) => tag && tag.length <= 50 && !FACET_TAG.test(tag));
  return [...new Set(kept)].slice(0, 50);
}

export interface CardLicense {
  /** The Hub's license id, or for `other` the card's license_name. */
  id: string | null;
  name: string | null;
  link: string | null;
}

const LICENSE_ID = /^[A-Za-z0-9][A-Za-z0-9._\-+]*$/;

export function cardLicense(cardData: Record<string, unknown> | undefined): CardLicense {
  const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);
  const declared = text(cardData?.license) ?? (Array.isArray(cardData?.license) ? text(cardData.license[0]) : null);
  const name = text(cardData?.license_name);
  const link = text(cardData?.license_link);
  const id = declared === "other" && name ? name : declared;
  return { id: id && LICENSE_ID.test(id) && id.length <= 100 ? id.toLowerCase() : null, name, link };
}
