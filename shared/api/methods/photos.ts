import { z } from 'zod';
import { id, method, shortText } from '../contractKit';
import type { CreditKind, CaptionProblem } from '../../article/credits';
import type { PhotoMetadata } from '../../photos/metadata';
import type { PhotoCrop, Rotation } from '../../photos/crops';

/**
 * One photo per call, as base64 in the JSON body: the browser host's body limit is 32 MB, so a file
 * up to 20 MB (26.7 MB of base64) always fits. The CLI reads folders by path and goes through the
 * same method, so both get the same checks.
 */
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024;
const MAX_PHOTO_PAGE = 200;

export interface ArticlePhoto {
  id: string;
  caption: string;
  /** The printed credit, rendered with the paper's template (本报记者 陈光 摄). */
  credit: string;
  width: number;
  height: number;
  isLead: boolean;
  /** The photo's named crop this story runs it in; null for the whole picture. */
  crop: string | null;
  /** A small JPEG as a data: URL, so both hosts show it without a file route. */
  thumbnail: string;
}

/** A caption that came in with the story's copy and waits for its photo (the first photo linked without a caption takes it). */
export interface ImportedCaption {
  id: string;
  text: string;
  /** As the copy printed it: 本报记者 李冰 摄. */
  credit: string;
}

export interface PhotoUse {
  articleId: string;
  headline: string;
  isLead: boolean;
}

/** A page of an edition where a photo slot holds the photo (the layout board places it). */
interface PhotoPlacement {
  editionDate: string;
  pageNumber: number;
  pageName: string;
}

export interface PhotoListItem {
  id: string;
  version: number;
  originalName: string;
  width: number;
  height: number;
  caption: string;
  creditKind: CreditKind;
  photographers: string[];
  /** The printed credit, or '' while the credit is incomplete (a kind that needs a name has none). */
  credit: string;
  dateCreated: string | null;
  importedAt: string;
  /** stories carrying it + page slots holding it */
  useCount: number;
  thumbnail: string;
}

export interface PhotoDetail extends PhotoListItem {
  sha256: string;
  mime: string;
  bytes: number;
  metadata: PhotoMetadata;
  rotation: Rotation;
  crops: PhotoCrop[];
  uses: PhotoUse[];
  placements: PhotoPlacement[];
  /** Caption + full-width space + credit, as the page prints it. */
  printedCaption: string;
  problems: CaptionProblem[];
  /** The paper's short name for 本报记者 X 摄, so the caption editor previews what the page prints. */
  paperShortName: string;
}

export type PhotoImportResult =
  | { status: 'imported' | 'duplicate'; fileName: string; photo: PhotoListItem }
  | { status: 'refused'; fileName: string; message: string };

export interface PhotoPreview {
  mime: 'image/jpeg';
  dataBase64: string;
  width: number;
  height: number;
}

export interface PhotoExport {
  fileName: string;
  mime: 'image/jpeg';
  dataBase64: string;
}

const photoId = z.uuid({ error: '不是有效的图片编号' });
const creditKind = z.enum(['plain', 'staff', 'correspondent', 'xinhua-staff', 'xinhua-release', 'interviewee', 'file'], { error: '未知的署名类型' });
const fraction = z.number().min(0).max(1);
const cropSchema = z.object({
  name: z.string().trim().min(1, { error: '请填写裁切名称' }).max(40, { error: '裁切名称不能超过 40 个字符' }),
  x: fraction,
  y: fraction,
  width: z.number().gt(0).max(1),
  height: z.number().gt(0).max(1),
  columns: z.number().int().min(1).max(20).optional(),
  aspect: z.number().gt(0).max(10).optional(),
});
const cropName = z.string().trim().min(1).max(40).optional();

export const photoMethods = {
  'photos.forArticle': method<ArticlePhoto[]>()(z.object({ articleId: id }), 'article.read', false),
  'photos.import': method<PhotoImportResult>()(
    z.object({
      fileName: z.string().trim().min(1, { error: '请填写文件名' }).max(255, { error: '文件名不能超过 255 个字符' }),
      dataBase64: z
        .string()
        .max(Math.ceil(MAX_PHOTO_BYTES / 3) * 4, { error: `图片文件不能超过 ${MAX_PHOTO_BYTES / 1024 / 1024} MB` })
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: '不是有效的 base64 编码' }),
    }),
    'photo.manage',
    true,
  ),
  'photos.list': method<{ items: PhotoListItem[]; total: number }>()(
    z.object({
      query: shortText(100).optional(),
      dateFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' }).optional(),
      dateTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' }).optional(),
      usage: z.enum(['all', 'used', 'unused'], { error: '用途筛选只能是全部、已用或未用' }).default('all'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(MAX_PHOTO_PAGE, { error: `每页最多 ${MAX_PHOTO_PAGE} 张` }).default(60),
    }),
    'article.read',
    false,
  ),
  'photos.get': method<PhotoDetail>()(z.object({ photoId }), 'article.read', false),
  'photos.preview': method<PhotoPreview>()(z.object({ photoId, crop: cropName }), 'article.read', false),
  'photos.updateCaption': method<PhotoDetail>()(
    z.object({
      photoId,
      version: z.number().int().min(1),
      caption: z.string().max(2000, { error: '图片说明不能超过 2000 字' }),
      creditKind,
      photographers: z.array(z.string().trim().min(1).max(40, { error: '摄影者姓名不能超过 40 个字符' })).max(10, { error: '摄影者最多 10 人' }),
    }),
    'photo.manage',
    true,
  ),
  'photos.setCrops': method<PhotoDetail>()(
    z.object({
      photoId,
      version: z.number().int().min(1),
      rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)], { error: '旋转只能是 0、90、180 或 270 度' }),
      crops: z.array(cropSchema).max(20, { error: '每张图片最多 20 个裁切' }),
    }),
    'photo.manage',
    true,
  ),
  'photos.importedCaptions': method<ImportedCaption[]>()(z.object({ articleId: id }), 'article.read', false),
  // crop: one of the photo's named crops, null for the whole picture; left out, a link keeps the crop it has.
  'photos.link': method<ArticlePhoto[]>()(z.object({ articleId: id, photoId, lead: z.boolean().default(false), crop: cropName.nullable() }), 'photo.manage', true),
  'photos.unlink': method<ArticlePhoto[]>()(z.object({ articleId: id, photoId }), 'photo.manage', true),
  'photos.setLead': method<ArticlePhoto[]>()(z.object({ articleId: id, photoId }), 'photo.manage', true),
  'photos.export': method<PhotoExport>()(z.object({ photoId, crop: cropName }), 'article.read', false),
} as const;
