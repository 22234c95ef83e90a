// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../../../renderer/src/i18n/index';
import { errorText } from '../../../renderer/src/api/errorText';
import { ApiError } from '../../../shared/api/errors';

afterEach(() => i18n.changeLanguage('zh-CN'));

describe('the message a failed call shows', () => {
  it("is the main side's sentence when it sent one", () => {
    expect(errorText(new ApiError('LOCKED', '这篇稿件的正文正由李冰编辑。'), '没有保存')).toBe('这篇稿件的正文正由李冰编辑。');
  });

  it("is never a script error's English: the caller's fallback, else a general try-again in the interface's language", async () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    expect(errorText(bug, '图片没有加入稿件，请重试。')).toBe('图片没有加入稿件，请重试。');
    expect(errorText(bug)).toBe('没有完成，请重试。');
    await i18n.changeLanguage('en');
    expect(errorText(bug)).toBe('That did not work. Please try again.');
  });
});
