import { describe, expect, it } from 'vitest';
import { kindLabels } from '../../shared/checklists/domain/checklist-kinds.ts';
import { activityLabels } from '../../shared/kernel/activity.ts';
import { standardLabels as serverStandardLabels } from '../../shared/legal-review/domain/review.ts';
import { categoryLabels as serverCategoryLabels } from '../../shared/organisation/domain/officer.ts';
import { procedureLabels as serverProcedureLabels } from '../../shared/recording/domain/procedure.ts';
import {
  activityTypeLabels,
  categoryLabels,
  checklistKindLabels,
  date,
  dateTime,
  procedureLabels,
  standardLabels,
} from '../src/labels.ts';

// The console keeps its own copy of names whose server module imports zod (which the console's
// 150 KB budget cannot carry); these pins keep the two the same words.
describe('the console says what the server says', () => {
  it('[REC-8] names categories, procedures, activities, review standards and lists as the API does', () => {
    expect(categoryLabels).toEqual(serverCategoryLabels);
    expect(procedureLabels).toEqual(serverProcedureLabels);
    expect(activityTypeLabels).toEqual(activityLabels);
    expect(standardLabels).toEqual(serverStandardLabels);
    expect(checklistKindLabels).toEqual(kindLabels);
  });

  it('[REC-8] dates and times read as people write them, in Beijing time', () => {
    expect(date('2026-12-07')).toBe('2026年12月7日');
    // 21:29 UTC on 6 December is 05:29 on 7 December in Beijing.
    expect(date('2026-12-06T21:29:14.392Z')).toBe('2026年12月7日');
    expect(dateTime('2026-12-06T21:29:14.392Z')).toBe('2026年12月7日 05:29');
    expect(date(undefined)).toBe('');
  });
});
