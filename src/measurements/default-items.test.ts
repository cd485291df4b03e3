import { describe, expect, it } from 'vitest';
import {
  asksSamspilLeadershipWording,
  DEFAULT_LEADERSHIP_ITEMS,
  DEFAULT_RK_ITEMS,
} from './default-items.js';

describe('asksSamspilLeadershipWording', () => {
  const replaced = Object.fromEntries(
    Object.keys(DEFAULT_LEADERSHIP_ITEMS).map((key) => [
      key,
      { da: `Kommunens ${key}`, en: `The municipality's ${key}` },
    ]),
  );

  it('is true while one leadership item keeps our wording, false once all are replaced', () => {
    expect(asksSamspilLeadershipWording({ ...DEFAULT_RK_ITEMS, ...DEFAULT_LEADERSHIP_ITEMS })).toBe(
      true,
    );
    const oneLeft = { ...replaced, ledelse3: DEFAULT_LEADERSHIP_ITEMS.ledelse3! };
    expect(asksSamspilLeadershipWording({ ...DEFAULT_RK_ITEMS, ...oneLeft })).toBe(true);
    expect(asksSamspilLeadershipWording({ ...DEFAULT_RK_ITEMS, ...replaced })).toBe(false);
    expect(asksSamspilLeadershipWording(DEFAULT_RK_ITEMS)).toBe(false);
  });
});
