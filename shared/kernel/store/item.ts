/** The attributes that are storage, not data: keys, index keys and the item's entity name. */
export const STORAGE_ATTRIBUTES = [
  'pk',
  'sk',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'gsi3pk',
  'gsi3sk',
  'gsi4pk',
  'gsi4sk',
  'entity',
];

/** A stored item back to the record it holds. */
export function fromItem<T>(item: Record<string, unknown>): T {
  const record = { ...item };
  for (const attribute of STORAGE_ATTRIBUTES) delete record[attribute];
  return record as T;
}
