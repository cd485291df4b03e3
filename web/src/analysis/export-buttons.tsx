/**
 * Downloads of the analysis: PDF report, XLSX, CSV, GraphML and GEXF. A download shows
 * its progress: "preparing" until the first byte, then the bytes received (against the
 * total when the server sends Content-Length).
 */
import { memo, useState } from 'react';
import { asApiError, type ApiError } from '../api/client.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { ErrorAlert } from '../ui/feedback.js';
import { fetchFile, saveBlob, type DownloadProgress } from './analysis-api.js';
import { Button } from '../ui/button.js';
import { Section } from '../ui/section.js';

/** A byte count as kB or MB, in the reader's locale. */
function size(bytes: number, locale: string): string {
  const mb = bytes >= 1024 * 1024;
  const value = mb ? bytes / (1024 * 1024) : bytes / 1024;
  return `${value.toLocaleString(locale, { maximumFractionDigits: mb ? 1 : 0 })} ${mb ? 'MB' : 'kB'}`;
}

interface ExportItem {
  key: string;
  label: MessageKey;
  query: string;
  format: string;
}

export const ExportButtons = memo(function ExportButtons({
  measurementId,
  wave,
}: {
  measurementId: string;
  wave: string;
}) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState<string>();
  const [progress, setProgress] = useState<DownloadProgress>();
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();
  const items: ExportItem[] = [
    { key: 'pdf-da', label: 'analysis.export.pdfDa', format: 'pdf', query: '?lang=da' },
    { key: 'pdf-en', label: 'analysis.export.pdfEn', format: 'pdf', query: '?lang=en' },
    { key: 'xlsx', label: 'analysis.export.xlsx', format: 'xlsx', query: '' },
    { key: 'csv', label: 'analysis.export.csv', format: 'csv', query: '?table=relationer' },
    {
      key: 'graphml',
      label: 'analysis.export.graphml',
      format: 'graphml',
      query: `?wave=${encodeURIComponent(wave)}`,
    },
    {
      key: 'gexf',
      label: 'analysis.export.gexf',
      format: 'gexf',
      query: `?wave=${encodeURIComponent(wave)}`,
    },
  ];

  const download = async (item: ExportItem) => {
    setBusy(item.key);
    setProgress(undefined);
    setError(undefined);
    setDone(undefined);
    try {
      const { blob, filename } = await fetchFile(
        `/api/measurements/${encodeURIComponent(measurementId)}/export/${item.format}${item.query}`,
        setProgress,
      );
      saveBlob(blob, filename);
      setDone(t('analysis.export.done', { file: filename }));
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(undefined);
      setProgress(undefined);
    }
  };

  const statusText = !progress
    ? t('analysis.export.preparing')
    : progress.total
      ? t('analysis.export.progress', {
          done: size(progress.received, locale),
          total: size(progress.total, locale),
        })
      : t('analysis.export.progressUnknown', { done: size(progress.received, locale) });

  return (
    <Section id="a-export" title={t('analysis.export.title')}>
      <div className="toolbar__buttons">
        {items.map((item) => (
          <Button
            key={item.key}

            aria-disabled={busy !== undefined || undefined}
            onClick={() => {
              if (busy === undefined) void download(item);
            }}
          >
            {busy === item.key && <span className="spinner spinner--inline" aria-hidden="true" />}
            {t(item.label)}
          </Button>
        ))}
      </div>
      {busy && (
        <progress
          className="export-progress"
          aria-label={t('analysis.export.busy')}
          {...(progress?.total ? { value: progress.received, max: progress.total } : {})}
        />
      )}
      <p className="export-status" role="status">
        {busy ? statusText : (done ?? '')}
      </p>
      <ErrorAlert error={error} />
    </Section>
  );
});
