// A small reader of schema.prisma, enough to say what tables, columns, enums, indexes and foreign
// keys the schema expects, so the drift test can compare them with the migrated database.
export interface ExpectedColumn { name: string; type: string; nullable: boolean }
export interface ExpectedIndex { table: string; columns: string[]; unique: boolean; method: string }
export interface ExpectedForeignKey { table: string; columns: string[]; references: string; referencedColumns: string[]; onDelete: string }
export interface ExpectedSchema {
  tables: Map<string, ExpectedColumn[]>;
  enums: Map<string, string[]>;
  indexes: ExpectedIndex[];
  foreignKeys: ExpectedForeignKey[];
}

const scalarTypes: Record<string, string> = {
  String: "text", Int: "integer", BigInt: "bigint", Float: "double precision", Boolean: "boolean",
  DateTime: "timestamp(3) without time zone", Json: "jsonb", Decimal: "numeric(65,30)", Bytes: "bytea",
};
const nativeTypes: Record<string, (arg?: string) => string> = {
  Uuid: () => "uuid", Text: () => "text", Timestamptz: (p) => `timestamp(${p ?? 6}) with time zone`,
  Timestamp: (p) => `timestamp(${p ?? 6}) without time zone`, VarChar: (n) => `character varying(${n})`,
  Integer: () => "integer", SmallInt: () => "smallint", DoublePrecision: () => "double precision",
  Date: () => "date", Inet: () => "inet", Char: (n) => `character(${n})`,
};

const listOf = (text: string) => text.split(",").map((s) => s.trim().replace(/\(.*\)$/, "")).filter(Boolean);
const snake = (name: string) => name;

export function readPrismaSchema(source: string): ExpectedSchema {
  const text = source.replace(/\/\/.*$/gm, "");
  const enums = new Map<string, string[]>();
  for (const [, name, body] of text.matchAll(/enum\s+(\w+)\s*\{([^}]*)\}/g)) {
    enums.set(name, body.split(/\s+/).filter((w) => w && !w.startsWith("@")));
  }
  const blocks = [...text.matchAll(/model\s+(\w+)\s*\{([\s\S]*?)\n\}/g)].map(([, name, body]) => ({ name, body }));
  const tableOf = new Map(blocks.map(({ name, body }) => [name, body.match(/@@map\("([^"]+)"\)/)?.[1] ?? snake(name)]));
  const tables = new Map<string, ExpectedColumn[]>();
  const indexes: ExpectedIndex[] = [];
  const foreignKeys: ExpectedForeignKey[] = [];

  for (const { name, body } of blocks) {
    const table = tableOf.get(name)!;
    const columns: ExpectedColumn[] = [];
    const columnOf = new Map<string, string>();
    for (const line of body.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("@@"))) {
      const match = line.match(/^(\w+)\s+(Unsupported\("([^"]+)"\)|\w+)(\[\])?(\?)?\s*(.*)$/);
      if (!match) continue;
      const [, field, type, unsupported, list, optional, attributes] = match;
      if (tableOf.has(type)) {
        const relation = attributes.match(/@relation\([^)]*fields:\s*\[([^\]]+)\][^)]*references:\s*\[([^\]]+)\]([^)]*)\)/);
        if (relation) {
          const onDelete = relation[3].match(/onDelete:\s*(\w+)/)?.[1] ?? (optional ? "SetNull" : "Restrict");
          foreignKeys.push({
            table, columns: listOf(relation[1]), references: tableOf.get(type)!,
            referencedColumns: listOf(relation[2]), onDelete,
          });
        }
        continue;
      }
      const column = attributes.match(/@map\("([^"]+)"\)/)?.[1] ?? field;
      columnOf.set(field, column);
      const native = attributes.match(/@db\.(\w+)(?:\(([^)]*)\))?/);
      let sqlType = unsupported ?? (enums.has(type) ? `enum:${type}` : native ? nativeTypes[native[1]](native[2]) : scalarTypes[type]);
      if (list) sqlType = `${sqlType}[]`;
      columns.push({ name: column, type: sqlType, nullable: Boolean(optional || list) });
      if (/@id\b/.test(attributes)) indexes.push({ table, columns: [column], unique: true, method: "btree" });
      if (/@unique\b/.test(attributes)) indexes.push({ table, columns: [column], unique: true, method: "btree" });
    }
    for (const [, kind, fields, options] of body.matchAll(/@@(index|unique|id)\(\[([^\]]+)\]([^)]*)\)/g)) {
      indexes.push({
        table,
        columns: listOf(fields).map((f) => columnOf.get(f) ?? f),
        unique: kind !== "index",
        method: options.match(/type:\s*(\w+)/)?.[1].toLowerCase() ?? "btree",
      });
    }
    // Foreign keys referring to fields by name: map them to columns.
    for (const fk of foreignKeys.filter((k) => k.table === table)) fk.columns = fk.columns.map((f) => columnOf.get(f) ?? f);
    tables.set(table, columns);
  }
  for (const fk of foreignKeys) {
    const target = blocks.find((b) => tableOf.get(b.name) === fk.references)!;
    fk.referencedColumns = fk.referencedColumns.map((f) => target.body.match(new RegExp(`^\\s*${f}\\s.*@map\\("([^"]+)"\\)`, "m"))?.[1] ?? f);
  }
  return { tables, enums, indexes, foreignKeys };
}
