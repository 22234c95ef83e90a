import { useCallback, useEffect, useState } from 'react';
import type { Article, ArticleFields } from '../../../shared/domain/article';
import { FIELD_KEYS } from '../../../shared/article/fields';
import type { DraftApi } from './useArticleDraft';

/** Everything but the body, which lives in the Tiptap editor. */
export type FormFields = Omit<ArticleFields, 'body'>;
export type HeadlineKey = 'kicker' | 'headline' | 'subheadline';
export type FieldUpdater = <K extends keyof FormFields>(key: K, value: FormFields[K]) => void;

const FORM_KEYS = FIELD_KEYS.filter((key): key is keyof FormFields => key !== 'body');

/** The form's fields among `source`'s; all of them when `source` is a whole article. */
function pickForm<T extends Partial<ArticleFields>>(source: T): T extends ArticleFields ? FormFields : Partial<FormFields> {
  return Object.fromEntries(FORM_KEYS.filter((key) => key in source).map((key) => [key, source[key]])) as never;
}

const HOLD = Symbol('hold');

/**
 * What the server is sent for a field as typed. The form keeps half-filled input (a byline row
 * without a name yet, an emptied headline being retyped); the server would refuse it, and one
 * refused field would hold back every other edit in the same save.
 */
function savedValue<K extends keyof FormFields>(key: K, value: FormFields[K]): FormFields[K] | typeof HOLD {
  switch (key) {
    case 'headline':
      return (value as string).trim() === '' ? HOLD : value;
    case 'bylines':
      return (value as FormFields['bylines'])
        .map((b) => ({ name: b.name.trim(), role: b.role }))
        .filter((b) => b.name !== '') as FormFields[K];
    case 'keywords':
      return [...new Set((value as string[]).map((k) => k.trim().slice(0, 30)).filter((k) => k !== ''))] as FormFields[K];
    default:
      return value;
  }
}

/** The metadata form over a draft: local state for display, every change autosaved. */
export function useArticleForm(draft: Pick<DraftApi, 'article' | 'setField'>) {
  const { article, setField } = draft;
  const [form, setForm] = useState<FormFields | null>(null);

  useEffect(() => {
    if (article && form === null) setForm(pickForm(article));
  }, [article, form]);

  const update = useCallback<FieldUpdater>(
    (key, value) => {
      setForm((current) => (current ? { ...current, [key]: value } : current));
      const saved = savedValue(key, value);
      if (saved !== HOLD) setField(key, saved as ArticleFields[typeof key]);
    },
    [setField],
  );

  /** Shows fields that came from elsewhere (their version, a backup) without saving them again. */
  const replace = useCallback((next: Partial<ArticleFields> | Article) => {
    setForm((current) => (current ? { ...current, ...pickForm(next) } : current));
  }, []);

  return { form, update, replace };
}
