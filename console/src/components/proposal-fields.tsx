import { api, must } from '../api/client.ts';
import type { ApiError } from '../api/errors.ts';
import { decisionTypeLabels, penaltyKindLabels } from '../labels.ts';
import { describedBy, Field } from './field.tsx';

/**
 * What the case's decision would say if issued now (`GET /v1/cases/{id}/decision/draft`): the
 * approved proposal or the prior notice, which the decision and a review submission start from.
 */
export const loadDecisionDraft = (caseId: string) =>
  must(api.GET('/v1/cases/{id}/decision/draft', { params: { path: { id: caseId } } }));
export type DecisionDraft = Awaited<ReturnType<typeof loadDecisionDraft>>;

/** A proposed or issued decision as the form holds it. */
export interface ProposalForm {
  type: string;
  summary: string;
  legalBasis: string;
  penaltyKind: string;
  amount: string;
}

export const emptyProposal: ProposalForm = {
  type: 'penalty',
  summary: '',
  legalBasis: '',
  penaltyKind: '',
  amount: '',
};

/** The form holding a proposal the API gave (the decision's draft), to be checked and changed. */
export function proposalForm(proposal: {
  type?: string;
  summary?: string;
  legalBasis?: string;
  penalty?: { kind: string; amount?: number };
}): ProposalForm {
  return {
    type: proposal.type ?? emptyProposal.type,
    summary: proposal.summary ?? '',
    legalBasis: proposal.legalBasis ?? '',
    penaltyKind: proposal.penalty?.kind ?? '',
    amount: proposal.penalty?.amount === undefined ? '' : String(proposal.penalty.amount),
  };
}

export const proposalLabels = (prefix: string): Record<string, string> => ({
  [`${prefix}type`]: '决定类型',
  [`${prefix}summary`]: '决定内容摘要',
  [`${prefix}legalBasis`]: '法律依据',
  [`${prefix}penalty`]: '处罚',
  [`${prefix}penalty.kind`]: '处罚种类',
  [`${prefix}penalty.amount`]: '罚没金额',
});

/** The body the API takes: `{type, summary, legalBasis, penalty?: {kind, amount?}}`. */
export function proposalBody(form: ProposalForm) {
  const amount = form.amount.trim();
  return {
    type: form.type,
    summary: form.summary,
    legalBasis: form.legalBasis,
    ...(form.penaltyKind
      ? { penalty: { kind: form.penaltyKind as 'fine', ...(amount ? { amount: Number(amount) } : {}) } }
      : {}),
  };
}

/** The fields of a decision: type, summary, legal basis, penalty kind and amount. `prefix` is where the API names them (`proposal.`). */
export function ProposalFields({
  form,
  onChange,
  error,
  prefix = '',
}: {
  form: ProposalForm;
  onChange: (form: ProposalForm) => void;
  error: ApiError | undefined;
  prefix?: string;
}) {
  const set = (name: keyof ProposalForm) => (event: Event) =>
    onChange({ ...form, [name]: (event.currentTarget as HTMLInputElement).value });
  const labels = proposalLabels(prefix);
  const name = (field: string) => `${prefix}${field}`;
  return (
    <>
      <Field name={name('type')} label={labels[name('type')] ?? ''} error={error} required>
        <select {...describedBy(name('type'), error)} value={form.type} onChange={set('type')}>
          {Object.entries(decisionTypeLabels).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field name={name('summary')} label={labels[name('summary')] ?? ''} error={error} required>
        <textarea
          {...describedBy(name('summary'), error)}
          rows={4}
          value={form.summary}
          onInput={set('summary')}
        />
      </Field>
      <Field name={name('legalBasis')} label={labels[name('legalBasis')] ?? ''} error={error} required>
        <input
          {...describedBy(name('legalBasis'), error)}
          value={form.legalBasis}
          onInput={set('legalBasis')}
        />
      </Field>
      <Field name={name('penalty.kind')} label={labels[name('penalty.kind')] ?? ''} error={error}>
        <select
          {...describedBy(name('penalty.kind'), error)}
          value={form.penaltyKind}
          onChange={set('penaltyKind')}
        >
          <option value="">（无）</option>
          {Object.entries(penaltyKindLabels).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field name={name('penalty.amount')} label={`${labels[name('penalty.amount')]}（元）`} error={error}>
        <input
          {...describedBy(name('penalty.amount'), error)}
          inputMode="decimal"
          value={form.amount}
          onInput={set('amount')}
        />
      </Field>
    </>
  );
}
