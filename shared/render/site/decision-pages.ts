import { html } from 'htm/preact';
import { beijingTimeText, legalDateOf } from '#shared/kernel/dates.ts';
import { penaltyLabels } from '#shared/kernel/penalty-kinds.ts';
import { categoryLabels, ENFORCEMENT_CATEGORIES } from '#shared/organisation/domain/officer.ts';
import type { PublicRecord } from '#shared/publicity/domain/public-record.ts';
import { complaintForm } from '#shared/render/site/complaint-pages.ts';
import { dataTable, empty, facts, pager } from '#shared/render/site/components.ts';
import { sitePage } from '#shared/render/site/layout.ts';
import { sitePaths } from '#shared/render/site/paths.ts';

export interface DecisionSearch {
  from?: string | undefined;
  to?: string | undefined;
  category?: string | undefined;
  documentNo?: string | undefined;
}

const feeds = (agencyId: string, agencyName: string) => [
  {
    href: sitePaths.feed(agencyId, 'atom'),
    type: 'application/atom+xml',
    title: `${agencyName} 公示订阅（Atom）`,
  },
  {
    href: sitePaths.feed(agencyId, 'json'),
    type: 'application/feed+json',
    title: `${agencyName} 公示订阅（JSON Feed）`,
  },
];

export const penaltyText = (penalty: PublicRecord['penalty']) =>
  penalty
    ? `${(penaltyLabels as Record<string, string>)[penalty.kind] ?? penalty.kind}${penalty.amount !== undefined ? ` ${penalty.amount.toLocaleString('zh-CN')} 元` : ''}`
    : '';

/** A decision's type as people read it: a category's code (`penalty`) becomes 行政处罚决定. */
export const decisionTypeText = (type: string) =>
  type in categoryLabels ? `${categoryLabels[type as keyof typeof categoryLabels]}决定` : type;

/** The rows every list of decisions shows: enough to recognise one, and a link to it. */
export function decisionRows(records: readonly PublicRecord[]) {
  return records.map((record) => [
    record.publishedOn,
    html`<a href=${sitePaths.decision(record.id)}>${record.documentNo ?? decisionTypeText(record.decisionType)}</a>`,
    record.party.name,
    record.conclusion,
    penaltyText(record.penalty) || '—',
  ]);
}

export const decisionHeadings = ['公示日期', '决定', '当事人', '决定内容', '处罚'];

/** 行政执法决定公示: a search by publication dates, category and document number, a page at a time. */
export function decisionsPage(input: {
  agencyId: string;
  agencyName: string;
  search: DecisionSearch;
  records: readonly PublicRecord[];
  cursor?: string | undefined;
  nextCursor?: string | undefined;
}): string {
  const { agencyId, agencyName, search } = input;
  const searching = Object.values(search).some((value) => value !== undefined);
  return sitePage(
    {
      title: `${agencyName} 行政执法决定公示`,
      description: `${agencyName}已作出并依法公示的行政执法决定，可按公示日期、执法类别和文号查询`,
      crumbs: [{ label: agencyName, href: sitePaths.agency(agencyId) }, { label: '执法决定公示' }],
      feeds: feeds(agencyId, agencyName),
    },
    html`<form class="search" method="get" action=${sitePaths.decisions(agencyId)} role="search">
        <div><label for="from">公示日期自</label><input id="from" name="from" type="date" value=${search.from ?? ''} /></div>
        <div><label for="to">至</label><input id="to" name="to" type="date" value=${search.to ?? ''} /></div>
        <div>
          <label for="category">执法类别</label>
          <select id="category" name="category">
            <option value="">全部类别</option>
            ${ENFORCEMENT_CATEGORIES.map(
              (category) =>
                html`<option value=${category} selected=${search.category === category}>${categoryLabels[category]}</option>`,
            )}
          </select>
        </div>
        <div><label for="documentNo">文号</label><input id="documentNo" name="documentNo" value=${search.documentNo ?? ''} placeholder="如 昌民罚〔2026〕12号" /></div>
        <div><button type="submit">查询</button></div>
      </form>
      ${
        input.records.length === 0
          ? empty(
              searching
                ? '没有符合条件的执法决定；本页若有“下一页”，可继续查看。'
                : '暂无公示的行政执法决定。',
            )
          : dataTable(searching ? '查询结果' : '最新公示在前', decisionHeadings, decisionRows(input.records))
      }
      ${pager(
        input.cursor ? sitePaths.decisions(agencyId, search) : undefined,
        input.nextCursor ? sitePaths.decisions(agencyId, { ...search, cursor: input.nextCursor }) : undefined,
      )}
      <p class="muted">依法不予公开的信息已作处理；自然人姓名已隐去。公示期满的决定不再列出。</p>`,
  );
}

