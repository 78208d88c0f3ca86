import { beijingTimeText } from '#shared/dates.ts';
import { escapeHtml } from '#shared/http/html.ts';
import type { PublicCertificate } from '#shared/use-cases/officers.ts';

const complaintPath = (certificate: PublicCertificate) =>
  `/public/v1/officers/${encodeURIComponent(certificate.certificateNo)}/complaints?agencyId=${encodeURIComponent(certificate.agencyId)}`;

/** The page a citizen sees after scanning an officer's certificate QR code, with a complaint form. */
export function verificationPage(certificate: PublicCertificate): string {
  const valid = certificate.status === 'valid';
  const rows: [string, string][] = [
    ['姓名', certificate.name],
    ['执法机关', certificate.agencyName],
    ['所在股室', certificate.unit],
    ['职务', certificate.position],
    ['执法证号', certificate.certificateNo],
    ['执法类别', certificate.categoryNames.join('、')],
    ['执法区域', certificate.region],
    ['有效期', `${certificate.validFrom} 至 ${certificate.validTo}`],
  ];
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>执法证核验 - ${escapeHtml(certificate.certificateNo)}</title>
<style>body{font-family:sans-serif;max-width:32rem;margin:1rem auto;padding:0 1rem}
.status{font-size:1.5rem;padding:.75rem;border-radius:.5rem;color:#fff;background:${valid ? '#1a7f37' : '#b42318'}}
th{text-align:left;padding-right:1rem;color:#555}td,th{padding:.3rem 0}</style></head>
<body>
<h1>行政执法证核验</h1>
<p class="status">证件状态：${escapeHtml(certificate.statusName)}</p>
<table>${rows.map(([label, value]) => `<tr><th>${label}</th><td>${escapeHtml(value)}</td></tr>`).join('')}</table>
<p>核验时间：${escapeHtml(beijingTimeText(certificate.checkedAt))}（北京时间）</p>
<h2>投诉</h2>
<p>如对该执法人员的执法行为有异议，可在此提交投诉。</p>
<form id="complaint">
<p><textarea name="content" rows="4" cols="40" minlength="5" maxlength="2000" required placeholder="请描述时间、地点和经过"></textarea></p>
<p><input name="contact" maxlength="100" placeholder="联系方式（选填）"></p>
<p><button type="submit">提交投诉</button> <span id="result"></span></p>
</form>
<script>
document.getElementById('complaint').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const body = { content: form.get('content') };
  if (form.get('contact')) body.contact = form.get('contact');
  const response = await fetch(${JSON.stringify(complaintPath(certificate))}, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await response.json();
  document.getElementById('result').textContent =
    response.status === 202 ? '已收到，编号 ' + answer.complaintId : (answer.error && answer.error.message) || '提交失败';
});
</script>
</body></html>`;
}
