import { ulid } from 'ulid';
import { legalDateOf } from '#shared/kernel/dates.ts';
import { Forbidden, NotFound, RuleViolation, ValidationFailed } from '#shared/kernel/errors.ts';
import { canonicalJson, sha256Hex } from '#shared/kernel/journal.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import { newVerificationCode } from '#shared/recording/domain/verification-code.ts';
import {
  type AcceptanceInput,
  matterSettled,
  type Opinion,
  type OpinionInput,
  opinionNumber,
  opinionSeries,
  type RectificationInput,
  rectificationRefusal,
  type SupervisionMatter,
} from '#shared/supervision/domain/matter.ts';
import { opinionKindLabels } from '#shared/supervision/domain/matter-labels.ts';
import {
  AGENCY_REPORTERS,
  changeMatter,
  isAgency,
  isBody,
  type MatterPorts,
  readableMatter,
} from '#shared/supervision/use-cases/matter-access.ts';

/**
 * Issues a supervision opinion or recommendation on a matter (SUP-3): numbered in the body's own
 * series (the serial taken in the matter's transaction, so no gaps and no duplicates), with the
 * rule broken and a rectification deadline after today.
 */
export function issueOpinion(
  ports: MatterPorts,
  principal: Principal,
  matterId: string,
  input: OpinionInput,
) {
  return changeMatter(ports, principal, matterId, 'opinion.issued', async (matter, now) => {
    if (!isBody(principal, matter)) throw new Forbidden('只有立项的监督机关可以制发监督文书');
    if (matter.status === 'closed') throw new RuleViolation('MATTER_CLOSED', '监督事项已办结');
    const today = legalDateOf(now);
    if (input.rectifyBy <= today)
      throw new ValidationFailed([{ path: 'rectifyBy', message: '整改期限须晚于今天' }]);
    const year = today.slice(0, 4);
    const series = opinionSeries(input.kind);
    const [body, serial] = await Promise.all([
      ports.agencies.get(principal.agencyId),
      ports.cases.nextSerial(principal.agencyId, series, year),
    ]);
    if (!body?.documentPrefix)
      throw new RuleViolation(
        'DOCUMENT_PREFIX_MISSING',
        '本监督机关尚未设置文号前缀，请管理员在“机关设置”中填写后再制发监督文书',
      );
    const content = {
      supervisorAgencyId: matter.supervisorAgencyId,
      agencyId: matter.agencyId,
      matterId: matter.matterId,
      kind: input.kind,
      number: opinionNumber(body.documentPrefix, input.kind, year, serial),
      ...(input.facts ? { facts: input.facts } : {}),
      ruleBroken: input.ruleBroken,
      ...(input.demand ? { demand: input.demand } : {}),
      rectifyBy: input.rectifyBy,
    };
    const opinion: Opinion = {
      opinionId: ulid(),
      kind: input.kind,
      number: content.number,
      ...(input.facts ? { facts: input.facts } : {}),
      ruleBroken: input.ruleBroken,
      ...(input.demand ? { demand: input.demand } : {}),
      rectifyBy: input.rectifyBy,
      sha256: sha256Hex(canonicalJson(content)),
      verificationCode: newVerificationCode(),
      issuedAt: now.toISOString(),
      issuedBy: principal.sub,
      issuedByName: principal.name,
      status: 'issued',
      rectifications: [],
      acceptances: [],
    };
    return {
      next: { ...matter, opinions: [...matter.opinions, opinion] },
      data: {
        opinionId: opinion.opinionId,
        kind: opinion.kind,
        title: opinionKindLabels[opinion.kind],
        number: opinion.number,
        ...(opinion.facts ? { facts: opinion.facts } : {}),
        ruleBroken: opinion.ruleBroken,
        rectifyBy: opinion.rectifyBy,
      },
      children: [
        ports.cases.takeSerial(principal.agencyId, series, year, serial),
        // PUB-16: the code printed on the paper leads anyone holding it to what the public may see.
        ports.cases.putVerification({
          verificationCode: opinion.verificationCode,
          agencyId: matter.supervisorAgencyId,
          matterId: matter.matterId,
          type: series,
          typeName: opinionKindLabels[opinion.kind],
          title: `致${matter.agencyName}`,
          number: opinion.number,
          issuedOn: today,
          sha256: opinion.sha256,
        }),
      ],
    };
  });
}

