import { fieldLabels, labelOfField } from '../../../shared/recording/domain/field-labels.ts';
import type { ApiError } from '../api/errors.ts';
import { DateInput } from '../components/date-input.tsx';
import { describedBy, Field } from '../components/field.tsx';
import { editable, emptyValue, type FormObject, type FormValue, type JsonSchema } from './schema-values.ts';

/**
 * A form generated from a record type's JSON Schema (`GET /v1/record-types`): text, long text,
 * date and time, numbers, choices, nested objects and repeated rows (values: schema-values.ts).
 */
interface Props {
  schema: JsonSchema;
  path: string;
  name: string;
  value: FormValue;
  required: boolean;
  error: ApiError | undefined;
  onChange: (value: FormValue) => void;
}

export function SchemaField({ schema, path, name, value, required, error, onChange }: Props) {
  const own = editable(schema);
  const label = labelOfField(name);
  if (own.type === 'object') {
    const object = (value ?? {}) as FormObject;
    return (
      <fieldset class="nested">
        <legend>{label}</legend>
        {Object.entries(own.properties ?? {}).map(([inner, innerSchema]) => (
          <SchemaField
            key={inner}
            schema={innerSchema}
            path={`${path}.${inner}`}
            name={inner}
            value={object[inner] ?? ''}
            required={own.required?.includes(inner) ?? false}
            error={error}
            onChange={(next) => onChange({ ...object, [inner]: next })}
          />
        ))}
      </fieldset>
    );
  }
  if (own.type === 'array' && own.items) {
    const rows = Array.isArray(value) ? value : [];
    const itemSchema = own.items;
    return (
      <fieldset class="nested">
        <legend>
          {label}
          {required && <span class="required"> （必填）</span>}
        </legend>
        {error?.detailsFor(path).some((detail) => detail.path === path) && (
          <p class="field-error">{error.detailsFor(path).find((detail) => detail.path === path)?.message}</p>
        )}
        {rows.map((row, index) => (
          <div class="row" key={String(index)}>
            <SchemaField
              schema={itemSchema}
              path={`${path}.${index}`}
              name={`${labelOfField(name)} 第${index + 1}项`}
              value={row}
              required
              error={error}
              onChange={(next) => onChange(rows.map((old, at) => (at === index ? next : old)))}
            />
          </div>
        ))}
        <button type="button" class="secondary" onClick={() => onChange([...rows, emptyValue(itemSchema)])}>
          添加一项
        </button>
      </fieldset>
    );
  }
  const text = typeof value === 'string' ? value : '';
  const control = describedBy(path, error);
  const input = (event: Event) => onChange((event.currentTarget as HTMLInputElement).value);
  return (
    <Field name={path} label={label} error={error} required={required}>
      {own.enum ? (
        <select {...control} value={text} onChange={input}>
          <option value="">（请选择）</option>
          {own.enum.map((option) => (
            <option key={option} value={option}>
              {fieldLabels[`${name}.${option}`] ?? option}
            </option>
          ))}
        </select>
      ) : own.type === 'boolean' ? (
        <input
          {...control}
          type="checkbox"
          checked={value === true}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
      ) : own.format === 'date-time' ? (
        <DateInput kind="time" {...control} value={text} onChange={onChange} />
      ) : own.type === 'number' || own.type === 'integer' ? (
        <input {...control} inputMode="decimal" value={text} onInput={input} />
      ) : (own.maxLength ?? 0) > 500 ? (
        <textarea {...control} rows={4} value={text} onInput={input} />
      ) : (
        <input {...control} value={text} onInput={input} maxLength={own.maxLength} />
      )}
    </Field>
  );
}
