import type { APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { errorBody, errorResponse } from '#shared/http/errors.ts';

type RouteHandler = (event: never, context: Context) => Promise<APIGatewayProxyResultV2>;
type RouteModule = () => Promise<{ handler: RouteHandler }>;

/**
 * One Lambda per area of the API: the area's entry (generated at synth time from the route table,
 * infra/constructs/area-entry.ts) maps each route key to its handler module. A CloudFormation stack
 * holds 500 resources; a function per route would not fit. A module is evaluated when its route is
 * first asked for, so a cold start evaluates one route's code, not the whole area's.
 */
export function dispatch(modules: Record<string, RouteModule>) {
  const loaded = new Map<string, Promise<RouteHandler>>();
  return async (event: { routeKey?: string }, context: Context): Promise<APIGatewayProxyResultV2> => {
    const key = event.routeKey;
    const load = key && Object.hasOwn(modules, key) ? modules[key] : undefined;
    if (!key || !load) {
      return errorResponse(404, errorBody('NOT_FOUND', '接口不存在'));
    }
    let handler = loaded.get(key);
    if (!handler) {
      handler = load().then((module) => module.handler);
      loaded.set(key, handler);
    }
    return (await handler)(event as never, context);
  };
}
