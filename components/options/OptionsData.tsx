/**
 * The options page's Data section: export everything saved as W3C Web
 * Annotation JSON-LD, Markdown (by page or by entity) or CSV, and import a
 * Dramatis JSON-LD export or a Hypothesis JSON export. Importing shows a
 * preview first (new, duplicates skipped, refused with reasons) and then adds
 * everything in one transaction; a file that cannot be read changes nothing
 * and says what is wrong.
 */
import { useState } from 'preact/hooks';
import { errorText, t, translate } from '@/lib/i18n/i18n';
import { parseImport, toCsv, toMarkdown, toWebAnnotationCollection } from '@/lib/export';
import type { DramatisDB } from '@/lib/store/db';
import { sendRequest } from '@/lib/messaging/send';
import { planImport, type ImportPlan } from '@/lib/store/import-annotations';
import type { AnnotationRecord } from '@/lib/model/records';
import { readAnnotationSnapshot } from '@/lib/store/entity-names';
import { dateStamp, downloadText } from './download';

type ExportFormat = 'jsonld' | 'md-page' | 'md-entity' | 'csv';

/** Builds the text of one export of `records`. */
export function exportText(
  format: ExportFormat,
  records: readonly AnnotationRecord[],
  name: (id: string) => string | undefined,
): { text: string; extension: string; type: string } {
  switch (format) {
    case 'jsonld':
      return {
        text: JSON.stringify(toWebAnnotationCollection(records, name), null, 2),
        extension: 'jsonld',
        type: 'application/ld+json',
      };
    case 'md-page':
    case 'md-entity':
      return {
        text: toMarkdown(records, { groupBy: format === 'md-page' ? 'page' : 'entity' }, name),
        extension: 'md',
        type: 'text/markdown',
      };
    case 'csv':
      return { text: toCsv(records, name), extension: 'csv', type: 'text/csv' };
  }
}

/** A file read and planned, waiting for the reader to confirm. */
interface Preview {
  fileName: string;
  format: string;
  plan: ImportPlan;
  /** Annotations the file holds that could not be read at all. */
  unreadable: string[];
}

/** An import format as the preview names it; an unknown one as the parser called it. */
function formatName(format: string): string {
  if (format === 'web-annotation') return t('formatWebAnnotation');
  return format === 'hypothesis' ? t('formatHypothesis') : format;
}

/** The Data section. */
export function OptionsData({ db }: { db: DramatisDB }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  /** What the import is doing while it works (reading the file, adding its notes), else null. */
  const [working, setWorking] = useState<string | null>(null);

  const exportAs = async (format: ExportFormat) => {
    try {
      const { annotations, names } = await readAnnotationSnapshot(db);
      const sorted = [...annotations].sort(
        (a, b) => a.created - b.created || a.id.localeCompare(b.id),
      );
      const file = exportText(format, sorted, (id) => names.get(id));
      downloadText(file.text, `dramatis-${dateStamp()}.${file.extension}`, file.type);
      setStatus(sorted.length === 1 ? t('exportedOne') : t('exportedMany', sorted.length));
    } catch (error) {
      setStatus(t('exportFailed', errorText(error)));
    }
  };

  const readFile = async (file: File) => {
    setPreview(null);
    setProblem(null);
    setStatus('');
    setWorking(t('importReadingFile', file.name));
    try {
      const parsed = parseImport(await file.text());
      const plan = await planImport(db, parsed.records);
      setPreview({
        fileName: file.name,
        format: formatName(parsed.format),
        plan,
        unreadable: parsed.skipped.map((skip) => translate(skip.userMessage)),
      });
    } catch (error) {
      // ImportError messages say what is wrong and what to do; nothing was written.
      setProblem(t('importFileProblem', [file.name, errorText(error)]));
    } finally {
      setWorking(null);
    }
  };

  const commit = async () => {
    if (!preview) return;
    setWorking(t('importAdding', preview.plan.toAdd.length));
    try {
      const outcome = await sendRequest('importAnnotations', { records: preview.plan.toAdd });
      setStatus(
        outcome.added === 1
          ? t('importedOne', preview.fileName)
          : t('importedMany', [outcome.added, preview.fileName]),
      );
      setPreview(null);
    } catch (error) {
      setProblem(t('nothingImported', errorText(error)));
    } finally {
      setWorking(null);
    }
  };

  const refused = preview
    ? [
        ...preview.plan.rejected.map((r) => (r.userMessage ? translate(r.userMessage) : r.reason)),
        ...preview.unreadable,
      ]
    : [];
  const summary = preview
    ? [
        preview.fileName,
        preview.format,
        preview.plan.toAdd.length,
        preview.plan.duplicates.length,
        refused.length,
      ]
    : [];
  return (
    <section class="card data" aria-labelledby="data-heading">
      <h2 id="data-heading">{t('dataHeading')}</h2>
      <h3>{t('exportHeading')}</h3>
      <div class="export-buttons">
        <button type="button" onClick={() => void exportAs('jsonld')}>
          {t('exportJsonLd')}
        </button>
        <button type="button" onClick={() => void exportAs('md-page')}>
          {t('exportMarkdownPage')}
        </button>
        <button type="button" onClick={() => void exportAs('md-entity')}>
          {t('exportMarkdownEntity')}
        </button>
        <button type="button" onClick={() => void exportAs('csv')}>
          {t('exportCsv')}
        </button>
      </div>
      <h3>{t('importHeading')}</h3>
      <p class="help">{t('importHelp')}</p>
      <label class="field">
        {t('chooseImportFile')}
        <input
          type="file"
          disabled={working !== null}
          accept=".json,.jsonld,application/json,application/ld+json"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) void readFile(file);
            event.currentTarget.value = '';
          }}
        />
      </label>
      {working && (
        <div class="progress-block" role="status">
          <progress class="progress" aria-label={working} />
          <span>{working}</span>
        </div>
      )}
      {problem && (
        <p role="alert" class="message problem">
          {problem}
        </p>
      )}
      {preview && (
        <div class="import-preview" role="region" aria-label={t('importPreview')}>
          <p>
            {preview.plan.duplicates.length === 1
              ? t('importSummaryOneDuplicate', summary)
              : t('importSummary', summary)}
          </p>
          {refused.length > 0 && (
            <ul class="refused">
              {refused.map((reason, i) => (
                <li key={i}>{reason}</li>
              ))}
            </ul>
          )}
          <div class="actions">
            <button
              type="button"
              class="primary"
              disabled={preview.plan.toAdd.length === 0 || working !== null}
              onClick={() => void commit()}
            >
              {t('importCount', preview.plan.toAdd.length)}
            </button>
            <button type="button" onClick={() => setPreview(null)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      <p role="status" class="saved-status">
        {status}
      </p>
    </section>
  );
}
