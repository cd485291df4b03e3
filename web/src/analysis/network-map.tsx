/**
 * The network map (relationsoverblikket): units as nodes sized by their respondents,
 * directed ties as arrows coloured by level. Dragging a node reports the new positions;
 * the parent decides whether to save them.
 *
 * Cytoscape holds the nodes: layout, labels, dragging, panning and zooming. The arrows
 * are drawn on a canvas of our own beneath Cytoscape's, after each Cytoscape frame,
 * and a click that hits no node is matched to the nearest arrow. The reason is speed:
 * a 60-group measurement has 3 540 ties, and Cytoscape spent about half a second
 * styling and drawing them as edges before the map answered a click; the canvas draws
 * them in a few milliseconds (bench/README.md). Exports draw from the same geometry.
 */
import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'react';
import { COLOURS, type TieColour } from './analysis-api.js';
import {
  arrowBetween,
  CHOSEN_LINE_WIDTH,
  LINE_WIDTH,
  nearestArrow,
  type Arrow,
  type Circle,
} from './map-geometry.js';

export interface MapNode {
  id: string;
  label: string;
  /** Respondents rating from this unit (outN), or null when unknown/suppressed. */
  size: number | null;
}

export interface MapEdge {
  id: string;
  from: string;
  to: string;
  colour: TieColour;
  label: string;
}

export type Positions = Map<string, { x: number; y: number }>;

export interface MapHandle {
  png: () => Promise<Blob>;
  svg: () => string;
}

const NODE_MIN = 28;
const NODE_MAX = 70;

