/**
 * The network map (relationsoverblikket) drawn with Cytoscape: units as nodes sized by
 * their respondents, directed ties as arrows coloured by level. Dragging a node reports
 * the new positions; the parent decides whether to save them.
 */
import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'react';
import { COLOURS, type TieColour } from './analysis-api.js';

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

/** Above this many edges the map is drawn the fast way (straight, no HiDPI). */
const LARGE_MAP_EDGES = 600;

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
  const cyRef = useRef<cytoscape.Core | undefined>(undefined);
  const callbacks = useRef({ onSelect, onMoved });
  callbacks.current = { onSelect, onMoved };

  useEffect(() => {
    if (!container.current) return;
    const max = Math.max(0, ...nodes.map((n) => n.size ?? 0));
    const allPlaced = nodes.length > 0 && nodes.every((n) => positions.has(n.id));
    // A large map (a 60-group network has 3 540 ties) draws straight edges at one pixel
    // per CSS pixel and hides them while panning: bezier curves cost seconds there.
    const large = edges.length > LARGE_MAP_EDGES;
    const cy = cytoscape({
      container: container.current,
      elements: [
        ...nodes.map((n) => ({
          data: { id: n.id, label: n.label, size: nodeSize(n.size, max) },
          position: positions.get(n.id) ?? { x: 0, y: 0 },
        })),
        ...edges.map((e) => ({
          // Colour by class, not by a data mapper: cheaper to style on thousands of edges.
          classes: e.colour,
          data: {
            id: e.id,
            source: e.from,
            target: e.to,
            colour: COLOURS[e.colour],
            grey: e.colour === 'grey' ? 1 : 0,
          },
        })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            'background-color': '#1b4f72',
            width: 'data(size)',
            height: 'data(size)',
            label: 'data(label)',
            color: '#1b2430',
            'font-size': 12,
            'text-valign': 'bottom',
            'text-margin-y': 4,
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.85,
            'text-background-padding': '2px',
          },
        },
        {
          selector: 'edge',
          style: {
            width: 3,
            'target-arrow-shape': 'triangle',
            'curve-style': large ? 'straight' : 'bezier',
            'control-point-step-size': 24,
          },
        },
        ...(Object.keys(COLOURS) as TieColour[]).map((colour) => ({
          selector: `edge.${colour}`,
          style: { 'line-color': COLOURS[colour], 'target-arrow-color': COLOURS[colour] },
        })),
        { selector: 'edge.grey', style: { 'line-style': 'dashed' } },
        {
          selector: 'edge.chosen',
          style: { width: 7, 'overlay-color': '#0a64c2', 'overlay-opacity': 0.15 },
        },
      ],
      layout: allPlaced ? { name: 'preset' } : { name: 'circle', padding: 40 },
      wheelSensitivity: 0.3,
      hideEdgesOnViewport: large,
      textureOnViewport: large,
      ...(large ? { pixelRatio: 1 } : {}),
      boxSelectionEnabled: false,
      autoungrabify: !callbacks.current.onMoved,
    });
    if (allPlaced) cy.fit(undefined, 40);
    cy.on('tap', 'edge', (event) =>
      callbacks.current.onSelect((event.target as cytoscape.EdgeSingular).id()),
    );
    cy.on('dragfree', 'node', () => {
      const next: Positions = new Map();
      cy.nodes().forEach((node) => {
        next.set(node.id(), { ...node.position() });
      });
      callbacks.current.onMoved?.(next);
    });
    cyRef.current = cy;
    handleRef.current = {
      png: () => cy.png({ output: 'blob-promise', bg: '#ffffff', full: true, scale: 2 }),
      svg: () => toSvg(cy),
    };
    return () => {
      cy.destroy();
      cyRef.current = undefined;
    };
    // `positions` is read once per drawing; a drag must not redraw the map.
  }, [nodes, edges]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    // Only the chosen edge changes: restyling all 3 540 edges of a large map took 0.5 s.
    cy.edges('.chosen').removeClass('chosen');
    if (selected) cy.getElementById(selected).addClass('chosen');
  }, [selected, nodes, edges]);

  return <div ref={container} className="network-map" role="img" aria-label={label} />;
}

/** A plain SVG of the map as drawn: nodes, labels and arrows. */
function toSvg(cy: cytoscape.Core): string {
  const box = cy.elements().boundingBox({});
  const pad = 30;
  const x0 = box.x1 - pad;
  const y0 = box.y1 - pad;
  const width = Math.max(1, box.w + 2 * pad);
  const height = Math.max(1, box.h + 2 * pad);
  const parts: string[] = [];
  const markers = new Set<string>();
  cy.edges().forEach((edge) => {
    const colour = edge.data('colour') as string;
    const marker = `a${colour.slice(1)}`;
    markers.add(colour);
    const s = edge.sourceEndpoint();
    const t = edge.targetEndpoint();
    const dashed = edge.data('grey') === 1 ? ' stroke-dasharray="6 4"' : '';
    const mid = edge.midpoint();
    parts.push(
      `<path d="M${s.x - x0},${s.y - y0} Q${2 * mid.x - (s.x + t.x) / 2 - x0},${2 * mid.y - (s.y + t.y) / 2 - y0} ${t.x - x0},${t.y - y0}" fill="none" stroke="${colour}" stroke-width="3"${dashed} marker-end="url(#${marker})"/>`,
    );
  });
  cy.nodes().forEach((node) => {
    const p = node.position();
    const r = (node.data('size') as number) / 2;
    parts.push(
      `<circle cx="${p.x - x0}" cy="${p.y - y0}" r="${r}" fill="#1b4f72"/>`,
      `<text x="${p.x - x0}" y="${p.y - y0 + r + 14}" text-anchor="middle" font-family="sans-serif" font-size="12" fill="#1b2430">${escapeXml(node.data('label') as string)}</text>`,
    );
  });
  const defs = [...markers]
    .map(
      (c) =>
        `<marker id="a${c.slice(1)}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${c}"/></marker>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="#ffffff"/><defs>${defs}</defs>${parts.join('')}</svg>\n`;
}
