// Accelerator cards and their memory, from the vendors' data sheets. Hardware profiles (a card
// type, a count and a price) and the requirements calculator both refer to these ids.
export interface GpuType {
  id: string;
  name: string;
  vendor: "nvidia" | "amd";
  /** Memory per card in GB (10^9 bytes), as the vendor states it. */
  memoryGb: number;
}

export const gpuTypes: GpuType[] = [
  { id: "h100-80gb", name: "NVIDIA H100 80GB", vendor: "nvidia", memoryGb: 80 },
  { id: "h200-141gb", name: "NVIDIA H200 141GB", vendor: "nvidia", memoryGb: 141 },
  { id: "a100-40gb", name: "NVIDIA A100 40GB", vendor: "nvidia", memoryGb: 40 },
  { id: "a100-80gb", name: "NVIDIA A100 80GB", vendor: "nvidia", memoryGb: 80 },
  { id: "l40s-48gb", name: "NVIDIA L40S 48GB", vendor: "nvidia", memoryGb: 48 },
  { id: "l4-24gb", name: "NVIDIA L4 24GB", vendor: "nvidia", memoryGb: 24 },
  { id: "a10g-24gb", name: "NVIDIA A10G 24GB", vendor: "nvidia", memoryGb: 24 },
  { id: "rtx4090-24gb", name: "NVIDIA GeForce RTX 4090 24GB", vendor: "nvidia", memoryGb: 24 },
  { id: "t4-16gb", name: "NVIDIA T4 16GB", vendor: "nvidia", memoryGb: 16 },
  { id: "mi300x-192gb", name: "AMD Instinct MI300X 192GB", vendor: "amd", memoryGb: 192 },
];

export function findGpuType(id: string): GpuType | undefined {
  return gpuTypes.find((gpu) => gpu.id === id);
}
