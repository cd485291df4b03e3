/**
 * Groups answers into waves and respondents in a single pass: the first pass of `analyze`
 * and the row checks of the CSV parser, so both accept exactly the same input.
 *
 * Per wave and respondent it keeps, for every target rated, the sum and count of scored RK
 * items (for the pair score s(r,t)), the number of "ved ikke" answers, and the item scores
 * packed three bits per item (0 = not scored) for dimensions and Cronbach's alpha. The
 * leadership and citizen items are packed the same way. This keeps 3.6 million answers in
 * a few hundred thousand small objects, with no per-answer allocation.
 *
 * Rules checked beyond {@link answerProblem}:
 *   - within one wave, all answers of a respondent carry the same unit, role and arm
 *     (a respondent belongs to one unit, has one role and sits in one arm);
 *   - a respondent answers each item at most once per target and wave.
 * Respondent ids are scoped to a wave: the same id in two waves is two samples (ANALYSIS.md:
 * waves are compared as independent samples).
 */
import {
  answerProblem,
  itemIndex,
  LEADERSHIP_ITEMS,
  RK_ITEMS,
  type Answer,
  type Arm,
  type Role,
} from './answer.js';
import type { AnswerProblemCode } from './errors.js';

/** Scores of one block of items (RK items about one target, or the leadership/citizen items). */
export interface ItemBlock {
  /** Sum of the scored items. */
  sum: number;
  /** Number of scored items. */
  n: number;
  /** Number of "ved ikke" answers. */
  dk: number;
  /** Item scores packed three bits per item position; 0 = not scored. */
  packed: number;
  /** One bit per item position that has been answered in any way (duplicate check). */
  seen: number;
}

/** One respondent in one wave. */
export interface RespondentData {
  id: string;
  unit: string;
  role: Role;
  arm: Arm;
  /** Index (in the input) of the respondent's first answer in this wave. */
  firstIndex: number;
  /** RK items by target. */
  pairs: Map<string, ItemBlock>;
  leadership: ItemBlock;
  citizen: ItemBlock;
}

/** The respondents of one wave, in order of first appearance. */
export interface WaveData {
  wave: string;
  respondents: Map<string, RespondentData>;
}

/** A problem found while collecting an answer; `relatedIndex` points at the conflicting one. */
export interface CollectProblem {
  code: AnswerProblemCode;
  relatedIndex?: number;
}

const RK_COUNT = RK_ITEMS.length;
const LEADERSHIP_END = RK_COUNT + LEADERSHIP_ITEMS.length;

function emptyBlock(): ItemBlock {
  return { sum: 0, n: 0, dk: 0, packed: 0, seen: 0 };
}

/** The score (1–5) at an item position of a block, or 0 when that item is not scored. */
export function blockScore(block: Pick<ItemBlock, 'packed'>, position: number): number {
  return (block.packed >>> (3 * position)) & 7;
}

/** Whether every one of the first `k` item positions of a block is scored. */
export function blockComplete(block: Pick<ItemBlock, 'packed'>, k: number): boolean {
  for (let i = 0; i < k; i++) if (blockScore(block, i) === 0) return false;
  return true;
}

/** The scores of the first `k` item positions of a block. */
export function blockScores(block: Pick<ItemBlock, 'packed'>, k: number): number[] {
  const scores = new Array<number>(k);
  for (let i = 0; i < k; i++) scores[i] = blockScore(block, i);
  return scores;
}

/** Collects answers one at a time into per-wave respondent records. */
export class AnswerCollector {
  private readonly byWave = new Map<string, WaveData>();
  private lastWave: WaveData | undefined;
  private lastRespondent: RespondentData | undefined;

  /** Adds one answer; returns the problem (and adds nothing) when it is not acceptable. */
  add(answer: Answer, index: number): CollectProblem | null {
    const code = answerProblem(answer);
    if (code !== null) return { code };
    // answerProblem has checked that the item is known.
    return this.addChecked(
      answer.respondent,
      answer.unit,
      answer.role,
      answer.arm,
      answer.wave,
      answer.target,
      itemIndex(answer.item)!,
      answer.value,
      index,
    );
  }

  /**
   * Adds one answer given as its cells, already passed by {@link answerProblem} (the byte
   * reader checks them itself and makes no `Answer` object); `item` is its position in
   * `ALL_ITEMS`. Returns the problem (and adds nothing) when it conflicts with earlier answers.
   */
  addChecked(
    respondentId: string,
    unit: string,
    role: Role,
    arm: Arm,
    waveName: string,
    target: string,
    item: number,
    value: number | 'dk' | null,
    index: number,
  ): CollectProblem | null {
    let wave = this.lastWave;
    if (wave === undefined || wave.wave !== waveName) {
      wave = this.byWave.get(waveName);
      if (wave === undefined) {
        wave = { wave: waveName, respondents: new Map() };
        this.byWave.set(waveName, wave);
      }
      this.lastWave = wave;
      this.lastRespondent = undefined;
    }
    // Answers of one respondent mostly come together: skip the lookup for a run of them.
    let respondent = this.lastRespondent;
    if (respondent === undefined || respondent.id !== respondentId) {
      respondent = wave.respondents.get(respondentId);
      if (respondent === undefined) {
        respondent = {
          id: respondentId,
          unit,
          role,
          arm,
          firstIndex: index,
          pairs: new Map(),
          leadership: emptyBlock(),
          citizen: emptyBlock(),
        };
        wave.respondents.set(respondentId, respondent);
      }
      this.lastRespondent = respondent;
    }
    if (respondent.unit !== unit || respondent.role !== role || respondent.arm !== arm) {
      return { code: 'inconsistent_respondent', relatedIndex: respondent.firstIndex };
    }
    let block: ItemBlock;
    let position: number;
    if (item < RK_COUNT) {
      position = item;
      const found = respondent.pairs.get(target);
      if (found === undefined) {
        block = emptyBlock();
        respondent.pairs.set(target, block);
      } else {
        block = found;
      }
    } else if (item < LEADERSHIP_END) {
      position = item - RK_COUNT;
      block = respondent.leadership;
    } else {
      position = item - LEADERSHIP_END;
      block = respondent.citizen;
    }
    const bit = 1 << position;
    if ((block.seen & bit) !== 0) return { code: 'duplicate_answer' };
    block.seen |= bit;
    if (value === 'dk') {
      block.dk++;
    } else if (value !== null) {
      block.sum += value;
      block.n++;
      block.packed |= value << (3 * position);
    }
    return null;
  }

  /** The waves collected so far, in order of first appearance. */
  waves(): WaveData[] {
    return [...this.byWave.values()];
  }
}
