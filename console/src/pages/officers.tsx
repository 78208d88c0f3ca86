import { useEffect, useState } from 'preact/hooks';
import { api, must } from '../api/client.ts';
import { type ApiError, asApiError } from '../api/errors.ts';
import { hasRole, type Session } from '../auth/session.ts';
import { ActionForm } from '../components/action-form.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { ListStatus, MoreItems } from '../components/paged-list.tsx';
import { categoryLabels } from '../labels.ts';
import { useLoad } from '../use-load.ts';
import { pageQuery, usePages } from '../use-pages.ts';

const STATUS: Record<string, string> = {
  valid: '有效',
  suspended: '暂扣',
  revoked: '已吊销',
  expired: '已过期',
  'not-yet-valid': '尚未生效',
};

const MOVES: Record<string, string> = { valid: '恢复有效', suspended: '暂扣执法证', revoked: '吊销执法证' };

/** The certificate's QR code (`GET /v1/officers/{no}/qr`, SVG), which links to the public check (亮证). */
function CertificateQr({ certificateNo, name }: { certificateNo: string; name: string }) {
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<ApiError>();
  useEffect(() => {
    let made: string | undefined;
    must(
      api.GET('/v1/officers/{certificateNo}/qr', { params: { path: { certificateNo } }, parseAs: 'blob' }),
    ).then(
      (blob) => {
        made = URL.createObjectURL(blob as Blob);
        setUrl(made);
      },
      (caught: unknown) => setError(asApiError(caught)),
    );
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [certificateNo]);
  if (error) return <ErrorNotice error={error} />;
  return url ? <img class="qr" src={url} alt={`${name}的执法证核验二维码`} width={160} height={160} /> : null;
}

/** An administrator suspends, revokes or restores a certificate, with the reason (PUB-5). */
function StatusChange({ certificateNo, onChanged }: { certificateNo: string; onChanged: () => void }) {
  return (
    <ActionForm
      id={`status-${certificateNo}`}
      fields={[
        { path: 'status', label: '变更证件状态', kind: 'choice', options: MOVES, initial: 'suspended' },
        { path: 'reason', label: '理由', kind: 'text', required: true },
      ]}
      submitLabel="确认变更"
      onSubmit={({ status, reason = '' }) =>
        must(
          api.POST('/v1/officers/{certificateNo}/status', {
            params: { path: { certificateNo } },
            body: { status: status as 'suspended', reason },
          }),
        )
      }
      onDone={onChanged}
    />
  );
}

/** 窗口公示牌 (PUB-8): the service window's staff card, as SVG to print, with the certificate's QR code. */
function WindowCard({ certificateNo, name }: { certificateNo: string; name: string }) {
  return (
    <details class="window-card">
      <summary>窗口公示牌</summary>
      <ActionForm
        id={`window-${certificateNo}`}
        fields={[
          {
            path: 'window',
            label: '服务窗口',
            kind: 'text',
            required: true,
            hint: '如：政务服务中心 3 号窗口',
          },
          {
            path: 'matters',
            label: '服务事项编码',
            kind: 'text',
            hint: '执法事项清单中的编码，多个用逗号分隔',
          },
        ]}
        submitLabel="下载公示牌"
        onSubmit={async ({ window = '', matters }) =>
          (await must(
            api.GET('/v1/officers/{certificateNo}/window-card', {
              params: { path: { certificateNo }, query: { window, ...(matters ? { matters } : {}) } },
              parseAs: 'blob',
            }),
          )) as Blob
        }
        onDone={(blob) => {
          const link = document.createElement('a');
          link.href = URL.createObjectURL(blob);
          link.download = `${name}-窗口公示牌.svg`;
          link.click();
          setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
        }}
      />
    </details>
  );
}

/** 培训记录 (ORG-3): an officer's trainings, and a unit head or administrator records one. */
function TrainingList({ certificateNo, mayRecord }: { certificateNo: string; mayRecord: boolean }) {
  const { data, error, reload } = useLoad(
    () => must(api.GET('/v1/officers/{certificateNo}/trainings', { params: { path: { certificateNo } } })),
    [certificateNo],
  );
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <p>正在加载……</p>;
  return (
    <>
      {data.items.length === 0 ? (
        <p>没有培训记录。</p>
      ) : (
        <ul class="plain" aria-label="培训记录">
          {data.items.map((training) => (
            <li key={training.id}>
              {training.date} {training.title}（{training.hours} 学时
              {training.keyStaff ? '，执法业务骨干' : ''}）
            </li>
          ))}
        </ul>
      )}
      {mayRecord && (
        <ActionForm
          id={`training-${certificateNo}`}
          fields={[
            { path: 'title', label: '培训名称', kind: 'text', required: true },
            { path: 'date', label: '培训日期', kind: 'date', required: true },
            { path: 'hours', label: '学时', kind: 'number', min: 1, max: 1000, required: true },
            { path: 'keyStaff', label: '执法业务骨干培训', kind: 'choice', options: { no: '否', yes: '是' } },
          ]}
          submitLabel="记录培训"
          onSubmit={({ title = '', date = '', hours = '', keyStaff }) =>
            must(
              api.POST('/v1/officers/{certificateNo}/trainings', {
                params: { path: { certificateNo } },
                body: {
                  title,
                  date,
                  hours: hours === '' ? Number.NaN : Number(hours),
                  ...(keyStaff === 'yes' ? { keyStaff: true } : {}),
                },
              }),
            )
          }
          onDone={reload}
        />
      )}
    </>
  );
}

/** Shows its content once opened, so a long list of officers loads nothing it does not show. */
function Opened({
  summary,
  className,
  children,
}: {
  summary: string;
  className: string;
  children: () => preact.ComponentChildren;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details class={className} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && children()}
    </details>
  );
}

