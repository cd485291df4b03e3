/** The measurement's 404 and kind check, in their own module so the results service can throw them without importing the measurement service (which imports the results service). */
import type { MeasurementKind } from '../../contract/measurements.js';
import { AppError, notFound } from '../kernel/errors.js';

/** The 404 for a measurement that does not exist or that the user may not see. */
export const measurementNotFound = () =>
  notFound({ da: 'Målingen findes ikke.', en: 'The measurement does not exist.' });

const WRONG_KIND: Record<MeasurementKind, { da: string; en: string }> = {
  // The id is an implementation survey, but a network measurement was expected.
  implementation: {
    da: 'Det er en implementeringsundersøgelse, ikke en netværksmåling.',
    en: 'This is an implementation survey, not a network measurement.',
  },
  network: {
    da: 'Det er en netværksmåling, ikke en implementeringsundersøgelse.',
    en: 'This is a network measurement, not an implementation survey.',
  },
};

/**
 * The one check that a measurement found by id is of the kind the endpoint works on: a
 * network endpoint given an implementation survey (or the reverse) answers 409
 * `wrong_measurement_kind` instead of empty figures. A missing measurement passes through.
 */
export function requireKind<T extends { kind: MeasurementKind }>(
  measurement: T | undefined,
  kind: MeasurementKind,
): T | undefined {
  if (measurement && measurement.kind !== kind)
    throw new AppError(409, 'wrong_measurement_kind', WRONG_KIND[measurement.kind]);
  return measurement;
}
