/**
 * The citizen's side and the caseworker's answers to the same instrument, side by side per
 * occasion: one table per instrument and member (one per child for a per-child
 * questionnaire), each item's answer and each sub-scale's score (docs/progression.md).
 */
import { useI18n } from '../i18n/i18n.js';
import { DataTable } from '../ui/table-frame.js';
import type { Member } from '../../../contract/courses.schema.js';
import { occasionLabel } from './occasion-label.js';
import type {
  Instrument,
  InstrumentItem,
  Progression,
  ProgressionResponse,
  ProgressionValue,
} from './progression-api.js';

const SIDES = ['citizen', 'caseworker'] as const;

function shown(
  item: InstrumentItem,
  value: ProgressionValue | undefined,
  yes: string,
  no: string,
): string {
  if (value === undefined) return '–';
  if (item.kind === 'options' && typeof value === 'number')
    return item.options?.[value]?.label ?? String(value);
  if (typeof value === 'boolean') return value ? yes : no;
  return String(value);
}

function MemberTable({
  instrument,
  memberName,
  responses,
}: {
  instrument: Instrument;
  memberName: string;
  responses: ProgressionResponse[];
}) {
  const { t } = useI18n();
  const occasions = [...new Set(responses.map((r) => r.occasion))];
  const find = (occasion: string, side: string) =>
    responses.find((r) => r.occasion === occasion && r.respondent === side);
  const caption = t('trial.sideBySide.caption', {
    instrument: instrument.name,
    member: memberName,
  });
  const columns = [
    t('trial.sideBySide.item'),
    ...occasions.flatMap((o) =>
      SIDES.map((side) =>
        t('trial.sideBySide.column', {
          side: t(`trial.side.${side}`),
          occasion: occasionLabel(t, o),
        }),
      ),
    ),
  ];
  return (
    <DataTable label={caption} columns={columns} compact visibleCaption>
      {instrument.items.map((item) => (
        <tr key={item.id}>
          <th scope="row">{item.text}</th>
          {occasions.flatMap((o) =>
            SIDES.map((side) => (
              <td key={`${o}-${side}`}>
                {shown(item, find(o, side)?.answers[item.id], t('trial.yes'), t('trial.no'))}
              </td>
            )),
          )}
        </tr>
      ))}
      {instrument.subscales.map((sub) => (
        <tr key={`subscale-${sub.id}`} className="progression-subscale">
          <th scope="row">{t(`trial.subscale.${sub.method}`, { name: sub.name })}</th>
          {occasions.flatMap((o) =>
            SIDES.map((side) => {
              const score = find(o, side)?.scores[sub.id];
              return (
                <td key={`${o}-${side}`}>
                  <strong>{score === undefined || score === null ? '–' : score}</strong>
                </td>
              );
            }),
          )}
        </tr>
      ))}
    </DataTable>
  );
}

/** Every instrument with answers, one table per member it was answered about. */
export function ProgressionSideBySide({
  progression,
  members,
}: {
  progression: Progression;
  members: Member[];
}) {
  const { t } = useI18n();
  const nameOf = (id: string) => members.find((m) => m.id === id)?.name ?? t('trial.member');
  const tables = progression.instruments.flatMap((instrument) => {
    const answered = progression.responses.filter((r) => r.instrumentId === instrument.id);
    const memberIds = [...new Set(answered.map((r) => r.memberId))];
    return memberIds.map((memberId) => (
      <MemberTable
        key={`${instrument.id}-${memberId}`}
        instrument={instrument}
        memberName={nameOf(memberId)}
        responses={answered.filter((r) => r.memberId === memberId)}
      />
    ));
  });
  if (tables.length === 0) return <p>{t('trial.sideBySide.none')}</p>;
  return (
    <div className="progression-side-by-side">
      {tables}
      {progression.instruments
        .filter((i) => i.source)
        .map((i) => (
          <p key={i.id} className="muted">
            {t('trial.source', { instrument: i.name, source: i.source })}
          </p>
        ))}
    </div>
  );
}
