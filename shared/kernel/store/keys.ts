/**
 * The main table's partition of an agency: its profile, cases and their children, reviews,
 * publications, lists, officers, evidence and the rest, each under its entity's sort-key prefix
 * (`CASE#`, `REVIEW#`, `PUBLICATION#`, ...), which the entity's repository owns. Every
 * repository asks this for the partition; none spells it.
 */
export const agencyPartition = (agencyId: string) => `AGENCY#${agencyId}`;
