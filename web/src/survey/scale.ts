/** The five-point answer scale and "don't know", as the survey and the citizen's scale show it. */
import type { AnswerValue } from '../../../contract/measurements.js';
import type { LightMessageKey } from '../i18n/light-da.js';

export const SCALE: readonly { value: Exclude<AnswerValue, null>; label: LightMessageKey }[] = [
  { value: 1, label: 'survey.scale.1' },
  { value: 2, label: 'survey.scale.2' },
  { value: 3, label: 'survey.scale.3' },
  { value: 4, label: 'survey.scale.4' },
  { value: 5, label: 'survey.scale.5' },
  { value: 'dk', label: 'survey.scale.dk' },
];
