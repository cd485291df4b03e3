/**
 * The analysts' allocation page (issue #17, the intervention study): run a random
 * allocation of a period's complex courses, see past allocations, verify one from its
 * seed, and compare the arms at case level (after only and difference in differences).
 */
import { useState, type FormEvent } from 'react';
import { useApi } from '../api/use-api.js';
import { useAction } from '../api/use-action.js';
import { formatters } from '../analysis/format.js';
import { useI18n } from '../i18n/i18n.js';
import { Button } from '../ui/button.js';
import { LoadStatus, Notice } from '../ui/feedback.js';
import { bindText, TextField } from '../ui/field.js';
import { PageTitle } from '../ui/page-title.js';
import { DataTable } from '../ui/table-frame.js';
import {
  loadAllocation,
  loadAllocations,
  runAllocation,
  verifyAllocation,
  type Allocation,
  type AllocationVerify,
  type CaseMeasureComparison,
} from './allocations-api.js';

const firstOfYear = () => `${new Date().getFullYear()}-01-01`;
const today = () => new Date().toISOString().slice(0, 10);

function Comparison({ allocation }: { allocation: Allocation }) {
  const i18n = useI18n();
  const { t } = i18n;
  const fmt = formatters(i18n, allocation.comparison.minGroup);
  const cell = (
    c: {
      diff?: number | null;
      did?: number | null;
      ci: [number, number] | null;
      suppressed: boolean;
    } | null,
  ) => {
    if (c === null) return t('allocation.noData');
    if (c.suppressed) return t('allocation.suppressed');
    return t('allocation.value', { diff: fmt.num(c.diff ?? c.did ?? null), ci: fmt.ci(c.ci) });
  };
  const rows: [string, CaseMeasureComparison][] = [];
  return (
    <section aria-labelledby="allocation-comparison">
      <h2 id="allocation-comparison">{t('allocation.comparison')}</h2>
      <p>{t('allocation.comparisonLead', { min: allocation.comparison.minGroup })}</p>
      {allocation.comparison.groups.map((g) => {
        rows.length = 0;
        rows.push([t('allocation.rk'), g.rk], [t('allocation.leadership'), g.leadership]);
        const label = t(`allocation.group.${g.key}`);
        return (
          <div key={g.key}>
            <h3>{label}</h3>
            <p>{t('allocation.caseCounts', g.cases)}</p>
            <DataTable
              label={label}
              columns={[t('allocation.measure'), t('allocation.afterOnly'), t('allocation.did')]}
            >
              <tbody>
                {rows.map(([name, m]) => (
                  <tr key={name}>
                    <th scope="row">{name}</th>
                    <td>{cell(m.afterOnly)}</td>
                    <td>{cell(m.did)}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </div>
        );
      })}
    </section>
  );
}

/** The columns of an allocation's courses, as message keys under `allocation.`. */
const COURSE_COLUMNS = [
  'startDate',
  'units',
  'authority',
  'mostComplex',
  'arm',
  'intervention',
] as const;

function AllocationDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const data = useApi(() => loadAllocation(id), `allocation:${id}`);
  const [verified, setVerified] = useState<AllocationVerify>();
  const { run, pending } = useAction();
  const a = data.data;
  return (
    <>
      <LoadStatus state={data} />
      {a && (
        <>
          <h2>
            {t('allocation.period')}: {a.from} – {a.to}
          </h2>
          <p>
            {t('allocation.seed')}: <code>{a.seed}</code>{' '}
            <Button
              small
              pending={pending}
              onClick={() => void run(async () => setVerified(await verifyAllocation(id)))}
            >
              {t('allocation.verify')}
            </Button>
          </p>
          {verified && (
            <p role="status">
              {verified.matches
                ? t('allocation.verified', { courses: verified.courses })
                : t('allocation.notVerified', { count: verified.differences.length })}
            </p>
          )}
          <DataTable
            label={t('allocation.courses')}
            visibleCaption
            columns={COURSE_COLUMNS.map((c) => t(`allocation.${c}`))}
          >
            <tbody>
              {a.courses.map((c) => (
                <tr key={c.courseId}>
                  <td>{c.startDate}</td>
                  <td>{c.municipalUnits}</td>
                  <td>{c.authorityFunctions}</td>
                  <td>{c.mostComplex ? t('allocation.yes') : t('allocation.no')}</td>
                  <td>{t(`caseIntervention.arm.${c.arm}`)}</td>
                  <td>{c.interventionId ? t('allocation.yes') : t('allocation.no')}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <Comparison allocation={a} />
        </>
      )}
    </>
  );
}

export function AllocationPage() {
  const { t } = useI18n();
  const list = useApi(loadAllocations, 'allocations');
  const { run, pending, error, notice, setNotice } = useAction(list.reload);
  const [from, setFrom] = useState(firstOfYear);
  const [to, setTo] = useState(today);
  const [shown, setShown] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const made = await runAllocation(from, to);
      setShown(made.id);
    }, t('allocation.done'));
  };
  const current = shown ?? list.data?.[0]?.id;
  return (
    <>
      <PageTitle title={t('allocation.title')}>{t('allocation.title')}</PageTitle>
      <p className="lead">{t('allocation.lead')}</p>
      <LoadStatus state={list} error={list.error ?? error} />
      {notice && <Notice onDismiss={() => setNotice(undefined)}>{notice}</Notice>}
      <form onSubmit={submit} className="toolbar">
        <TextField label={t('allocation.from')} type="date" required {...bindText(from, setFrom)} />
        <TextField label={t('allocation.to')} type="date" required {...bindText(to, setTo)} />
        <Button type="submit" variant="primary" pending={pending}>
          {t('allocation.run')}
        </Button>
      </form>
      <section aria-labelledby="allocation-list">
        <h2 id="allocation-list">{t('allocation.list')}</h2>
        {list.data?.length === 0 ? (
          <p>{t('allocation.none')}</p>
        ) : (
          <DataTable
            label={t('allocation.list')}
            columns={[t('allocation.period'), t('allocation.seed'), t('allocation.counts')]}
            actions={t('allocation.show')}
          >
            <tbody>
              {list.data?.map((a) => (
                <tr key={a.id}>
                  <td>
                    {a.from} – {a.to}
                  </td>
                  <td>{a.seed}</td>
                  <td>
                    {a.counts.intervention} / {a.counts.kontrol}
                  </td>
                  <td>
                    <Button small onClick={() => setShown(a.id)} aria-pressed={a.id === current}>
                      {t('allocation.show')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
      {current && <AllocationDetail key={current} id={current} />}
    </>
  );
}
