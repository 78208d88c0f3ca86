import type { APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { errorBody, errorResponse } from '#shared/http/errors.ts';

type RouteHandler = (event: never, context: Context) => Promise<APIGatewayProxyResultV2>;

/**
 * One Lambda per area of the API: the area's entry (generated at synth time from the route table,
 * infra/constructs/area-entry.ts) maps each route key to its handler module. A CloudFormation stack
 * holds 500 resources; a function per route would not fit.
 */
export function dispatch(handlers: Record<string, RouteHandler>) {
  return async (event: { routeKey?: string }, context: Context): Promise<APIGatewayProxyResultV2> => {
    const handler = event.routeKey ? handlers[event.routeKey] : undefined;
    if (!handler) {
      return errorResponse(404, errorBody('NOT_FOUND', '接口不存在'));
    }
    return handler(event as never, context);
  };
}