type Withdrawn = {
  id: string;
  agencyId?: string;
  status: 'withdrawn' | 'expired';
  withdrawnAt?: string;
  reason?: string;
  replacedBy?: string;
};

/** One decision as published, or, once withdrawn (PUB-11), the date and reason in its place. */
export function decisionPage(record: PublicRecord | Withdrawn, agencyName: string): string {
  const crumbs = (label: string) => [
    ...(record.agencyId ? [{ label: agencyName, href: sitePaths.decisions(record.agencyId) }] : []),
    { label },
  ];
  if ('status' in record) {
    const withdrawnOn = record.withdrawnAt ? legalDateOf(new Date(record.withdrawnAt)) : undefined;
    const withdrawn = record.status === 'withdrawn';
    return sitePage(
      {
        title: withdrawn ? '该执法决定公示已撤下' : '该执法决定已过公示期',
        description: withdrawn ? `撤下理由：${record.reason ?? ''}` : '该执法决定的公示期已满，不再公示',
        crumbs: crumbs(withdrawn ? '已撤下' : '已过公示期'),
      },
      html`<p class="notice" role="status">${withdrawn ? '该决定已被撤销、确认违法、确认无效或需重新作出，原公示内容已撤下。' : '公示期已满，原公示内容不再显示。'}</p>
        ${facts([
          ['撤下日期', withdrawnOn],
          ['撤下时间', record.withdrawnAt ? `${beijingTimeText(record.withdrawnAt)}（北京时间）` : undefined],
          ['撤下理由', record.reason],
          [
            '重新作出的决定',
            record.replacedBy
              ? html`<a href=${sitePaths.decision(record.replacedBy)}>查看新的公示</a>`
              : undefined,
          ],
        ])}`,
    );
  }
  return sitePage(
    {
      title: record.documentNo
        ? `${decisionTypeText(record.decisionType)} ${record.documentNo}`
        : decisionTypeText(record.decisionType),
      description: `${record.agencyName}对${record.party.name}作出的${record.categoryName}决定，公示于 ${record.publishedOn}`,
      crumbs: crumbs(record.documentNo ?? '执法决定'),
    },
    html`${facts([
      ['执法机关', html`<a href=${sitePaths.agency(record.agencyId)}>${record.agencyName}</a>`],
      ['文号', record.documentNo],
      ['执法类别', record.categoryName],
      ['决定类型', decisionTypeText(record.decisionType)],
      ['当事人', record.party.name],
      ['决定内容', record.conclusion],
      ['法律依据', record.legalBasis],
      ['处罚', penaltyText(record.penalty)],
      ['决定日期', record.decidedOn],
      ['公示日期', record.publishedOn],
      ['公示截止', record.expiresOn],
      ['履行情况', record.performance ? `已履行（${record.performance.on}）` : '未登记履行'],
      [
        '抽查来源',
        record.randomDrawId
          ? html`<a href=${sitePaths.randomDraws(record.agencyId)}>随机抽查 ${record.randomDrawId}</a>`
          : undefined,
      ],
    ])}
      <p><a href=${sitePaths.notice(record.id)}>下载可打印的公示告示（PDF）</a></p>
      <p class="muted">依法不予公开的信息已作处理；自然人姓名已隐去。</p>
      ${complaintForm(
        { kind: 'decision', ref: record.id, agencyId: record.agencyId, agencyName: record.agencyName },
        '对这项执法决定有意见的，可以在此投诉举报（申请行政复议或提起行政诉讼的权利不受影响）。',
      )}`,
  );
}
