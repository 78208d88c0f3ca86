import { ulid } from 'ulid';
import { beijingTimeText, legalDateOf } from '#shared/kernel/dates.ts';
import { redact } from '#shared/kernel/desensitise.ts';
import {
  type ErrorDetail,
  issueDetails,
  NotFound,
  RuleViolation,
  ValidationFailed,
} from '#shared/kernel/errors.ts';
import { canonicalJson, sha256Hex } from '#shared/kernel/journal.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import type { ChildWrite } from '#shared/kernel/store/child-write.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import { redactionContextFor } from '#shared/publicity/domain/public-record.ts';
import type { PublicationRepository } from '#shared/publicity/store/publication-repository.ts';
import { avRequirement, avRequirementLabels, avSatisfied } from '#shared/recording/domain/av-requirement.ts';
import type { CaseRecord } from '#shared/recording/domain/case.ts';
import { documentStatus } from '#shared/recording/domain/document-status.ts';
import {
  type CaseDocument,
  DECISION_DOCUMENT_TYPES,
  type DocumentType,
  DocumentTypeSchema,
  type DocumentVerification,
  documentLabel,
  documentNumber,
  documentTemplates,
  FreeRecordFields,
  serviceMethodLabels,
} from '#shared/recording/domain/documents.ts';
import { newVerificationCode } from '#shared/recording/domain/verification-code.ts';
import { type CasePorts, readCase } from '#shared/recording/use-cases/case-access.ts';
import {
  assertAvComplete,
  avListInForce,
  startOfMinute,
} from '#shared/recording/use-cases/case-activities.ts';
import { authoredBy, changeCase, commitCaseChange } from '#shared/recording/use-cases/case-commit.ts';
import { publicationReadied } from '#shared/recording/use-cases/transition-case.ts';

/** Times a record states about what the party or the heads did: after registration, never ahead. */
const PROCEDURE_TIMES = ['statedAt', 'waivedAt', 'heldAt', 'servedAt'];

/** The time an inspection is planned for (审批表, 通知书, INS-6): ahead by nature. */
const PLANNED_TIMES = ['plannedAt'];

/**
 * What may still be written to a case (REC-3): nothing once archived, only the closing report once
 * closed; no time in a record lies in the future but a planned one, and the procedure's own times (statement,
 * waiver, discussion, service) are not before the case was registered.
 */
function assertRecordFits(
  record: CaseRecord,
  type: string,
  fields: Record<string, unknown>,
  now: Date,
): void {
  if (record.status === 'archived' || (record.status === 'closed' && type !== 'closing-report')) {
    throw new RuleViolation(
      'CASE_CLOSED',
      record.status === 'archived' ? '案件已归档，不能再制作文书' : '案件已结案，只能制作结案报告',
    );
  }
  const details: ErrorDetail[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (!field.endsWith('At') || typeof value !== 'string' || Number.isNaN(Date.parse(value))) continue;
    if (Date.parse(value) > now.getTime() + 60_000 && !PLANNED_TIMES.includes(field))
      details.push({ path: `fields.${field}`, message: '时间不能晚于当前时间' });
    else if (PROCEDURE_TIMES.includes(field) && Date.parse(value) < startOfMinute(record.createdAt))
      details.push({
        path: `fields.${field}`,
        message: `时间不能早于立案时间（北京时间 ${beijingTimeText(record.createdAt)}）`,
      });
  }
  if (details.length > 0) throw new ValidationFailed(details, `${documentLabel(type)}的时间有误`);
}

/**
 * A service receipt names a document of this case, by record id or number, and its service took
 * place after that document was made and not in the future (LAW-2, LAW-10): a receipt cannot start
 * the hearing period of a notice that does not exist, nor start it earlier than the notice.
 * Returns the receipt's fields naming the document both ways, and the document.
 */
async function servedDocument(
  ports: CasePorts,
  record: CaseRecord,
  fields: Record<string, unknown>,
  now: Date,
): Promise<{ fields: Record<string, unknown>; served: CaseDocument }> {
  const documents = await ports.cases.documents(record.agencyId, record.id);
  const served = documents.find((document) =>
    fields.documentId !== undefined
      ? document.id === fields.documentId
      : document.number === fields.documentNumber,
  );
  const details: ErrorDetail[] = [];
  if (!served)
    details.push(
      fields.documentId !== undefined
        ? { path: 'fields.documentId', message: '本案没有所选的文书' }
        : {
            path: 'fields.documentNumber',
            message: `本案没有文号为 ${String(fields.documentNumber)} 的文书`,
          },
    );
  else if (fields.documentNumber !== undefined && fields.documentNumber !== served.number)
    details.push({ path: 'fields.documentNumber', message: `所选文书的文号是 ${served.number}` });
  else if (served.type === 'service-receipt')
    details.push({ path: 'fields.documentId', message: '送达回证本身不是送达的文书' });
  const servedAt = Date.parse(String(fields.servedAt));
  if (servedAt > now.getTime() + 60_000)
    details.push({ path: 'fields.servedAt', message: '送达时间不能晚于当前时间' });
  if (served && servedAt < startOfMinute(served.createdAt))
    details.push({
      path: 'fields.servedAt',
      message: `送达时间不能早于该文书的制作时间（北京时间 ${beijingTimeText(served.createdAt)}）`,
    });
  details.push(...(await serviceAvGaps(ports, record, fields, servedAt)));
  if (!served || details.length > 0) throw new ValidationFailed(details, '送达回证的内容有误');
  return { fields: { ...fields, documentId: served.id, documentNumber: served.number }, served };
}

