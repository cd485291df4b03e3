/**
 * Editing the plan: per member (one sub-plan each in a family course) the dreams in the
 * citizen's own words, one overall goal, sub-goals, and actions with responsible party,
 * law basis, period and status.
 */
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { ChoiceField, SelectField, TextAreaField, TextField } from '../ui/field.js';
import { NamedOptions } from '../ui/named-options.js';
import { actionStatusLabel, lawLabel, partOwnerLabel, today } from './course-labels.js';
import {
  ACTION_STATUSES,
  LAWS,
  type Law,
  type Member,
  type Plan,
  type PlanAction,
  type PlanPart,
  type SubGoal,
} from './courses-api.js';
import { MAX_TEXT } from './course-form-help.js';
import type { Responsible } from '../../../contract/plans.js';
import { emptyAction, emptySubGoal, type PlanProblem } from './plan-model.js';
import { Button } from '../ui/button.js';

const PROBLEM_KEYS: Record<PlanProblem, MessageKey> = {
  'text.missing': 'courses.plan.problem.text',
  'text.tooLong': 'courses.plan.problem.tooLong',
  'responsible.missing': 'courses.plan.problem.responsible',
  'end.beforeStart': 'courses.plan.problem.end',
  'reason.missing': 'courses.plan.problem.reason',
};

export function PlanEditor({
  plan,
  members,
  parties,
  problems,
  onChange,
}: {
  plan: Plan;
  members: Member[];
  parties: Responsible[];
  problems: Map<string, PlanProblem>;
  onChange: (plan: Plan) => void;
}) {
  const { t } = useI18n();
  const problem = (key: string) => {
    const p = problems.get(key);
    return p ? t(PROBLEM_KEYS[p], { max: MAX_TEXT }) : undefined;
  };
  const setPart = (index: number, part: PlanPart) =>
    onChange({ parts: plan.parts.map((p, i) => (i === index ? part : p)) });

  return (
    <div className="plan-editor">
      {plan.parts.map((part, index) => {
        const who = partOwnerLabel(t, members, part.memberId);
        const titleId = `plan-part-${part.memberId}`;
        return (
          <section key={part.memberId} className="plan-part" aria-labelledby={titleId}>
            <h3 className="plan-part__title" id={titleId}>
              {who}
            </h3>
            <PartFields
              part={part}
              parties={parties}
              problem={problem}
              onChange={(next) => setPart(index, next)}
            />
          </section>
        );
      })}
    </div>
  );
}

