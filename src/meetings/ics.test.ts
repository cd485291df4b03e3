import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, meetingIcs } from './ics.js';

describe('iCalendar for meetings', () => {
  it('escapes text values', () => {
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const line = `DESCRIPTION:${'æøå '.repeat(40)}`;
    const folded = foldLine(line);
    const pieces = folded.split('\r\n');
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(Buffer.byteLength(piece)).toBeLessThanOrEqual(75);
    expect(pieces.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(pieces.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });

  it('cancels with METHOD:CANCEL and STATUS:CANCELLED', () => {
    const base = {
      uid: 'm1@samspil',
      sequence: 2,
      start: new Date('2030-01-02T09:00:00Z'),
      end: new Date('2030-01-02T10:00:00Z'),
      stamp: new Date('2029-12-01T00:00:00Z'),
      summary: 'Netværksmøde',
      location: 'Rådhuset',
      description: '',
      organizer: { name: 'Sara "S"', email: 'sara@example.dk' },
      attendees: [],
    };
    const planned = meetingIcs({ ...base, cancelled: false });
    expect(planned).toContain('METHOD:REQUEST\r\nBEGIN:VEVENT');
    expect(planned).toContain('DTSTART:20300102T090000Z\r\n');
    expect(planned).toContain('ORGANIZER;CN="Sara S":mailto:sara@example.dk\r\n');
    const cancelled = meetingIcs({ ...base, cancelled: true });
    expect(cancelled).toContain('METHOD:CANCEL\r\n');
    expect(cancelled).toContain('STATUS:CANCELLED\r\n');
    expect(cancelled.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});
