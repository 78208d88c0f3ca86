import * as z from 'zod';
import { Calendar, CalendarLoaded, Deadline, Recomputation } from '#functions/responses/publications.ts';
import { defineRoute, IdParam, standardErrors } from '#shared/http/route.ts';
import { LegalDate } from '#shared/kernel/dates.ts';
import { ROLES } from '#shared/kernel/principal.ts';

const Dates = z.array(LegalDate).max(366);

/** The routes of `functions/calendar/`. */
export const calendarRoutes = {
  calendarDeadline: defineRoute({
    method: 'GET',
    path: '/v1/calendar/deadline',
    handler: 'calendar/deadline',
    access: ROLES,
    summary: '按法定节假日计算工作日期限 (LAW-8)；未载入年度日历为 422 CALENDAR_NOT_CONFIRMED',
    query: z.object({ from: LegalDate, workingDays: z.coerce.number().int().min(1).max(60) }),
    responses: {
      200: { schema: Deadline, description: '{dueBy, calendarVersions}' },
      ...standardErrors,
      422: { description: 'CALENDAR_NOT_CONFIRMED' },
    },
  }),
  putCalendar: defineRoute({
    method: 'PUT',
    path: '/v1/calendar/{year}',
    handler: 'calendar/put-calendar',
    journals: true,
    access: ['calendar-admin'],
    summary:
      '载入或修改某年节假日和调休工作日（仅平台角色 calendar-admin；任何机关的管理员均不可）；随即重算所有未到期期限，可续算 (LAW-8)',
    params: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) }),
    body: z.strictObject({
      holidays: Dates,
      workdays: Dates,
      source: z.string().trim().min(1).max(500).optional(),
    }),
    schedulesDueDates: true,
    responses: {
      200: {
        schema: CalendarLoaded,
        description: 'the calendar, with `recomputation: {id, status, processed, changed}`',
      },
      ...standardErrors,
    },
  }),
  getRecomputation: defineRoute({
    method: 'GET',
    path: '/v1/calendar/recomputations/{id}',
    handler: 'calendar/get-recomputation',
    access: ['calendar-admin'],
    summary: '日历变更后期限重算任务的进度',
    params: z.strictObject({ id: IdParam }),
    responses: {
      200: { schema: Recomputation, description: '{id, year, status, phase, processed, changed}' },
      ...standardErrors,
    },
  }),
  getCalendar: defineRoute({
    method: 'GET',
    path: '/v1/calendar/{year}',
    handler: 'calendar/get-calendar',
    access: ROLES,
    summary: '某年节假日安排及其来源、版本',
    params: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) }),
    responses: { 200: { schema: Calendar, description: 'the calendar' }, ...standardErrors },
  }),
};
