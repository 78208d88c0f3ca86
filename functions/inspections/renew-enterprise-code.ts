import { inspectionsRoutes as routes } from '#functions/inspections/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { enterpriseCode } from '#shared/inspections/use-cases/inspections.ts';
import { supervisionQrSvg } from '#shared/render/qr.ts';
import { ports } from '#shared/repositories.ts';

/** A new supervision code for the enterprise: every code shown before is refused from now on (INS-4). */
export const handler = httpHandler(routes.renewEnterpriseCode, async ({ principal }) => {
  const code = await enterpriseCode(ports, principal, true);
  return {
    status: 201,
    body: { code, svg: await supervisionQrSvg(code) },
    headers: { 'cache-control': 'no-store' },
  };
});