/** The matter of an opinion, or 404. */
async function matterOfOpinion(ports: MatterPorts, opinionId: string): Promise<string> {
  const matterId = await ports.matters.matterOfOpinion(opinionId);
  if (!matterId) throw new NotFound('监督文书不存在', [{ path: 'id', message: '未找到该监督文书' }]);
  return matterId;
}

const withOpinion = (matter: SupervisionMatter, opinionId: string, change: (opinion: Opinion) => Opinion) =>
  matter.opinions.map((opinion) => (opinion.opinionId === opinionId ? change(opinion) : opinion));

const opinionIn = (matter: SupervisionMatter, opinionId: string): Opinion => {
  const opinion = matter.opinions.find((candidate) => candidate.opinionId === opinionId);
  if (!opinion) throw new NotFound('监督文书不存在', [{ path: 'id', message: '未找到该监督文书' }]);
  return opinion;
};

/**
 * An opinion as its printed document (SUP-3) for either side of its matter, with the title of
 * the case it concerns; 404 for anyone else.
 */
export async function printableOpinion(ports: MatterPorts, principal: Principal, opinionId: string) {
  const matter = await readableMatter(ports, principal, await matterOfOpinion(ports, opinionId));
  const opinion = opinionIn(matter, opinionId);
  const subjectCase = matter.subject.caseId
    ? await ports.cases.get(matter.agencyId, matter.subject.caseId)
    : undefined;
  return { matter, opinion, ...(subjectCase ? { caseTitle: subjectCase.title } : {}) };
}

/** The supervised agency reports its rectification (整改报告, SUP-3): to an issued or returned opinion. */
export async function reportRectification(
  ports: MatterPorts,
  principal: Principal,
  opinionId: string,
  input: RectificationInput,
) {
  const matterId = await matterOfOpinion(ports, opinionId);
  return changeMatter(ports, principal, matterId, 'rectification.reported', async (matter, now) => {
    if (!isAgency(principal, matter, AGENCY_REPORTERS))
      throw new Forbidden('只有被监督机关的负责人或管理员可以提交整改报告');
    const opinion = opinionIn(matter, opinionId);
    const refusal = rectificationRefusal(opinion, 'report');
    if (refusal) throw new RuleViolation('RECTIFICATION_NOT_EXPECTED', refusal);
    const rectification = {
      report: input.report,
      attachments: input.attachments ?? [],
      reportedAt: now.toISOString(),
      reportedBy: principal.sub,
      reportedByName: principal.name,
    };
    return {
      next: {
        ...matter,
        opinions: withOpinion(matter, opinionId, (current) => ({
          ...current,
          status: 'reported',
          rectifications: [...current.rectifications, rectification],
        })),
      },
      data: {
        opinionId,
        report: input.report,
        attachments: rectification.attachments,
        late: opinion.rectifyBy < legalDateOf(now),
      },
    };
  });
}

/**
 * The supervisory body accepts the rectification or sends it back with its reasons (SUP-3). The
 * matter is closed once every opinion's rectification is accepted.
 */
export async function answerRectification(
  ports: MatterPorts,
  principal: Principal,
  opinionId: string,
  input: AcceptanceInput,
) {
  const matterId = await matterOfOpinion(ports, opinionId);
  return changeMatter(
    ports,
    principal,
    matterId,
    input.accepted ? 'rectification.accepted' : 'rectification.returned',
    async (matter, now) => {
      if (!isBody(principal, matter)) throw new Forbidden('只有制发监督文书的监督机关可以验收整改');
      const refusal = rectificationRefusal(opinionIn(matter, opinionId), 'accept');
      if (refusal) throw new RuleViolation('RECTIFICATION_NOT_EXPECTED', refusal);
      const opinions = withOpinion(matter, opinionId, (current) => ({
        ...current,
        status: input.accepted ? 'accepted' : 'returned',
        acceptances: [
          ...current.acceptances,
          {
            accepted: input.accepted,
            note: input.note,
            at: now.toISOString(),
            by: principal.sub,
            byName: principal.name,
          },
        ],
      }));
      const settled = matterSettled({ opinions, referrals: matter.referrals });
      return {
        next: {
          ...matter,
          opinions,
          ...(settled ? { status: 'closed' as const, closedAt: now.toISOString() } : {}),
        },
        data: {
          opinionId,
          accepted: input.accepted,
          note: input.note,
          ...(settled ? { matterClosed: true } : {}),
        },
      };
    },
  );
}
