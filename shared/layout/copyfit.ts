/** Copy-fit entry point: slot, edition and plain-text fitting plus the pieces they are built from. */
export { headlineDepthLines, headlineCharsPerLine, type HeadlineDepthInput } from './headline';
export { photoGeometry, photoColumnLines, type PhotoSpec, type PhotoGeometry } from './photo';
export { fitBody, type BodyFit } from './overset';
export { fitSlot, type SlotInput, type SlotFit, type HeadlineSpec, type FitStatus } from './slot';
export { fitEdition, type EditionSlot, type EditionFit, type FitTotals, type SlotResult } from './edition';
export { copyfitPlain, splitPlainParagraphs, type CopyfitPlainOptions, type CopyfitPlainResult } from './plain';
