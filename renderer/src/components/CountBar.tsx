import { useTranslation } from 'react-i18next';

/** 字数 against the target: blue while short, red when over, as InCopy's copyfit bar does. */
export function CountBar({ chars, paragraphs, target }: { chars: number; paragraphs: number; target: number | null }) {
  const { t } = useTranslation();
  const diff = target ? chars - target : null;
  return (
    <div className="count-bar" role="status" aria-label={t('counts.label')}>
      <span>{t('counts.chars', { count: chars })}</span>
      <span>{t('counts.paragraphs', { count: paragraphs })}</span>
      {target !== null && diff !== null && (
        <span className={diff > 0 ? 'count-over' : 'count-under'}>
          {diff > 0 ? t('counts.over', { count: diff, target }) : t('counts.under', { count: -diff, target })}
        </span>
      )}
    </div>
  );
}
