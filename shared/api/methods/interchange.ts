import { z } from 'zod';
import { id, isoDate, method } from '../contractKit';

export const EXPORT_FORMATS = ['newsml', 'nitf', 'icml', 'html', 'wechat'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** An exported story or edition: UTF-8 text and the file name and type to save it under. */
export interface ExportFile {
  fileName: string;
  mime: string;
  text: string;
}

/** Where exported pages find the photos: '' (beside the file), a folder like images/, or a URL ending in /. */
const imageBase = z
  .string({ error: '图片地址前缀必须是文字' })
  .trim()
  .max(200, { error: '图片地址前缀不能超过 200 个字符' })
  .regex(/^$|^(https?:\/\/[^\s"'<>]+|[A-Za-z0-9._~-][A-Za-z0-9._~/-]*)\/$/, { error: '图片地址前缀应为以 / 结尾的文件夹或网址' });

/** Stories and editions leaving the building: the wire, InDesign, the web, WeChat. Anyone who reads stories may export them; every export is audited. */
export const interchangeMethods = {
  'export.story': method<ExportFile>()(
    z.object({ articleId: id, format: z.enum(EXPORT_FORMATS, { error: '导出格式只能是 newsml、nitf、icml、html 或 wechat' }), imageBase: imageBase.optional() }),
    'article.read',
    false,
  ),
  /** The edition as a NewsML-G2 package: one newsMessage with the packageItem (pages as groups) and each story's newsItem. */
  'export.edition': method<ExportFile>()(z.object({ date: isoDate, imageBase: imageBase.optional() }), 'article.read', false),
};
