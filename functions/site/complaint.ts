import { htmlPage } from '#functions/site/page-result.ts';
import { siteRoutes as routes } from '#functions/site/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { complaintStatusPage } from '#shared/render/site/complaint-pages.ts';
import { ports } from '#shared/repositories.ts';
import { complaintByReceipt } from '#shared/supervision/use-cases/complaints.ts';

/** The status page a receipt opens (SUP-1): never cached, the answer may arrive any minute. */
export const handler = httpHandler(routes.siteComplaint, async ({ params }) =>
  htmlPage(complaintStatusPage(await complaintByReceipt(ports, params.receipt)), { live: true }),
);