/** An administrator registers an officer's certificate (PUB-5), with the account they sign in with. */
function RegisterOfficer({
  units,
  onRegistered,
}: {
  units: { id: string; name: string }[];
  onRegistered: () => void;
}) {
  return (
    <details class="officer-registration">
      <summary>登记执法人员</summary>
      <ActionForm
        id="officer"
        fields={[
          { path: 'name', label: '姓名', kind: 'text', required: true },
          {
            path: 'unitId',
            label: '所在股室',
            kind: 'choice',
            options: Object.fromEntries(units.map((unit) => [unit.id, unit.name])),
          },
          { path: 'position', label: '职务', kind: 'text', required: true },
          { path: 'certificateNo', label: '执法证号', kind: 'text', required: true },
          { path: 'categories', label: '执法类别', kind: 'choices', options: categoryLabels, required: true },
          { path: 'region', label: '执法区域', kind: 'text', required: true },
          { path: 'validFrom', label: '有效期起', kind: 'date', required: true },
          { path: 'validTo', label: '有效期至', kind: 'date', required: true },
          {
            path: 'userId',
            label: '登录账号',
            kind: 'text',
            hint: '用于回避审查：承办过案件的人员不得审核或裁决该案',
          },
        ]}
        submitLabel="登记"
        secondary={false}
        onSubmit={({ categories = '', userId, ...rest }) =>
          must(
            api.POST('/v1/officers', {
              body: {
                name: rest.name ?? '',
                unitId: rest.unitId ?? '',
                position: rest.position ?? '',
                certificateNo: rest.certificateNo ?? '',
                categories: categories.split(',').filter(Boolean) as 'penalty'[],
                region: rest.region ?? '',
                validFrom: rest.validFrom ?? '',
                validTo: rest.validTo ?? '',
                ...(userId ? { userId } : {}),
              },
            }),
          )
        }
        onDone={onRegistered}
      />
    </details>
  );
}

/** 执法人员和执法证: the agency's officers, a page at a time, their certificates' status today and QR codes. */
export function Officers({ session }: { session: Session }) {
  const list = usePages(
    (cursor) => must(api.GET('/v1/officers', { params: { query: pageQuery(cursor) } })),
    [],
  );
  const agency = useLoad(() => must(api.GET('/v1/agency')), []);
  const [shown, setShown] = useState<string>();
  const reload = list.reload;
  return (
    <>
      {hasRole(session, 'admin') && agency.data && (
        <RegisterOfficer units={agency.data.units ?? []} onRegistered={reload} />
      )}
      <ErrorNotice error={agency.error} />
      <ListStatus list={list} empty="还没有登记执法人员。" />
      <ul class="cards" aria-label="执法人员列表">
        {(list.items ?? []).map((officer) => (
          <li key={officer.certificateNo} class="card">
            <p class="card-title">
              {officer.name}（{officer.position}）
            </p>
            <p class="meta">
              <span class={`badge certificate-${officer.effectiveStatus}`}>
                {STATUS[officer.effectiveStatus] ?? officer.effectiveStatus}
              </span>
              <span>执法证号 {officer.certificateNo}</span>
              <span>
                有效期 {officer.validFrom} 至 {officer.validTo}
              </span>
              <span>
                {officer.categories.map((category) => categoryLabels[category] ?? category).join('、')}
              </span>
            </p>
            {shown === officer.certificateNo ? (
              <CertificateQr certificateNo={officer.certificateNo} name={officer.name} />
            ) : (
              <button type="button" class="secondary" onClick={() => setShown(officer.certificateNo)}>
                显示核验二维码
              </button>
            )}
            <WindowCard certificateNo={officer.certificateNo} name={officer.name} />
            <Opened summary="培训记录" className="trainings">
              {() => (
                <TrainingList
                  certificateNo={officer.certificateNo}
                  mayRecord={hasRole(session, 'admin', 'unit-head')}
                />
              )}
            </Opened>
            {hasRole(session, 'admin') && (
              <details class="status-change">
                <summary>暂扣、吊销或恢复执法证</summary>
                <StatusChange certificateNo={officer.certificateNo} onChanged={reload} />
              </details>
            )}
          </li>
        ))}
      </ul>
      <MoreItems list={list} />
    </>
  );
}