function PartFields({
  part,
  parties,
  problem,
  onChange,
}: {
  part: PlanPart;
  parties: Responsible[];
  problem: (key: string) => string | undefined;
  onChange: (part: PlanPart) => void;
}) {
  const { t } = useI18n();
  const setSubGoal = (id: string, next: SubGoal | undefined) =>
    onChange({
      ...part,
      subGoals: part.subGoals.flatMap((sg) => (sg.id === id ? (next ? [next] : []) : [sg])),
    });

  return (
    <>
      <TextAreaField
        label={t('courses.plan.dreams')}
        hint={t('courses.plan.dreams.hint')}
        rows={3}
        value={part.dreams}
        error={problem(`${part.memberId}.dreams`)}
        onChange={(e) => onChange({ ...part, dreams: e.target.value })}
      />
      <TextAreaField
        label={t('courses.plan.goal')}
        hint={t('courses.plan.goal.hint')}
        rows={2}
        value={part.goal}
        error={problem(`${part.memberId}.goal`)}
        onChange={(e) => onChange({ ...part, goal: e.target.value })}
      />
      <ol className="subgoals">
        {part.subGoals.map((sg, i) => (
          <li key={sg.id}>
            <fieldset className="fieldset subgoal">
              <legend className="subgoal__legend">
                {t('courses.plan.subGoalN', { n: i + 1 })}
              </legend>
              <TextAreaField
                label={t('courses.plan.subGoalText')}
                required
                rows={2}
                value={sg.text}
                error={problem(`${sg.id}.text`)}
                onChange={(e) => setSubGoal(sg.id, { ...sg, text: e.target.value })}
              />
              <ol className="actions-list">
                {sg.actions.map((a, j) => (
                  <li key={a.id}>
                    <ActionFields
                      action={a}
                      label={t('courses.plan.actionN', { n: j + 1, sub: i + 1 })}
                      parties={parties}
                      problem={problem}
                      onChange={(next) =>
                        setSubGoal(sg.id, {
                          ...sg,
                          actions: sg.actions.flatMap((x) =>
                            x.id === a.id ? (next ? [next] : []) : [x],
                          ),
                        })
                      }
                    />
                  </li>
                ))}
              </ol>
              <div className="plan-buttons">
                <Button
                  small
                  onClick={() =>
                    setSubGoal(sg.id, { ...sg, actions: [...sg.actions, emptyAction(today())] })
                  }
                >
                  {t('courses.plan.addAction', { n: i + 1 })}
                </Button>
                <Button variant="quiet-danger" small onClick={() => setSubGoal(sg.id, undefined)}>
                  {t('courses.plan.removeSubGoal', { n: i + 1 })}
                </Button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <Button onClick={() => onChange({ ...part, subGoals: [...part.subGoals, emptySubGoal()] })}>
        {t('courses.plan.addSubGoal')}
      </Button>
    </>
  );
}

function ActionFields({
  action: a,
  label,
  parties,
  problem,
  onChange,
}: {
  action: PlanAction;
  label: string;
  parties: Responsible[];
  problem: (key: string) => string | undefined;
  onChange: (action: PlanAction | undefined) => void;
}) {
  const { t } = useI18n();
  const set = (change: Partial<PlanAction>) => onChange({ ...a, ...change });
  return (
    <fieldset className="fieldset plan-action">
      <legend className="plan-action__legend">{label}</legend>
      <TextAreaField
        label={t('courses.plan.actionText')}
        required
        rows={2}
        value={a.text}
        error={problem(`${a.id}.text`)}
        onChange={(e) => set({ text: e.target.value })}
      />
      <div className="plan-action__grid">
        <SelectField
          label={t('courses.plan.responsible')}
          required
          value={a.responsiblePartyId}
          error={problem(`${a.id}.responsible`)}
          onChange={(e) => set({ responsiblePartyId: e.target.value })}
        >
          <option value="">{t('courses.choose')}</option>
          <NamedOptions items={parties} />
        </SelectField>
        <SelectField
          label={t('courses.plan.law')}
          value={a.law}
          onChange={(e) => set({ law: e.target.value as Law })}
        >
          {LAWS.map((law) => (
            <option key={law} value={law}>
              {lawLabel(t, law)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('courses.plan.paragraph')}
          maxLength={100}
          value={a.paragraph ?? ''}
          onChange={(e) => set({ paragraph: e.target.value })}
        />
        <TextField
          label={t('courses.plan.start')}
          type="date"
          value={a.start ?? ''}
          onChange={(e) => set({ start: e.target.value })}
        />
        <TextField
          label={t('courses.plan.end')}
          type="date"
          value={a.end ?? ''}
          error={problem(`${a.id}.end`)}
          onChange={(e) => set({ end: e.target.value })}
        />
        <ChoiceField
          label={t('courses.plan.status')}
          value={a.status}
          choices={ACTION_STATUSES}
          choiceLabel={(s) => actionStatusLabel(t, s)}
          onChange={(v) => set({ status: v })}
        />
      </div>
      {a.status === 'opgivet' && (
        <TextAreaField
          label={t('courses.plan.reason')}
          required
          rows={2}
          value={a.statusReason ?? ''}
          error={problem(`${a.id}.reason`)}
          onChange={(e) => set({ statusReason: e.target.value })}
        />
      )}
      <Button variant="quiet-danger" small onClick={() => onChange(undefined)}>
        {t('courses.plan.removeAction')}
        <span className="visually-hidden">: {label}</span>
      </Button>
    </fieldset>
  );
}
