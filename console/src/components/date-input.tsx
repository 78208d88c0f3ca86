import { useRef } from 'preact/hooks';
import { dateReading, timeReading } from '../typed-dates.ts';

const FORMS = {
  date: { example: '2026-12-07 或 2026年12月7日', picker: 'date', button: '选日期', read: dateReading },
  time: {
    example: '2026-12-07 09:30 或 2026年12月7日 9时30分',
    picker: 'datetime-local',
    button: '选时间',
    read: timeReading,
  },
} as const;

/**
 * A date (`kind="date"`) or a date and time in Beijing time (`kind="time"`), typed as staff write
 * it and read back under the field in words (2026年12月7日 星期一), so that it reads the same on
 * every device whatever the browser's locale and time zone. A button opens the device's own
 * picker, which fills the text. The value is the text; `readDate` / `readBeijingTime` turn it
 * into what the API takes.
 */
export function DateInput({
  kind,
  id,
  value,
  onChange,
  ...attributes
}: {
  kind: 'date' | 'time';
  id: string;
  name?: string;
  value: string;
  onChange: (text: string) => void;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  required?: boolean;
}) {
  const form = FORMS[kind];
  const picker = useRef<HTMLInputElement>(null);
  const reading = value.trim() === '' ? undefined : form.read(value);
  const readingId = `${id}-reading`;
  function openPicker() {
    const proxy = picker.current;
    if (!proxy) return;
    try {
      proxy.showPicker();
    } catch {
      document.getElementById(id)?.focus();
    }
  }
  return (
    <>
      <div class="date-input">
        <input
          {...attributes}
          id={id}
          value={value}
          autoComplete="off"
          aria-describedby={[attributes['aria-describedby'], readingId].filter(Boolean).join(' ')}
          onInput={(event) => onChange(event.currentTarget.value)}
        />
        <button type="button" class="secondary" onClick={openPicker}>
          {form.button}
        </button>
        <input
          ref={picker}
          class="picker-proxy"
          type={form.picker}
          tabIndex={-1}
          aria-hidden="true"
          onChange={(event) => {
            const picked = event.currentTarget.value;
            if (picked) onChange(kind === 'time' ? picked.replace('T', ' ') : picked);
          }}
        />
      </div>
      <p id={readingId} class={value.trim() !== '' && !reading ? 'field-error' : 'hint'} aria-live="polite">
        {value.trim() === ''
          ? `例如 ${form.example}`
          : (reading ?? `看不懂这个${kind === 'date' ? '日期' : '时间'}，请写成 ${form.example}`)}
      </p>
    </>
  );
}
