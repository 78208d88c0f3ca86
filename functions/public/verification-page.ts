import type { PublicCertificate } from '#shared/use-cases/officers.ts';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The page a citizen sees after scanning an officer's certificate QR code. */
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
<p>核验时间：${escapeHtml(certificate.checkedAt)}</p>
<p>如对执法人员的执法行为有异议，可通过本页面提交投诉。</p>
</body></html>`;
}
