import { checklistsRoutes as routes } from '#functions/checklists/routes.ts';
import { kindLabels } from '#shared/checklists/domain/checklist-kinds.ts';
import { getChecklist } from '#shared/checklists/use-cases/checklists.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';

const contentTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export const handler = httpHandler(routes.exportChecklist, async ({ params, query, principal }) => {
  const checklist = await getChecklist(ports, principal.agencyId, params.id);
  const file = await (await import('#shared/render/xlsx/checklist-spreadsheet.ts')).exportItems(
    checklist.kind,
    checklist.items,
    query.format,
  );
  const name = `${kindLabels[checklist.kind]}-${checklist.edition ? `第${checklist.edition}版` : '草稿'}.${query.format}`;
  return {
    status: 200,
    contentType: contentTypes[query.format],
    body: file,
    headers: { 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}` },
  };
});
