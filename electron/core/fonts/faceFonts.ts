/**
 * Which installed fonts can set each face (书宋, 标宋 …), best first. Each candidate is named by its
 * PostScript name, found at its Debian path or through fontconfig; the first one present sets the face.
 * The packages: fonts-noto-cjk (Noto Serif/Sans CJK Regular and Bold), fonts-noto-cjk-extra (the other
 * weights), fonts-arphic-ukai (楷), fonts-arphic-uming (明/宋), fonts-wqy-microhei (the last resort).
 */
import type { Face } from '../../../shared/layout/typography';

export interface FontCandidate {
  postscriptName: string;
  /** how a person recognizes it in a warning */
  label: string;
  debianPath: string;
  debianPackage: string;
}

const NOTO = '/usr/share/fonts/opentype/noto';
const notoSerif = (weight: string, pkg = 'fonts-noto-cjk-extra'): FontCandidate => ({
  postscriptName: `NotoSerifCJKsc-${weight}`,
  label: `Noto Serif CJK SC ${weight}`,
  debianPath: `${NOTO}/NotoSerifCJK-${weight}.ttc`,
  debianPackage: pkg,
});
const notoSans = (weight: string, pkg = 'fonts-noto-cjk-extra'): FontCandidate => ({
  postscriptName: `NotoSansCJKsc-${weight}`,
  label: `Noto Sans CJK SC ${weight}`,
  debianPath: `${NOTO}/NotoSansCJK-${weight}.ttc`,
  debianPackage: pkg,
});
const UMING: FontCandidate = { postscriptName: 'UMingCN', label: 'AR PL UMing CN', debianPath: '/usr/share/fonts/truetype/arphic/uming.ttc', debianPackage: 'fonts-arphic-uming' };
const UKAI: FontCandidate = { postscriptName: 'UKaiCN', label: 'AR PL UKai CN', debianPath: '/usr/share/fonts/truetype/arphic/ukai.ttc', debianPackage: 'fonts-arphic-ukai' };
const WQY: FontCandidate = {
  postscriptName: 'WenQuanYiMicroHei',
  label: 'WenQuanYi Micro Hei',
  debianPath: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  debianPackage: 'fonts-wqy-microhei',
};

const SERIF_TEXT = [notoSerif('Regular', 'fonts-noto-cjk'), UMING];
const SANS_TEXT = [notoSans('Medium'), notoSans('Regular', 'fonts-noto-cjk')];

/** Best first; a face whose own fonts are all missing borrows the nearest face's, then WenQuanYi. */
export const FACE_FONTS: Record<Face, readonly FontCandidate[]> = {
  shusong: [...SERIF_TEXT, WQY],
  biaosong: [notoSerif('Black'), notoSerif('Bold', 'fonts-noto-cjk'), ...SERIF_TEXT, WQY],
  xiaobiaosong: [notoSerif('Bold', 'fonts-noto-cjk'), notoSerif('SemiBold'), ...SERIF_TEXT, WQY],
  heiti: [...SANS_TEXT, WQY],
  cuhei: [notoSans('Black'), notoSans('Bold', 'fonts-noto-cjk'), ...SANS_TEXT, WQY],
  kaiti: [UKAI, ...SERIF_TEXT, WQY],
};