function nodeSize(size: number | null, max: number): number {
  if (size === null || max <= 0) return NODE_MIN;
  return NODE_MIN + (NODE_MAX - NODE_MIN) * Math.sqrt(size / max);
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Weak ties are drawn last, on top: they are what the map is for. */
const DRAW_ORDER: TieColour[] = ['grey', 'high', 'medium', 'low'];
const DASH = [6, 4];
/** How near (in screen pixels) a click must come to an arrow to choose it. */
const HIT_TOLERANCE = 6;
const NODE_COLOUR = '#1b4f72';
const LABEL_COLOUR = '#1b2430';
const CHOSEN_HALO = 'rgba(10, 100, 194, 0.3)';

/** Every tie's arrow between the nodes where they are now. */
function arrowsOf(cy: cytoscape.Core, edges: MapEdge[]): Map<string, Arrow> {
  const circles = new Map<string, Circle>();
  cy.nodes().forEach((node) => {
    circles.set(node.id(), { ...node.position(), r: (node.data('size') as number) / 2 });
  });
  const arrows = new Map<string, Arrow>();
  for (const edge of edges) {
    const source = circles.get(edge.from);
    const target = circles.get(edge.to);
    const arrow = source && target ? arrowBetween(source, target) : undefined;
    if (arrow) arrows.set(edge.id, arrow);
  }
  return arrows;
}

/** Draw the arrows on a canvas context whose transform maps model coordinates. */
function drawArrows(
  context: CanvasRenderingContext2D,
  edges: MapEdge[],
  arrows: Map<string, Arrow>,
  chosen: string | undefined,
) {
  context.lineWidth = LINE_WIDTH;
  for (const colour of DRAW_ORDER) {
    const lines = new Path2D();
    const heads = new Path2D();
    for (const edge of edges) {
      const arrow = edge.colour === colour ? arrows.get(edge.id) : undefined;
      if (!arrow) continue;
      lines.moveTo(arrow.start.x, arrow.start.y);
      lines.lineTo(arrow.base.x, arrow.base.y);
      heads.moveTo(arrow.tip.x, arrow.tip.y);
      heads.lineTo(arrow.left.x, arrow.left.y);
      heads.lineTo(arrow.right.x, arrow.right.y);
      heads.closePath();
    }
    context.strokeStyle = COLOURS[colour];
    context.fillStyle = COLOURS[colour];
    context.setLineDash(colour === 'grey' ? DASH : []);
    context.stroke(lines);
    context.fill(heads);
  }
  const edge = chosen === undefined ? undefined : edges.find((e) => e.id === chosen);
  const arrow = chosen === undefined ? undefined : arrows.get(chosen);
  if (edge && arrow) {
    context.setLineDash([]);
    context.beginPath();
    context.moveTo(arrow.start.x, arrow.start.y);
    context.lineTo(arrow.tip.x, arrow.tip.y);
    context.strokeStyle = CHOSEN_HALO;
    context.lineWidth = CHOSEN_LINE_WIDTH + 8;
    context.stroke();
    context.beginPath();
    context.moveTo(arrow.start.x, arrow.start.y);
    context.lineTo(arrow.base.x, arrow.base.y);
    context.strokeStyle = COLOURS[edge.colour];
    context.lineWidth = CHOSEN_LINE_WIDTH;
    context.stroke();
  }
}

export function NetworkMap({
  nodes,
  edges,
  positions,
  selected,
  onSelect,
  onMoved,
  label,
  handleRef,
}: {
  nodes: MapNode[];
  edges: MapEdge[];
  positions: Positions;
  selected: string | undefined;
  onSelect: (edgeId: string) => void;
  /** Called after a drag with every node's position. */
  onMoved?: ((positions: Positions) => void) | undefined;
  label: string;
  handleRef: { current: MapHandle | undefined };
}) {
  const container = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const redraw = useRef<() => void>(() => undefined);
  const callbacks = useRef({ onSelect, onMoved, selected });
  callbacks.current = { onSelect, onMoved, selected };

  useEffect(() => {
    const box = container.current;
    const layer = canvas.current;
    const context = layer?.getContext('2d');
    if (!box || !layer || !context) return;
    const max = Math.max(0, ...nodes.map((n) => n.size ?? 0));
    const allPlaced = nodes.length > 0 && nodes.every((n) => positions.has(n.id));
    const cy = cytoscape({
      container: box,
      elements: nodes.map((n) => ({
        data: { id: n.id, label: n.label, size: nodeSize(n.size, max) },
        position: positions.get(n.id) ?? { x: 0, y: 0 },
      })),
      style: [
        {
          selector: 'node',
          style: {
            'background-color': NODE_COLOUR,
            width: 'data(size)',
            height: 'data(size)',
            label: 'data(label)',
            color: LABEL_COLOUR,
            'font-size': LABEL_PX,
            'text-valign': 'bottom',
            'text-margin-y': 4,
            'text-wrap': 'wrap',
            'text-max-width': `${LABEL_WIDTH_PX}px`,
            // An opaque box, so no tie runs through a name.
            'text-background-color': '#ffffff',
            'text-background-opacity': 1,
            'text-background-padding': '3px',
            'text-background-shape': 'roundrectangle',
          },
        },
      ],
      layout: allPlaced ? { name: 'preset' } : { name: 'circle', padding: 40 },
      wheelSensitivity: 0.3,
      boxSelectionEnabled: false,
      autoungrabify: !callbacks.current.onMoved,
    });
    if (allPlaced) cy.fit(undefined, 40);
    // Names stay readable when the map is zoomed out to fit: at least LABEL_PX on screen.
    const scaleLabels = () => {
      const scale = 1 / Math.min(1, cy.zoom());
      cy.nodes().style({
        'font-size': LABEL_PX * scale,
        'text-max-width': `${LABEL_WIDTH_PX * scale}px`,
        'text-margin-y': 4 * scale,
      });
    };
    scaleLabels();
    cy.on('zoom', scaleLabels);

    let arrows = new Map<string, Arrow>();
    const draw = () => {
      const ratio = window.devicePixelRatio || 1;
      const width = Math.round(layer.clientWidth * ratio);
      const height = Math.round(layer.clientHeight * ratio);
      if (layer.width !== width || layer.height !== height) {
        layer.width = width;
        layer.height = height;
      }
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.clearRect(0, 0, width, height);
      const zoom = cy.zoom();
      const pan = cy.pan();
      context.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * pan.x, ratio * pan.y);
      arrows = arrowsOf(cy, edges);
      drawArrows(context, edges, arrows, callbacks.current.selected);
    };
    redraw.current = draw;
    cy.on('render', draw);
    const resized = new ResizeObserver(draw);
    resized.observe(layer);

    const arrowAt = (position: { x: number; y: number }) =>
      nearestArrow(arrows, position, HIT_TOLERANCE / cy.zoom());
    cy.on('tap', (event) => {
      if (event.target !== cy) return;
      const id = arrowAt(event.position);
      if (id !== undefined) callbacks.current.onSelect(id);
    });
    cy.on('mousemove', (event) => {
      box.style.cursor = event.target === cy && arrowAt(event.position) ? 'pointer' : '';
    });
    cy.on('dragfree', 'node', () => {
      const next: Positions = new Map();
      cy.nodes().forEach((node) => {
        next.set(node.id(), { ...node.position() });
      });
      callbacks.current.onMoved?.(next);
    });
    handleRef.current = {
      png: () => svgToPng(toSvg(cy, edges), 2),
      svg: () => toSvg(cy, edges),
    };
    return () => {
      resized.disconnect();
      redraw.current = () => undefined;
      cy.destroy();
    };
    // `positions` is read once per drawing; a drag must not redraw the map.
  }, [nodes, edges]);

  useEffect(() => redraw.current(), [selected]);

  return (
    <div className="network-map-frame">
      <canvas ref={canvas} className="network-map__ties" aria-hidden="true" />
      <div ref={container} className="network-map" role="img" aria-label={label} />
    </div>
  );
}

