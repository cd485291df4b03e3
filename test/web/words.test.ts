/** Issue #16, words: one date format, and the audit log and item keys in words, never raw keys. */
import { describe, expect, it } from 'vitest';
import { itemLabel } from '../../contract/analysis.js';
import { AUDIT_ACTION_LABELS } from '../../contract/audit.js';
import {
  auditActionLabel,
  auditDetail,
  auditEntityLabel,
} from '../../web/src/audit/audit-labels.js';
import { formatDate, formatDateTime, formatTime } from '../../web/src/ui/format-date.js';

describe('the one date format', () => {
  it('shows days and times the Danish way, in Danish time, and a dash for nothing', () => {
    expect(formatDate('2026-12-03', 'da-DK')).toBe('3. dec. 2026');
    expect(formatDate('2026-12-03T23:30:00Z', 'da-DK')).toBe('4. dec. 2026');
    expect(formatDateTime('2026-12-03T13:30:00Z', 'da-DK')).toBe('3. dec. 2026, 14.30');
    expect(formatTime('2026-06-03T13:30:00Z', 'da-DK')).toBe('15.30');
    expect(formatDate(null, 'da-DK')).toBe('–');
    expect(formatDate('not a date', 'da-DK')).toBe('not a date');
  });
});

describe('the audit log in words', () => {
  it('labels every action in both languages, and the details without ids or internal fields', () => {
    for (const [action, label] of Object.entries(AUDIT_ACTION_LABELS)) {
      expect(label.da, action).not.toBe(action);
      expect(label.en.length, action).toBeGreaterThan(0);
    }
    expect(auditActionLabel('course.list', 'da')).toBe('Forløbsliste vist');
    expect(auditActionLabel('plan.read', 'en')).toBe('Plan read');
    expect(auditEntityLabel('course', 'da')).toBe('Forløb');
    expect(
      auditDetail(
        {
          access: 'full',
          role: 'leder',
          linkId: '6f1c8a52-0000-4000-8000-000000000000',
          fields: ['x'],
        },
        'da',
        'da-DK',
      ),
    ).toBe('adgang: fuld; rolle: Leder');
  });

  it('names items, never by their keys', () => {
    expect(itemLabel('problemloesning', 'da')).toBe('Problemløsning');
    expect(itemLabel('ledelse1', 'da')).toBe('Ledelse 1');
    expect(itemLabel('ledelse7', 'en')).toBe('Leadership 7');
  });
});
