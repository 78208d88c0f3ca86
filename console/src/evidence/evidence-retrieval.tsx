import { api, must } from '../api/client.ts';
import { ActionForm } from '../components/action-form.tsx';
import { dateTime } from '../labels.ts';

const PURPOSES: Record<string, string> = {
  review: '法制审核',
  dispute: '争议处理',
  hearing: '听证',
  supervision: '执法监督',
  litigation: '行政复议、诉讼',
};

/**
 * 调阅 an archived recording (REC-7): a purpose and a reason, logged and journaled by the API,
 * which answers a link to that exact stored version for ten minutes.
 */
export function EvidenceRetrieval({ evidenceId, fileName }: { evidenceId: string; fileName: string }) {
  return (
    <details class="retrieval">
      <summary>调阅 {fileName}</summary>
      <ActionForm
        id={`retrieval-${evidenceId}`}
        fields={[
          { path: 'purpose', label: '调阅目的', kind: 'choice', options: PURPOSES },
          { path: 'reason', label: '调阅理由', kind: 'text', required: true },
        ]}
        submitLabel="申请调阅"
        onSubmit={({ purpose, reason = '' }) =>
          must(
            api.POST('/v1/evidence/{id}/retrievals', {
              params: { path: { id: evidenceId } },
              body: { purpose: purpose as 'review', reason },
            }),
          )
        }
        result={(link) => (
          <p>
            <a href={link.url} target="_blank" rel="noopener noreferrer">
              打开录像
            </a>
            （{dateTime(link.expiresAt)} 前有效，本次调阅已记录）
          </p>
        )}
      />
    </details>
  );
}
