/**
 * The DynamoDB tables, described once: the CDK stateful stack and the local runtime both build
 * their tables from these, so keys and indexes cannot drift between AWS and one machine.
 */
export interface KeyDefinition {
  name: string;
  type: 'S' | 'N';
}

export interface IndexDefinition {
  name: string;
  partitionKey: KeyDefinition;
  sortKey: KeyDefinition;
}

export interface TableDefinition {
  /** The logical name: the CDK construct id, and the table name on one machine. */
  id: string;
  /** The function environment variable that carries the physical name. */
  envVar: 'MAIN_TABLE' | 'JOURNAL_TABLE' | 'IDEMPOTENCY_TABLE';
  partitionKey: KeyDefinition;
  sortKey?: KeyDefinition;
  indexes: IndexDefinition[];
  timeToLiveAttribute?: string;
}

/** Every aggregate of every agency: items own their keys (`pk`, `sk`, `gsi1pk`, `gsi1sk`). */
export const mainTable: TableDefinition = {
  id: 'Main',
  envVar: 'MAIN_TABLE',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  indexes: [
    { name: 'gsi1', partitionKey: { name: 'gsi1pk', type: 'S' }, sortKey: { name: 'gsi1sk', type: 'S' } },
    { name: 'gsi2', partitionKey: { name: 'gsi2pk', type: 'S' }, sortKey: { name: 'gsi2sk', type: 'S' } },
    // A unit's lists (reviews, publications), newest first: a unit's page costs the same however large the agency;
    // and an agency's closed case files by the day they were closed (SUP-4), sparse; and a supervisory
    // body's opinions waiting for rectification by their deadline (SUP-6), sparse.
    { name: 'gsi3', partitionKey: { name: 'gsi3pk', type: 'S' }, sortKey: { name: 'gsi3sk', type: 'S' } },
    // An agency's open work (publications not yet public, pending reviews) by due date: the overdue
    // list reads what is open, not the agency's history. Sparse: finished items leave it. Also the
    // inspection counters that raised an alert (SUP-5).
    { name: 'gsi4', partitionKey: { name: 'gsi4pk', type: 'S' }, sortKey: { name: 'gsi4sk', type: 'S' } },
  ],
  // Short-lived counters (complaints per address and day, SUP-1) expire by themselves.
  timeToLiveAttribute: 'expiresAt',
};

/** Append-only: one partition per case, one item per entry; functions may only put and read. */
export const journalTable: TableDefinition = {
  id: 'Journal',
  envVar: 'JOURNAL_TABLE',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'seq', type: 'N' },
  indexes: [],
};

/** Powertools idempotency records; expired ones are removed by TTL. */
export const idempotencyTable: TableDefinition = {
  id: 'Idempotency',
  envVar: 'IDEMPOTENCY_TABLE',
  partitionKey: { name: 'id', type: 'S' },
  indexes: [],
  timeToLiveAttribute: 'expiration',
};

export const tableDefinitions = [mainTable, journalTable, idempotencyTable];
