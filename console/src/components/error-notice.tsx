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
            <li key={`${detail.path}:${detail.message}`}>{lineOf(detail, known)}</li>
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

/**
 * The label of a field path, from its nearest labelled parent, with what is below it said in
 * words (`officers.1` is 执法人员 第 2 项); a part with no label of its own is left out, so no
 * path or field name reaches the screen. A path with no label at all names no field.
 */
export function labelOf(path: string, labels: Record<string, string>): string | undefined {
  const parts = path.split('.');
  const words = (rest: string[]) =>
    rest.flatMap((part) =>
      /^\d+$/.test(part) ? [`第 ${Number(part) + 1} 项`] : labels[part] ? [labels[part]] : [],
    );
  for (let length = parts.length; length > 0; length -= 1) {
    const label = labels[parts.slice(0, length).join('.')];
    if (label) return [label, ...words(parts.slice(length))].join(' ');
  }
  const readable = parts.filter((part) => /\p{Script=Han}/u.test(part));
  return readable.length > 0 ? readable.join(' ') : undefined;
}

/** One detail as a line: the field's label, then what is wrong, unless the message names it already. */
export function lineOf(detail: ApiError['details'][number], labels: Record<string, string>): string {
  const label = detail.path ? labelOf(detail.path, labels) : undefined;
  return label && !detail.message.includes(label) ? `${label}：${detail.message}` : detail.message;
}
