/**
 * The fonts a proof sets its faces in, found on this machine. For each face the candidates of
 * faceFonts.ts are tried in order — an override from the environment first, then the Debian path,
 * then fontconfig by PostScript name — and the face is set in every font found, best first, so a
 * character missing from the first font is taken from the next. A face whose first choice is missing
 * falls back with a warning; only when no font at all is found is the proof refused.
 *
 * Overrides: NEWSROOM_FONT_<FACE> (e.g. NEWSROOM_FONT_KAITI=/opt/fonts/kai.ttf, or FILE#PostScriptName
 * for one font of a collection) puts a font first for that face; NEWSROOM_CJK_FONT is the last resort
 * for every face (what a packaged app points at the font it ships).
 */
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as fontkit from 'fontkit';
import { FACE_LABELS, FACES, type Face } from '../../../shared/layout/typography';
import { FACE_FONTS, type FontCandidate } from './faceFonts';

export interface LoadedFont {
  /** file#postscriptName: the name the PDF registers it under */
  key: string;
  label: string;
  font: fontkit.Font;
}

export interface FaceFonts {
  /** best first; never empty */
  chain(face: Face): readonly LoadedFont[];
  /** what fell back, in Chinese, for the proof's result and the CLI */
  warnings: string[];
}

export interface FontEnvironment {
  env: Record<string, string | undefined>;
  exists(file: string): boolean;
  /** PostScript name → file of the fonts fontconfig knows; empty where there is no fontconfig */
  fontconfig(): ReadonlyMap<string, string>;
}

interface Located {
  file: string;
  postscriptName: string | null;
  label: string;
}

let fontconfigCache: Map<string, string> | null = null;

function listFontconfig(): Map<string, string> {
  if (fontconfigCache) return fontconfigCache;
  const out = new Map<string, string>();
  const listed = spawnSync('fc-list', ['-f', '%{postscriptname}\t%{file}\n', ':lang=zh'], { encoding: 'utf8', timeout: 5000 });
  if (listed.status === 0) {
    for (const line of listed.stdout.split('\n')) {
      const [name, file] = line.split('\t');
      if (name && file && !out.has(name)) out.set(name, file);
    }
  }
  fontconfigCache = out;
  return out;
}

export const SYSTEM_FONTS: FontEnvironment = {
  env: process.env,
  exists: (file) => fs.existsSync(file),
  fontconfig: listFontconfig,
};

function overrideOf(value: string | undefined, what: string): Located | null {
  if (!value) return null;
  const [file, postscriptName] = value.split('#');
  return { file: file!, postscriptName: postscriptName || null, label: `${what}（${value}）` };
}

function locate(candidate: FontCandidate, system: FontEnvironment): Located | null {
  if (system.exists(candidate.debianPath)) return { file: candidate.debianPath, postscriptName: candidate.postscriptName, label: candidate.label };
  const file = system.fontconfig().get(candidate.postscriptName);
  return file ? { file, postscriptName: candidate.postscriptName, label: candidate.label } : null;
}

const loaded = new Map<string, fontkit.Font | null>();

/** Opens one font (of a collection, by PostScript name); kept for the life of the process, so each file is read once. */
function open(located: Located): LoadedFont | null {
  const key = `${located.file}#${located.postscriptName ?? ''}`;
  if (!loaded.has(key)) {
    let font: fontkit.Font | null = null;
    try {
      const opened = fontkit.create(fs.readFileSync(located.file));
      if ('fonts' in opened) {
        font = (located.postscriptName ? opened.fonts.find((f) => f.postscriptName === located.postscriptName) : opened.fonts[0]) ?? null;
      } else {
        font = opened;
      }
    } catch {
      font = null;
    }
    loaded.set(key, font);
  }
  const font = loaded.get(key);
  return font ? { key, label: located.label, font } : null;
}

/** The fonts of every face, found once per proof. Throws when no Chinese font is installed at all. */
export function loadFaceFonts(system: FontEnvironment = SYSTEM_FONTS): FaceFonts {
  const warnings: string[] = [];
  const chains = new Map<Face, LoadedFont[]>();
  const lastResort = overrideOf(system.env['NEWSROOM_CJK_FONT'], 'NEWSROOM_CJK_FONT');
  for (const face of FACES) {
    const variable = `NEWSROOM_FONT_${face.toUpperCase()}`;
    const override = overrideOf(system.env[variable], variable);
    const wanted = [
      ...(override ? [{ located: system.exists(override.file) ? override : null, label: override.label, hint: '文件不存在或无法读取' }] : []),
      ...FACE_FONTS[face].map((c) => ({ located: locate(c, system), label: c.label, hint: `请安装 Debian 软件包 ${c.debianPackage}` })),
      ...(lastResort ? [{ located: system.exists(lastResort.file) ? lastResort : null, label: lastResort.label, hint: '文件不存在或无法读取' }] : []),
    ];
    const chain: LoadedFont[] = [];
    for (const w of wanted) {
      const font = w.located ? open(w.located) : null;
      if (font && !chain.some((f) => f.key === font.key)) chain.push(font);
    }
    if (chain.length === 0) {
      throw new Error(`找不到可用的中文字体（${FACE_LABELS[face]}）：请安装 fonts-noto-cjk、fonts-noto-cjk-extra、fonts-arphic-ukai，或用 NEWSROOM_CJK_FONT 指定字体文件。`);
    }
    const first = wanted[0]!;
    if (chain[0]!.label !== first.label) warnings.push(`${FACE_LABELS[face]}：没有找到 ${first.label}（${first.hint}），改用 ${chain[0]!.label}。`);
    chains.set(face, chain);
  }
  return { chain: (face) => chains.get(face)!, warnings };
}

export interface FontRun {
  text: string;
  font: LoadedFont;
}

const coverage = new WeakMap<fontkit.Font, Map<number, boolean>>();

function covers(font: fontkit.Font, codePoint: number): boolean {
  let known = coverage.get(font);
  if (!known) coverage.set(font, (known = new Map()));
  let has = known.get(codePoint);
  if (has === undefined) known.set(codePoint, (has = font.hasGlyphForCodePoint(codePoint)));
  return has;
}

/**
 * The text cut into runs, each in the first font of the chain that has its characters. A character
 * none of them has stays in the first font (it prints as a box, never as nothing) and is reported.
 */
export function fontRuns(text: string, chain: readonly LoadedFont[], missing?: Set<string>): FontRun[] {
  const runs: FontRun[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let font = chain.find((f) => covers(f.font, cp));
    if (!font) {
      font = chain[0]!;
      if (cp > 0x20) missing?.add(ch);
    }
    const last = runs[runs.length - 1];
    if (last && last.font === font) last.text += ch;
    else runs.push({ text: ch, font });
  }
  return runs;
}
