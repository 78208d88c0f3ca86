import type { ApiError } from '../api/errors.ts';

/**
 * An API error as staff read it: its Chinese message and, for each field it names, the field's
 * label and what is wrong. `labels` turns paths (`party.name`) into the form's own labels.
 */
export function ErrorNotice({
  error,
  labels = {},
}: {
  error: ApiError | undefined;
  labels?: Record<string, string>;
}) {
  if (!error) return null;
  const known = { ...COMMON_LABELS, ...labels };
  return (
    <div class="notice notice-error" role="alert">
      <p class="notice-title">{error.message}</p>
      {error.details.length > 0 && (
        <ul>
          {error.details.map((detail) => (
            <li key={`${detail.path}:${detail.message}`}>
              {detail.path && <strong>{labelOf(detail.path, known)}：</strong>}
              {detail.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Paths the API names on many routes (docs/api.md). */
const COMMON_LABELS: Record<string, string> = {
  body: '请求内容',
  review: '法制审核',
  steps: '办案程序',
  status: '案件状态',
  to: '目标状态',
  avGaps: '音像记录',
  activities: '执法活动',
  activityId: '执法活动',
  officers: '执法人员',
  decision: '决定',
  version: '版本',
};

/** The label of a field path, or of its nearest labelled parent, with the rest of the path kept. */
export function labelOf(path: string, labels: Record<string, string>): string {
  const parts = path.split('.');
  for (let length = parts.length; length > 0; length -= 1) {
    const label = labels[parts.slice(0, length).join('.')];
    if (label) return length === parts.length ? label : `${label}（${parts.slice(length).join('.')}）`;
  }
  return path;
}
