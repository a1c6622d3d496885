import i18n from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '@toolocr/platform-web';
import { errorMessage } from './errors';
import { failureText } from './failure';

const t = i18n.t.bind(i18n);

describe('failure texts', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('keeps the server’s specific English sentence for English readers', () => {
    expect(failureText('corrupt_file', 'Page 3 draws an image that is missing.', t, 'en')).toBe(
      'Page 3 draws an image that is missing.',
    );
    expect(failureText('corrupt_file', null, t, 'en')).toBe('The file is damaged or incomplete.');
  });

  it('translates known task codes and problem slugs for other languages', async () => {
    await i18n.changeLanguage('zh-TW');
    expect(failureText('encrypted_pdf', 'The PDF is encrypted.', t, 'zh-TW')).toBe('此 PDF 受密碼保護，請上傳未加密的版本。');
    expect(failureText('too-many-pixels', 'Page 1 is 35000 x 35000 pixels.', t, 'zh-TW')).toBe('頁面的像素過多，無法安全處理。');
  });

  it('falls back to the server’s words for a code it does not know, and to nothing without either', async () => {
    await i18n.changeLanguage('zh-TW');
    expect(failureText('brand_new_code', 'Something new happened.', t, 'zh-TW')).toBe('Something new happened.');
    expect(failureText('serverMessage', null, t, 'zh-TW')).toBeNull();
    expect(failureText(null, null, t, 'zh-TW')).toBeNull();
  });

  it('words request errors in the reader’s language', async () => {
    const conflict = new ApiError(409, 'urn:tool-ocr:problem:task-state-conflict', 'Task state conflict', 'Cannot cancel a task that is completed.');
    const unsupported = new ApiError(415, 'urn:tool-ocr:problem:unsupported-type', 'Unsupported', 'The file is not a PDF or an image.');
    expect(errorMessage(conflict, t)).toBe('Cannot cancel a task that is completed.');

    await i18n.changeLanguage('zh-TW');
    expect(errorMessage(conflict, t)).toBe('任務目前的狀態不允許此操作。');
    expect(errorMessage(unsupported, t)).toMatch(/^不支援這種檔案/);
    expect(errorMessage(new ApiError(409, 'urn:tool-ocr:problem:conflict', 'Conflict', ''), t)).toBe('目前的狀態無法執行此操作。');
  });
});
