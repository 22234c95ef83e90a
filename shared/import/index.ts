/**
 * Structure recognition of pasted / imported Chinese newspaper copy (引题/主题/副题, byline, 电头,
 * 小标题, captions, jump lines, end credits; several stories per paste).
 */
export { recognizeStories, recognizeStory, splitPoints } from './recognize';
export { repairParagraphs } from './repair';
export { toLines } from './lines';
export {
  recognizedStorySchema,
  type RecognizedStory,
} from './types';
