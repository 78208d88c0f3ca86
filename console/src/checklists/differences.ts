/** What changed between two editions of a list, item by item (by `code`), field by field. */
export interface ItemChange {
  code: string;
  name: string;
  change: 'added' | 'removed' | 'changed';
  /** For a changed item: the fields whose text differs. */
  fields: string[];
}

type Item = Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value ?? ''));
const nameOf = (item: Item) => text(item.name ?? item.title ?? '');

export function differences(before: readonly Item[], after: readonly Item[]): ItemChange[] {
  const old = new Map(before.map((item) => [text(item.code), item]));
  const current = new Map(after.map((item) => [text(item.code), item]));
  const changes: ItemChange[] = [];
  for (const [code, item] of current) {
    const previous = old.get(code);
    if (!previous) {
      changes.push({ code, name: nameOf(item), change: 'added', fields: [] });
      continue;
    }
    const fields = [...new Set([...Object.keys(previous), ...Object.keys(item)])].filter(
      (field) => text(previous[field]) !== text(item[field]),
    );
    if (fields.length > 0) changes.push({ code, name: nameOf(item), change: 'changed', fields });
  }
  for (const [code, item] of old)
    if (!current.has(code)) changes.push({ code, name: nameOf(item), change: 'removed', fields: [] });
  return changes;
}
