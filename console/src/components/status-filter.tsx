/** A list's filter by status: a labelled select of the statuses' Chinese names. */
export function StatusFilter<Status extends string>({
  label,
  value,
  labels,
  onChange,
}: {
  label: string;
  value: Status;
  labels: Record<string, string>;
  onChange: (status: Status) => void;
}) {
  return (
    <div class="field">
      <label for="status">{label}</label>
      <select id="status" value={value} onChange={(event) => onChange(event.currentTarget.value as Status)}>
        {Object.entries(labels).map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Items with a due date (or none yet, last), the earliest first. */
export const earliestDueFirst = <Item extends { dueBy?: string | null }>(items: readonly Item[]): Item[] =>
  [...items].sort((a, b) => (a.dueBy ?? '9999-12-31').localeCompare(b.dueBy ?? '9999-12-31'));
