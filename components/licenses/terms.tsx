// A license's terms, labelled for people: yes/no answers with their caveats, and what a model's
// own restrictions changed.
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { LicenseTerms } from "@/lib/licenses/catalog";

export const termLabels: Record<keyof LicenseTerms, string> = {
  commercial_use: "Commercial use",
  attribution: "Attribution / notice",
  redistribution: "Redistribution",
  modification: "Modification",
  non_commercial_only: "Non-commercial only",
  mau_limit: "Monthly active user limit",
  naming_requirement: "Naming requirement",
  acceptable_use_policy: "Acceptable use policy",
  region_restrictions: "Region restrictions",
  pass_through_restrictions: "Restrictions passed on",
  use_restrictions: "Other use restrictions",
  copyleft: "Copyleft",
};

/** The order terms are shown and compared in: what decides "may we use it" first. */
export const termOrder: (keyof LicenseTerms)[] = [
  "commercial_use", "non_commercial_only", "mau_limit", "acceptable_use_policy", "region_restrictions", "use_restrictions",
  "naming_requirement", "attribution", "redistribution", "modification", "pass_through_restrictions", "copyleft",
];

const yes = (good: boolean) => <Badge tone={good ? "good" : "bad"}>{good ? "yes" : "no"}</Badge>;
const flag = (on: boolean) => (on ? <Badge tone="warn">yes</Badge> : <Badge>no</Badge>);

function ValueText({ value }: { value: string }) {
  return /^https?:\/\//.test(value) ? (
    <a href={value} className="break-all text-indigo-700 hover:underline dark:text-indigo-300" rel="noreferrer">{value}</a>
  ) : (
    <>{value}</>
  );
}

/** One term's value; `short` keeps long texts to a yes/none for the compare table. */
export function TermValue({ term, terms, short = false }: { term: keyof LicenseTerms; terms: LicenseTerms; short?: boolean }): ReactNode {
  const value = terms[term];
  switch (term) {
    case "commercial_use": case "redistribution": case "modification":
      return yes(value as boolean);
    case "non_commercial_only": case "pass_through_restrictions":
      return flag(value as boolean);
    case "mau_limit":
      return value === null ? <span className="text-zinc-500">none</span> : <Badge tone="warn">{`${Number(value).toLocaleString("en-US")} MAU`}</Badge>;
    case "copyleft":
      return value === "none" ? <span className="text-zinc-500">none</span> : <Badge tone={value === "weak" ? "info" : "warn"}>{String(value)}</Badge>;
    default:
      if (value === null) return <span className="text-zinc-500">none</span>;
      return short ? <Badge tone="warn">yes</Badge> : <ValueText value={String(value)} />;
  }
}

/** The terms as a definition list, with overridden terms marked and caveats beneath. */
export function TermsList({ terms, overridden = [], notes = {}, compact = false }: {
  terms: LicenseTerms; overridden?: string[]; notes?: Record<string, string>; compact?: boolean;
}) {
  return (
    <dl className={compact ? "grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-2" : "space-y-3"}>
      {termOrder.map((term) => (
        <div key={term} className="min-w-0" data-term={term}>
          <dt className="flex items-center gap-2 text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
            {termLabels[term]}
            {overridden.includes(term) ? <Badge tone="info">set by this model</Badge> : null}
          </dt>
          <dd className="mt-0.5 text-sm break-words">
            <TermValue term={term} terms={terms} short={compact} />
            {notes[term] && !compact ? <p className="mt-1 text-xs text-amber-800 dark:text-amber-300">Note: {notes[term]}</p> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
