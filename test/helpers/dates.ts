/**
 * Dates as the server sees them: a day in Copenhagen, not in UTC. Between 23:00 and 24:00
 * UTC (22:00 in summer) the two differ, and a test that says "today" in UTC would give the
 * server yesterday.
 */
import { danishToday } from '../../src/courses/course-access.js';

/** The Danish calendar day `offset` days from now, as `YYYY-MM-DD`. */
export const danishDay = (offset = 0): string =>
  danishToday(new Date(Date.now() + offset * 86_400_000));
