import { useState } from 'preact/hooks';
import { DEVICE_KINDS, deviceKindLabels } from '../../../shared/recording/domain/device-kinds.ts';
import { api, must } from '../api/client.ts';
import { type ApiError, asApiError } from '../api/errors.ts';
import { hasRole, type Session } from '../auth/session.ts';
import { ActionForm } from '../components/action-form.tsx';
import { CalendarStatus } from '../components/calendar-status.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { dateTime } from '../labels.ts';
import { allOfficers } from '../officers.ts';
import { useLoad } from '../use-load.ts';

const deviceStatusLabels: Record<string, string> = { 'in-service': '在用', retired: '已停用' };
const pushEventLabels: Record<string, string> = {
  'publication.published': '公示发布',
  'publication.withdrawn': '公示撤回',
};

/** 执法记录设备 (REC-10): the agency's recording devices, and registering one. */
function Devices() {
  const { data, error, reload } = useLoad(async () => {
    const [devices, agency, officers] = await Promise.all([
      must(api.GET('/v1/devices', { params: { query: {} } })),
      must(api.GET('/v1/agency')),
      allOfficers(),
    ]);
    // The custodian is an account; staff know it by the officer who holds it.
    const custodians = officers.items.flatMap((officer) =>
      officer.userId ? [[officer.userId, officer.name] as const] : [],
    );
    return { devices: devices.items, units: agency.units ?? [], custodians };
  }, []);
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <p>正在加载……</p>;
  const unitName = new Map(data.units.map((unit) => [unit.id, unit.name]));
  const custodianName = new Map(data.custodians);
  return (
    <section aria-labelledby="devices">
      <h2 id="devices">执法记录设备</h2>
      {data.devices.length === 0 ? (
        <p>还没有登记设备。未登记设备拍摄的音像证据会被标记。</p>
      ) : (
        <ul class="cards" aria-label="设备列表">
          {data.devices.map((device) => (
            <li key={device.deviceId} class="card">
              <p class="card-title">
                {deviceKindLabels[device.kind as (typeof DEVICE_KINDS)[number]] ?? device.kind}{' '}
                {device.deviceId}
              </p>
              <p class="meta">
                <span>{deviceStatusLabels[device.status] ?? device.status}</span>
                <span>{unitName.get(device.unitId) ?? device.unitId}</span>
                <span>保管人 {custodianName.get(device.custodian) ?? '（账号未对应执法人员）'}</span>
                {device.model && <span>{device.model}</span>}
              </p>
            </li>
          ))}
        </ul>
      )}
      <details class="device-registration">
        <summary>登记设备</summary>
        <ActionForm
          id="device"
          fields={[
            {
              path: 'deviceId',
              label: '设备编号',
              kind: 'text',
              required: true,
              hint: '设备写入文件的序列号或资产编号',
            },
            {
              path: 'kind',
              label: '设备类型',
              kind: 'choice',
              options: Object.fromEntries(DEVICE_KINDS.map((kind) => [kind, deviceKindLabels[kind]])),
            },
            {
              path: 'unitId',
              label: '所属股室',
              kind: 'choice',
              options: Object.fromEntries(data.units.map((unit) => [unit.id, unit.name])),
            },
            {
              path: 'custodian',
              label: '保管人',
              kind: 'choice',
              options: Object.fromEntries(data.custodians),
            },
            { path: 'model', label: '型号', kind: 'text' },
          ]}
          submitLabel="登记"
          secondary={false}
          onSubmit={({ deviceId = '', kind, unitId = '', custodian = '', model }) =>
            must(
              api.POST('/v1/devices', {
                body: {
                  deviceId,
                  kind: kind as 'body-camera',
                  unitId,
                  custodian,
                  ...(model ? { model } : {}),
                },
              }),
            )
          }
          onDone={reload}
        />
      </details>
    </section>
  );
}

/** 推送失败记录 (ORG-2): deliveries to another platform that failed every retry, to send again. */
function DeadLetters() {
  const { data, error, reload } = useLoad(() => must(api.GET('/v1/push/dead-letters')), []);
  const [replayError, setReplayError] = useState<ApiError>();
  async function replay(id: string) {
    setReplayError(undefined);
    try {
      await must(api.POST('/v1/push/dead-letters/{id}/replay', { params: { path: { id } } }));
      reload();
    } catch (caught) {
      setReplayError(asApiError(caught));
    }
  }
  return (
    <section aria-labelledby="dead-letters">
      <h2 id="dead-letters">推送失败记录</h2>
      <ErrorNotice error={error ?? replayError} />
      {data &&
        (data.items.length === 0 ? (
          <p>没有推送失败的记录。</p>
        ) : (
          <ul class="cards" aria-label="推送失败记录">
            {data.items.map((delivery) => (
              <li key={delivery.id} class="card">
                <p class="card-title">{pushEventLabels[delivery.event] ?? delivery.event}</p>
                <p class="meta">
                  <span>尝试 {delivery.attempts} 次</span>
                  <span>{dateTime(delivery.createdAt)}</span>
                  {delivery.lastError && <span>{delivery.lastError}</span>}
                </p>
                <button type="button" class="secondary" onClick={() => replay(delivery.id)}>
                  重新推送
                </button>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

/** 系统管理: the calendar's state, recording devices and failed pushes, for administrators and unit heads. */
export function System({ session }: { session: Session }) {
  return (
    <>
      <CalendarStatus />
      <Devices />
      {hasRole(session, 'admin') && <DeadLetters />}
    </>
  );
}
