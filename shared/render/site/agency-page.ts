import { html } from 'htm/preact';
import { type ChecklistKind, kindLabels } from '#shared/checklists/domain/checklist-kinds.ts';
import type { AgencyProfile } from '#shared/kernel/agency.ts';
import { legalDateOf } from '#shared/kernel/dates.ts';
import type { PublicRecord } from '#shared/publicity/domain/public-record.ts';
import { complaintForm } from '#shared/render/site/complaint-pages.ts';
import { dataTable, empty } from '#shared/render/site/components.ts';
import { decisionHeadings, decisionRows } from '#shared/render/site/decision-pages.ts';
import { sitePage } from '#shared/render/site/layout.ts';
import { sitePaths } from '#shared/render/site/paths.ts';

export interface AgencyHomeView {
  profile: Pick<AgencyProfile, 'agencyId' | 'name' | 'region' | 'level' | 'field'>;
  lists: readonly { kind: ChecklistKind; edition: number; effectiveFrom: string; itemCount: number }[];
  latest: readonly PublicRecord[];
  withdrawals: readonly { id: string; withdrawnAt?: string | undefined; reason?: string | undefined }[];
  reportYears: readonly number[];
}

/** An agency's home: what it is, its lists in force, its latest decisions and withdrawals, its reports, how to complain. */
export function agencyPage(view: AgencyHomeView): string {
  const { profile } = view;
  const id = profile.agencyId;
  return sitePage(
    {
      title: profile.name,
      description: `${profile.name}（${profile.region}）的行政执法公示：清单、执法决定、撤回、随机抽查、年度数据和投诉渠道`,
      crumbs: [{ label: profile.name }],
      feeds: [
        {
          href: sitePaths.feed(id, 'atom'),
          type: 'application/atom+xml',
          title: `${profile.name} 公示订阅（Atom）`,
        },
        {
          href: sitePaths.feed(id, 'json'),
          type: 'application/feed+json',
          title: `${profile.name} 公示订阅（JSON Feed）`,
        },
      ],
    },
    html`<p class="lede">${[profile.region, profile.level, profile.field].filter(Boolean).join(' · ')}</p>
      <h2>清单</h2>
      ${
        view.lists.length === 0
          ? empty('尚未公布清单。')
          : html`<ul class="links">
              ${view.lists.map(
                (list) =>
                  html`<li><a href=${sitePaths.checklist(id, list.kind)}>${kindLabels[list.kind]}</a> <span class="muted">第 ${list.edition} 版，${list.effectiveFrom} 起，${list.itemCount} 项</span></li>`,
              )}
            </ul>`
      }
      <h2>最新执法决定</h2>
      ${view.latest.length === 0 ? empty('暂无公示的执法决定。') : dataTable('最新公示在前', decisionHeadings, decisionRows(view.latest))}
      <p><a href=${sitePaths.decisions(id)}>查询全部执法决定</a> · <a href=${sitePaths.randomDraws(id)}>随机抽查情况</a></p>
      <h2>撤回的公示</h2>
      ${
        view.withdrawals.length === 0
          ? empty('近期没有撤回的公示。')
          : html`<ul class="links">
              ${view.withdrawals.map(
                (item) =>
                  html`<li><a href=${sitePaths.decision(item.id)}>${item.withdrawnAt ? legalDateOf(new Date(item.withdrawnAt)) : ''} 撤下</a>：${item.reason ?? ''}</li>`,
              )}
            </ul>`
      }
      <h2>年度行政执法数据</h2>
      <ul class="links">
        ${view.reportYears.map((year) => html`<li><a href=${sitePaths.annualReport(id, year)}>${year} 年度报告</a></li>`)}
      </ul>
      <h2>投诉与监督</h2>
      <p>对执法人员的执法行为有异议的，可核验其执法证后在核验页提交投诉。</p>
      <form class="search" method="get" action=${sitePaths.certificateLookup()}>
        <input type="hidden" name="agencyId" value=${id} />
        <div><label for="certificate-no">执法证号</label><input id="certificate-no" name="certificateNo" required maxlength="64" /></div>
        <div><button type="submit">核验执法证</button></div>
      </form>
      ${complaintForm(
        { kind: 'agency', ref: id, agencyId: id, agencyName: profile.name },
        '对本机关的行政执法有意见的，可以在此投诉举报。',
      )}
      <h2>订阅</h2>
      <p><a href=${sitePaths.feed(id, 'atom')}>Atom 订阅源</a> · <a href=${sitePaths.feed(id, 'json')}>JSON Feed 订阅源</a>（供政务新媒体和省级平台转载）</p>`,
  );
}
