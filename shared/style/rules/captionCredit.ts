/**
 * §9.18 / §6 Every printed photo names its source: the caption ends with a credit
 * (张三 摄, 新华社发（张三 摄）, 受访者供图, 资料图片, 图片来源：视觉中国).
 */
import { finding } from '../finding';
import type { Rule } from '../types';

const CREDIT = /(?:摄|供图|资料图片|资料照片|发|截图|制图|绘)[）)]?$|(?:图片来源|图源)[:：][^\n]+$/u;

export const captionCredit: Rule = {
  id: 'caption-credit',
  title: '图片署名',
  severity: 'error',
  fields: ['caption'],
  check(text) {
    const trimmed = text.trimEnd();
    if (trimmed === '' || CREDIT.test(trimmed)) return [];
    const last = trimmed.length - 1;
    return [finding(captionCredit, last, trimmed.length, '图片说明末尾缺少署名（如“张三 摄”“资料图片”）')];
  },
};
