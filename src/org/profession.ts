/**
 * A person's profession (fag), e.g. "socialrådgiver": optional, free text, stored
 * normalised so that "Socialrådgiver " and "socialrådgiver" are one group when a
 * measurement groups its respondents by profession.
 */

export { MAX_PROFESSION_LENGTH } from '../../contract/org.js';

/** Trimmed, inner spaces collapsed, lower case (Danish); empty becomes null. */
export function normalizeProfession(text: string | null | undefined): string | null {
  const normal = (text ?? '').trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');
  return normal === '' ? null : normal;
}
