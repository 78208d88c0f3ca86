import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { type ApiError, asApiError } from '../api/errors.ts';
import { readDate } from '../typed-dates.ts';
import { DateInput } from './date-input.tsx';
import { ErrorNotice } from './error-notice.tsx';
import { describedBy, Field } from './field.tsx';

/** One input of an action form, named by the API's field (`path`). */
export type ActionField = {
  path: string;
  label: string;
  required?: boolean;
  hint?: string;
} & (
  | { kind: 'choice'; options: Record<string, string>; initial?: string }
  /** Several of the options, sent joined by commas (`onSubmit` splits them). */
  | { kind: 'choices'; options: Record<string, string>; initial?: string }
  | { kind: 'text'; initial?: string }
  | { kind: 'date'; initial?: string }
  | { kind: 'number'; min: number; max: number; initial?: string }
);

const initialValues = (fields: readonly ActionField[]) =>
  Object.fromEntries(
    fields.map((field) => [
      field.path,
      field.initial ?? (field.kind === 'choice' ? (Object.keys(field.options)[0] ?? '') : ''),
    ]),
  );

/**
 * A short action with its reasons, the console's one shape for them: a few choices, texts and
 * dates, sent in one request, the API's refusal shown at the fields it names. Changing a
 * certificate's status, retrieving a recording, revoking a decision and extending a review are
 * all this form; `result` shows what the request answered (a link, a date).
 */
export function ActionForm<T>({
  id,
  fields,
  submitLabel,
  onSubmit,
  onDone,
  result,
  secondary = true,
}: {
  /** Unique on the page: the controls' ids start with it. */
  id: string;
  fields: readonly ActionField[];
  submitLabel: string;
  /** Sends the values (as typed, dates as YYYY-MM-DD, empty ones left out); its answer goes to `onDone` and `result`. */
  onSubmit: (values: Record<string, string>) => Promise<T>;
  onDone?: (answer: T) => void;
  result?: (answer: T) => ComponentChildren;
  secondary?: boolean;
}) {
  const [values, setValues] = useState<Record<string, string>>(() => initialValues(fields));
  const [error, setError] = useState<ApiError>();
  const [answer, setAnswer] = useState<{ value: T }>();
  const [busy, setBusy] = useState(false);
  const control = (path: string) => `${id}-${path}`;
  const set = (path: string, value: string) => setValues((previous) => ({ ...previous, [path]: value }));

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const filled = Object.fromEntries(
        fields
          .map((field) => {
            const value = values[field.path] ?? '';
            return [field.path, field.kind === 'date' ? (readDate(value) ?? value) : value] as const;
          })
          .filter(([, value]) => value.trim() !== ''),
      );
      const value = await onSubmit(filled);
      setAnswer({ value });
      setValues(initialValues(fields));
      onDone?.(value);
    } catch (caught) {
      setError(asApiError(caught));
    }
    setBusy(false);
  }

  return (
    <form onSubmit={submit} noValidate>
      <ErrorNotice
        error={error}
        labels={Object.fromEntries(fields.map((field) => [field.path, field.label]))}
      />
      {fields.map((field) => {
        const name = control(field.path);
        const attributes = {
          ...describedBy(name, error, field.hint !== undefined, field.path),
          value: values[field.path] ?? '',
        };
        if (field.kind === 'choices') {
          const chosen = new Set((values[field.path] ?? '').split(',').filter(Boolean));
          const toggle = (code: string) => {
            if (chosen.has(code)) chosen.delete(code);
            else chosen.add(code);
            set(
              field.path,
              Object.keys(field.options)
                .filter((each) => chosen.has(each))
                .join(','),
            );
          };
          const messages = error?.detailsFor(field.path) ?? [];
          return (
            <fieldset key={field.path} class={messages.length > 0 ? 'field field-invalid' : 'field'}>
              <legend>
                {field.label}
                {field.required && <span class="required"> （必填）</span>}
              </legend>
              <div class="radios">
                {Object.entries(field.options).map(([code, label]) => (
                  <label key={code}>
                    <input
                      type="checkbox"
                      name={name}
                      value={code}
                      checked={chosen.has(code)}
                      onChange={() => toggle(code)}
                    />
                    {label}
                  </label>
                ))}
              </div>
              {messages.map((detail) => (
                <p class="field-error" key={detail.path + detail.message}>
                  {detail.message}
                </p>
              ))}
            </fieldset>
          );
        }
        return (
          <Field
            key={field.path}
            name={name}
            path={field.path}
            label={field.label}
            error={error}
            {...(field.hint ? { hint: field.hint } : {})}
            {...(field.required ? { required: true } : {})}
          >
            {field.kind === 'choice' ? (
              <select {...attributes} onChange={(event) => set(field.path, event.currentTarget.value)}>
                {Object.entries(field.options).map(([code, label]) => (
                  <option key={code} value={code}>
                    {label}
                  </option>
                ))}
              </select>
            ) : field.kind === 'date' ? (
              <DateInput kind="date" {...attributes} onChange={(text) => set(field.path, text)} />
            ) : (
              <input
                {...attributes}
                {...(field.kind === 'number'
                  ? { type: 'number', inputMode: 'numeric' as const, min: field.min, max: field.max }
                  : {})}
                onInput={(event) => set(field.path, event.currentTarget.value)}
              />
            )}
          </Field>
        );
      })}
      <p class="actions">
        <button type="submit" class={secondary ? 'secondary' : 'primary'} disabled={busy}>
          {submitLabel}
        </button>
      </p>
      {answer && result && <div role="status">{result(answer.value)}</div>}
    </form>
  );
}
