import { html } from 'htm/preact';
import { dateText } from '#shared/kernel/dates.ts';
import { facts } from '#shared/render/site/components.ts';
import { sitePage } from '#shared/render/site/layout.ts';
import { sitePaths } from '#shared/render/site/paths.ts';

/** What a complaint form is about (SUP-1): the kind, the reference and the agency it goes to. */
export interface ComplaintTarget {
  kind: 'officer' | 'decision' | 'inspection' | 'agency';
  ref: string;
  agencyId: string;
  agencyName: string;
}

/**
 * Sends the complaint as JSON when scripts run and shows the receipt with the link to its status
 * page; the receipt is the only key to the answer, so the page says to keep it.
 */
/** A value as a script literal that cannot close the script element. */
const literal = (value: string) => JSON.stringify(value).replace(/</g, '\\u003c');

const complaintScript = (target: ComplaintTarget) =>
  `document.getElementById('complaint').addEventListener('submit',async function(e){e.preventDefault();var f=new FormData(e.target),b={about:{kind:${literal(target.kind)},ref:${literal(target.ref)}},agencyId:${literal(target.agencyId)},text:f.get('text')};if(f.get('contact'))b.contact=f.get('contact');var out=document.getElementById('result');out.textContent='';try{var r=await fetch(${literal(sitePaths.fileComplaint())},{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify(b)});var a=await r.json();if(r.status===201){var p=document.createElement('p');p.textContent='已受理。受理编号 '+a.receipt+'，请妥善保存：凭此编号查看答复，答复期限至 '+a.answerBy.replace(/^(\\d+)-0?(\\d+)-0?(\\d+)$/,'$1年$2月$3日')+'。';var l=document.createElement('a');l.href='/complaints/'+a.receipt;l.textContent='查看办理情况';out.append(p,l);e.target.reset();}else{out.textContent=(a.error&&a.error.message)||'提交失败，请稍后重试';}}catch(x){out.textContent='网络不可用，请稍后重试';}});`;

/** The complaint form (SUP-1) of the agency, certificate and decision pages. */
export function complaintForm(target: ComplaintTarget, lead: string) {
  return html`<h2 id="complaint-heading">投诉举报</h2>
    <p>${lead}提交后获得受理编号，${target.agencyName}须在答复期限内答复，逾期未答复的由监督机关督办。</p>
    <form id="complaint" aria-labelledby="complaint-heading">
      <label for="complaint-text">投诉内容（时间、地点和经过）</label>
      <textarea id="complaint-text" name="text" rows="4" minlength="5" maxlength="2000" required></textarea>
      <label for="complaint-contact">联系方式（选填，仅执法机关和监督机关可见）</label>
      <input id="complaint-contact" name="contact" maxlength="100" autocomplete="tel" />
      <p><button type="submit">提交投诉</button></p>
      <div id="result" role="status"></div>
    </form>
    <noscript><p>本页投诉需启用脚本；也可向${target.agencyName}当面或书面投诉。</p></noscript>
    <script dangerouslySetInnerHTML=${{ __html: complaintScript(target) }}></script>`;
}

const statusNames: Record<string, string> = {
  received: '已受理，待答复',
  answered: '已答复',
  overdue: '已逾期未答复，已送监督机关督办',
  closed: '已办结',
};

/** What the receipt shows (SUP-1): the status, the last day and the answer; nothing the complainant wrote (LAW-5). */
export function complaintStatusPage(view: { status: string; answerBy: string; answer?: string }): string {
  return sitePage(
    {
      title: '投诉办理情况',
      description: '凭受理编号查看投诉的办理状态、答复期限和答复',
      crumbs: [{ label: '投诉办理情况' }],
    },
    html`<p class=${`status ${view.status === 'overdue' ? 'status-bad' : 'status-ok'}`} role="status">
        办理状态：${statusNames[view.status] ?? '已受理'}
      </p>
      ${facts([
        ['答复期限', `${dateText(view.answerBy)}（北京时间）`],
        ['答复', view.answer],
      ])}
      <p class="muted">为保护投诉人，本页不显示投诉内容和联系方式。</p>`,
  );
}
