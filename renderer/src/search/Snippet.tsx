import { useTranslation } from 'react-i18next';
import type { SearchField } from '../../../shared/api/methods/search';
import { snippetParts } from './snippet';

/** A search hit in context: the hits become <mark> elements, the rest stays plain text. */
export function Snippet({ snippet, field }: { snippet: string; field: SearchField }) {
  const { t } = useTranslation();
  return (
    <span className="search-snippet" style={{ display: 'block', fontSize: 12, color: '#666', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
      <span style={{ color: '#999' }}>{t('common.labelled', { label: t(`search.field.${field}`) })}</span>
      {snippetParts(snippet).map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </span>
  );
}
