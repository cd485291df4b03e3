/** The measurement's 404, in its own module so the results service can throw it without importing the measurement service (which imports the results service). */
import { notFound } from '../kernel/errors.js';

/** The 404 for a measurement that does not exist or that the user may not see. */
export const measurementNotFound = () =>
  notFound({ da: 'Målingen findes ikke.', en: 'The measurement does not exist.' });
