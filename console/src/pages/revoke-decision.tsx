import { WITHDRAWAL_KINDS, withdrawalLabels } from '../../../shared/publicity/domain/withdrawal.ts';
import { api, must } from '../api/client.ts';
import { ActionForm } from '../components/action-form.tsx';
import { today } from '../labels.ts';

/**
 * 决定被变更、撤销、确认违法或无效、责令重新作出 (PUB-11): the kind, the reason and the day the
 * revoking decision or judgment took effect; the API withdraws the publication at once and says
 * by when it had to (3 working days after that day).
 */
export function RevokeDecision({ caseId, onRevoked }: { caseId: string; onRevoked: () => void }) {
  return (
    <details class="revocation">
      <summary>决定被变更或撤销</summary>
      <ActionForm
        id={`revocation-${caseId}`}
        fields={[
          {
            path: 'kind',
            label: '撤回原因',
            kind: 'choice',
            options: Object.fromEntries(WITHDRAWAL_KINDS.map((kind) => [kind, withdrawalLabels[kind]])),
          },
          {
            path: 'reason',
            label: '理由',
            kind: 'text',
            required: true,
            hint: '将随撤回公告一并公开，请勿填写个人信息',
          },
          { path: 'effectiveOn', label: '生效日期', kind: 'date', required: true, initial: today() },
          { path: 'authority', label: '作出机关', kind: 'text', hint: '本机关、复议机关或人民法院' },
          { path: 'documentNo', label: '文书编号', kind: 'text' },
        ]}
        submitLabel="撤回公示"
        onSubmit={({ kind, reason = '', effectiveOn = '', authority, documentNo }) =>
          must(
            api.POST('/v1/cases/{id}/decision/revocations', {
              params: { path: { id: caseId } },
              body: {
                kind: kind as 'changed',
                reason,
                effectiveOn,
                ...(authority ? { authority } : {}),
                ...(documentNo ? { documentNo } : {}),
              },
            }),
          )
        }
        result={(answer) => (
          <p>
            公示已撤回{answer.publication.withdrawBy ? `（法定期限 ${answer.publication.withdrawBy}）` : ''}。
            {answer.referralId ? '监督机关对该决定的纠正移送已同时办结。' : ''}
          </p>
        )}
        onDone={onRevoked}
      />
    </details>
  );
}
