/**
 * People's professions (fag) as the pages show them. The server stores a profession in
 * lower case (`src/org/profession.ts`), so "Socialrådgiver" and "socialrådgiver " are
 * one group; the pages show it with a capital first letter.
 */
import type { Person } from '../../../contract/org.schema.js';

/** A stored profession as shown: "socialrådgiver" → "Socialrådgiver". */
export function professionLabel(profession: string): string {
  return profession.charAt(0).toLocaleUpperCase('da') + profession.slice(1);
}

/** The professions of the active people, each with how many have it, sorted by name. */
export function professionsOf(people: Person[]): { name: string; people: number }[] {
  const counts = new Map<string, number>();
  for (const person of people) {
    if (person.archived || person.profession === null) continue;
    counts.set(person.profession, (counts.get(person.profession) ?? 0) + 1);
  }
  return [...counts]
    .map(([name, n]) => ({ name, people: n }))
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));
}
