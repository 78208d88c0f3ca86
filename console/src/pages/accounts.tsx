import { useState } from 'preact/hooks';
import { ASSIGNABLE_ROLES } from '../../../shared/organisation/domain/account.ts';
import { api, must } from '../api/client.ts';
import { type ApiError, asApiError } from '../api/errors.ts';
import type { Session } from '../auth/session.ts';
import { type ActionField, ActionForm } from '../components/action-form.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { ListStatus, MoreItems } from '../components/paged-list.tsx';
import { SpreadsheetField, spreadsheetBody } from '../components/spreadsheet-field.tsx';
import { dateTime, roleLabels } from '../labels.ts';
import { useLoad } from '../use-load.ts';
import { allPages, pageQuery, usePages } from '../use-pages.ts';

/** The roles an agency's administrator gives (ORG-5); the platform's own roles are not given here. */
const assignable: Record<string, string> = {
  ...Object.fromEntries(ASSIGNABLE_ROLES.map((role) => [role, roleLabels[role] ?? role])),
  supervisor: '执法监督人员（仅监督机关）',
};
const STATUS: Record<string, string> = { active: '在用', disabled: '已停用' };
const CHANGES: Record<string, string> = { created: '开设账号', updated: '修改账号', disabled: '停用账号' };

type Units = Record<string, string>;
interface AccountValues {
  name: string;
  unitId: string;
  roles: string[];
  officerCertificateNo?: string | undefined;
}

/** The fields of an account, filled with `account`'s values when it is edited. */
const accountFields = (units: Units, account?: AccountValues): ActionField[] => [
  { path: 'name', label: '姓名', kind: 'text', required: true, initial: account?.name ?? '' },
  {
    path: 'unitId',
    label: '所在股室',
    kind: 'choice',
    options: units,
    ...(account ? { initial: account.unitId } : {}),
  },
  {
    path: 'roles',
    label: '角色',
    kind: 'choices',
    options: assignable,
    required: true,
    initial: account?.roles.join(',') ?? '',
  },
  {
    path: 'officerCertificateNo',
    label: '执法证号',
    kind: 'text',
    hint: '本机关已登记的执法证号，以此证执法；没有执法证的不填',
    initial: account?.officerCertificateNo ?? '',
  },
];

const accountBody = ({
  name = '',
  unitId = '',
  roles = '',
  officerCertificateNo,
}: Record<string, string>) => ({
  name,
  unitId,
  roles: roles.split(',').filter(Boolean) as 'officer'[],
  ...(officerCertificateNo ? { officerCertificateNo } : {}),
});

/** What a change of the log did, in words: the account's name, unit and roles after it. */
function changeText(data: { after: Record<string, unknown> }, units: Units): string {
  const after = data.after as Partial<AccountValues>;
  return [
    after.name,
    after.unitId ? (units[after.unitId] ?? after.unitId) : undefined,
    after.roles?.map((role) => roleLabels[role] ?? role).join('、'),
  ]
    .filter(Boolean)
    .join('，');
}

/**
 * 导入人员名单 (ORG-5): a staff list (xlsx or CSV: 姓名, 股室, 角色, 执法证号, 手机号码, 电子邮箱)
 * opens an account for each row; a list with a bad row opens none, and says which row and why.
 */
function AccountImport({ onImported }: { onImported: () => void }) {
  const [file, setFile] = useState<File>();
  const [error, setError] = useState<ApiError>();
  const [imported, setImported] = useState<number>();
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setImported(undefined);
    try {
      const { items } = await must(
        api.POST('/v1/users/import', {
          body: await spreadsheetBody(file),
        }),
      );
      setImported(items.length);
      onImported();
    } catch (caught) {
      setError(asApiError(caught));
    }
    setBusy(false);
  }

  return (
    <details class="account-import">
      <summary>导入人员名单</summary>
      <form onSubmit={submit} noValidate>
        <ErrorNotice error={error} labels={{ content: '名单文件' }} />
        <SpreadsheetField
          name="account-import-file"
          label="名单文件"
          hint="Excel（.xlsx）或 CSV，列为：姓名、股室、角色、执法证号、手机号码、电子邮箱；多个角色用顿号分隔"
          error={error}
          onFile={setFile}
        />
        <p class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? '正在导入……' : '导入并开设账号'}
          </button>
        </p>
        {imported !== undefined && (
          <p class="notice notice-ok" role="status">
            已开设 {imported} 个账号。
          </p>
        )}
      </form>
    </details>
  );
}

/** What `PUT /v1/agency` takes back of the profile it answered, besides the units. */
const PROFILE_INPUT = [
  'name',
  'region',
  'documentPrefix',
  'reviewWorkingDays',
  'level',
  'field',
  'procedure',
];

