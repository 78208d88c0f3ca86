import { html } from 'htm/preact';
import { beijingTimeText } from '#shared/dates.ts';
import { facts } from '#shared/render/site/components.ts';
import { sitePage } from '#shared/render/site/layout.ts';
import { sitePaths } from '#shared/render/site/paths.ts';
import type { PublicCertificate } from '#shared/use-cases/officers.ts';

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

/** Sends the complaint as JSON when scripts run; the form says where to complain otherwise. */
const complaintScript = (path: string) =>
  `document.getElementById('complaint').addEventListener('submit',async function(e){e.preventDefault();var f=new FormData(e.target),b={content:f.get('content')};if(f.get('contact'))b.contact=f.get('contact');var out=document.getElementById('result');try{var r=await fetch(${JSON.stringify(path)},{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify(b)});var a=await r.json();out.textContent=r.status===202?'已收到，编号 '+a.complaintId:(a.error&&a.error.message)||'提交失败，请稍后重试';}catch(x){out.textContent='网络不可用，请稍后重试';}});`;

/** The page each certificate QR code opens (PUB-5, PUB-7): the status first, large, then the holder, then the complaint form. */
export function certificatePage(certificate: PublicCertificate): string {
  const complaints = sitePaths.complaints(certificate.certificateNo, certificate.agencyId);
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
      <h2>投诉</h2>
      <p>对该执法人员的执法行为有异议的，可以在此投诉，执法机关将核实处理。</p>
      <form id="complaint">
        <label for="complaint-content">投诉内容（时间、地点和经过）</label>
        <textarea id="complaint-content" name="content" rows="4" minlength="5" maxlength="2000" required></textarea>
        <label for="complaint-contact">联系方式（选填）</label>
        <input id="complaint-contact" name="contact" maxlength="100" autocomplete="tel" />
        <p><button type="submit">提交投诉</button></p>
        <p id="result" role="status"></p>
      </form>
      <noscript><p>本页投诉需启用脚本；也可向${certificate.agencyName}当面或书面投诉。</p></noscript>
      <script dangerouslySetInnerHTML=${{ __html: complaintScript(complaints) }}></script>`,
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
