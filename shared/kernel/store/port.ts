/**
 * What a use case needs of a store: its public methods, as an interface. Repositories are
 * classes with `#private` fields, which TypeScript compares by name, not shape; a port is the
 * shape alone, so a unit test can hand a use case an in-memory store (`test/fakes/`) that keeps
 * the same contract (`test/contracts/`).
 */
export type Port<T> = { [K in keyof T]: T[K] };