/** 股室 (ORG-6): the agency's units, where its accounts sit; the administrator adds one in the console. */
function Units({ onAdded }: { onAdded: () => void }) {
  const { data, error, reload } = useLoad(() => must(api.GET('/v1/agency')), []);
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <p>正在加载……</p>;
  const profile = data as Record<string, unknown>;
  const kept = Object.fromEntries(
    PROFILE_INPUT.filter((key) => profile[key] !== undefined).map((key) => [key, profile[key]]),
  ) as { name: string; region: string };
  // The new unit's fields are named as the API names them, so a refusal shows at the field.
  const added = `units.${data.units.length}`;
  return (
    <details class="units">
      <summary>股室（{data.units.map((unit) => unit.name).join('、') || '尚未设置'}）</summary>
      <ActionForm
        id="unit"
        fields={[
          {
            path: `${added}.name`,
            label: '股室名称',
            kind: 'text',
            required: true,
            hint: '如：综合执法大队',
          },
          {
            path: `${added}.id`,
            label: '股室编号',
            kind: 'text',
            required: true,
            hint: '本机关内不重复，如 zfdd；建立后不能修改',
          },
        ]}
        submitLabel="添加股室"
        onSubmit={(values) =>
          must(
            api.PUT('/v1/agency', {
              body: {
                ...kept,
                units: [
                  ...data.units,
                  { id: values[`${added}.id`] ?? '', name: values[`${added}.name`] ?? '' },
                ],
              },
            }),
          )
        }
        onDone={() => {
          reload();
          onAdded();
        }}
      />
    </details>
  );
}

/** 账号变更记录 (ORG-5): who changed which account when, newest first, a page at a time. */
function AccountLog({ units }: { units: Units }) {
  const log = usePages(
    (cursor) => must(api.GET('/v1/users/log', { params: { query: pageQuery(cursor) } })),
    [],
  );
  // Whoever made a change may be on any page of the accounts: they are all named here, paged
  // through fully and bounded (`allPages`); an actor outside the agency is the platform's admin.
  const names = useLoad(
    async () =>
      Object.fromEntries(
        (await allPages((query) => must(api.GET('/v1/users', { params: { query } })))).items.map(
          (account) => [account.userId, account.name],
        ),
      ),
    [],
  );
  return (
    <>
      <ListStatus list={log} empty="还没有账号变更。" />
      <ul class="plain account-log" aria-label="账号变更记录">
        {(log.items ?? []).map((entry) => (
          <li key={entry.seq}>
            {dateTime(entry.at)} {names.data?.[entry.actor] ?? '平台管理员'}{' '}
            {CHANGES[entry.type] ?? '变更账号'}：{changeText(entry.data, units)}
          </li>
        ))}
      </ul>
      <MoreItems list={log} noun="变更记录" />
    </>
  );
}

/** 账号管理 (ORG-5): the agency's staff accounts, a page at a time, kept by its administrator. */
export function Accounts({ session }: { session: Session }) {
  const agency = useLoad(
    async () =>
      Object.fromEntries(
        ((await must(api.GET('/v1/agency'))).units ?? []).map((unit) => [unit.id, unit.name]),
      ) as Units,
    [],
  );
  const list = usePages((cursor) => must(api.GET('/v1/users', { params: { query: pageQuery(cursor) } })), []);
  const reload = list.reload;
  if (agency.error) return <ErrorNotice error={agency.error} />;
  if (!agency.data) return <p>正在加载……</p>;
  const units = agency.data;
  return (
    <>
      <details class="account-creation">
        <summary>开设账号</summary>
        <ActionForm
          id="account"
          fields={[
            ...accountFields(units),
            { path: 'phone', label: '手机号码', kind: 'text', hint: '用于告知首次登录方式' },
          ]}
          submitLabel="开设账号"
          secondary={false}
          onSubmit={({ phone, ...values }) =>
            must(api.POST('/v1/users', { body: { ...accountBody(values), ...(phone ? { phone } : {}) } }))
          }
          onDone={reload}
        />
      </details>
      <Units
        onAdded={() => {
          agency.reload();
          reload();
        }}
      />
      <AccountImport onImported={reload} />
      <ListStatus list={list} />
      <ul class="cards" aria-label="账号列表">
        {(list.items ?? []).map((account) => (
          <li key={`${account.userId}-${account.version}`} class="card">
            <p class="card-title">
              {account.name}
              {account.userId === session.sub ? '（本人）' : ''}
            </p>
            <p class="meta">
              <span class={`badge account-${account.status}`}>
                {STATUS[account.status] ?? account.status}
              </span>
              <span>{units[account.unitId] ?? account.unitId}</span>
              <span>{account.roles.map((role) => roleLabels[role] ?? role).join('、')}</span>
              {account.officerCertificateNo && <span>执法证号 {account.officerCertificateNo}</span>}
              {account.disabledAt && <span>{dateTime(account.disabledAt)} 停用</span>}
            </p>
            {account.status === 'active' && (
              <>
                <details class="account-edit">
                  <summary>修改姓名、股室、角色或执法证</summary>
                  <ActionForm
                    id={`edit-${account.userId}`}
                    fields={accountFields(units, account)}
                    submitLabel="保存修改"
                    onSubmit={(values) =>
                      must(
                        api.PUT('/v1/users/{userId}', {
                          params: { path: { userId: account.userId } },
                          body: accountBody(values),
                        }),
                      )
                    }
                    onDone={reload}
                  />
                </details>
                {account.userId !== session.sub && (
                  <details class="account-disable">
                    <summary>停用账号</summary>
                    <p class="hint">停用后该账号立即无法使用，已登录的也会退出；记录保留。</p>
                    <ActionForm
                      id={`disable-${account.userId}`}
                      fields={[]}
                      submitLabel="确认停用"
                      onSubmit={() =>
                        must(
                          api.POST('/v1/users/{userId}/disable', {
                            params: { path: { userId: account.userId } },
                          }),
                        )
                      }
                      onDone={reload}
                    />
                  </details>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
      <MoreItems list={list} noun="账号" />
      <h2>账号变更记录</h2>
      <AccountLog key={(list.items ?? []).map((account) => account.version).join()} units={units} />
    </>
  );
}
