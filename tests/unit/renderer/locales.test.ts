import { describe, expect, it } from 'vitest';
import zhCN from '../../../renderer/locales/zh-CN.json';
import en from '../../../renderer/locales/en.json';
import { PAGE_STATUSES, SLOT_KINDS } from '../../../shared/layout/board';
import { PRIVILEGES, ROLE_CODES } from '../../../shared/domain/roles';
import { PROOF_ROUNDS } from '../../../shared/proofreading/proofDesk';
import { ARTICLE_STATUSES } from '../../../shared/domain/article';

type Tree = { [key: string]: string | Tree };
const LOCALES = { 'zh-CN': zhCN as Tree, en: en as Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

function text(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** Plural forms differ by language (English has _one and _other where Chinese has one text). */
const singular = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('the interface texts', () => {
  it('are complete in both languages', () => {
    const zhKeys = new Set(keys(LOCALES['zh-CN']).map(singular));
    const enKeys = new Set(keys(LOCALES.en).map(singular));
    expect([...zhKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !zhKeys.has(k))).toEqual([]);
  });

  // The names the interface gives what shared/ enumerates: a new kind, status or privilege without
  // them would show its key (or, through a Chinese constant, Chinese in the English interface).
  const named = [
    ['layout.slotKinds', SLOT_KINDS],
    ['layout.pageStatuses', PAGE_STATUSES],
    ['privileges', PRIVILEGES],
    ['proofDesk.rounds', PROOF_ROUNDS],
    ['roles', ROLE_CODES],
    ['status', ARTICLE_STATUSES],
  ] as const;
  for (const [group, values] of named) {
    it(`name every one of ${group} in both languages`, () => {
      for (const [language, tree] of Object.entries(LOCALES)) {
        const missing = values.filter((value) => !text(tree, `${group}.${value}`));
        expect(missing, `${language}: ${group}`).toEqual([]);
      }
    });
  }
});