/**
 * Service on site (直接送达, 留置送达) is a service activity, which needs AV by statute or by the
 * agency's list (REC-4): the receipt names that activity of this case, its AV archived, begun no
 * later than the service. Postal and electronic service prove themselves by the tracking number
 * or the delivery record instead.
 */
async function serviceAvGaps(
  ports: CasePorts,
  record: CaseRecord,
  fields: Record<string, unknown>,
  servedAt: number,
): Promise<ErrorDetail[]> {
  if (fields.method !== 'direct' && fields.method !== 'left') return [];
  const method = serviceMethodLabels[fields.method as 'direct' | 'left'];
  const requirement = avRequirement(
    await avListInForce(ports, record.agencyId),
    record.category,
    'service',
    record.flags.majorProperty === true,
  );
  if (requirement === 'none') return [];
  const path = 'fields.activityId';
  if (fields.activityId === undefined)
    return [
      {
        path,
        message: `${method}须有${avRequirementLabels[requirement]}：请先记录送达活动并上传音像证据，再选择该送达活动`,
      },
    ];
  const [activities, evidence] = await Promise.all([
    ports.cases.activities(record.agencyId, record.id),
    ports.evidence.forCase(record.agencyId, record.id),
  ]);
  const activity = activities.find(
    (candidate) => candidate.id === fields.activityId && candidate.type === 'service',
  );
  if (!activity) return [{ path, message: '本案没有所选的送达活动' }];
  const own = evidence.filter((item) => item.activityId === activity.id);
  if (!avSatisfied(requirement, own))
    return [{ path, message: `所选送达活动尚无已归档的${avRequirementLabels[requirement]}` }];
  if (servedAt < startOfMinute(activity.startedAt))
    return [
      {
        path: 'fields.servedAt',
        message: `送达时间不能早于送达活动的开始时间（北京时间 ${beijingTimeText(activity.startedAt)}）`,
      },
    ];
  return [];
}

/**
 * What the public sees of a document under its code (PUB-16): its title with the party's name
 * masked and the people and identifiers of the case taken out, and none of its fields.
 */
export function verificationOf(record: CaseRecord, document: CaseDocument): DocumentVerification {
  return {
    verificationCode: document.verificationCode,
    agencyId: document.agencyId,
    caseId: document.caseId,
    recordId: document.id,
    type: document.type,
    title: redact(document.title, redactionContextFor(record, [document], { maskPersonName: true })),
    number: document.number,
    issuedOn: legalDateOf(new Date(document.createdAt)),
    sha256: document.sha256,
  };
}

/**
 * A numbered document (REC-2) and the writes that take its number and store it, to be committed
 * with the case: the serial is read here and taken in that transaction, so a lost race re-reads
 * and tries the next, and numbers have no gaps and no duplicates under concurrency.
 */
export async function numberedDocument(
  ports: CasePorts,
  principal: Principal,
  record: CaseRecord,
  input: { type: string; title: string; fields: Record<string, unknown> },
): Promise<{ document: CaseDocument; writes: ChildWrite[] }> {
  const now = ports.now();
  const year = legalDateOf(now).slice(0, 4);
  const [profile, serial] = await Promise.all([
    ports.agencies.get(record.agencyId),
    ports.cases.nextSerial(record.agencyId, input.type, year),
  ]);
  const number = documentNumber(profile?.documentPrefix ?? '', input.type, year, serial);
  const content = {
    agencyId: record.agencyId,
    caseId: record.id,
    type: input.type,
    number,
    title: input.title,
    fields: input.fields,
  };
  const document: CaseDocument = {
    ...content,
    id: ulid(),
    year,
    serial,
    sha256: sha256Hex(canonicalJson(content)),
    verificationCode: newVerificationCode(),
    createdAt: now.toISOString(),
    createdBy: principal.sub,
  };
  return {
    document,
    writes: [
      ports.cases.takeSerial(record.agencyId, input.type, year, serial),
      ports.cases.putDocument(document),
      ports.cases.putVerification(verificationOf(record, document)),
    ],
  };
}

/**
 * An inspection case has one 审批表 (INS-6): the one its scan wrote from the approved task, or for
 * a case registered by hand the one typed; another beside it would say what the approval did not.
 */
async function assertNoApprovalForm(ports: CasePorts, record: CaseRecord): Promise<void> {
  const documents = await ports.cases.documents(record.agencyId, record.id);
  const form = documents.find((document) => document.type === 'inspection-approval');
  if (form)
    throw new RuleViolation(
      'APPROVAL_FORM_EXISTS',
      `本案已有行政检查审批表（${form.number}），不能另行制作`,
      [
        {
          path: 'type',
          message: record.inspectionId
            ? '本案的行政检查审批表已在扫码入企时依据经审批的检查任务生成，不能手工填写'
            : '每个检查案件只有一份行政检查审批表',
        },
      ],
    );
}

