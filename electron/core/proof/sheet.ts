/** The page being drawn: its grid in points, its typography, the writer and what went wrong so far. */
import { cplForColumns, pitchPt, type PageTemplate } from '../../../shared/layout/geometry';
import { elementPt, typographyOf, type TypeElement, type Typography } from '../../../shared/layout/typography';
import type { SlotRect } from '../../../shared/layout/board';
import type { ProofWriter, TextStyle } from './proofWriter';

export const MM_TO_PT = 72 / 25.4;
/** 报头 red, as on most Chinese dailies; a grey proof prints it black. */
const MASTHEAD_RED = '#c8161d';

export interface Sheet {
  doc: PDFKit.PDFDocument;
  w: ProofWriter;
  template: PageTemplate;
  typography: Typography;
  /** body size in points: one character cell */
  cell: number;
  pitch: number;
  originX: number;
  originY: number;
  grey: boolean;
  warnings: string[];
}

export function newSheet(doc: PDFKit.PDFDocument, w: ProofWriter, template: PageTemplate, grey: boolean): Sheet {
  return {
    doc,
    w,
    template,
    typography: typographyOf(template),
    cell: template.bodyPt,
    pitch: pitchPt(template),
    originX: ((template.pageWidthMm - template.typeAreaWidthMm) / 2) * MM_TO_PT,
    originY: ((template.pageHeightMm - template.typeAreaHeightMm) / 2) * MM_TO_PT,
    grey,
    warnings: [],
  };
}

export function colX(s: Sheet, col: number): number {
  return s.originX + col * (s.template.charsPerColumn + s.template.gutterChars) * s.cell;
}

export function lineY(s: Sheet, line: number): number {
  return s.originY + line * s.pitch;
}

export function spanWidth(s: Sheet, columns: number): number {
  return cplForColumns(s.template, columns) * s.cell;
}

export function box(s: Sheet, r: SlotRect): { x: number; y: number; width: number; height: number } {
  return { x: colX(s, r.col), y: lineY(s, r.line), width: spanWidth(s, r.columns), height: r.lines * s.pitch };
}

/** An element's face and size from the template; `size` overrides (a slot's own headline sizes). */
export function styleOf(s: Sheet, element: TypeElement, size?: number, colour?: string): TextStyle {
  return { face: s.typography[element].face, size: size ?? elementPt(s.typography, element, s.template.bodyPt), ...(colour ? { colour } : {}) };
}

export function accent(s: Sheet): string {
  return s.grey ? '#000' : MASTHEAD_RED;
}
