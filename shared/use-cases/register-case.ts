import { ulid } from 'ulid';
import type { Principal } from '#shared/auth.ts';
import { legalDateOf } from '#shared/dates.ts';
import { type CaseInput, type CaseRecord, maskedName } from '#shared/domain/cases/case.ts';
import { GENESIS_HASH, nextEntry } from '#shared/domain/journal.ts';
import { RuleViolation } from '#shared/errors.ts';
import type { ChildWrite } from '#shared/store/child-write.ts';
import type { CasePorts } from '#shared/use-cases/case-access.ts';
import { caseField, caseUnit, citedMatterField, qualifiedOfficers } from '#shared/use-cases/case-commit.ts';
import { withRetry } from '#shared/use-cases/retry.ts';

/**
 * Registers a case. An inspection of an enterprise opens its case when the officer scans the
 * enterprise in (INS-4): `opened` names the inspection and carries its change into the case's
 * transaction.
 */
export async function registerCase(
  ports: CasePorts,
  principal: Principal,
  input: CaseInput,
  opened?: { inspectionId: string; children: (caseId: string) => ChildWrite[] },
): Promise<CaseRecord> {
  const now = ports.now();
  const profile = await ports.agencies.get(principal.agencyId);
  const region = input.region ?? profile?.region;
  const field = caseField(input.field, await citedMatterField(ports, principal.agencyId, input), profile);
  if (input.drawId !== undefined) {
    const draw = await ports.randomDraws.get(input.drawId);
    if (
      !draw ||
      draw.agencyId !== principal.agencyId ||
      (input.matterId && input.matterId !== draw.matterCode)
    ) {
      throw new RuleViolation('UNKNOWN_DRAW', '随机抽取记录不存在或与检查事项不符', [
        { path: 'drawId', message: input.drawId },
      ]);
    }
  }
  const officerUsers = await qualifiedOfficers(ports, principal.agencyId, input.officers, {
    dates: [legalDateOf(now)],
    category: input.category,
    region,
  });
  const id = ulid();
  const entry = nextEntry(
    { seq: 0, hash: GENESIS_HASH },
    {
      at: now.toISOString(),
      actor: principal.sub,
      type: 'case.registered',
      data: {
        category: input.category,
        procedure: input.procedure ?? 'general',
        title: input.title,
        party: { kind: input.party.kind, name: maskedName(input.party) },
        officers: input.officers,
        ...(input.matterId ? { matterId: input.matterId } : {}),
      },
    },
  );
  const unitId = caseUnit(principal, input.unitId, profile);
  const record: CaseRecord = {
    id,
    agencyId: principal.agencyId,
    category: input.category,
    procedure: input.procedure ?? 'general',
    ...(field ? { field } : {}),
    title: input.title,
    ...(input.matterId ? { matterId: input.matterId } : {}),
    ...(input.drawId ? { drawId: input.drawId } : {}),
    ...(opened ? { inspectionId: opened.inspectionId } : {}),
    party: input.party,
    officers: input.officers,
    handlers: [...new Set([principal.sub, ...officerUsers])],
    ...(unitId ? { unitId } : {}),
    ...(region ? { region } : {}),
    ...(input.amountInvolved !== undefined ? { amountInvolved: input.amountInvolved } : {}),
    flags: input.flags ?? {},
    status: 'registered',
    createdAt: now.toISOString(),
    createdBy: principal.sub,
    updatedAt: now.toISOString(),
    version: 1,
    journalSeq: entry.seq,
    journalHead: entry.hash,
  };
  // Nothing was written when DynamoDB cancels for a conflicting transaction: the same write again.
  await withRetry(() => ports.cases.create(record, entry, opened?.children(id)));
  return record;
}
