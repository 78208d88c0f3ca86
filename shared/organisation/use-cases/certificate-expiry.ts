import { addCalendarDays, legalDateOf } from '#shared/kernel/dates.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import { effectiveStatus } from '#shared/organisation/domain/officer.ts';
import type { OfficerRepository } from '#shared/organisation/store/officer-repository.ts';

export const EXPIRY_NOTICE_DAYS = 30;

export interface ExpiringCertificate {
  agencyId: string;
  certificateNo: string;
  name: string;
  validTo: string;
  status: 'valid' | 'expired';
}

/**
 * Certificates that expired yesterday or will expire within 30 days, across agencies: the list an
 * administrator works through for the annual audit (审验). Read-only, so reruns are harmless.
 */
export async function certificateExpiryReport(ports: { officers: Port<OfficerRepository>; now: () => Date }) {
  const today = legalDateOf(ports.now());
  const officers = await ports.officers.listByValidTo(
    addCalendarDays(today, -1),
    addCalendarDays(today, EXPIRY_NOTICE_DAYS),
  );
  const certificates: ExpiringCertificate[] = officers
    .map((officer) => ({ officer, status: effectiveStatus(officer, today) }))
    .filter(
      (entry): entry is { officer: typeof entry.officer; status: 'valid' | 'expired' } =>
        entry.status === 'valid' || entry.status === 'expired',
    )
    .map(({ officer, status }) => ({
      agencyId: officer.agencyId,
      certificateNo: officer.certificateNo,
      name: officer.name,
      validTo: officer.validTo,
      status,
    }));
  return { checkedOn: today, withinDays: EXPIRY_NOTICE_DAYS, certificates };
}
