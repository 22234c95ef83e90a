import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitPoints, toLines } from '../../../shared/import/index';
import { canSplitAt, mergeWithPrevious, splitAt, StoryCache } from '../../../renderer/src/import/splitting';
import { bytesToBase64, decodeText, fileKind, ImportFileError } from '../../../renderer/src/import/readImportFile';
import { useImport } from '../../../renderer/src/import/importStore';

const LINES = toLines(fs.readFileSync(path.join(__dirname, 'fixtures', 'three-stories.txt'), 'utf8'));

describe('moving split points on the review screen', () => {
  it('the paste starts as three stories at lines 0, 9 and 20', () => {
    expect(splitPoints(LINES)).toEqual([0, 9, 20]);
  });

  it('merging the third story into the second makes its headline and copy part of the second', () => {
    const starts = mergeWithPrevious([0, 9, 20], 20);
    expect(starts).toEqual([0, 9]);
    const [, farm] = new StoryCache(LINES).stories(starts);
    expect(farm!.headline).toBe('种粮大户的“新农具”');
    expect(farm!.paragraphs.slice(-2)).toEqual(['我市新增两条公交夜班线路', '本报讯自4月1日起，市公交集团将开通两条夜班线路，末班车延长至次日凌晨一点，方便夜间下班的市民出行。']);
  });

  it('the first story cannot be merged into anything', () => {
    expect(mergeWithPrevious([0, 9, 20], 0)).toEqual([0, 9, 20]);
  });

  it('splitting at a line re-recognizes both halves', () => {
    const starts = splitAt([0, 9], LINES, 20);
    expect(starts).toEqual([0, 9, 20]);
    const stories = new StoryCache(LINES).stories(starts);
    expect(stories.map((s) => s.headline)).toEqual(['老旧小区装上“智慧大脑”', '种粮大户的“新农具”', '我市新增两条公交夜班线路']);
    expect(stories[2]).toMatchObject({ dateline: '本报讯', endCredit: '刘洋', sourceRange: { startLine: 20, endLine: 22 } });
  });

  it('blank lines, the first story’s start, existing starts and lines before it are no split points', () => {
    expect([3, 0, 9, 25].map((line) => canSplitAt([0, 9], LINES, line))).toEqual([false, false, false, false]);
    expect(canSplitAt([0, 9], LINES, 4)).toBe(true);
    expect(canSplitAt([2], ['', '', '主题'], 1)).toBe(false);
    expect(splitAt([0, 9], LINES, 3)).toEqual([0, 9]);
  });

  it('a range recognized once is not recognized again', () => {
    const cache = new StoryCache(LINES);
    const before = cache.stories([0, 9, 20]);
    const after = cache.stories(mergeWithPrevious(splitAt([0, 9, 20], LINES, 14), 14));
    after.forEach((story, k) => expect(story).toBe(before[k]));
  });
});

describe('the review state', () => {
  it('headline corrections stay with their story when another story is split or merged', () => {
    const store = useImport.getState();
    store.recognize(LINES.join('\n'), null);
    useImport.getState().edit(9, 'subheadline', '——河湾村春耕见闻');
    useImport.getState().merge(20);
    useImport.getState().split(20);
    const { review } = useImport.getState();
    expect(review!.starts).toEqual([0, 9, 20]);
    expect(review!.edits).toEqual({ 9: { subheadline: '——河湾村春耕见闻' } });
    useImport.getState().reset();
    expect(useImport.getState()).toMatchObject({ text: '', review: null, imported: null });
  });
});

describe('reading an opened file', () => {
  const brief = '市图书馆周末延长开放时间';

  it('decodes UTF-8, GBK (Windows “ANSI”) and UTF-16 with a byte-order mark to the same text', () => {
    const gbk = fs.readFileSync(path.join(__dirname, 'fixtures', 'gbk-brief.txt'));
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(brief, 'utf16le')]);
    expect(decodeText(Buffer.from(brief, 'utf8'), 'a.txt')).toBe(brief);
    expect(decodeText(gbk, 'b.txt').split('\r\n')[0]).toBe(brief);
    expect(decodeText(utf16, 'c.txt')).toBe(brief);
  });

  it('refuses binary content and unknown file types by code', () => {
    const codeOf = (f: () => unknown) => {
      try {
        f();
        return null;
      } catch (e) {
        return e instanceof ImportFileError ? e.code : String(e);
      }
    };
    expect(codeOf(() => decodeText(new Uint8Array([0x89, 0x50, 0x00, 0x47]), 'x.txt'))).toBe('binary');
    expect(codeOf(() => fileKind('稿件.pdf'))).toBe('type');
    expect(codeOf(() => fileKind('旧稿.DOC'))).toBe('oldWord');
    expect(fileKind('稿件.DOCX')).toBe('docx');
  });

  it('encodes bytes as base64 in slices without losing any', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});
