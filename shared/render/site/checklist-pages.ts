import { html } from 'htm/preact';
import {
  type ChecklistKind,
  type Column,
  columns,
  kindLabels,
} from '#shared/checklists/domain/checklist-kinds.ts';
import { dataTable, empty } from '#shared/render/site/components.ts';
import { sitePage } from '#shared/render/site/layout.ts';
import { sitePaths } from '#shared/render/site/paths.ts';

export interface EditionView {
  agencyId: string;
  kind: ChecklistKind;
  title: string;
  edition: number;
  effectiveFrom: string;
  effectiveTo?: string | undefined;
  items: readonly Record<string, unknown>[];
}

export type EditionSummaryView = Omit<EditionView, 'items'> & { itemCount: number };

export interface EditionDiffView {
  from: EditionSummaryView;
  to: EditionSummaryView;
  added: readonly Record<string, unknown>[];
  removed: readonly Record<string, unknown>[];
  changed: readonly { code: string; fields: readonly { field: string; before: unknown; after: unknown }[] }[];
}

/** A field as the agency's spreadsheet writes it: labels for codes, lists joined. */
export function cellText(column: Column | undefined, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) {
    const labels =
      column?.cell.as === 'list'
        ? column.cell.labels
        : column?.cell.as === 'enum'
          ? column.cell.labels
          : undefined;
    return value.map((item) => labels?.[String(item)] ?? String(item)).join('、');
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (column?.cell.as === 'enum') return column.cell.labels[String(value)] ?? String(value);
  return String(value);
}

const columnsOf = (kind: ChecklistKind) => Object.entries(columns[kind]) as [string, Column][];

/** An edition replaced on the day it took effect ends the day before it began: it was in force on no day. */
const validity = (edition: Pick<EditionView, 'effectiveFrom' | 'effectiveTo'>) =>
  edition.effectiveTo === undefined
    ? `${edition.effectiveFrom} 起施行，现行有效`
    : edition.effectiveTo < edition.effectiveFrom
      ? `${edition.effectiveFrom} 发布，当日即被新版本取代`
      : `${edition.effectiveFrom} 至 ${edition.effectiveTo}`;

function editionsTable(
  agencyId: string,
  kind: ChecklistKind,
  editions: readonly EditionSummaryView[],
  shown: number,
) {
  return dataTable(
    '历次版本',
    ['版本', '有效期', '条目数', ''],
    editions.map((edition) => [
      edition.edition === shown
        ? `第 ${edition.edition} 版（本页）`
        : html`<a href=${sitePaths.checklist(agencyId, kind, edition.edition)}>第 ${edition.edition} 版</a>`,
      validity(edition),
      String(edition.itemCount),
      edition.edition > 1
        ? html`<a href=${sitePaths.checklistDiff(agencyId, kind, edition.edition - 1, edition.edition)}>与上一版比较</a>`
        : '',
    ]),
  );
}

/** A list (PUB-2 to PUB-6): the edition asked for as a table, every edition with its dates, and a comparison form. */
export function checklistPage(input: {
  agencyName: string;
  edition: EditionView | undefined;
  kind: ChecklistKind;
  agencyId: string;
  editions: readonly EditionSummaryView[];
}): string {
  const { agencyId, kind, edition, editions } = input;
  const label = kindLabels[kind];
  const table = columnsOf(kind);
  const statusColumn = kind === 'officers' && edition?.items.some((item) => 'statusName' in item);
  return sitePage(
    {
      title: `${input.agencyName} ${label}`,
      description: `${input.agencyName}公布的${label}${edition ? `（第 ${edition.edition} 版，${validity(edition)}）` : ''}`,
      crumbs: [{ label: input.agencyName, href: sitePaths.agency(agencyId) }, { label }],
    },
    edition
      ? html`<p class="lede">第 ${edition.edition} 版，${validity(edition)}，共 ${edition.items.length} 项。</p>
          ${dataTable(
            label,
            [...table.map(([, column]) => column.heading), ...(statusColumn ? ['证件状态'] : [])],
            edition.items.map((item) => [
              ...table.map(([field, column]) =>
                kind === 'officers' && field === 'certificateNo'
                  ? html`<a href=${sitePaths.certificate(String(item[field]), agencyId)}>${String(item[field])}</a>`
                  : cellText(column, item[field]),
              ),
              ...(statusColumn ? [String(item.statusName ?? '')] : []),
            ]),
          )}
          <h2>历次版本</h2>
          ${editionsTable(agencyId, kind, editions, edition.edition)}
          ${
            editions.length > 1 &&
            html`<h2>比较两个版本</h2>
              <form class="search" method="get" action=${`${sitePaths.checklist(agencyId, kind)}/diff`}>
                <div><label for="diff-from">旧版本</label><select id="diff-from" name="from">${editions.map((item) => html`<option value=${item.edition} selected=${item.edition === editions.at(-2)?.edition}>第 ${item.edition} 版</option>`)}</select></div>
                <div><label for="diff-to">新版本</label><select id="diff-to" name="to">${editions.map((item) => html`<option value=${item.edition} selected=${item.edition === editions.at(-1)?.edition}>第 ${item.edition} 版</option>`)}</select></div>
                <div><button type="submit">比较</button></div>
              </form>`
          }`
      : empty(`${input.agencyName}尚未公布${label}。`),
  );
}

/** What changed between two editions: items added and removed, and each changed field before and after. */
export function checklistDiffPage(input: {
  agencyId: string;
  agencyName: string;
  kind: ChecklistKind;
  diff: EditionDiffView;
}): string {
  const { agencyId, kind, diff } = input;
  const label = kindLabels[kind];
  const table = columnsOf(kind);
  const headingOf = (field: string) =>
    columns[kind][field as keyof (typeof columns)[typeof kind]]?.heading ?? field;
  const columnOf = (field: string) =>
    columns[kind][field as keyof (typeof columns)[typeof kind]] as Column | undefined;
  const items = (caption: string, list: readonly Record<string, unknown>[]) =>
    list.length === 0
      ? empty('无')
      : dataTable(
          caption,
          table.map(([, column]) => column.heading),
          list.map((item) => table.map(([field, column]) => cellText(column, item[field]))),
        );
  return sitePage(
    {
      title: `${label} 第 ${diff.from.edition} 版与第 ${diff.to.edition} 版的变化`,
      description: `${input.agencyName}${label}两个版本之间新增、删除和修改的条目`,
      crumbs: [
        { label: input.agencyName, href: sitePaths.agency(agencyId) },
        { label, href: sitePaths.checklist(agencyId, kind) },
        { label: '版本比较' },
      ],
    },
    html`<p class="lede">第 ${diff.from.edition} 版（${validity(diff.from)}）→ 第 ${diff.to.edition} 版（${validity(diff.to)}）：新增 ${diff.added.length} 项，删除 ${diff.removed.length} 项，修改 ${diff.changed.length} 项。</p>
      <h2>新增</h2>
      ${items('新增的条目', diff.added)}
      <h2>删除</h2>
      ${items('删除的条目', diff.removed)}
      <h2>修改</h2>
      ${
        diff.changed.length === 0
          ? empty('无')
          : dataTable(
              '修改的条目',
              ['编码', '字段', '修改前', '修改后'],
              diff.changed.flatMap((change) =>
                change.fields.map((field) => [
                  change.code,
                  headingOf(field.field),
                  html`<del>${cellText(columnOf(field.field), field.before)}</del>`,
                  html`<ins>${cellText(columnOf(field.field), field.after)}</ins>`,
                ]),
              ),
            )
      }`,
  );
}
