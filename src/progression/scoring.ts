/**
 * Sub-scale scores of one progression answer (docs/progression.md). Pure: instrument and
 * answers in, scores out. An item counts its number on a scale, 1 for yes and 0 for no,
 * or the score of the chosen answer option; free text never counts. A `sum` sub-scale
 * needs every item answered (a sum of fewer items is not comparable over time); a `mean`
 * sub-scale needs at least half its items answered and is rounded to two decimals.
 * Otherwise the score is null: "too few answers", never a guess.
 */
import type { ProgressionValue } from '../../contract/progression.js';
import type { InstrumentItem, Subscale } from '../../contract/progression.schema.js';

/** The number one answered item counts, or null when it is unanswered or not scored. */
export function itemScore(
  item: InstrumentItem,
  value: ProgressionValue | undefined,
): number | null {
  if (value === undefined) return null;
  switch (item.kind) {
    case 'scale-1-5':
    case 'scale-0-10':
      return typeof value === 'number' ? value : null;
    case 'yes-no':
      return typeof value === 'boolean' ? (value ? 1 : 0) : null;
    case 'options':
      return typeof value === 'number' ? (item.options?.[value]?.score ?? null) : null;
    case 'text':
      return null;
  }
}

/** Every sub-scale's score for one answer; null where too few of its items were answered. */
export function scoreSubscales(
  items: InstrumentItem[],
  subscales: Subscale[],
  answers: Record<string, ProgressionValue>,
): Record<string, number | null> {
  const byId = new Map(items.map((i) => [i.id, i]));
  const scores: Record<string, number | null> = {};
  for (const subscale of subscales) {
    const values: number[] = [];
    for (const id of subscale.items) {
      const item = byId.get(id);
      const score = item ? itemScore(item, answers[id]) : null;
      if (score !== null) values.push(score);
    }
    const total = values.reduce((a, b) => a + b, 0);
    const n = subscale.items.length;
    scores[subscale.id] =
      subscale.method === 'sum'
        ? values.length === n
          ? total
          : null
        : values.length >= Math.ceil(n / 2)
          ? Math.round((total / values.length) * 100) / 100
          : null;
  }
  return scores;
}
