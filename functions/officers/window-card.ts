import { officersRoutes as routes } from '#functions/officers/routes.ts';
import { currentEdition } from '#shared/checklists/use-cases/checklists.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { unitName } from '#shared/kernel/agency.ts';
import { RuleViolation } from '#shared/kernel/errors.ts';
import { categoryLabels } from '#shared/organisation/domain/officer.ts';
import { getOfficer } from '#shared/organisation/use-cases/officers.ts';
import { verificationQrSvg } from '#shared/render/qr.ts';
import { windowCardSvg } from '#shared/render/svg/window-card.ts';
import { ports } from '#shared/repositories.ts';

/** Service items are named by their codes in the agency's published matters list. */
export const handler = httpHandler(routes.windowCard, async ({ params, query, principal }) => {
  const officer = await getOfficer(ports, principal.agencyId, params.certificateNo);
  const codes = (query.matters ?? '')
    .split(',')
    .map((code) => code.trim())
    .filter((code) => code !== '');
  const matters = codes.length > 0 ? await currentEdition(ports, principal.agencyId, 'matters') : undefined;
  const names = new Map(
    matters?.items.map((item) => [item.code, 'name' in item ? item.name : item.code]) ?? [],
  );
  const unknown = codes.filter((code) => !names.has(code));
  if (unknown.length > 0) {
    throw new RuleViolation(
      'UNKNOWN_MATTER',
      '服务事项不在现行事项清单中',
      unknown.map((code) => ({ path: 'matters', message: code })),
    );
  }
  const profile = await ports.agencies.get(principal.agencyId);
  const svg = windowCardSvg({
    window: query.window,
    agencyName: profile?.name ?? principal.agencyId,
    unit: unitName(profile, officer.unitId),
    name: officer.name,
    position: officer.position,
    enforcementTypes: officer.categories.map((category) => categoryLabels[category]),
    serviceItems: codes.map((code) => names.get(code) ?? code),
    qrSvg: await verificationQrSvg(officer.agencyId, officer.certificateNo),
  });
  return { status: 200, contentType: 'image/svg+xml', body: svg };
});
