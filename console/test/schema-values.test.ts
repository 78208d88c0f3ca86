import { describe, expect, it } from 'vitest';
import { emptyValue, type JsonSchema, toFields } from '../src/records/schema-values.ts';

/** Shapes as `GET /v1/record-types` gives them (zod's JSON Schema of shared/recording/domain/documents.ts). */
const interview: JsonSchema = {
  type: 'object',
  properties: {
    interviewee: { type: 'string', maxLength: 100 },
    startedAt: { type: 'string', format: 'date-time' },
    questionsAndAnswers: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        properties: { question: { type: 'string' }, answer: { type: 'string' } },
        required: ['question', 'answer'],
      },
    },
    penalty: {
      type: 'object',
      properties: { kind: { type: 'string' }, amount: { type: 'number' } },
      required: ['kind'],
    },
    participants: { anyOf: [{ type: 'array', items: { type: 'string' } }, { type: 'string' }] },
  },
  required: ['interviewee', 'startedAt', 'questionsAndAnswers'],
};

describe('record forms generated from the templates’ schemas', () => {
  it('[REC-2] starts with one empty row per list and the text branch of a union', () => {
    expect(emptyValue(interview)).toEqual({
      interviewee: '',
      startedAt: '',
      questionsAndAnswers: [{ question: '', answer: '' }],
      penalty: { kind: '', amount: '' },
      participants: '',
    });
  });

  it('[REC-2] sends times (typed in Beijing time) as ISO 8601, numbers as numbers, and leaves out empty optional fields', () => {
    const fields = toFields(interview, {
      interviewee: '杨某某',
      startedAt: '2026-12-06T09:30:00',
      questionsAndAnswers: [
        { question: '是否建立入院评估制度？', answer: '没有。' },
        { question: '', answer: '' },
      ],
      penalty: { kind: 'fine', amount: '20000' },
      participants: '',
    });
    expect(fields).toEqual({
      interviewee: '杨某某',
      // Typed in Beijing time, whatever the device's time zone.
      startedAt: '2026-12-06T01:30:00.000Z',
      questionsAndAnswers: [{ question: '是否建立入院评估制度？', answer: '没有。' }],
      penalty: { kind: 'fine', amount: 20000 },
    });
  });

  it('[REC-2] keeps an empty required field so the API names it', () => {
    const fields = toFields(interview, emptyValue(interview)) as Record<string, unknown>;
    expect(fields.interviewee).toBe('');
    expect(fields.startedAt).toBe('');
    expect(fields.questionsAndAnswers).toEqual([]);
    expect('penalty' in fields).toBe(false);
  });
});
