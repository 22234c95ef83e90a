import type { photoMethods } from '../../../shared/api/methods/photos';
import { signedIn, type HandlersFor } from '../dispatcher';
import type { Services } from '../services/index';

export function photoHandlers(s: Services): HandlersFor<typeof photoMethods> {
  return {
    'photos.forArticle': ({ input }) => s.photos.forArticle(input.articleId),
    'photos.import': ({ actor, input }) => s.photos.importFile(signedIn(actor), input.fileName, Buffer.from(input.dataBase64, 'base64')),
    'photos.list': ({ input }) => s.photos.list(input),
    'photos.get': ({ input }) => s.photos.get(input.photoId),
    'photos.preview': ({ input }) => s.photos.preview(input.photoId, input.crop),
    'photos.updateCaption': ({ actor, input }) => s.photos.updateCaption(signedIn(actor), input),
    'photos.setCrops': ({ actor, input }) => s.photos.setCrops(signedIn(actor), input),
    'photos.importedCaptions': ({ input }) => s.photos.importedCaptions(input.articleId),
    'photos.link': ({ actor, input }) => s.photos.link(signedIn(actor), input.articleId, input.photoId, input.lead, input.crop),
    'photos.unlink': ({ actor, input }) => s.photos.unlink(signedIn(actor), input.articleId, input.photoId),
    'photos.setLead': ({ actor, input }) => s.photos.setLead(signedIn(actor), input.articleId, input.photoId),
    'photos.export': ({ actor, input }) => s.photos.export(signedIn(actor), input.photoId, input.crop),
  };
}
