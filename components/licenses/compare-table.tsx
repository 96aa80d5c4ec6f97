// Licenses side by side, term by term: every license as a row (with a box to pick it for the
// detailed comparison), or the picked ones as columns with each term in full.
import Link from "next/link";
import type { LicenseDto } from "@/lib/licenses/schema";
import { CategoryBadge, PolicyBadge, SuitabilityBadge } from "./badges";
import { TermValue, termLabels } from "./terms";

const th = "px-3 py-2 font-medium";
const columns = ["commercial_use", "non_commercial_only", "mau_limit", "acceptable_use_policy", "region_restrictions", "naming_requirement", "attribution", "pass_through_restrictions", "copyleft"] as const;

export function LicenseTable({ licenses, selected }: { licenses: LicenseDto[]; selected: string[] }) {
  return (
    <form method="get" action="/licenses" aria-label="Pick licenses to compare" className="space-y-3">
      <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Licenses and their terms</caption>
          <thead className="border-b border-zinc-200 text-xs text-zinc-500 uppercase dark:border-zinc-800 dark:text-zinc-400">
            <tr>
              <th scope="col" className={th}><span className="sr-only">Compare</span></th>
              <th scope="col" className={th}>License</th>
              {columns.map((term) => <th key={term} scope="col" className={th}>{termLabels[term]}</th>)}
              <th scope="col" className={th}>Policy</th>
              <th scope="col" className={`${th} text-right`}>Models</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {licenses.map((license) => (
              <tr key={license.id} className="align-top hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
                <td className="px-3 py-2">
                  <input type="checkbox" name="compare" value={license.id} defaultChecked={selected.includes(license.id)} aria-label={`Compare ${license.name}`} />
                </td>
                <th scope="row" className="min-w-56 px-3 py-2 font-normal">
                  <Link href={`/licenses/${license.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">{license.name}</Link>
                  <div className="mt-1 flex flex-wrap items-center gap-1"><code className="text-xs">{license.id}</code><CategoryBadge category={license.category} /><SuitabilityBadge suitability={license.suitability} /></div>
                </th>
                {columns.map((term) => <td key={term} className="px-3 py-2"><TermValue term={term} terms={license.terms} short /></td>)}
                <td className="px-3 py-2"><PolicyBadge policy={license.policy?.policy} /></td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {license.model_counts.total ? <Link href={`/licenses/${license.id}#models`} className="hover:underline">{license.model_counts.total}</Link> : 0}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex justify-end">
        <button type="submit" className="inline-flex h-9 items-center rounded-md bg-indigo-600 px-4 text-sm font-medium text-white hover:bg-indigo-500">Compare selected</button>
      </div>
    </form>
  );
}

/** The picked licenses as columns, each term in full with its caveat. */
export function LicenseComparison({ licenses }: { licenses: LicenseDto[] }) {
  const terms = Object.keys(termLabels) as (keyof typeof termLabels)[];
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Licenses compared term by term</caption>
        <thead className="border-b border-zinc-200 dark:border-zinc-800">
          <tr>
            <th scope="col" className={`${th} text-xs text-zinc-500 uppercase`}>Term</th>
            {licenses.map((license) => (
              <th key={license.id} scope="col" className={`${th} min-w-56`}>
                <Link href={`/licenses/${license.id}`} className="text-indigo-700 hover:underline dark:text-indigo-300">{license.name}</Link>
                <div><code className="text-xs font-normal">{license.id}</code></div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 align-top dark:divide-zinc-800">
          <tr>
            <th scope="row" className={`${th} text-zinc-600 dark:text-zinc-400`}>Category</th>
            {licenses.map((l) => <td key={l.id} className="px-3 py-2"><CategoryBadge category={l.category} /> <SuitabilityBadge suitability={l.suitability} /></td>)}
          </tr>
          {terms.map((term) => (
            <tr key={term}>
              <th scope="row" className={`${th} text-zinc-600 dark:text-zinc-400`}>{termLabels[term]}</th>
              {licenses.map((l) => (
                <td key={l.id} className="px-3 py-2">
                  <TermValue term={term} terms={l.terms} />
                  {l.term_notes[term] ? <p className="mt-1 text-xs text-amber-800 dark:text-amber-300">Note: {l.term_notes[term]}</p> : null}
                </td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row" className={`${th} text-zinc-600 dark:text-zinc-400`}>Policy</th>
            {licenses.map((l) => <td key={l.id} className="px-3 py-2"><PolicyBadge policy={l.policy?.policy} />{l.policy?.conditions ? <p className="mt-1 text-xs">{l.policy.conditions}</p> : null}</td>)}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
