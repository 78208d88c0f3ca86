import * as z from 'zod';
import { list } from '#functions/responses/common.ts';
import { PushDelivery, PushTarget } from '#functions/responses/publications.ts';
import { defineRoute, IdParam, standardErrors } from '#shared/http/route.ts';
import { PushTargetInput } from '#shared/recording/domain/push.ts';

/** The routes of `functions/push/`. */
export const pushRoutes = {
  putPushTarget: defineRoute({
    method: 'PUT',
    path: '/v1/push-target',
    handler: 'push/put-push-target',
    access: ['admin'],
    summary: '对接平台（如省级公示平台）的推送地址和签名密钥 (ORG-2)',
    body: PushTargetInput,
    responses: { 200: { schema: PushTarget, description: '{url}' }, ...standardErrors },
  }),
  listDeadLetters: defineRoute({
    method: 'GET',
    path: '/v1/push/dead-letters',
    handler: 'push/list-dead-letters',
    access: ['admin'],
    summary: '多次推送失败的记录',
    responses: { 200: { schema: list(PushDelivery), description: '{items}' }, ...standardErrors },
  }),
  replayDeadLetter: defineRoute({
    method: 'POST',
    path: '/v1/push/dead-letters/{id}/replay',
    handler: 'push/replay-dead-letter',
    access: ['admin'],
    summary: '重新推送一条失败记录',
    params: z.strictObject({ id: IdParam }),
    responses: {
      200: { schema: PushDelivery, description: 'the delivery' },
      ...standardErrors,
      409: { description: 'not dead' },
    },
  }),
};