/**
 * Creates a numbered record (REC-2) of a standard template or of the agency's own type; not a
 * decision's document, which the decision makes (REC-12). A service receipt of the case's
 * decision document serves the decision: the case becomes `served` with it.
 */
export async function createDocument(
  ports: CasePorts & { publications: Port<PublicationRepository> },
  principal: Principal,
  caseId: string,
  input: { type: string; title: string; fields: Record<string, unknown> },
): Promise<CaseDocument> {
  const standard = DocumentTypeSchema.safeParse(input.type);
  const type = standard.success ? standard.data : input.type;
  if (DECISION_DOCUMENT_TYPES.includes(type as DocumentType))
    throw new RuleViolation(
      'DECISION_DOCUMENT',
      `${documentLabel(type)}在作出决定时由系统生成，不能另行制作`,
      [{ path: 'type', message: '请通过“作出决定”生成决定书' }],
    );
  const schema = standard.success ? documentTemplates[standard.data].fields : FreeRecordFields;
  const parsed = schema.safeParse(input.fields);
  if (!parsed.success) {
    throw new ValidationFailed(
      issueDetails(parsed.error.issues, ['fields']),
      `${documentLabel(type)}的内容不完整或有误`,
    );
  }
  return changeCase(ports, principal, caseId, async (record) => {
    const now = ports.now();
    if (type === 'inspection-approval') await assertNoApprovalForm(ports, record);
    assertRecordFits(record, type, parsed.data, now);
    const service =
      type === 'service-receipt' ? await servedDocument(ports, record, parsed.data, now) : undefined;
    const { document, writes } = await numberedDocument(ports, principal, record, {
      type,
      title: input.title,
      fields: service?.fields ?? parsed.data,
    });
    // The decision is served by the receipt of its document (REC-12).
    const servesDecision =
      service !== undefined &&
      record.status === 'decided' &&
      service.served.id === record.decision?.document?.recordId;
    if (servesDecision) await assertAvComplete(ports, record);
    const readied = servesDecision ? await publicationReadied(ports, record, 'served') : undefined;
    await commitCaseChange(
      ports,
      record,
      principal,
      'document.created',
      {
        documentId: document.id,
        documentType: type,
        number: document.number,
        sha256: document.sha256,
        ...(service ? { serves: service.served.id } : {}),
      },
      { ...authoredBy(record, principal), ...(servesDecision ? { status: 'served' as const } : {}) },
      [
        ...writes,
        ...(readied
          ? [
              ports.publications.put(
                { ...readied, ready: true, updatedAt: now.toISOString(), version: readied.version + 1 },
                readied,
              ),
            ]
          : []),
      ],
    );
    return document;
  });
}

/**
 * What a record's printed document shows (REC-12): the record, the agency's full name, the party
 * and the case's officers with their certificate numbers; for whoever may read the case.
 */
export async function printableDocument(
  ports: CasePorts,
  principal: Principal,
  caseId: string,
  recordId: string,
) {
  const record = await readCase(ports, principal, caseId);
  const [document, profile, officers] = await Promise.all([
    ports.cases.document(principal.agencyId, caseId, recordId),
    ports.agencies.get(principal.agencyId),
    Promise.all(
      record.officers.map((certificateNo) => ports.officers.get(principal.agencyId, certificateNo)),
    ),
  ]);
  if (!document) throw new NotFound('文书不存在', [{ path: 'recordId', message: '本案没有该文书' }]);
  return {
    document,
    agencyName: profile?.name ?? principal.agencyId,
    party: record.party,
    officers: record.officers.map((certificateNo, index) => ({
      certificateNo,
      name: officers[index]?.name ?? certificateNo,
    })),
  };
}

/**
 * A printed document checked by its code (PUB-16): what the public may see of it and whether it
 * still stands; an unknown code is not found, and says nothing more.
 */
export async function verifyDocument(ports: CasePorts, code: string) {
  const verification = await ports.cases.verification(code);
  if (!verification) throw new NotFound('未找到该核验码对应的文书');
  const { caseId, recordId } = verification;
  const [record, profile] = await Promise.all([
    caseId ? ports.cases.get(verification.agencyId, caseId) : undefined,
    ports.agencies.get(verification.agencyId),
  ]);
  return {
    agencyId: verification.agencyId,
    agencyName: profile?.name ?? verification.agencyId,
    type: verification.type,
    typeName: verification.typeName ?? documentLabel(verification.type),
    title: verification.title,
    number: verification.number,
    issuedOn: verification.issuedOn,
    sha256: verification.sha256,
    verificationCode: verification.verificationCode,
    // A supervision document (SUP-3) is not revoked with a decision: it stays in force.
    status: record && recordId ? documentStatus(record, recordId) : 'in-force',
  };
}

export type PublicDocument = Awaited<ReturnType<typeof verifyDocument>>;
