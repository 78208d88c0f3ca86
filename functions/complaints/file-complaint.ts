import { complaintsRoutes as routes } from '#functions/complaints/routes.ts';
import { config } from '#shared/config.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';
import { fileComplaint } from '#shared/supervision/use-cases/complaints.ts';

export const handler = httpHandler(routes.fileComplaint, async ({ body, sourceIp }) => {
  const { receipt, answerBy } = await fileComplaint(ports, body, {
    address: sourceIp,
    perAddressPerDay: config().COMPLAINTS_PER_ADDRESS_PER_DAY,
  });
  return { status: 201, body: { receipt, answerBy } };
});
