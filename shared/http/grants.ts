import type { EvidenceArchiveAccess, RouteDef } from '#shared/http/route.ts';

/**
 * What the function of a group of routes may do, derived from the routes alone: the CDK stack
 * grants exactly this, and the local runtime refuses anything beyond it, so a route that needs
 * more fails its tests here before it fails in AWS.
 */
export interface FunctionGrants {
  /** The main table: read only unless a route writes. */
  main: 'read' | 'read-write';
  /** PutItem on the journal table, for the functions that commit case changes. */
  journal: boolean;
  idempotency: boolean;
  putEvents: boolean;
  evidenceArchive: ReadonlySet<EvidenceArchiveAccess>;
  schedulesDueDates: boolean;
  /** The Cognito user pool's admin actions on users, for the accounts function (ORG-5). */
  identities: boolean;
}

export function grantsOf(routes: readonly RouteDef[]): FunctionGrants {
  const writes = routes.some((route) => route.method !== 'GET');
  return {
    main: writes ? 'read-write' : 'read',
    journal: routes.some((route) => route.journals === true),
    idempotency: routes.some((route) => route.idempotent === true),
    putEvents: writes,
    evidenceArchive: new Set(routes.flatMap((route) => route.evidenceArchive ?? [])),
    schedulesDueDates: routes.some((route) => route.schedulesDueDates === true),
    identities: routes.some((route) => route.managesIdentities === true),
  };
}
