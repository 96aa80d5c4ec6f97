// The tensors of well-known checkpoints, with the names and shapes their safetensors files carry,
// generated from each family's layout so the fixtures hold thousands of true shapes without
// storing them. Sums are checked against the published exact counts in shapes.test.ts.
export type Dtype = "BF16" | "F16" | "F32";

export interface TensorSpec {
  name: string;
  dtype: Dtype;
  shape: number[];
}

export const DTYPE_BYTES: Record<Dtype, number> = { BF16: 2, F16: 2, F32: 4 };

export interface DecoderLayout {
  layers: number;
  hidden: number;
  intermediate: number;
  heads: number;
  kvHeads: number;
  headDim?: number;
  vocab: number;
  tied: boolean;
  /** Biases on q, k and v (Qwen2). */
  qkvBias?: boolean;
  /** Mixtral-style experts in place of the dense MLP. */
  experts?: number;
  dtype: Dtype;
  /** "model." for a causal LM; "language_model.model." inside LLaVA. */
  prefix?: string;
  lmHead?: string;
}

const t = (name: string, dtype: Dtype, ...shape: number[]): TensorSpec => ({ name, dtype, shape });

/** Llama, Mistral, Qwen2 and Mixtral checkpoints, layer by layer as their shards hold them. */
export function decoderTensors(layout: DecoderLayout): TensorSpec[] {
  const { hidden: h, dtype } = layout;
  const prefix = layout.prefix ?? "model.";
  const headDim = layout.headDim ?? h / layout.heads;
  const q = layout.heads * headDim;
  const kv = layout.kvHeads * headDim;
  const tensors: TensorSpec[] = [t(`${prefix}embed_tokens.weight`, dtype, layout.vocab, h)];
  for (let i = 0; i < layout.layers; i++) {
    const layer = `${prefix}layers.${i}.`;
    tensors.push(
      t(`${layer}input_layernorm.weight`, dtype, h),
      t(`${layer}self_attn.q_proj.weight`, dtype, q, h),
      t(`${layer}self_attn.k_proj.weight`, dtype, kv, h),
      t(`${layer}self_attn.v_proj.weight`, dtype, kv, h),
      t(`${layer}self_attn.o_proj.weight`, dtype, h, q),
    );
    if (layout.qkvBias) {
      tensors.push(t(`${layer}self_attn.q_proj.bias`, dtype, q), t(`${layer}self_attn.k_proj.bias`, dtype, kv), t(`${layer}self_attn.v_proj.bias`, dtype, kv));
    }
    if (layout.experts) {
      tensors.push(t(`${layer}block_sparse_moe.gate.weight`, dtype, layout.experts, h));
      for (let e = 0; e < layout.experts; e++) {
        const expert = `${layer}block_sparse_moe.experts.${e}.`;
        tensors.push(
          t(`${expert}w1.weight`, dtype, layout.intermediate, h),
          t(`${expert}w2.weight`, dtype, h, layout.intermediate),
          t(`${expert}w3.weight`, dtype, layout.intermediate, h),
        );
      }
    } else {
      tensors.push(
        t(`${layer}mlp.gate_proj.weight`, dtype, layout.intermediate, h),
        t(`${layer}mlp.up_proj.weight`, dtype, layout.intermediate, h),
        t(`${layer}mlp.down_proj.weight`, dtype, h, layout.intermediate),
      );
    }
    tensors.push(t(`${layer}post_attention_layernorm.weight`, dtype, h));
  }
  tensors.push(t(`${prefix}norm.weight`, dtype, h));
  if (!layout.tied) tensors.push(t(layout.lmHead ?? "lm_head.weight", dtype, layout.vocab, h));
  return tensors;
}

export interface ClipVisionLayout {
  layers: number;
  hidden: number;
  intermediate: number;
  patch: number;
  image: number;
  dtype: Dtype;
  prefix: string;
}

/** A CLIP ViT vision tower (LLaVA's), with the class token and learned positions. */
export function clipVisionTensors(layout: ClipVisionLayout): TensorSpec[] {
  const { hidden: h, dtype, prefix } = layout;
  const positions = (layout.image / layout.patch) ** 2 + 1;
  const tensors: TensorSpec[] = [
    t(`${prefix}embeddings.class_embedding`, dtype, h),
    t(`${prefix}embeddings.patch_embedding.weight`, dtype, h, 3, layout.patch, layout.patch),
    t(`${prefix}embeddings.position_embedding.weight`, dtype, positions, h),
    t(`${prefix}pre_layrnorm.weight`, dtype, h),
    t(`${prefix}pre_layrnorm.bias`, dtype, h),
  ];
  for (let i = 0; i < layout.layers; i++) {
    const layer = `${prefix}encoder.layers.${i}.`;
    for (const proj of ["q_proj", "k_proj", "v_proj", "out_proj"]) {
      tensors.push(t(`${layer}self_attn.${proj}.weight`, dtype, h, h), t(`${layer}self_attn.${proj}.bias`, dtype, h));
    }
    tensors.push(
      t(`${layer}layer_norm1.weight`, dtype, h), t(`${layer}layer_norm1.bias`, dtype, h),
      t(`${layer}mlp.fc1.weight`, dtype, layout.intermediate, h), t(`${layer}mlp.fc1.bias`, dtype, layout.intermediate),
      t(`${layer}mlp.fc2.weight`, dtype, h, layout.intermediate), t(`${layer}mlp.fc2.bias`, dtype, h),
      t(`${layer}layer_norm2.weight`, dtype, h), t(`${layer}layer_norm2.bias`, dtype, h),
    );
  }
  tensors.push(t(`${prefix}post_layernorm.weight`, dtype, h), t(`${prefix}post_layernorm.bias`, dtype, h));
  return tensors;
}

/** LLaVA's two-layer projector from the vision width to the language model's. */
export function projectorTensors(vision: number, text: number, dtype: Dtype): TensorSpec[] {
  return [
    t("multi_modal_projector.linear_1.weight", dtype, text, vision), t("multi_modal_projector.linear_1.bias", dtype, text),
    t("multi_modal_projector.linear_2.weight", dtype, text, text), t("multi_modal_projector.linear_2.bias", dtype, text),
  ];
}

export function elementCount(shape: number[]): number {
  return shape.reduce((product, dim) => product * dim, 1);
}

export function parameterSum(tensors: TensorSpec[]): number {
  return tensors.reduce((sum, tensor) => sum + elementCount(tensor.shape), 0);
}

/** Splits tensors, in order, into `count` shards of about equal bytes, as save_pretrained does. */
export function shardTensors(tensors: TensorSpec[], count: number): TensorSpec[][] {
  const bytes = (tensor: TensorSpec) => elementCount(tensor.shape) * DTYPE_BYTES[tensor.dtype];
  let unplaced = tensors.reduce((sum, tensor) => sum + bytes(tensor), 0);
  let target = unplaced / count;
  const shards: TensorSpec[][] = [[]];
  let filled = 0;
  tensors.forEach((tensor, index) => {
    const shardsAfterThis = count - shards.length;
    const tensorsLeft = tensors.length - index;
    const current = shards[shards.length - 1];
    if (current.length > 0 && shardsAfterThis > 0 && (filled + bytes(tensor) / 2 > target || tensorsLeft <= shardsAfterThis)) {
      shards.push([]);
      filled = 0;
      target = unplaced / (shardsAfterThis);
    }
    shards[shards.length - 1].push(tensor);
    filled += bytes(tensor);
    unplaced -= bytes(tensor);
  });
  if (shards.length !== count) throw new Error(`Could not split ${tensors.length} tensors into ${count} shards`);
  return shards;
}
