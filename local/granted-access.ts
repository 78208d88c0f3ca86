import { AsyncLocalStorage } from 'node:async_hooks';
import { areaOf } from '#infra/constructs/area-entry.ts';
import { config } from '#shared/config.ts';
import { type FunctionGrants, grantsOf } from '#shared/http/grants.ts';
import type { RouteDef } from '#shared/http/route.ts';

/**
 * IAM on one machine: while a route's handler runs, every DynamoDB call is checked against the
 * grants the CDK stack gives that route's function (`grantsOf` its area's routes), and refused
 * as AWS would with AccessDeniedException. So a handler that writes where its function may not
 * fails the end-to-end tests, not the first request in AWS.
 */
const current = new AsyncLocalStorage<{ name: string; grants: FunctionGrants }>();

export function grantedAccessOfAreas(routes: readonly RouteDef[]): (route: RouteDef) => FunctionGrants {
  const byArea = new Map<string, FunctionGrants>();
  for (const [area, members] of Map.groupBy(routes, areaOf)) byArea.set(area, grantsOf(members));
  return (route) => byArea.get(areaOf(route)) ?? grantsOf([route]);
}

export function runWithGrants<T>(name: string, grants: FunctionGrants, work: () => Promise<T>): Promise<T> {
  return current.run({ name, grants }, work);
}

type Access = 'read' | 'write' | 'append';

interface TableAction {
  table: string;
  access: Access;
}

/** The tables a DynamoDB command touches, and how. */
export function tableActions(command: string, input: Record<string, unknown>): TableAction[] {
  const name = command.replace(/Command$/, '');
  const table = input.TableName as string | undefined;
  switch (name) {
    case 'GetItem':
    case 'Query':
    case 'Scan':
    case 'DescribeTable':
      return table ? [{ table, access: 'read' }] : [];
    case 'PutItem':
      return table ? [{ table, access: 'append' }] : [];
    case 'UpdateItem':
    case 'DeleteItem':
      return table ? [{ table, access: 'write' }] : [];
    case 'BatchGetItem':
      return Object.keys((input.RequestItems as object | undefined) ?? {}).map((t) => ({
        table: t,
        access: 'read',
      }));
    case 'BatchWriteItem':
      return Object.keys((input.RequestItems as object | undefined) ?? {}).map((t) => ({
        table: t,
        access: 'write',
      }));
    case 'TransactGetItems':
      return ((input.TransactItems as { Get?: { TableName: string } }[] | undefined) ?? []).flatMap((item) =>
        item.Get ? [{ table: item.Get.TableName, access: 'read' as const }] : [],
      );
    case 'TransactWriteItems':
      return ((input.TransactItems as Record<string, { TableName: string }>[] | undefined) ?? []).flatMap(
        (item) =>
          Object.entries(item).map(([kind, op]) => ({
            table: op.TableName,
            access:
              kind === 'Put'
                ? ('append' as const)
                : kind === 'ConditionCheck'
                  ? ('read' as const)
                  : ('write' as const),
          })),
      );
    default:
      return table ? [{ table, access: 'write' }] : [];
  }
}

function allowed(grants: FunctionGrants, { table, access }: TableAction): boolean {
  const { MAIN_TABLE, JOURNAL_TABLE, IDEMPOTENCY_TABLE } = config();
  if (table === MAIN_TABLE) return access === 'read' || grants.main === 'read-write';
  if (table === JOURNAL_TABLE) return grants.journal && access !== 'write';
  if (table === IDEMPOTENCY_TABLE) return grants.idempotency;
  return false;
}

class AccessDeniedException extends Error {
  override name = 'AccessDeniedException';
  readonly $fault = 'client';
  readonly $metadata = { httpStatusCode: 400 };
}

let installed = false;

/**
 * Installs the check on the one DynamoDB client every repository uses (once per process). The
 * client is imported here, not at the top: it reads the configuration, which `npm start` sets
 * only once the local stack is up.
 */
export async function enforceGrantsLocally(): Promise<void> {
  if (installed) return;
  installed = true;
  const { dynamoClient } = await import('#shared/kernel/store/clients.ts');
  dynamoClient.middlewareStack.add(
    (next, context) => async (args) => {
      const running = current.getStore();
      if (running) {
        const input = args.input as Record<string, unknown>;
        const refused = tableActions(context.commandName ?? '', input).find(
          (action) => !allowed(running.grants, action),
        );
        if (refused) {
          throw new AccessDeniedException(
            `${running.name} is not authorized to perform ${context.commandName} (${refused.access}) on ${refused.table}`,
          );
        }
      }
      return next(args);
    },
    { step: 'initialize', name: 'localGrantedAccess' },
  );
}
