import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { canSplitAt } from './splitting';

interface Props {
  lines: readonly string[];
  starts: readonly number[];
  onSplit(line: number): void;
  onMerge(start: number): void;
}

/** The source, line by line, with a bar where each story starts: merge it up, or split a story at any line. */
export function SourcePane({ lines, starts, onSplit, onMerge }: Props) {
  const { t } = useTranslation();
  let story = -1;
  return (
    <section aria-label={t('import.source')} className="import-source import-scroll">
      {lines.map((line, i) => {
        const startsStory = starts.includes(i);
        if (startsStory) story += 1;
        const n = story + 1;
        return (
          <Fragment key={i}>
            {startsStory && (
              <div className="import-source-story">
                <span>{t('import.storyN', { n })}</span>
                {story > 0 && (
                  <button type="button" className="import-merge" aria-label={t('import.mergeUpLabel', { n, prev: n - 1 })} onClick={() => onMerge(i)}>
                    {t('import.mergeUp')}
                  </button>
                )}
              </div>
            )}
            <div className={`import-source-line${story % 2 === 1 ? ' is-odd' : ''}`}>
              <span className="import-line-number">{i + 1}</span>
              <span className="import-line-text">{line === '' ? '\u00a0' : line}</span>
              {canSplitAt(starts, lines, i) && (
                <button type="button" className="import-split" aria-label={t('import.splitHereLabel', { line: i + 1 })} onClick={() => onSplit(i)}>
                  {t('import.splitHere')}
                </button>
              )}
            </div>
          </Fragment>
        );
      })}
    </section>
  );
}
