import { z } from 'zod';
import { method, requiredText } from '../contractKit';
import { MAX_MASTHEAD_IMAGE_BYTES, mastheadFieldsSchema, type MastheadSettings } from '../../paper/masthead';

/** The masthead as the admin screen shows it: the stored settings and the image as a data: URL. */
export interface MastheadView extends MastheadSettings {
  paperName: string;
  imageDataUrl: string | null;
}

const mastheadImageSchema = z.object({
  fileName: requiredText(255, '文件名'),
  dataBase64: z
    .string()
    .min(1, { error: '文件是空的' })
    .max(Math.ceil(MAX_MASTHEAD_IMAGE_BYTES / 3) * 4, { error: `报头图片不能超过 ${MAX_MASTHEAD_IMAGE_BYTES / 1024 / 1024} MB` })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: '不是有效的 base64 编码' }),
});

/** The paper's masthead (报头) and folio settings: everyone who reads stories sees them; the administrator edits. */
export const paperMethods = {
  'paper.masthead': method<MastheadView>()(z.object({}), 'article.read', false),
  'paper.updateMasthead': method<MastheadView>()(mastheadFieldsSchema, 'settings.manage', true),
  /** PNG or JPEG, checked by content; replaces the typeset name on the masthead. */
  'paper.setMastheadImage': method<MastheadView>()(mastheadImageSchema, 'settings.manage', true),
  'paper.removeMastheadImage': method<MastheadView>()(z.object({}), 'settings.manage', true),
};
