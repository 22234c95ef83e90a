import type { photoMethods } from '../../../../shared/api/methods/photos';
import type { SamplesFor } from './kit';

/** Valid shape only: the permission and session checks run before the photo is looked up. */
const PHOTO = '01900000-0000-7000-8000-000000000001';

export const photoSamples: SamplesFor<typeof photoMethods> = {
  'photos.forArticle': { valid: ({ articleId }) => ({ articleId }), invalid: { articleId: '' }, invalidLabel: '稿件编号' },
  'photos.import': {
    valid: () => ({ fileName: '照片.jpg', dataBase64: '/9j/4AAQ' }),
    invalid: { fileName: '照片.jpg', dataBase64: '不是base64' },
    invalidLabel: '文件内容',
  },
  'photos.list': { valid: () => ({}), invalid: { usage: 'some' }, invalidLabel: '用途筛选' },
  'photos.get': { valid: () => ({ photoId: PHOTO }), invalid: { photoId: 'x' }, invalidLabel: '图片编号' },
  'photos.preview': { valid: () => ({ photoId: PHOTO }), invalid: { photoId: 'x' }, invalidLabel: '图片编号' },
  'photos.updateCaption': {
    valid: () => ({ photoId: PHOTO, version: 1, caption: '市民在公园赏花。', creditKind: 'staff', photographers: ['陈光'] }),
    invalid: { photoId: PHOTO, version: 1, caption: '市民在公园赏花。', creditKind: 'painted', photographers: [] },
    invalidLabel: '署名类型',
  },
  'photos.setCrops': {
    valid: () => ({ photoId: PHOTO, version: 1, rotation: 0, crops: [] }),
    invalid: { photoId: PHOTO, version: 1, rotation: 45, crops: [] },
    invalidLabel: '旋转角度',
  },
  'photos.importedCaptions': { valid: ({ articleId }) => ({ articleId }), invalid: { articleId: '' }, invalidLabel: '稿件编号' },
  'photos.link': { valid: ({ articleId }) => ({ articleId, photoId: PHOTO }), invalid: { articleId: 'x', photoId: PHOTO }, invalidLabel: '稿件编号' },
  'photos.unlink': { valid: ({ articleId }) => ({ articleId, photoId: PHOTO }), invalid: { articleId: 'y', photoId: PHOTO }, invalidLabel: '稿件编号' },
  'photos.setLead': { valid: ({ articleId }) => ({ articleId, photoId: PHOTO }), invalid: { articleId: '', photoId: PHOTO }, invalidLabel: '稿件编号' },
  'photos.export': { valid: () => ({ photoId: PHOTO }), invalid: { photoId: 'z' }, invalidLabel: '图片编号' },
};
