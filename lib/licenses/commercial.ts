// Which license ids allow commercial use, from the license table in shared/docs/domain.md.
// The licenses feature replaces this list with its knowledge base in the database.
export const commercialLicenseIds = [
  "apache-2.0", "mit", "bsd-2-clause", "bsd-3-clause", "llama2", "llama3", "llama3.1",
  "llama3.2", "llama3.3", "llama4", "gemma", "qwen", "deepseek", "creativeml-openrail-m",
  "openrail", "openrail++", "bigscience-openrail-m", "bigcode-openrail-m",
  "bigscience-bloom-rail-1.0", "cc-by-4.0", "cc-by-sa-4.0", "gpl-3.0", "agpl-3.0", "lgpl-3.0",
  "mpl-2.0", "cc0-1.0", "unlicense",
] as const;
