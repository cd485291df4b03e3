/**
 * Shaping the organisation for the page: areas → units → people, sorted, and filtered
 * by the search box. Pure, so the page only renders.
 */
import type { Area, Organisation, Person, Unit } from '../../../contract/org.schema.js';

export interface UnitView {
  unit: Unit;
  /** The people to show: all of them, or only those matching the search. */
  people: Person[];
  /** Every active person in the unit, whatever the search. */
  activePeople: number;
  /** True when the unit is shown because some of its people match the search. */
  matchedByPeople: boolean;
}

export interface AreaGroup {
  /** `null` for units without an area. */
  area: Area | null;
  units: UnitView[];
}

const collator = new Intl.Collator('da', { sensitivity: 'base', numeric: true });
const normalise = (s: string) => s.trim().toLocaleLowerCase('da');

function byRoleThenName(a: Person, b: Person): number {
  if (a.role !== b.role) return a.role === 'leder' ? -1 : 1;
  return collator.compare(a.name, b.name);
}

/** Group, sort and filter; `query` matches area, unit, person name or e-mail. */
export function viewOrganisation(org: Organisation, query: string): AreaGroup[] {
  const q = normalise(query);
  const matches = (text: string) => q === '' || normalise(text).includes(q);
  const peopleByUnit = new Map<string, Person[]>();
  for (const person of org.people) {
    const list = peopleByUnit.get(person.unitId) ?? [];
    list.push(person);
    peopleByUnit.set(person.unitId, list);
  }
  const areas = new Map(org.areas.map((a) => [a.id, a]));
  const groups = new Map<string | null, AreaGroup>();

  for (const unit of org.units) {
    const area = unit.areaId === null ? null : (areas.get(unit.areaId) ?? null);
    const all = (peopleByUnit.get(unit.id) ?? []).sort(byRoleThenName);
    let people = all;
    let matchedByPeople = false;
    if (q !== '' && !matches(unit.name) && !(area && matches(area.name))) {
      people = all.filter((p) => matches(p.name) || matches(p.email));
      if (people.length === 0) continue;
      matchedByPeople = true;
    }
    const key = area?.id ?? null;
    const group = groups.get(key) ?? { area, units: [] };
    group.units.push({
      unit,
      people,
      activePeople: all.filter((p) => !p.archived).length,
      matchedByPeople,
    });
    groups.set(key, group);
  }

  // Areas without units are shown too (when not searching), so a new area is visible.
  if (q === '') {
    for (const area of org.areas) {
      if (!groups.has(area.id)) groups.set(area.id, { area, units: [] });
    }
  } else {
    for (const area of org.areas) {
      if (!groups.has(area.id) && matches(area.name)) groups.set(area.id, { area, units: [] });
    }
  }

  for (const group of groups.values()) {
    group.units.sort((a, b) => collator.compare(a.unit.name, b.unit.name));
  }
  return [...groups.values()].sort((a, b) => {
    if (a.area === null) return 1;
    if (b.area === null) return -1;
    return collator.compare(a.area.name, b.area.name);
  });
}

/** Number of units and people a view shows. */
export function countView(groups: AreaGroup[]): { units: number; people: number } {
  let units = 0;
  let people = 0;
  for (const group of groups) {
    units += group.units.length;
    for (const view of group.units) people += view.people.length;
  }
  return { units, people };
}
