import type { ApiError } from '../api/errors.ts';
import { describedBy, Field } from './field.tsx';

/** The file's bytes as base64, as the import routes take them. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}

/** What the import routes take of a chosen spreadsheet: `{format, content}` (none chosen: empty, which the API names). */
export async function spreadsheetBody(file: File | undefined) {
  return {
    format: file?.name.toLowerCase().endsWith('.csv') ? ('csv' as const) : ('xlsx' as const),
    content: file ? await base64Of(file) : '',
  };
}

/** A spreadsheet to import (xlsx or CSV), its errors shown at `content` as the import routes name them. */
export function SpreadsheetField({
  name,
  label,
  hint,
  error,
  onFile,
}: {
  name: string;
  label: string;
  hint: string;
  error: ApiError | undefined;
  onFile: (file: File | undefined) => void;
}) {
  return (
    <Field name={name} path="content" label={label} hint={hint} error={error} required>
      <input
        {...describedBy(name, error, true, 'content')}
        type="file"
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        onChange={(event) => onFile(event.currentTarget.files?.[0])}
      />
    </Field>
  );
}
