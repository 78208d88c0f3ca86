import { publicRoutes as routes } from '#functions/public/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { NotFound } from '#shared/kernel/errors.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.publicPublication, async ({ params }) => {
  const record = await ports.publications.getPublicRecord(params.id);
  if (!record) throw new NotFound('公示不存在或尚未发布', [{ path: 'id', message: params.id }]);
  return { status: 200, body: record, headers: { 'cache-control': 'no-store' } };
});
