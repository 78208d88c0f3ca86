import { inspectionsRoutes as routes } from '#functions/inspections/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { enterpriseCode } from '#shared/inspections/use-cases/inspections.ts';
import { supervisionQrSvg } from '#shared/render/qr.ts';
import { ports } from '#shared/repositories.ts';

/** The enterprise's own supervision code; made on its first read (INS-4). */
export const handler = httpHandler(routes.enterpriseCode, async ({ principal }) => {
  const code = await enterpriseCode(ports, principal, false);
  return {
    status: 200,
    body: { code, svg: await supervisionQrSvg(code) },
    headers: { 'cache-control': 'no-store' },
  };
});
