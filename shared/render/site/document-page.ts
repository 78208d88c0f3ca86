import { html } from 'htm/preact';
import { documentStatusLabels } from '#shared/recording/domain/document-status.ts';
import type { PublicDocument } from '#shared/recording/use-cases/case-documents.ts';
import { facts } from '#shared/render/site/components.ts';
import { sitePage } from '#shared/render/site/layout.ts';
import { sitePaths } from '#shared/render/site/paths.ts';

const statusAdvice: Record<PublicDocument['status'], string> = {
  'in-force': '该文书由执法机关制作，现仍有效。',
  changed: '该文书所载决定已被变更，以变更后的决定为准。',
  revoked: '该文书所载决定已被撤销，不再有效。',
  void: '该文书所载决定已被确认违法或者无效。',
};

/**
 * The page a printed document's QR code opens (PUB-16): whether it stands, first and large, then
 * what identifies it; the SHA-256 lets a holder of the electronic original check it is the same.
 * Nothing of the party or of the document's content is shown (LAW-5).
 */
export function documentPage(document: PublicDocument): string {
  return sitePage(
    {
      title: `文书核验 ${document.number}`,
      description: `${document.agencyName} ${document.typeName} ${document.number}：${documentStatusLabels[document.status]}`,
      crumbs: [
        { label: document.agencyName, href: sitePaths.agency(document.agencyId) },
        { label: '文书核验' },
      ],
    },
    html`<p class=${`status ${document.status === 'in-force' ? 'status-ok' : 'status-bad'}`} role="status">
        文书状态：${documentStatusLabels[document.status]}
      </p>
      <p>${statusAdvice[document.status]}</p>
      ${facts([
        ['执法机关', html`<a href=${sitePaths.agency(document.agencyId)}>${document.agencyName}</a>`],
        ['文书种类', document.typeName],
        ['标题', document.title],
        ['文号', document.number],
        ['制作日期', document.issuedOn],
        ['核验码', document.verificationCode],
        ['电子原件 SHA-256', html`<code class="hash">${document.sha256}</code>`],
      ])}
      <p>纸质文书的内容应与执法机关保存的电子原件一致；如有疑问，可向${document.agencyName}核实。</p>`,
  );
}
