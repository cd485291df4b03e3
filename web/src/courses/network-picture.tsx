/**
 * A small picture of who is involved: the citizen in the middle and the parties around,
 * with a shape per kind (so colour is not the only carrier), and the same as a list.
 */
import { useId } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { externalTypeLabel, partyKindLabel } from './course-labels.js';
import type { Party, PartyKind } from './courses-api.js';

const WIDTH = 480;
const HEIGHT = 320;
const CX = WIDTH / 2;
const CY = HEIGHT / 2;
const RADIUS_X = 175;
const RADIUS_Y = 115;

function shorten(text: string, max = 22): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function Shape({ kind, x, y }: { kind: PartyKind; x: number; y: number }) {
  const className = `network-picture__node network-picture__node--${kind}`;
  if (kind === 'unit') return <circle className={className} cx={x} cy={y} r={13} />;
  if (kind === 'professional')
    return <rect className={className} x={x - 12} y={y - 12} width={24} height={24} rx={4} />;
  return (
    <polygon
      className={className}
      points={`${x},${y - 15} ${x + 15},${y} ${x},${y + 15} ${x - 15},${y}`}
    />
  );
}

/** The picture and, below it, the list that says the same in words. */
export function NetworkPicture({ citizen, parties }: { citizen: string; parties: Party[] }) {
  const { t } = useI18n();
  const captionId = useId();
  const n = parties.length;

  return (
    <figure className="network-picture" aria-labelledby={captionId}>
      <svg
        className="network-picture__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        aria-hidden="true"
        focusable="false"
      >
        {parties.map((p, i) => {
          const angle = (2 * Math.PI * i) / Math.max(n, 1) - Math.PI / 2;
          const x = CX + RADIUS_X * Math.cos(angle);
          const y = CY + RADIUS_Y * Math.sin(angle);
          return (
            <line
              key={`l-${p.id}`}
              className="network-picture__tie"
              x1={CX}
              y1={CY}
              x2={x}
              y2={y}
            />
          );
        })}
        <circle className="network-picture__citizen" cx={CX} cy={CY} r={22} />
        <text className="network-picture__label network-picture__label--citizen" x={CX} y={CY + 38}>
          {shorten(citizen)}
        </text>
        {parties.map((p, i) => {
          const angle = (2 * Math.PI * i) / Math.max(n, 1) - Math.PI / 2;
          const x = CX + RADIUS_X * Math.cos(angle);
          const y = CY + RADIUS_Y * Math.sin(angle);
          return (
            <g key={p.id}>
              <Shape kind={p.kind} x={x} y={y} />
              <text className="network-picture__label" x={x} y={y + 28}>
                {shorten(p.name)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption id={captionId}>
        {t('courses.picture.caption', { count: n })}
        <span className="network-picture__legend" aria-hidden="true">
          <span className="network-picture__key network-picture__key--unit">
            ● {partyKindLabel(t, 'unit')}
          </span>
          <span className="network-picture__key network-picture__key--professional">
            ■ {partyKindLabel(t, 'professional')}
          </span>
          <span className="network-picture__key network-picture__key--external">
            ◆ {partyKindLabel(t, 'external')}
          </span>
        </span>
      </figcaption>
      <ul className="network-list">
        {parties.map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong>{' '}
            <span className="muted">
              ({partyKindLabel(t, p.kind)}
              {p.externalType ? `: ${externalTypeLabel(t, p.externalType)}` : ''})
            </span>
            {p.task && <span className="network-list__task">{p.task}</span>}
          </li>
        ))}
      </ul>
    </figure>
  );
}
