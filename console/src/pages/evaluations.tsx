import { useState } from 'preact/hooks';
import { api, must } from '../api/client.ts';
import { type ApiError, asApiError } from '../api/errors.ts';
import { hasRole, type Session } from '../auth/session.ts';
import { ActionForm } from '../components/action-form.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { ListStatus, MoreItems } from '../components/paged-list.tsx';
import { SupervisedAgency, useSupervisedAgency } from '../components/supervised-agency.tsx';
import { categoryLabels, date, dateTime, today } from '../labels.ts';
import { pageQuery, usePages } from '../use-pages.ts';

const drawEvaluation = (body: {
  agencyId: string;
  from: string;
  to: string;
  sampleSize: number;
  rubricId: string;
  seed?: string;
}) => must(api.POST('/v1/supervision/evaluations', { body }));

type Evaluation = Awaited<ReturnType<typeof drawEvaluation>>;
type EvaluationFile = Evaluation['files'][number];

/** The default rubric (shared/supervision/domain/evaluation.ts): the one the console draws with. */
const RUBRIC_ID = 'case-file-2026';

/** One drawn file: its score, and for the evaluator the rubric's items to score it on. */
function FileCard({
  evaluation,
  file,
  onScored,
}: {
  evaluation: Evaluation;
  file: EvaluationFile;
  onScored?: (next: Evaluation) => void;
}) {
  const items = evaluation.rubric.items;
  return (
    <li class="card">
      <p class="card-title">
        {file.order}. {file.title}
      </p>
      <p class="meta">
        <span>{categoryLabels[file.category] ?? '行政执法'}</span>
        <span>结案：{date(file.closedOn)}</span>
        {file.score && (
          <span class={file.score.passed ? 'badge' : 'badge badge-bad'}>
            {file.score.total} 分，
            {file.score.passed ? '合格' : file.supervisionMatterId ? '不合格，已立监督事项' : '不合格'}
          </span>
        )}
      </p>
      {file.score && !onScored && (
        <ul aria-label={`${file.title}的得分`}>
          {file.score.items.map((item) => (
            <li key={item.itemId}>
              {item.label}：{item.points} / {item.maxPoints} 分{item.note ? `（${item.note}）` : ''}
            </li>
          ))}
        </ul>
      )}
      {onScored && (
        <ActionForm
          id={`score-${file.caseId}`}
          fields={items.map((item) => ({
            path: item.itemId,
            label: `${item.label}（满分 ${item.maxPoints} 分）`,
            kind: 'number' as const,
            min: 0,
            max: item.maxPoints,
            required: true,
            hint: item.guide,
          }))}
          submitLabel={file.score ? '重新评分' : '提交评分'}
          onSubmit={(values) =>
            must(
              api.PUT('/v1/supervision/evaluations/{id}/scores/{caseId}', {
                params: { path: { id: evaluation.id, caseId: file.caseId } },
                body: {
                  items: items.map((item) => ({
                    itemId: item.itemId,
                    points: Number(values[item.itemId] ?? ''),
                  })),
                },
              }),
            )
          }
          onDone={onScored}
        />
      )}
    </li>
  );
}

/**
 * 案卷评查 (SUP-4): the supervisor draws a seeded sample of an overseen agency's closed case files
 * for a period, then scores each file on the rubric; the seed is shown so the draw can be repeated.
 * The evaluated agency's administrators and leaders read their evaluations, scores and ranking.
 */
export function Evaluations({ session }: { session: Session }) {
  const supervised = useSupervisedAgency(session);
  const { agencyId } = supervised;
  const evaluates = hasRole(session, 'supervisor') && agencyId !== undefined;
  const [evaluation, setEvaluation] = useState<Evaluation>();
  const [opening, setOpening] = useState<ApiError>();
  const year = today().slice(0, 4);
  const list = usePages(
    (cursor) =>
      must(
        api.GET('/v1/supervision/evaluations', {
          params: { query: { ...pageQuery(cursor), ...(agencyId ? { agencyId } : {}) } },
        }),
      ),
    [agencyId, evaluation],
  );
  const open = (id: string) =>
    must(api.GET('/v1/supervision/evaluations/{id}', { params: { path: { id } } })).then(
      (opened) => {
        setOpening(undefined);
        setEvaluation(opened);
      },
      (caught: unknown) => setOpening(asApiError(caught)),
    );
  return (
    <>
      <SupervisedAgency supervised={supervised} />
      <ListStatus list={list} empty="还没有案卷评查。" />
      {list.items && list.items.length > 0 && (
        <ul class="cards" aria-label="评查记录">
          {list.items.map((item) => (
            <li key={item.id} class="card">
              <p class="card-title">
                {item.agencyName}：{date(item.from)}至{date(item.to)}结案的案卷
              </p>
              <p class="meta">
                <span>
                  抽取 {item.sampleSize} 件，已评 {item.totals.scored} 件，平均 {item.totals.average ?? '—'}{' '}
                  分
                </span>
                <span>抽取时间：{dateTime(item.createdAt)}</span>
              </p>
              <button type="button" class="secondary" onClick={() => open(item.id)}>
                查看评查结果
              </button>
            </li>
          ))}
        </ul>
      )}
      <MoreItems list={list} />
      <ErrorNotice error={opening} />
      {evaluates && agencyId && (
        <ActionForm
          id="draw"
          secondary={false}
          fields={[
            { path: 'from', label: '结案日期自', kind: 'date', required: true, initial: `${year}-01-01` },
            { path: 'to', label: '结案日期至', kind: 'date', required: true, initial: today() },
            {
              path: 'sampleSize',
              label: '抽取案卷数',
              kind: 'number',
              min: 1,
              max: 30,
              required: true,
              initial: '5',
            },
            {
              path: 'seed',
              label: '随机种子',
              kind: 'text',
              hint: '留空则自动生成；填写以前的种子可重复抽取',
            },
          ]}
          submitLabel="随机抽取案卷"
          onSubmit={(values) =>
            drawEvaluation({
              agencyId,
              from: values.from ?? '',
              to: values.to ?? '',
              sampleSize: Number(values.sampleSize ?? ''),
              rubricId: RUBRIC_ID,
              ...(values.seed ? { seed: values.seed } : {}),
            })
          }
          onDone={setEvaluation}
        />
      )}
      {evaluation && (
        <section aria-labelledby="drawn">
          <h2 id="drawn">
            {evaluation.agencyName}：抽取 {evaluation.sampleSize} 件（共 {evaluation.poolSize} 件结案案卷）
          </h2>
          <p class="meta">
            <span>随机种子：{evaluation.seed}</span>
            <span>
              已评 {evaluation.totals.scored} 件，平均 {evaluation.totals.average ?? '—'} 分，不合格{' '}
              {evaluation.totals.failed} 件
            </span>
            {evaluation.ranking.rank !== null && <span>本年度排名：第 {evaluation.ranking.rank} 名</span>}
          </p>
          <p class="hint">
            {evaluation.rubric.name}，满分 {evaluation.totals.maxPoints} 分，{evaluation.totals.passMark}{' '}
            分合格。
          </p>
          <ul class="cards" aria-label="抽取的案卷">
            {evaluation.files.map((file) => (
              <FileCard
                key={file.caseId}
                evaluation={evaluation}
                file={file}
                {...(evaluates ? { onScored: setEvaluation } : {})}
              />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
