import * as z from 'zod';
import { Alerts } from '#functions/responses/supervision.ts';
import { defineRoute, standardErrors } from '#shared/http/route.ts';

/** The routes of `functions/alerts/`: the supervisory body's live alerts (SUP-5). */
export const alertsRoutes = {
  liveAlerts: defineRoute({
    method: 'GET',
    path: '/v1/supervision/alerts',
    handler: 'alerts/live-alerts',
    access: ['supervisor'],
    summary:
      '监督预警 (SUP-5)：所监督机关逾期未公示的决定、逾期的法制审核、逾期未答复的投诉、逾期未公开的年度数据、超过年度上限或重复的涉企检查',
    query: z.object({ agencyId: z.string().trim().min(1).max(64) }),
    responses: { 200: { schema: Alerts, description: '{agencyId, today, items: [...]}' }, ...standardErrors },
  }),
};
