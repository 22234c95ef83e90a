/**
 * Text on the proof in the template's faces. Each face is a chain of installed fonts (fontSet.ts): a
 * line is cut into runs by which font has its characters, every run sits on one baseline, and a full
 * line of body text is justified to its column so the columns stand flush as in print.
 */
import type { Face } from '../../../shared/layout/typography';
import { fontRuns, type FaceFonts, type LoadedFont } from '../fonts/fontSet';
import { setText } from '../../../shared/layout/typeset';

/** Where the baseline sits below the top of a line: the ideographic em box runs from −0.12 to 0.88 em. */
const BASELINE = 0.88;

/**
 * OpenType features for the shaper. Noto CJK's glyph composition (ccmp) is a chain of contextual lookups
 * that most Chinese copy never triggers, yet checking it on every line was most of a page proof's time
 * (2,000 lines shape in 80 ms without it, 370–970 ms with it, to identical widths). It is what joins
 * —— and …… into one unbroken mark, so runs holding those keep it.
 */
const WITHOUT_COMPOSITION = { ccmp: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[];
const featuresFor = (text: string) => (/[—…―]/.test(text) ? undefined : WITHOUT_COMPOSITION);

export interface TextStyle {
  face: Face;
  size: number;
  colour?: string;
}

export interface Placement {
  /** left edge; with `width`, the box the text is aligned or justified in */
  x: number;
  /** top of the line */
  y: number;
  width?: number;
  align?: 'left' | 'center' | 'right' | 'justify';
  /** points added after each character (the typesetting's spread of a full line); wins over `align` */
  spacing?: number;
}

export class ProofWriter {
  /** characters no installed font has */
  readonly missing = new Set<string>();
  private readonly registered = new Set<string>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly fonts: FaceFonts,
  ) {}

  private use(font: LoadedFont, size: number): void {
    if (!this.registered.has(font.key)) {
      // pdfkit takes the opened fontkit font as is and embeds the subset of glyphs the page uses.
      this.doc.registerFont(font.key, font.font as unknown as string);
      this.registered.add(font.key);
    }
    this.doc.font(font.key).fontSize(size);
  }

  /** Natural width of the text in points. */
  width(text: string, style: TextStyle): number {
    let w = 0;
    for (const run of fontRuns(text, this.fonts.chain(style.face))) {
      this.use(run.font, style.size);
      w += this.doc.widthOfString(run.text, { features: featuresFor(run.text) });
    }
    return w;
  }

  /** Draws one line without breaking it; returns its drawn width. */
  line(text: string, style: TextStyle, at: Placement): number {
    return this.segments([{ text, style }], at);
  }

  /** One line made of parts in different faces (a 电头 running into its paragraph), on one baseline. */
  segments(parts: readonly { text: string; style: TextStyle }[], at: Placement): number {
    const runs = parts.flatMap((part) => fontRuns(part.text, this.fonts.chain(part.style.face), this.missing).map((run) => ({ ...run, style: part.style })));
    if (runs.length === 0) return 0;
    const widths = runs.map((run) => {
      this.use(run.font, run.style.size);
      return this.doc.widthOfString(run.text, { features: featuresFor(run.text) });
    });
    const natural = widths.reduce((a, b) => a + b, 0);
    const count = runs.reduce((n, run) => n + Array.from(run.text).length, 0);
    const box = at.width ?? natural;
    let x = at.x;
    let spacing = 0;
    if (at.spacing !== undefined) spacing = at.spacing;
    else if (at.align === 'center') x += (box - natural) / 2;
    else if (at.align === 'right') x += box - natural;
    else if (at.align === 'justify' && count > 1) spacing = (box - natural) / (count - 1);
    const baseline = at.y + Math.max(...parts.map((p) => p.style.size)) * BASELINE;
    runs.forEach((run, i) => {
      this.use(run.font, run.style.size);
      this.doc.fillColor(run.style.colour ?? '#000');
      this.doc.text(run.text, x, baseline, { lineBreak: false, baseline: 'alphabetic', characterSpacing: spacing, features: featuresFor(run.text) });
      x += widths[i]! + spacing * Array.from(run.text).length;
    });
    return natural + spacing * (count - 1);
  }

  /**
   * Lines of at most `width` points for texts the grid does not set (masthead notes, 导读), broken by the
   * same rules as the body (numbers and words kept whole, 避头尾), measured in this style's font.
   */
  wrap(text: string, style: TextStyle, width: number): string[] {
    const known = new Map<string, number>();
    const measure = (ch: string) => {
      let w = known.get(ch);
      if (w === undefined) known.set(ch, (w = this.width(ch, style) / style.size));
      return w;
    };
    return setText([{ text }], width / style.size, 0, { measure }).map((l) => l.text);
  }

}
