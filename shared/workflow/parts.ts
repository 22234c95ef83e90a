import type { ArticleFields } from '../domain/article';

/**
 * A story locks in two parts, so the desk can fix the headline while the
 * reporter keeps the body. Fields outside both parts (desk, page, priority…)
 * are planning data and take no lock.
 */
export const LOCK_PARTS = ['headline', 'body'] as const;
export type LockPart = (typeof LOCK_PARTS)[number];

export const PART_FIELDS: Record<LockPart, readonly (keyof ArticleFields)[]> = {
  headline: ['kicker', 'headline', 'subheadline'],
  body: ['body', 'bylines', 'dateline', 'endCredit', 'abstract', 'editorsNote'],
};

export const PART_LABELS: Record<LockPart, string> = { headline: '标题', body: '正文' };

/** The parts a patch touches (by the keys it carries, whether or not the values differ). */
export function partsOfPatch(patch: Partial<ArticleFields>): LockPart[] {
  return groupsOfPatch(patch).filter((group): group is LockPart => group !== 'plan');
}

/** Whether the printed text differs: an edit of planning fields (page, priority) leaves a signature standing. */
export function contentChanged(before: ArticleFields, after: ArticleFields): boolean {
  return LOCK_PARTS.some((part) => PART_FIELDS[part].some((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field])));
}

/** What a save changes, for merging concurrent saves: the two lock parts and the planning fields. */
export type EditGroup = LockPart | 'plan';
const EDIT_GROUPS: readonly EditGroup[] = [...LOCK_PARTS, 'plan'];

function groupOf(field: keyof ArticleFields): EditGroup {
  return LOCK_PARTS.find((part) => PART_FIELDS[part].includes(field)) ?? 'plan';
}

/** The groups a patch writes to. */
export function groupsOfPatch(patch: Partial<ArticleFields>): EditGroup[] {
  const keys = (Object.keys(patch) as (keyof ArticleFields)[]).filter((key) => patch[key] !== undefined);
  return EDIT_GROUPS.filter((group) => keys.some((key) => groupOf(key) === group));
}

/** The groups whose values differ between two versions. */
export function changedGroups(before: ArticleFields, after: ArticleFields): EditGroup[] {
  const keys = Object.keys(after) as (keyof ArticleFields)[];
  return EDIT_GROUPS.filter((group) => keys.some((key) => groupOf(key) === group && JSON.stringify(before[key]) !== JSON.stringify(after[key])));
}