/** The smallest size of a unit's name on screen, in CSS pixels, and its line width. */
const LABEL_PX = 13;
const LABEL_WIDTH_PX = 140;

/** A plain SVG of the map as drawn: arrows, nodes and labels. */
function toSvg(cy: cytoscape.Core, edges: MapEdge[]): string {
  const box = cy.nodes().boundingBox({});
  const pad = 30;
  const x0 = box.x1 - pad;
  const y0 = box.y1 - pad;
  const width = Math.max(1, Math.ceil(box.w + 2 * pad));
  const height = Math.max(1, Math.ceil(box.h + 2 * pad));
  const at = (p: { x: number; y: number }) => `${(p.x - x0).toFixed(1)},${(p.y - y0).toFixed(1)}`;
  const arrows = arrowsOf(cy, edges);
  const parts: string[] = [];
  for (const colour of DRAW_ORDER) {
    for (const edge of edges) {
      const arrow = edge.colour === colour ? arrows.get(edge.id) : undefined;
      if (!arrow) continue;
      const dashed = colour === 'grey' ? ` stroke-dasharray="${DASH.join(' ')}"` : '';
      parts.push(
        `<path d="M${at(arrow.start)} L${at(arrow.base)}" stroke="${COLOURS[colour]}" stroke-width="${LINE_WIDTH}"${dashed}/>`,
        `<path d="M${at(arrow.tip)} L${at(arrow.left)} L${at(arrow.right)} Z" fill="${COLOURS[colour]}"/>`,
      );
    }
  }
  cy.nodes().forEach((node) => {
    const p = node.position();
    const r = (node.data('size') as number) / 2;
    parts.push(
      `<circle cx="${(p.x - x0).toFixed(1)}" cy="${(p.y - y0).toFixed(1)}" r="${r}" fill="${NODE_COLOUR}"/>`,
      `<text x="${(p.x - x0).toFixed(1)}" y="${(p.y - y0 + r + 14).toFixed(1)}" text-anchor="middle" font-family="sans-serif" font-size="12" fill="${LABEL_COLOUR}">${escapeXml(node.data('label') as string)}</text>`,
    );
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="#ffffff"/><g fill="none">${parts.join('')}</g></svg>\n`;
}

/** The SVG drawn into a PNG at `scale` times its size. */
async function svgToPng(svg: string, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const png = document.createElement('canvas');
    png.width = image.naturalWidth * scale;
    png.height = image.naturalHeight * scale;
    const context = png.getContext('2d');
    if (!context) throw new Error('No canvas to draw the PNG on');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    return await new Promise<Blob>((resolve, reject) => {
      png.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG failed'))), 'image/png');
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}
