import { dateText, legalDateOf } from '#shared/kernel/dates.ts';
import { openDocument } from '#shared/render/pdf/record-document.ts';
import type { Opinion, SupervisionMatter } from '#shared/supervision/domain/matter.ts';
import { opinionKindLabels } from '#shared/supervision/domain/matter-labels.ts';

export interface SupervisionDocumentContents {
  matter: Pick<SupervisionMatter, 'supervisorName' | 'agencyName' | 'facts' | 'subject'>;
  opinion: Opinion;
  /** The title of the case the matter concerns, when it concerns one. */
  caseTitle?: string;
  /** Where the QR code leads: the public verification page of the opinion's code. */
  verificationUrl: string;
}

/**
 * A supervision opinion or recommendation as its printed document (SUP-3, 行政执法监督意见书 /
 * 建议书), laid out by the case documents' renderer: the supervisory body, the title and the
 * number; the agency addressed (主送); what it concerns, the facts, the rule broken, what is to
 * be rectified and by when; the body for its seal and the date; the verification code (PUB-16).
 */
export async function supervisionDocumentPdf(contents: SupervisionDocumentContents): Promise<Buffer> {
  const { matter, opinion } = contents;
  const { pdf, width, write, line, keepTogether, finish } = openDocument({
    issuerName: matter.supervisorName,
    title: opinionKindLabels[opinion.kind],
    number: opinion.number,
  });
  const paragraph = (label: string, text: string) => {
    write(`${label}：`, { width });
    write(text, { width, indent: 24, lineGap: 4 });
    pdf.moveDown(0.4);
  };

  line('主送', matter.agencyName);
  pdf.moveDown(0.3);
  if (contents.caseTitle) line('涉及案件', contents.caseTitle);
  if (matter.subject.practice) line('涉及执法行为', matter.subject.practice);
  pdf.moveDown(0.3);
  paragraph('经查明的事实', opinion.facts ?? matter.facts);
  paragraph('违反的规定', opinion.ruleBroken);
  if (opinion.demand) paragraph('整改要求', opinion.demand);
  line('整改期限', dateText(opinion.rectifyBy));
  pdf.moveDown(0.4);
  write(`请你单位于${dateText(opinion.rectifyBy)}前完成整改，并将整改情况书面报送本机关。`, {
    width,
    lineGap: 4,
  });

  keepTogether(180);
  pdf.moveDown(1.5);
  return finish(legalDateOf(new Date(opinion.issuedAt)), {
    verificationCode: opinion.verificationCode,
    sha256: opinion.sha256,
    verificationUrl: contents.verificationUrl,
  });
}
