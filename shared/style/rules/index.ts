/** The 21 house-style checks, in the order of chinese-newsroom.md §9. */
import type { Rule } from '../types';
import { approxNumberDunhao } from './approxNumberDunhao';
import { bracketBalance } from './bracketBalance';
import { captionCredit } from './captionCredit';
import { carefulWords } from './carefulWords';
import { confusableWords } from './confusableWords';
import { dash } from './dash';
import { datelineFormat } from './datelineFormat';
import { doubledChars } from './doubledChars';
import { doubledPunct } from './doubledPunct';
import { dunhaoBetweenTitles } from './dunhaoBetweenTitles';
import { ellipsis } from './ellipsis';
import { fullwidthDigits } from './fullwidthDigits';
import { fullwidthPunct } from './fullwidthPunct';
import { fullYear } from './fullYear';
import { headlinePunct } from './headlinePunct';
import { largeNumberUnits } from './largeNumberUnits';
import { lineStartEndPunct } from './lineStartEndPunct';
import { quoteMarks } from './quoteMarks';
import { rangeMark } from './rangeMark';
import { rangeUnit } from './rangeUnit';
import { spaceHanLatin } from './spaceHanLatin';

export const ALL_RULES: readonly Rule[] = [
  fullwidthPunct,
  quoteMarks,
  ellipsis,
  dash,
  rangeMark,
  doubledPunct,
  dunhaoBetweenTitles,
  approxNumberDunhao,
  fullYear,
  fullwidthDigits,
  largeNumberUnits,
  lineStartEndPunct,
  spaceHanLatin,
  confusableWords,
  doubledChars,
  carefulWords,
  datelineFormat,
  captionCredit,
  headlinePunct,
  bracketBalance,
  rangeUnit,
];
