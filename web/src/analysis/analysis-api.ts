/** Calls to the analysis API (`src/results/*.routes.ts`, `src/reports/export.routes.ts`). */
import {
  RK_DIMENSION_LABELS,
  RK_ITEMS,
  type RkDimension,
  type TieLevel,
  type ViewRole,
} from '../../../contract/analysis.js';
import type {
  AnalysisResult,
  Comparison,
  DidResult,
  TieResult,
  WaveResult,
} from '../../../contract/analysis.schema.js';
import type { FocalKind } from '../../../contract/measurements.js';
import type { ExportFormat } from '../../../contract/reports.js';
import type {
  AnalysisExtras,
  Benchmark,
  MapPosition,
  MeasurementAnalysis,
  WaveExtras,
} from '../../../contract/results.schema.js';
import { api, ApiError, isMessage } from '../api/client.js';

export type {
  AnalysisExtras,
  AnalysisResult,
  Benchmark,
  Comparison,
  DidResult,
  ExportFormat,
  FocalKind,
  MapPosition,
  MeasurementAnalysis,
  RkDimension,
  TieResult,
  WaveExtras,
  WaveResult,
};
export { FOCAL_KINDS } from '../../../contract/measurements.js';

export const loadExtras = (id: string) =>
  api.get<AnalysisExtras>(`/api/measurements/${encodeURIComponent(id)}/analysis/extras`);

export const loadBenchmark = (id: string) =>
  api.get<Benchmark>(`/api/measurements/${encodeURIComponent(id)}/benchmark`);

export const setFocalKind = (id: string, focalKind: FocalKind) =>
  api.patch<unknown>(`/api/measurements/${encodeURIComponent(id)}`, { focalKind });
export { RK_DIMENSION_LABELS, RK_ITEMS };

/** The whole analysis (`''`) or the map figures of one role. */
export type RoleFilter = '' | ViewRole;

export const loadAnalysis = (id: string, role: RoleFilter) =>
  api.get<MeasurementAnalysis>(
    `/api/measurements/${encodeURIComponent(id)}/analysis${role ? `?role=${role}` : ''}`,
  );

export const loadMapPositions = () => api.get<MapPosition[]>('/api/map-positions');

export const saveMapPositions = (positions: MapPosition[]) =>
  api.put<unknown>('/api/map-positions', { positions });

/** Bytes received so far, and the total when the server sent Content-Length. */
export interface DownloadProgress {
  received: number;
  total: number | null;
}

/**
 * Fetch a file from the API as a blob, with its file name from Content-Disposition;
 * `onProgress` hears of every chunk as it arrives.
 */
export async function fetchFile(
  path: string,
  onProgress?: (progress: DownloadProgress) => void,
): Promise<{ blob: Blob; filename: string }> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', {
      da: 'Kunne ikke få forbindelse til serveren. Tjek din forbindelse, og prøv igen.',
      en: 'Could not reach the server. Check your connection and try again.',
    });
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as
      { code?: unknown; message?: unknown } | undefined;
    if (body && typeof body.code === 'string' && isMessage(body.message)) {
      throw new ApiError(response.status, body.code as ApiError['code'], body.message);
    }
    throw new ApiError(response.status, 'internal', {
      da: `Filen kunne ikke hentes (${response.status}).`,
      en: `The file could not be downloaded (${response.status}).`,
    });
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const match = /filename="?([^";]+)"?/i.exec(disposition);
  const filename = match?.[1] ?? 'samspil-export';
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  if (!onProgress || !response.body) return { blob: await response.blob(), filename };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  onProgress({ received, total });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress({ received, total });
  }
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  return { blob: new Blob(chunks as BlobPart[], { type }), filename };
}

/** Hand a blob to the browser as a download. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The level of a score against the measurement's thresholds. */
export function levelOf(score: number | null, thresholds: { high: number; low: number }): TieLevel {
  if (score === null) return 'suppressed';
  if (score >= thresholds.high) return 'high';
  if (score < thresholds.low) return 'low';
  return 'medium';
}

/** The colour class of a tie on the map: its level, or grey when mostly "ved ikke". */
export type TieColour = 'high' | 'medium' | 'low' | 'grey';

export function tieScore(tie: TieResult, dimension: RkDimension | 'total'): number | null {
  if (tie.suppressed) return null;
  return dimension === 'total' ? tie.score : tie.dimensions[dimension];
}

export function tieColour(
  tie: TieResult,
  dimension: RkDimension | 'total',
  thresholds: { high: number; low: number },
): TieColour {
  if (tie.suppressed || (tie.dontKnowShare ?? 0) > 0.5) return 'grey';
  const level = levelOf(tieScore(tie, dimension), thresholds);
  return level === 'suppressed' ? 'grey' : level;
}

export const COLOURS: Record<TieColour, string> = {
  high: '#2e7d32',
  medium: '#e0a800',
  low: '#c62828',
  grey: '#8a949e',
};
