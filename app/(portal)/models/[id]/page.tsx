import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SyncModelButton } from "@/components/huggingface/sync-button";
import { DeleteModelButton } from "@/components/models/delete-model-button";
import { ModelBenchmarks } from "@/components/benchmarks/model-benchmarks";
import { ModelHistory } from "@/components/models/model-history";
import { LicenseStatusBadge, ScanBadge } from "@/components/models/status-badges";
import { ModelLicenseSection } from "@/components/licenses/model-license";
import { RequirementsPanel } from "@/components/requirements/requirements-panel";
import { ModelScansSection } from "@/components/scans/model-scans-section";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Facts } from "@/components/ui/facts";
import { listResourceHistory } from "@/lib/audit/service";
import { can, getPortalActor } from "@/lib/auth/portal";
import { formatContext, formatDate, formatInteger, formatParameters } from "@/lib/format";
import { AppError } from "@/lib/http/errors";
import type { ModelDto } from "@/lib/models/schema";
import { getModelOrThrow } from "@/lib/models/service";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

async function loadModel(id: string): Promise<ModelDto> {
  return getModelOrThrow(id).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const model = await getModelOrThrow((await params).id).catch(() => null);
  return { title: model?.name ?? "Model" };
}

const configLabels: [string, string][] = [
  ["num_hidden_layers", "Layers"], ["hidden_size", "Hidden size"], ["intermediate_size", "MLP size"],
  ["num_attention_heads", "Attention heads"], ["num_key_value_heads", "KV heads"], ["head_dim", "Head size"],
  ["vocab_size", "Vocabulary"], ["num_experts", "Experts"], ["num_experts_per_tok", "Experts per token"],
  ["tie_word_embeddings", "Tied embeddings"], ["torch_dtype", "Weights dtype"],
];

export default async function ModelPage({ params }: Props) {
  const model = await loadModel((await params).id);
  const [actor, history] = await Promise.all([getPortalActor(), listResourceHistory("model", model.id, 1, 20)]);
  const [mayEdit, mayDelete] = [can(actor, "engineer"), can(actor, "admin")];
  const config = model.config ?? {};
  const source = model.source as { type?: string; repo_id?: string | null; revision?: string | null; url?: string | null; ref?: string | null; library?: string | null; gated?: boolean | string | null };
  const fromHub = source.type === "huggingface" && Boolean(source.repo_id);
  return (
    <>
      <PageHeader
        title={model.name}
        description={
          <div className="mt-2 flex flex-wrap gap-2">
            <Badge tone="info">{model.provider}</Badge>
            <LicenseStatusBadge status={model.license_status} />
            <ScanBadge status={model.scan_status} />
          </div>
        }
        actions={
          mayEdit || mayDelete ? (
            <>
              {mayEdit && fromHub ? <SyncModelButton id={model.id} /> : null}
              {mayEdit ? <ButtonLink href={`/models/${model.id}/edit`} variant="secondary">Edit</ButtonLink> : null}
              {mayDelete ? <DeleteModelButton id={model.id} name={model.name} /> : null}
            </>
          ) : undefined
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Overview">
            <p className="text-sm leading-6 whitespace-pre-line text-zinc-700 dark:text-zinc-300">{model.description || "No description."}</p>
            {model.tags.length ? (
              <ul aria-label="Tags" className="mt-4 flex flex-wrap gap-1.5">
                {model.tags.map((tag) => <li key={tag}><Badge>{tag}</Badge></li>)}
              </ul>
            ) : null}
          </Card>
          <Card title="Model">
            <Facts
              items={[
                ["Parameters", formatParameters(model.parameter_count)],
                ["Exact parameters", formatInteger(model.parameters_exact)],
                ["Context length", model.context_length ? `${formatContext(model.context_length)} (${formatInteger(model.context_length)} tokens)` : "—"],
                ["Architecture", model.architecture],
                ["Family", model.family],
                ["Task", model.task],
              ]}
            />
          </Card>
          {Object.keys(config).length ? (
            <Card title="Architecture">
              <Facts
                items={configLabels
                  .filter(([key]) => config[key] !== undefined)
                  .map(([key, label]) => [label, typeof config[key] === "number" ? formatInteger(config[key] as number) : String(config[key])])}
              />
            </Card>
          ) : null}
          <div id="requirements" className="scroll-mt-6"><Card title="Requirements"><RequirementsPanel modelId={model.id} maxContext={model.context_length} /></Card></div>
          <ModelBenchmarks modelId={model.id} />
          <ModelScansSection modelId={model.id} />
          <ModelHistory events={history.data} total={history.total} />
        </div>
        <div className="space-y-6">
          <ModelLicenseSection modelId={model.id} mayReview={mayDelete} />
          <Card title="Source">
            <Facts
              items={[
                ["Type", source.type],
                ...(source.repo_id ? [["Repository", source.repo_id] as [string, string]] : []),
                ...(source.revision ? [["Revision", <code key="r">{source.revision}</code>] as [string, React.ReactNode]] : []),
                ...(source.ref ? [["Follows", <code key="f">{source.ref}</code>] as [string, React.ReactNode]] : []),
                ...(source.library ? [["Library", source.library] as [string, string]] : []),
                ...(fromHub ? [["Gated", source.gated ? `yes (${source.gated === true ? "gated" : source.gated})` : "no"] as [string, string]] : []),
              ]}
            />
          </Card>
          <Card title="Record">
            <Facts items={[["Id", <code key="id" className="text-xs">{model.id}</code>], ["Registered", formatDate(model.created_at)], ["Updated", formatDate(model.updated_at)]]} />
          </Card>
        </div>
      </div>
    </>
  );
}
