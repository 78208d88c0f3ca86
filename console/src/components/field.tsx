import type { ComponentChildren } from 'preact';
import type { ApiError } from '../api/errors.ts';

/**
 * A labelled form field with its hint and the API's messages about it (`aria-describedby`), so a
 * screen reader reads the error with the field. The control is a child with `id` = `name`.
 */
export function Field({
  name,
  path = name,
  label,
  hint,
  error,
  required,
  children,
}: {
  name: string;
  /** The API's name for the field, when the control's id must differ (several forms on a page). */
  path?: string;
  label: string;
  hint?: string;
  error?: ApiError | undefined;
  required?: boolean;
  children: ComponentChildren;
}) {
  const messages = error?.detailsFor(path) ?? [];
  return (
    <div class={messages.length > 0 ? 'field field-invalid' : 'field'}>
      <label for={name}>
        {label}
        {required && <span class="required"> （必填）</span>}
      </label>
      {hint && (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {messages.length > 0 && (
        <div class="field-error" id={`${name}-error`}>
          {messages.map((detail) => (
            <p key={detail.path + detail.message}>{detail.message}</p>
          ))}
        </div>
      )}
    </div>
  );
}

/** The attributes that tie a control to its Field's hint and error. */
export function describedBy(name: string, error: ApiError | undefined, hint = false, path = name) {
  const invalid = (error?.detailsFor(path).length ?? 0) > 0;
  const ids = [hint ? `${name}-hint` : '', invalid ? `${name}-error` : ''].filter(Boolean).join(' ');
  return {
    id: name,
    name,
    ...(ids ? { 'aria-describedby': ids } : {}),
    ...(invalid ? { 'aria-invalid': true as const } : {}),
  };
}
