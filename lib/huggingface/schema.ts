// zod schemas for Hub imports: the import body, the sync query, and a model's Hub revisions.
import { z } from "zod";
import { pageOf, pageParams } from "@/lib/http/pagination";

// The Hub's rules for repo ids: an optional namespace, then a name; letters, digits, - _ .
const REPO_ID = /^(?:[A-Za-z0-9][\w.-]{0,95}\/)?[A-Za-z0-9][\w.-]{0,95}$/;
const REF = /^[\w.\-/]{1,200}$/;

/** A repo id, or a Hub URL of one (https://huggingface.co/org/name/tree/main ...), as pasted. */
export const repoIdSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(/^https?:\/\/(www\.)?(huggingface\.co|hf\.co)\//i, "").replace(/\/(tree|blob|resolve)\/.*$/, "").replace(/\/+$/, ""))
  .pipe(
    z
      .string()
      .min(1, "Enter a Hub repo id, e.g. meta-llama/Llama-3.1-8B-Instruct")
      .regex(REPO_ID, "A Hub repo id looks like org/name: letters, digits, - _ .")
      .refine((id) => !id.includes("--") && !id.includes(".."), "A Hub repo id cannot contain -- or .."),
  )
  .meta({ example: "meta-llama/Llama-3.1-8B-Instruct" });

export const revisionSchema = z
  .string()
  .trim()
  .regex(REF, "A branch, tag or commit sha: letters, digits, - _ . /")
  .meta({ description: "Branch, tag or commit; default main", example: "main" });

export const importModelBodySchema = z
  .strictObject({ repo_id: repoIdSchema, revision: revisionSchema.optional() })
  .meta({ id: "HubImport" });
export type ImportModelBody = z.output<typeof importModelBodySchema>;

export const syncModelQuerySchema = z.strictObject({
  revision: revisionSchema.optional().meta({ description: "Move to this branch, tag or commit; default the one the model follows" }),
});

export const hubFileSchema = z.object({
  path: z.string(),
  size: z.number().int(),
  sha256: z.string().nullable(),
  url: z.string(),
});
export type HubFileDto = z.infer<typeof hubFileSchema>;

export const hubRevisionSchema = z
  .object({
    id: z.uuid(),
    model_id: z.uuid(),
    repo_id: z.string(),
    revision: z.string().meta({ description: "The commit sha" }),
    ref: z.string().meta({ description: "What was asked for: a branch, tag or sha" }),
    parameters_exact: z.number().int().nullable(),
    weights_format: z.enum(["safetensors", "gguf"]).nullable(),
    changed_fields: z.array(z.string()),
    files: z.array(hubFileSchema),
    created_at: z.iso.datetime(),
  })
  .meta({ id: "HubRevision" });
export type HubRevisionDto = z.infer<typeof hubRevisionSchema>;

export const listRevisionsQuerySchema = z.strictObject({ ...pageParams });
export const hubRevisionPageSchema = pageOf(hubRevisionSchema, "HubRevisionPage");
