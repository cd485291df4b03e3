/**
 * One wave's network as GraphML and GEXF, for Gephi. Nodes are the units (with their
 * out and in scores), edges the directed ties A→B with the score as weight. A
 * suppressed tie is kept as an edge without score or weight, so the shape of the
 * network stays visible while no small group's figure is shown.
 */
import type { WaveResult } from '../analysis/analyze.js';

const escapeXml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // Characters XML 1.0 cannot carry at all.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

function nodesOf(wave: WaveResult): string[] {
  const names = new Set(wave.units.map((u) => u.unit));
  for (const tie of wave.ties) {
    names.add(tie.from);
    names.add(tie.to);
  }
  return [...names].sort();
}

const num = (value: number | null) => (value === null ? undefined : String(value));

/** GraphML (directed) with node and edge attributes. */
export function toGraphml(wave: WaveResult): string {
  const ids = new Map(nodesOf(wave).map((name, i) => [name, `n${i}`]));
  const units = new Map(wave.units.map((u) => [u.unit, u]));
  const data = (key: string, value: string | undefined) =>
    value === undefined ? '' : `<data key="${key}">${escapeXml(value)}</data>`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="outScore" for="node" attr.name="outScore" attr.type="double"/>',
    '  <key id="inScore" for="node" attr.name="inScore" attr.type="double"/>',
    '  <key id="outN" for="node" attr.name="outN" attr.type="int"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <key id="n" for="edge" attr.name="n" attr.type="int"/>',
    '  <key id="level" for="edge" attr.name="level" attr.type="string"/>',
    '  <key id="dontKnowShare" for="edge" attr.name="dontKnowShare" attr.type="double"/>',
    `  <graph id="${escapeXml(wave.wave || 'network')}" edgedefault="directed">`,
  ];
  for (const [name, id] of ids) {
    const unit = units.get(name);
    lines.push(
      `    <node id="${id}">${data('label', name)}${data('outScore', num(unit?.outScore ?? null))}` +
        `${data('inScore', num(unit?.inScore ?? null))}${data('outN', num(unit?.outN ?? null))}</node>`,
    );
  }
  wave.ties.forEach((tie, i) => {
    lines.push(
      `    <edge id="e${i}" source="${ids.get(tie.from)!}" target="${ids.get(tie.to)!}">` +
        `${data('weight', num(tie.score))}${data('n', num(tie.n))}${data('level', tie.level)}` +
        `${data('dontKnowShare', num(tie.dontKnowShare))}</edge>`,
    );
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

/** GEXF 1.3 (directed) with the same attributes. */
export function toGexf(wave: WaveResult): string {
  const ids = new Map(nodesOf(wave).map((name, i) => [name, `n${i}`]));
  const units = new Map(wave.units.map((u) => [u.unit, u]));
  const value = (key: string, v: string | undefined) =>
    v === undefined ? '' : `<attvalue for="${key}" value="${escapeXml(v)}"/>`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    '  <meta><creator>Samspil</creator></meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    '    <attributes class="node">',
    '      <attribute id="outScore" title="outScore" type="double"/>',
    '      <attribute id="inScore" title="inScore" type="double"/>',
    '      <attribute id="outN" title="outN" type="integer"/>',
    '    </attributes>',
    '    <attributes class="edge">',
    '      <attribute id="n" title="n" type="integer"/>',
    '      <attribute id="level" title="level" type="string"/>',
    '      <attribute id="dontKnowShare" title="dontKnowShare" type="double"/>',
    '    </attributes>',
    '    <nodes>',
  ];
  for (const [name, id] of ids) {
    const unit = units.get(name);
    lines.push(
      `      <node id="${id}" label="${escapeXml(name)}"><attvalues>${value('outScore', num(unit?.outScore ?? null))}` +
        `${value('inScore', num(unit?.inScore ?? null))}${value('outN', num(unit?.outN ?? null))}</attvalues></node>`,
    );
  }
  lines.push('    </nodes>', '    <edges>');
  wave.ties.forEach((tie, i) => {
    const weight = tie.score === null ? '' : ` weight="${tie.score}"`;
    lines.push(
      `      <edge id="e${i}" source="${ids.get(tie.from)!}" target="${ids.get(tie.to)!}"${weight}><attvalues>` +
        `${value('n', num(tie.n))}${value('level', tie.level)}${value('dontKnowShare', num(tie.dontKnowShare))}</attvalues></edge>`,
    );
  });
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}
