import type { CoreContext } from '../context';
import type { ArticlePhoto } from '../../../shared/api/methods/photos';
import { ApiError } from '../../../shared/api/errors';
import { renderCredit } from '../../../shared/article/credits';
import { thumbnail } from '../photos/thumbnails';

export class PhotoService {
  constructor(private readonly ctx: CoreContext) {}

  async forArticle(articleId: string): Promise<ArticlePhoto[]> {
    if (!this.ctx.repos.articles.get(articleId)) throw new ApiError('NOT_FOUND', '找不到这篇稿件，可能已被删除。');
    const shortName = this.ctx.repos.settings.get<string>('paper.shortName') ?? '本报';
    const photos = this.ctx.repos.photos.forArticle(articleId);
    return Promise.all(
      photos.map(async (photo) => {
        let thumb = '';
        try {
          const data = await thumbnail(this.ctx.dataDir, photo.file, photo.sha256, this.ctx.readOnlyReason === null);
          thumb = `data:image/jpeg;base64,${data.toString('base64')}`;
        } catch (error) {
          console.error('[newsroom] thumbnail failed:', error);
        }
        return {
          id: photo.id,
          caption: photo.caption,
          credit: renderCredit({ kind: photo.creditKind, names: photo.photographers }, { shortName }),
          width: photo.width,
          height: photo.height,
          isLead: photo.isLead,
          thumbnail: thumb,
        };
      }),
    );
  }
}
