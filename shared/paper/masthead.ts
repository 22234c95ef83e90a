/**
 * The paper's masthead (报头) and folio (眉头): what a front page prints under and beside the paper's
 * name — 主管/主办, 国内统一连续出版物号 CN, 邮发代号, the date with 星期 and 农历, 总第N期, 今日N版 — and
 * what the inner pages print on their folio line. Per paper, edited by the administrator.
 */
import { z } from 'zod';

const MASTHEAD_IMAGE_TYPES = ['image/png', 'image/jpeg'] as const;
type MastheadImageType = (typeof MASTHEAD_IMAGE_TYPES)[number];
/** A masthead image is a logo, not a photo: beyond this it is the wrong file. */
export const MAX_MASTHEAD_IMAGE_BYTES = 5 * 1024 * 1024;

export interface MastheadImage {
  /** path inside the data folder */
  file: string;
  mime: MastheadImageType;
  width: number;
  height: number;
}

export interface MastheadSettings {
  /** the paper's name as set in type when there is no image: 江城日报 */
  nameText: string;
  nameImage: MastheadImage | null;
  /** 主管单位 */
  supervisor: string;
  /** 主办单位 */
  sponsor: string;
  /** 国内统一连续出版物号: CN 42-0012 */
  cnNumber: string;
  /** 邮发代号: 37-12 */
  postalCode: string;
  website: string;
  /** print the 农历 date beside the Gregorian one */
  lunarDate: boolean;
}

export const DEFAULT_MASTHEAD: MastheadSettings = {
  nameText: '',
  nameImage: null,
  supervisor: '',
  sponsor: '',
  cnNumber: '',
  postalCode: '',
  website: '',
  lunarDate: true,
};

const text = (label: string, max: number) => z.string(`${label}必须是文字`).trim().max(max, `${label}不能超过 ${max} 个字`);

/** What the administrator sends; the image travels separately (paper.uploadMastheadImage). */
export const mastheadFieldsSchema = z.object({
  nameText: text('报名', 20),
  supervisor: text('主管单位', 40),
  sponsor: text('主办单位', 40),
  cnNumber: text('国内统一连续出版物号', 20).refine(
    (v) => v === '' || /^CN\s?\d{2}-\d{4}(\/[A-Z0-9]{1,4})?$/.test(v),
    '国内统一连续出版物号应写成“CN 42-0012”的样子',
  ),
  postalCode: text('邮发代号', 10).refine((v) => v === '' || /^\d{1,2}-\d{1,4}$/.test(v), '邮发代号应写成“37-12”的样子'),
  website: text('网址', 80).refine((v) => v === '' || /^[A-Za-z0-9.-]+\.[A-Za-z]{2,}(\/\S*)?$/.test(v.replace(/^https?:\/\//, '')), '网址格式不对'),
  lunarDate: z.boolean('是否印农历必须是是或否'),
});

export type MastheadFields = z.infer<typeof mastheadFieldsSchema>;

/** A stored value read back with the defaults for what it lacks, so a setting saved by an older version still reads. */
export function mastheadOf(stored: Partial<MastheadSettings> | null): MastheadSettings {
  return { ...DEFAULT_MASTHEAD, ...(stored ?? {}) };
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const LUNAR_DAYS = ['初一', '初二', '初三', '初四', '初五', '初六', '初七', '初八', '初九', '初十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十', '廿一', '廿二', '廿三', '廿四', '廿五', '廿六', '廿七', '廿八', '廿九', '三十'];

function parts(isoDate: string): { y: number; m: number; d: number; at: Date } {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  // Noon in Beijing: the day the paper is dated, whatever the machine's time zone.
  return { y, m, d, at: new Date(Date.UTC(y, m - 1, d, 4)) };
}

/** 2026年12月4日 */
export function chineseDate(isoDate: string): string {
  const { y, m, d } = parts(isoDate);
  return `${y}年${m}月${d}日`;
}

/** 星期五 */
export function weekday(isoDate: string): string {
  const { y, m, d } = parts(isoDate);
  return `星期${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}`;
}

const lunarFormat = new Intl.DateTimeFormat('zh-CN-u-ca-chinese', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });

/**
 * 农历丙午年十月廿六, from the platform's Chinese calendar (ICU, in Node and in Chromium alike); the
 * day is written as the almanac does (初一 … 三十). '' where the platform has no Chinese calendar.
 */
export function lunarDate(isoDate: string): string {
  const found = lunarFormat.formatToParts(parts(isoDate).at);
  const yearName = found.find((p) => (p.type as string) === 'yearName')?.value;
  const month = found.find((p) => p.type === 'month')?.value;
  const day = Number(found.find((p) => p.type === 'day')?.value);
  if (!yearName || !month || !(day >= 1 && day <= 30)) return '';
  return `农历${yearName}年${month}${LUNAR_DAYS[day - 1]}`;
}

export interface MastheadLines {
  name: string;
  /** 中共江城市委主管主办 / 主管：… 主办：… */
  owners: string;
  cn: string;
  postal: string;
  date: string;
  lunar: string;
  issue: string;
  pages: string;
  website: string;
}

/** The texts a front-page masthead prints, each '' when the paper has not set it. */
export function mastheadLines(m: MastheadSettings, edition: { date: string; issueNumber: number; pageCount: number }, paperName: string): MastheadLines {
  const owners =
    m.supervisor && m.supervisor === m.sponsor
      ? `${m.supervisor}主管主办`
      : [m.supervisor ? `${m.supervisor}主管` : '', m.sponsor ? `${m.sponsor}主办` : ''].filter(Boolean).join('　');
  return {
    name: m.nameText || paperName,
    owners,
    cn: m.cnNumber ? `国内统一连续出版物号　${m.cnNumber}` : '',
    postal: m.postalCode ? `邮发代号　${m.postalCode}` : '',
    date: `${chineseDate(edition.date)}　${weekday(edition.date)}`,
    lunar: m.lunarDate ? lunarDate(edition.date) : '',
    issue: `总第${edition.issueNumber}期`,
    pages: `今日${edition.pageCount}版`,
    website: m.website,
  };
}

/** People named on an inner page's folio line and at its foot: 责任编辑, 版式设计, 校对. */
export interface PageCredits {
  editor: string;
  designer: string;
  proofreader: string;
}

export const EMPTY_PAGE_CREDITS: PageCredits = { editor: '', designer: '', proofreader: '' };

const name = (label: string) => z.string(`${label}必须是文字`).trim().max(20, `${label}不能超过 20 个字`);
export const pageCreditsSchema = z.object({ editor: name('责任编辑'), designer: name('版式设计'), proofreader: name('校对') });

/** 责任编辑 王海燕　版式设计 吴芳　校对 郑秀兰 */
export function creditsLine(c: PageCredits): string {
  return [c.editor && `责任编辑 ${c.editor}`, c.designer && `版式设计 ${c.designer}`, c.proofreader && `校对 ${c.proofreader}`].filter(Boolean).join('　');
}
