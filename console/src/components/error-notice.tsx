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
  return (
    <div class="notice notice-error" role="alert">
      <p class="notice-title">{error.message}</p>
      {error.details.length > 0 && (
        <ul>
          {error.details.map((detail) => (
            <li key={`${detail.path}:${detail.message}`}>
              {detail.path && <strong>{labelOf(detail.path, labels)}：</strong>}
              {detail.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The label of a field path, or of its nearest labelled parent, with the rest of the path kept. */
export function labelOf(path: string, labels: Record<string, string>): string {
  const parts = path.split('.');
  for (let length = parts.length; length > 0; length -= 1) {
    const label = labels[parts.slice(0, length).join('.')];
    if (label) return length === parts.length ? label : `${label}（${parts.slice(length).join('.')}）`;
  }
  return path;
}
