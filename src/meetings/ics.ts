/**
 * iCalendar (RFC 5545) for one meeting: a REQUEST while it is planned, a CANCEL with
 * STATUS:CANCELLED once it is cancelled, so a calendar that imported the invitation
 * removes it. Lines end in CRLF and are folded at 75 octets (§3.1); text is escaped
 * (§3.3.11). Times are UTC, so no VTIMEZONE is needed.
 */

export interface IcsPerson {
  name: string;
  email: string;
}

export interface IcsMeeting {
  uid: string;
  sequence: number;
  cancelled: boolean;
  start: Date;
  end: Date;
  stamp: Date;
  summary: string;
  location: string;
  description: string;
  organizer: IcsPerson | null;
  attendees: IcsPerson[];
}

/** Escape a TEXT value: backslash, semicolon, comma and newlines. */
export const escapeText = (value: string) =>
  value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');

/** A parameter value (CN) is quoted and may not hold quotes or control characters. */
const paramValue = (value: string) => `"${value.replace(/["\p{Cc}]/gu, '')}"`;

const utc = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** Fold a content line into pieces of at most 75 octets, never splitting a character. */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = pieces.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      pieces.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

/** The whole calendar object for a meeting. */
export function meetingIcs(meeting: IcsMeeting): string {
  const method = meeting.cancelled ? 'CANCEL' : 'REQUEST';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Samspil//Moeder//DA',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    'BEGIN:VEVENT',
    `UID:${meeting.uid}`,
    `DTSTAMP:${utc(meeting.stamp)}`,
    `DTSTART:${utc(meeting.start)}`,
    `DTEND:${utc(meeting.end)}`,
    `SEQUENCE:${meeting.sequence}`,
    `STATUS:${meeting.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    `SUMMARY:${escapeText(meeting.summary)}`,
    `LOCATION:${escapeText(meeting.location)}`,
    `DESCRIPTION:${escapeText(meeting.description)}`,
    ...(meeting.organizer
      ? [`ORGANIZER;CN=${paramValue(meeting.organizer.name)}:mailto:${meeting.organizer.email}`]
      : []),
    ...meeting.attendees.map(
      (a) =>
        `ATTENDEE;CN=${paramValue(a.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:${a.email}`,
    ),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
