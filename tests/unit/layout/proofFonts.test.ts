import { describe, expect, it } from 'vitest';
import { fontRuns, loadFaceFonts, SYSTEM_FONTS, type FontEnvironment } from '../../../electron/core/fonts/fontSet';

/** This machine's fonts, less the files a test pretends are not installed. */
function without(missing: readonly string[], env: Record<string, string> = {}): FontEnvironment {
  return { env, exists: (file) => !missing.some((m) => file.includes(m)) && SYSTEM_FONTS.exists(file), fontconfig: () => new Map() };
}

describe('faces are found among the installed fonts', () => {
  it('sets every face in its first choice when Debian\'s CJK packages are installed, with no warning', () => {
    const fonts = loadFaceFonts(without([]));
    expect(fonts.warnings).toEqual([]);
    expect(fonts.chain('shusong')[0]!.font.postscriptName).toBe('NotoSerifCJKsc-Regular');
    expect(fonts.chain('biaosong')[0]!.font.postscriptName).toBe('NotoSerifCJKsc-Black');
    expect(fonts.chain('heiti')[0]!.font.postscriptName).toBe('NotoSansCJKsc-Medium');
    expect(fonts.chain('kaiti')[0]!.font.postscriptName).toBe('UKaiCN');
  });

  it('a missing 楷体 falls back to the next font with a warning naming the package, never to nothing', () => {
    const fonts = loadFaceFonts(without(['ukai.ttc']));
    expect(fonts.chain('kaiti')[0]!.font.postscriptName).toBe('NotoSerifCJKsc-Regular');
    expect(fonts.warnings).toEqual(['楷体：没有找到 AR PL UKai CN（请安装 Debian 软件包 fonts-arphic-ukai），改用 Noto Serif CJK SC Regular。']);
  });

  it('an override in the environment goes first; one pointing nowhere is reported and passed over', () => {
    const ok = loadFaceFonts(without([], { NEWSROOM_FONT_KAITI: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc#WenQuanYiMicroHei' }));
    expect(ok.chain('kaiti')[0]!.font.postscriptName).toBe('WenQuanYiMicroHei');
    const gone = loadFaceFonts(without([], { NEWSROOM_FONT_HEITI: '/nowhere/hei.ttf' }));
    expect(gone.chain('heiti')[0]!.font.postscriptName).toBe('NotoSansCJKsc-Medium');
    expect(gone.warnings[0]).toContain('黑体：没有找到 NEWSROOM_FONT_HEITI（/nowhere/hei.ttf）');
  });

  it('with no Chinese font at all the proof is refused with what to install', () => {
    expect(() => loadFaceFonts({ env: {}, exists: () => false, fontconfig: () => new Map() })).toThrow(/请安装 fonts-noto-cjk/);
  });

  it('a character the face lacks is set in the next font that has it; one no font has is reported', () => {
    const chain = loadFaceFonts(without([])).chain('kaiti');
    const missing = new Set<string>();
    const runs = fontRuns('江城刏新区\u{31350}', chain, missing);
    expect(runs.map((r) => [r.text, r.font.font.postscriptName])).toEqual([
      ['江城', 'UKaiCN'],
      ['刏', 'NotoSerifCJKsc-Regular'],
      ['新区\u{31350}', 'UKaiCN'],
    ]);
    expect([...missing]).toEqual(['\u{31350}']);
  });
});
