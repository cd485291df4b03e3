/**
 * The workshop canvas: actors as bubbles, each tie drawn as two halves — the half at A
 * is A's view of the tie to B, the half at B is B's view — and development points as
 * notes. The facilitator drags bubbles with mouse or touch (pointer events) or moves a
 * focused bubble with the arrow keys; everyone else sees it move live. Colours are SVG
 * attributes, not CSS, so the PNG export looks the same.
 */
import { formatDate } from '../ui/format-date.js';
import { forwardRef, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { CANVAS, type Actor, type Rating, type Workshop } from './workshops-api.js';

export const RATING_COLOURS: Record<Rating | 'high' | 'medium' | 'grey', string> = {
  good: '#2e7d32',
  middle: '#d9a400',
  low: '#c62828',
  high: '#2e7d32',
  medium: '#d9a400',
  grey: '#8a94a3',
};

const RADIUS = 46;
const STEP = 20;
const clamp = (v: number, max: number) => Math.round(Math.min(max, Math.max(0, v)));

/** A tie's colour seen from one end: the room's rating, or a survey level. */
export type HalfColour = (fromId: string, toId: string) => string | undefined;

interface Props {
  workshop: Workshop;
  /** Set for the facilitator: moving an actor saves its position. */
  onMove?: (actorId: string, x: number, y: number) => void;
  colourOf: HalfColour;
  label: string;
  showPoints?: boolean;
}

export const WorkshopCanvas = forwardRef<SVGSVGElement, Props>(function WorkshopCanvas(
  { workshop, onMove, colourOf, label, showPoints = true },
  ref,
) {
  const { t, locale } = useI18n();
  const [dragging, setDragging] = useState<{ id: string; x: number; y: number }>();
  const svg = useRef<SVGSVGElement | null>(null);
  const position = (a: Actor) => (dragging?.id === a.id ? dragging : a);
  const actors = workshop.actors;

  const toCanvas = (event: PointerEvent) => {
    const matrix = svg.current?.getScreenCTM();
    if (!matrix) return { x: 0, y: 0 };
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    return { x: clamp(point.x, CANVAS.width), y: clamp(point.y, CANVAS.height) };
  };

  const keyMove = (a: Actor) => (event: KeyboardEvent) => {
    const delta = {
      ArrowLeft: [-STEP, 0],
      ArrowRight: [STEP, 0],
      ArrowUp: [0, -STEP],
      ArrowDown: [0, STEP],
    }[event.key];
    if (!delta || !onMove) return;
    event.preventDefault();
    onMove(a.id, clamp(a.x + delta[0]!, CANVAS.width), clamp(a.y + delta[1]!, CANVAS.height));
  };

  return (
    <svg
      ref={(node) => {
        svg.current = node;
        if (typeof ref === 'function') ref(node);
        else if (ref) ref.current = node;
      }}
      className="workshop-canvas"
      viewBox={`0 0 ${CANVAS.width} ${CANVAS.height}`}
      role="group"
      aria-label={label}
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect x="0" y="0" width={CANVAS.width} height={CANVAS.height} fill="#ffffff" />
      {actors.flatMap((a) =>
        actors
          .filter((b) => b.id !== a.id)
          .map((b) => {
            const colour = colourOf(a.id, b.id);
            if (!colour) return null;
            const p = position(a);
            const q = position(b);
            return (
              <line
                key={`${a.id}>${b.id}`}
                x1={p.x}
                y1={p.y}
                x2={(p.x + q.x) / 2}
                y2={(p.y + q.y) / 2}
                stroke={colour}
                strokeWidth={10}
                strokeLinecap="round"
              />
            );
          }),
      )}
      {actors.map((a) => {
        const p = position(a);
        const current = workshop.step === 2 && workshop.currentActorId === a.id;
        const editable = onMove !== undefined;
        return (
          <g
            key={a.id}
            transform={`translate(${p.x} ${p.y})`}
            {...(editable
              ? {
                  tabIndex: 0,
                  role: 'button',
                  'aria-label': t('workshop.canvas.actor', { name: a.label, x: a.x, y: a.y }),
                  onKeyDown: keyMove(a),
                  onPointerDown: (event: PointerEvent<SVGGElement>) => {
                    event.currentTarget.setPointerCapture(event.pointerId);
                    setDragging({ id: a.id, ...toCanvas(event) });
                  },
                  onPointerMove: (event: PointerEvent<SVGGElement>) => {
                    if (dragging?.id === a.id) setDragging({ id: a.id, ...toCanvas(event) });
                  },
                  onPointerUp: (event: PointerEvent<SVGGElement>) => {
                    if (dragging?.id !== a.id) return;
                    const at = toCanvas(event);
                    setDragging(undefined);
                    if (at.x !== a.x || at.y !== a.y) onMove(a.id, at.x, at.y);
                  },
                  style: { cursor: 'grab', touchAction: 'none' },
                }
              : { 'aria-hidden': true })}
          >
            <circle
              r={RADIUS}
              fill={current ? '#1b4f72' : '#e7f0f7'}
              stroke="#1b4f72"
              strokeWidth={current ? 5 : 2}
            />
            {/* The whole name under the bubble (with a white halo), so it is never cut. */}
            <text
              className="workshop-canvas__name"
              y={RADIUS + 20}
              textAnchor="middle"
              fontSize="17"
              fontWeight="600"
              fontFamily="system-ui, sans-serif"
              fill="#1b2430"
              stroke="#ffffff"
              strokeWidth={4}
              paintOrder="stroke"
            >
              {a.label}
            </text>
          </g>
        );
      })}
      {showPoints &&
        workshop.points
          .filter((p) => !p.done)
          .map((p, i) => (
            <g
              key={p.id}
              transform={`translate(${10 + (i % 4) * 245} ${CANVAS.height - 60})`}
              aria-hidden="true"
            >
              <rect width="235" height="50" rx="4" fill="#fff3b0" stroke="#d9a400" />
              <text x="8" y="20" fontSize="13" fontFamily="system-ui, sans-serif" fill="#1b2430">
                {p.text.length > 32 ? `${p.text.slice(0, 31)}…` : p.text}
              </text>
              <text x="8" y="40" fontSize="11" fontFamily="system-ui, sans-serif" fill="#4f5b6b">
                {p.owner}
                {p.dueOn ? ` · ${formatDate(p.dueOn, locale)}` : ''}
              </text>
            </g>
          ))}
    </svg>
  );
});

/** Download the canvas as a PNG, drawn client-side from the SVG. */
export async function downloadPng(svg: SVGSVGElement, filename: string): Promise<void> {
  const text = new XMLSerializer().serializeToString(svg);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('svg'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = CANVAS.width * 2;
    canvas.height = CANVAS.height * 2;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!png) throw new Error('png');
    const link = document.createElement('a');
    link.href = URL.createObjectURL(png);
    link.download = filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  } finally {
    URL.revokeObjectURL(url);
  }
}
