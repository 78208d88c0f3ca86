import { html } from 'htm/preact';
import { beijingTimeText } from '#shared/kernel/dates.ts';
import type { PublicCertificate } from '#shared/organisation/use-cases/officers.ts';
import { complaintForm } from '#shared/render/site/complaint-pages.ts';
import { facts } from '#shared/render/site/components.ts';
import { sitePage } from '#shared/render/site/layout.ts';
import { sitePaths } from '#shared/render/site/paths.ts';

/** Valid is green; suspended or not yet valid amber; revoked and expired red, in words as well as colour. */
const statusClass = (status: string) =>
  status === 'valid'
    ? 'status-ok'
    : status === 'suspended' || status === 'not-yet-valid'
      ? 'status-warn'
      : 'status-bad';

const statusAdvice: Record<string, string> = {
  valid: '该执法人员持有有效执法证件，可在证件载明的类别和区域内从事行政执法。',
  suspended: '该执法证件已被暂扣，持证人当前不得从事行政执法活动。',
  revoked: '该执法证件已被吊销，持证人不得从事行政执法活动。',
  expired: '该执法证件已过有效期，持证人不得从事行政执法活动。',
  'not-yet-valid': '该执法证件尚未生效，持证人当前不得从事行政执法活动。',
};

/** The page each certificate QR code opens (PUB-5, PUB-7): the status first, large, then the holder, then the complaint form. */
export function certificatePage(certificate: PublicCertificate): string {
  return sitePage(
    {
      title: `执法证核验 ${certificate.certificateNo}`,
      description: `${certificate.agencyName} ${certificate.name} 的行政执法证状态：${certificate.statusName}`,
      crumbs: [
        { label: certificate.agencyName, href: sitePaths.agency(certificate.agencyId) },
        { label: '执法证核验' },
      ],
    },
    html`<p class=${`status ${statusClass(certificate.status)}`} role="status">证件状态：${certificate.statusName}</p>
      <p>${statusAdvice[certificate.status] ?? ''}</p>
      ${facts([
        ['姓名', certificate.name],
        ['执法机关', html`<a href=${sitePaths.agency(certificate.agencyId)}>${certificate.agencyName}</a>`],
        ['所在股室', certificate.unit],
        ['职务', certificate.position],
        ['执法证号', certificate.certificateNo],
        ['执法类别', certificate.categoryNames.join('、')],
        ['执法区域', certificate.region],
        ['有效期', `${certificate.validFrom} 至 ${certificate.validTo}`],
        ['核验时间', `${beijingTimeText(certificate.checkedAt)}（北京时间）`],
      ])}
      ${complaintForm(
        {
          kind: 'officer',
          ref: certificate.certificateNo,
          agencyId: certificate.agencyId,
          agencyName: certificate.agencyName,
        },
        '对该执法人员的执法行为有异议的，可以在此投诉。',
      )}`,
  );
}

/** Where a visitor types a certificate number (the QR code's page without the scan). */
export function certificateLookupPage(): string {
  return sitePage(
    {
      title: '执法证核验',
      description: '输入行政执法证号，核验执法人员的证件状态',
      crumbs: [{ label: '执法证核验' }],
    },
    html`<p>输入执法证上的证号，查看证件是否有效。扫描执法证上的二维码也会打开核验页。</p>
      <form class="search" method="get" action=${sitePaths.certificateLookup()}>
        <div><label for="certificate-no">执法证号</label><input id="certificate-no" name="certificateNo" required maxlength="64" /></div>
        <div><button type="submit">核验</button></div>
      </form>`,
  );
}
