import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { can, getPortalActor } from "@/lib/auth/portal";
import { getCatalogCounts, listModels } from "@/lib/models/service";
import { formatParameters } from "@/lib/format";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [counts, recent, actor] = await Promise.all([
    getCatalogCounts(),
    listModels({ page: 1, page_size: 5, sort: "created_at", order: "desc" }),
    getPortalActor(),
  ]);
  const mayRegister = can(actor, "engineer");
  const stats = [
    { label: "Models", value: counts.total, href: "/models" },
    { label: "From Hugging Face", value: counts.byProvider.huggingface ?? 0, href: "/models?provider=huggingface" },
    { label: "Custom", value: counts.byProvider.custom ?? 0, href: "/models?provider=custom" },
    { label: "Families", value: counts.families, href: "/models" },
  ];
  return (
    <>
      <PageHeader
        title="Model registry"
        description="Find a model, see what it needs to run and whether you may use it."
        actions={mayRegister ? <ButtonLink href="/models/new">Register a model</ButtonLink> : undefined}
      />
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        {stats.map((stat) => (
          <Link key={stat.label} href={stat.href} className="rounded-lg border border-zinc-200 bg-white p-5 hover:border-indigo-400 dark:border-zinc-800 dark:bg-zinc-900">
            <div className="text-sm text-zinc-600 dark:text-zinc-400">{stat.label}</div>
            <div className="mt-1 text-3xl font-semibold tabular-nums">{stat.value.toLocaleString("en-US")}</div>
          </Link>
        ))}
      </div>
      <Card title="Recently added" className="mt-6" actions={<Link href="/models?sort=created_at&order=desc" className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">All models</Link>}>
        {recent.data.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No models yet.</p>
        ) : (
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {recent.data.map((model) => (
              <li key={model.id} className="flex items-center justify-between gap-4 py-2 text-sm">
                <Link href={`/models/${model.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">{model.name}</Link>
                <span className="text-zinc-500 tabular-nums">{formatParameters(model.parameter_count)}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
