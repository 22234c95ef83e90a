/** Copy-fit entry point: slot, edition and plain-text fitting plus the pieces they are built from. */
export { headlineDepthLines, headlineCharsPerLine } from './headline';
export { photoGeometry, photoColumnLines } from './photo';
export { fitSlot, type SlotInput } from './slot';
export { fitEdition, type EditionSlot } from './edition';
export { copyfitPlain } from './plain';
