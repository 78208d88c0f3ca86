import { accountsRoutes as routes } from '#functions/accounts/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { identityProvider } from '#shared/organisation/store/identity-provider.ts';
import { importAccounts } from '#shared/organisation/use-cases/accounts.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.importUsers, async ({ body, principal }) => {
  const { readStaffList } = await import('#shared/render/xlsx/account-spreadsheet.ts');
  const profile = await ports.agencies.get(principal.agencyId);
  const rows = await readStaffList(body.format, Buffer.from(body.content, 'base64'), profile?.units ?? []);
  const items = await importAccounts({ ...ports, identity: await identityProvider() }, principal, rows);
  return { status: 201, body: { items } };
});
