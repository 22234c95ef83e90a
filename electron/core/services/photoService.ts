import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Actor, CoreContext } from '../context';
import type { ArticlePhoto, ImportedCaption, PhotoDetail, PhotoExport, PhotoImportResult, PhotoListItem, PhotoPreview, PhotoUse } from '../../../shared/api/methods/photos';
import { ApiError } from '../../../shared/api/errors';
import { CAPTION_CREDIT_SEPARATOR, checkCaption, parseCredit, renderCaption, renderCredit, type CreditKind } from '../../../shared/article/credits';
import { newId } from '../../../shared/domain/ids';
import type { PhotoMetadata } from '../../../shared/photos/metadata';
import { exifForExport, searchTextOf } from '../../../shared/photos/metadata';
import { guessCredit } from '../../../shared/photos/creditGuess';
import type { PhotoCrop, Rotation } from '../../../shared/photos/crops';
import { buildIim } from '../../../shared/photos/iim';
import { buildXmpPacket } from '../../../shared/photos/xmpPacket';
import { replaceJpegMetadata } from '../../../shared/photos/jpegSegments';
import type { LibraryPhotoRow, PhotoFilter } from '../repositories/photoRepository';
import { storePhotoFile } from '../photos/photoFiles';
import { PREVIEW_SIZE, THUMB_WIDTH, preview, previewOf, thumbnail, thumbnailFromPreview, writeDerivative } from '../photos/thumbnails';
import { FORMAT_FILE, MAX_INPUT_PIXELS, PhotoRefused, inspectPhoto, refusalFor } from '../photos/inspectPhoto';
import { renderPhoto } from '../photos/renderPhoto';
import type { AuditService } from './auditService';
import type { AuditEntry } from '../repositories/auditRepository';

const dataUrl = (data: Buffer) => `data:image/jpeg;base64,${data.toString('base64')}`;

export class PhotoService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly audit: AuditService,
  ) {}

  private get library() {
    return this.ctx.repos.photoLibrary;
  }

  private async shortName(): Promise<string> {
    return (await this.ctx.repos.settings.get<string>('paper.shortName')) ?? '本报';
  }

  private get writable(): boolean {
    return this.ctx.readOnlyReason === null;
  }

  private credit(kind: CreditKind, names: readonly string[], shortName: string): string {
    try {
      return renderCredit({ kind, names }, { shortName });
    } catch {
      return '';
    }
  }

  private async requireArticle(articleId: string): Promise<void> {
    if (!(await this.ctx.repos.articles.get(articleId))) throw new ApiError('NOT_FOUND', '找不到这篇稿件，可能已被删除。');
  }

  private async requirePhoto(photoId: string): Promise<LibraryPhotoRow> {
    const row = await this.library.get(photoId);
    if (!row) throw new ApiError('NOT_FOUND', '找不到这张图片，可能已被删除。');
    return row;
  }

  async forArticle(articleId: string): Promise<ArticlePhoto[]> {
    await this.requireArticle(articleId);
    const photos = await this.ctx.repos.photos.forArticle(articleId);
    const shortName = await this.shortName();
    return Promise.all(
      photos.map(async (photo) => ({
        id: photo.id,
        caption: photo.caption,
        credit: this.credit(photo.creditKind, photo.photographers, shortName),
        width: photo.width,
        height: photo.height,
        isLead: photo.isLead,
        crop: photo.crop,
        thumbnail: await this.thumbnailUrl(photo.file, photo.sha256),
      })),
    );
  }

  private async thumbnailUrl(file: string, sha256: string): Promise<string> {
    try {
      return dataUrl(await thumbnail(this.ctx.dataDir, file, sha256, this.writable));
    } catch (error) {
      // A missing or damaged original still lists, without its picture.
      console.error('[newsroom] thumbnail failed:', (error as Error).message);
      return '';
    }
  }

  private async listItem(row: LibraryPhotoRow, shortName: string): Promise<PhotoListItem> {
    const photographers = JSON.parse(row.photographers) as string[];
    const creditKind = row.credit_kind as CreditKind;
    return {
      id: row.id,
      version: row.version,
      originalName: row.original_name,
      width: row.width,
      height: row.height,
      caption: row.caption,
      creditKind,
      photographers,
      credit: this.credit(creditKind, photographers, shortName),
      dateCreated: row.date_created,
      importedAt: row.created_at,
      useCount: row.use_count,
      thumbnail: await this.thumbnailUrl(row.file, row.sha256),
    };
  }

  private async detail(row: LibraryPhotoRow): Promise<PhotoDetail> {
    const shortName = await this.shortName();
    const item = await this.listItem(row, shortName);
    const credit = item.credit === '' ? null : { kind: item.creditKind, names: item.photographers };
    const uses: PhotoUse[] = await this.library.uses(row.id);
    return {
      ...item,
      sha256: row.sha256,
      mime: row.mime,
      bytes: row.bytes,
      metadata: { creators: [], keywords: [], sources: [], ...(JSON.parse(row.metadata) as Partial<PhotoMetadata>) },
      rotation: row.rotation as Rotation,
      crops: JSON.parse(row.crops) as PhotoCrop[],
      uses,
      placements: await this.library.placements(row.id),
      printedCaption: credit ? renderCaption(item.caption, credit, { shortName }) : item.caption.trim(),
      paperShortName: shortName,
      problems: checkCaption(item.caption, credit ?? (item.photographers.length > 0 || item.creditKind !== 'plain' ? { kind: item.creditKind, names: item.photographers } : null)),
    };
  }

  /**
   * One file: checked by content, decoded in full (which finds truncation), its preview and
   * thumbnail made, then stored under its SHA-256 and recorded. A refusal writes nothing; a file
   * already in the library is recognized by its hash and returned, not stored again.
   */
  async importFile(actor: Actor, fileName: string, bytes: Buffer): Promise<PhotoImportResult> {
    const name = path.basename(fileName.replace(/\\/g, '/'));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const shortName = await this.shortName();
    const existing = bytes.length > 0 ? await this.library.idBySha(sha256) : null;
    if (existing) return { status: 'duplicate', fileName: name, photo: await this.listItem(await this.requirePhoto(existing), shortName) };
    let inspected;
    let previewData: Buffer;
    let thumbData: Buffer;
    try {
      inspected = await inspectPhoto(bytes);
      try {
        previewData = (await previewOf(bytes, MAX_INPUT_PIXELS)).data;
        thumbData = await thumbnailFromPreview(previewData);
      } catch (error) {
        throw refusalFor(error, bytes);
      }
    } catch (error) {
      if (error instanceof PhotoRefused) return { status: 'refused', fileName: name, message: error.message };
      throw error;
    }
    const { metadata } = inspected;
    const guess = guessCredit(metadata, shortName);
    const caption = metadata.caption ?? '';
    const id = newId();
    const stored = storePhotoFile(this.ctx.dataDir, bytes, FORMAT_FILE[inspected.format].extension);
    try {
      writeDerivative(this.ctx.dataDir, sha256, PREVIEW_SIZE, previewData);
      writeDerivative(this.ctx.dataDir, sha256, THUMB_WIDTH, thumbData);
      await this.ctx.transaction(async () => {
        await this.library.insertImported({
          id,
          sha256,
          file: stored.file,
          originalName: name,
          mime: FORMAT_FILE[inspected.format].mime,
          width: inspected.width,
          height: inspected.height,
          bytes: bytes.length,
          caption,
          creditKind: guess.kind,
          photographers: guess.names,
          metadata: JSON.stringify({ ...metadata, orientation: inspected.orientation }),
          dateCreated: metadata.dateCreated ?? null,
          searchText: searchTextOf(metadata, caption, guess.names),
          userId: actor.user.id,
          now: new Date().toISOString(),
        });
        await this.audit.record({ userId: actor.user.id, action: 'photo.import', targetType: 'photo', targetId: id, details: { fileName: name, bytes: bytes.length } });
      });
    } catch (error) {
      // The same file sent twice at once: the other call recorded it while this one decoded.
      const winner = await this.library.idBySha(sha256);
      if (winner) return { status: 'duplicate', fileName: name, photo: await this.listItem(await this.requirePhoto(winner), shortName) };
      // Nothing half-imported: a file this call created goes when its row could not be written.
      if (stored.created) fs.rmSync(path.join(this.ctx.dataDir, stored.file), { force: true });
      throw error;
    }
    return { status: 'imported', fileName: name, photo: await this.listItem(await this.requirePhoto(id), shortName) };
  }

  async list(filter: PhotoFilter): Promise<{ items: PhotoListItem[]; total: number }> {
    const { rows, total } = await this.library.list(filter);
    const shortName = await this.shortName();
    return { items: await Promise.all(rows.map((r) => this.listItem(r, shortName))), total };
  }

  async get(photoId: string): Promise<PhotoDetail> {
    return this.detail(await this.requirePhoto(photoId));
  }

  private cropNamed(row: LibraryPhotoRow, name: string | undefined): PhotoCrop | undefined {
    if (name === undefined) return undefined;
    const crop = (JSON.parse(row.crops) as PhotoCrop[]).find((c) => c.name === name);
    if (!crop) throw new ApiError('NOT_FOUND', `这张图片没有名为“${name}”的裁切。`);
    return crop;
  }

  async preview(photoId: string, cropName: string | undefined): Promise<PhotoPreview> {
    const row = await this.requirePhoto(photoId);
    const crop = this.cropNamed(row, cropName);
    const original = path.join(this.ctx.dataDir, row.file);
    try {
      if (!crop && row.rotation === 0) {
        const data = await preview(this.ctx.dataDir, row.file, row.sha256, this.writable, MAX_INPUT_PIXELS);
        const fit = Math.min(1, PREVIEW_SIZE / Math.max(row.width, row.height));
        return { mime: 'image/jpeg', dataBase64: data.toString('base64'), width: Math.round(row.width * fit), height: Math.round(row.height * fit) };
      }
      const { data, info } = await renderPhoto(original, { width: row.width, height: row.height, rotation: row.rotation as Rotation, crop, maxSize: PREVIEW_SIZE, quality: 82 });
      return { mime: 'image/jpeg', dataBase64: data.toString('base64'), width: info.width, height: info.height };
    } catch (error) {
      console.error('[newsroom] preview failed:', (error as Error).message);
      throw new ApiError('STORAGE', '图片原件缺失或已损坏，无法显示预览。');
    }
  }

  /** A versioned update and its audit row in one transaction; a stale version writes neither. */
  private auditedUpdate(update: () => Promise<boolean>, entry: AuditEntry): Promise<boolean> {
    return this.ctx.transaction(async () => {
      const updated = await update();
      if (updated) await this.audit.record(entry);
      return updated;
    });
  }

  async updateCaption(actor: Actor, input: { photoId: string; version: number; caption: string; creditKind: CreditKind; photographers: string[] }): Promise<PhotoDetail> {
    const row = await this.requirePhoto(input.photoId);
    const metadata = { creators: [], keywords: [], ...(JSON.parse(row.metadata) as Partial<PhotoMetadata>) };
    const caption = input.caption.trim();
    const ok = await this.auditedUpdate(
      () =>
        this.library.updateCaption({
          id: input.photoId,
          version: input.version,
          caption,
          creditKind: input.creditKind,
          photographers: input.photographers,
          searchText: searchTextOf(metadata, caption, input.photographers),
          userId: actor.user.id,
          now: new Date().toISOString(),
        }),
      { userId: actor.user.id, action: 'photo.caption', targetType: 'photo', targetId: input.photoId, details: { caption, creditKind: input.creditKind, photographers: input.photographers } },
    );
    if (!ok) throw new ApiError('CONFLICT', '这张图片的说明已被别人改过，请重新打开后再改。', { details: { current: await this.get(input.photoId) } });
    this.announce(actor, input.photoId);
    return this.get(input.photoId);
  }

  async setCrops(actor: Actor, input: { photoId: string; version: number; rotation: Rotation; crops: PhotoCrop[] }): Promise<PhotoDetail> {
    await this.requirePhoto(input.photoId);
    const names = new Set(input.crops.map((c) => c.name));
    if (names.size !== input.crops.length) throw new ApiError('VALIDATION', '裁切名称不能重复。', { field: 'crops' });
    for (const c of input.crops) {
      if (c.x + c.width > 1.0001 || c.y + c.height > 1.0001) throw new ApiError('VALIDATION', `裁切“${c.name}”超出了图片范围。`, { field: 'crops' });
    }
    const ok = await this.auditedUpdate(
      () => this.library.updateCrops({ id: input.photoId, version: input.version, rotation: input.rotation, crops: JSON.stringify(input.crops), userId: actor.user.id, now: new Date().toISOString() }),
      { userId: actor.user.id, action: 'photo.crops', targetType: 'photo', targetId: input.photoId, details: { rotation: input.rotation, crops: input.crops.map((c) => c.name) } },
    );
    if (!ok) throw new ApiError('CONFLICT', '这张图片的裁切已被别人改过，请重新打开后再改。');
    this.announce(actor, input.photoId);
    return this.get(input.photoId);
  }

  /** A change to a story's photos, recorded against the story in the change's transaction. */
  private recordUse(actor: Actor, action: 'photo.link' | 'photo.unlink' | 'photo.lead', articleId: string, photoId: string, crop?: string | null): Promise<void> {
    return this.audit.record({ userId: actor.user.id, action, targetType: 'article', targetId: articleId, details: crop === undefined ? { photoId } : { photoId, crop } });
  }

  /** Once the change commits: the library, an open photo and (for a use) the story's photo panel refetch. */
  private announce(actor: Actor, photoId: string, articleId: string | null = null): void {
    this.ctx.emit({ type: 'photo.changed', photoId, articleId, byUserId: actor.user.id });
  }

  async link(actor: Actor, articleId: string, photoId: string, lead: boolean, crop?: string | null): Promise<ArticlePhoto[]> {
    await this.requireArticle(articleId);
    const row = await this.requirePhoto(photoId);
    // A crop the photo does not have is refused with its name, before anything is written.
    if (crop) this.cropNamed(row, crop);
    await this.ctx.transaction(async () => {
      const linking = !(await this.library.isLinked(articleId, photoId));
      if (linking) {
        const first = !(await this.library.hasLead(articleId));
        await this.ctx.repos.photos.link(articleId, photoId, await this.library.nextPosition(articleId), first, crop ?? null);
        await this.recordUse(actor, 'photo.link', articleId, photoId, crop ?? null);
        await this.giveImportedCaption(actor, articleId, photoId);
      }
      const recropped = !linking && crop !== undefined && (await this.ctx.repos.photos.setUseCrop(articleId, photoId, crop));
      if (recropped) await this.recordUse(actor, 'photo.link', articleId, photoId, crop);
      if (lead) {
        await this.library.setLead(articleId, photoId);
        await this.recordUse(actor, 'photo.lead', articleId, photoId);
      }
      if (linking || recropped || lead) this.announce(actor, photoId, articleId);
    });
    return this.forArticle(articleId);
  }

  async importedCaptions(articleId: string): Promise<ImportedCaption[]> {
    await this.requireArticle(articleId);
    return this.ctx.repos.captions.waiting(articleId);
  }

  /**
   * A photo linked without a caption of its own takes the first caption that came in with the
   * story's copy: its text, and its credit read back into the paper's template (or, when it
   * follows none, kept after the text as the copy printed it). A photo with a caption keeps it.
   */
  private async giveImportedCaption(actor: Actor, articleId: string, photoId: string): Promise<void> {
    const row = await this.requirePhoto(photoId);
    const [waiting] = await this.ctx.repos.captions.waiting(articleId);
    if (!waiting || row.caption.trim() !== '') return;
    const credit = waiting.credit === '' ? null : parseCredit(waiting.credit, { shortName: await this.shortName() });
    const caption = credit || waiting.credit === '' ? waiting.text : `${waiting.text}${CAPTION_CREDIT_SEPARATOR}${waiting.credit}`;
    const creditKind = credit?.kind ?? (row.credit_kind as CreditKind);
    const photographers = credit ? [...(credit.names ?? [])] : (JSON.parse(row.photographers) as string[]);
    const metadata = { creators: [], keywords: [], ...(JSON.parse(row.metadata) as Partial<PhotoMetadata>) };
    const now = new Date().toISOString();
    await this.library.updateCaption({ id: photoId, version: row.version, caption, creditKind, photographers, searchText: searchTextOf(metadata, caption, photographers), userId: actor.user.id, now });
    await this.ctx.repos.captions.takenBy(waiting.id, photoId);
    await this.audit.record({ userId: actor.user.id, action: 'photo.caption', targetType: 'photo', targetId: photoId, details: { caption, creditKind, photographers, fromArticle: articleId } });
  }

  async unlink(actor: Actor, articleId: string, photoId: string): Promise<ArticlePhoto[]> {
    await this.requireArticle(articleId);
    await this.ctx.transaction(async () => {
      const removed = await this.library.unlink(articleId, photoId);
      if (removed) await this.recordUse(actor, 'photo.unlink', articleId, photoId);
      await this.library.ensureLead(articleId);
      if (removed) this.announce(actor, photoId, articleId);
    });
    return this.forArticle(articleId);
  }

  async setLead(actor: Actor, articleId: string, photoId: string): Promise<ArticlePhoto[]> {
    await this.requireArticle(articleId);
    if (!(await this.library.isLinked(articleId, photoId))) throw new ApiError('NOT_FOUND', '这张图片不在这篇稿件的图片里。');
    await this.ctx.transaction(async () => {
      await this.library.setLead(articleId, photoId);
      await this.recordUse(actor, 'photo.lead', articleId, photoId);
      this.announce(actor, photoId, articleId);
    });
    return this.forArticle(articleId);
  }

  /**
   * A JPEG for other tools: the use's crop and turn at full resolution, our caption and credit
   * written into IPTC IIM (UTF-8, declared in 1:90) and XMP, so both kinds of reader agree.
   */
  async export(actor: Actor, photoId: string, cropName: string | undefined): Promise<PhotoExport> {
    const row = await this.requirePhoto(photoId);
    const crop = this.cropNamed(row, cropName);
    const detail = await this.detail(row);
    let data: Buffer;
    try {
      data = (
        await renderPhoto(path.join(this.ctx.dataDir, row.file), {
          width: row.width,
          height: row.height,
          rotation: row.rotation as Rotation,
          crop,
          quality: 92,
          exif: exifForExport(detail.metadata),
        })
      ).data;
    } catch (error) {
      console.error('[newsroom] export failed:', (error as Error).message);
      throw new ApiError('STORAGE', '图片原件缺失或已损坏，无法导出。');
    }
    const m = detail.metadata;
    const creators = detail.photographers.length > 0 ? detail.photographers : m.creators;
    const fields = {
      caption: detail.caption,
      creators,
      credit: detail.credit,
      source: m.source ?? '',
      copyright: m.copyright ?? '',
      keywords: m.keywords,
      city: m.city ?? '',
      province: m.province ?? '',
      country: m.country ?? '',
      headline: m.headline ?? '',
    };
    const iimDate = /^(\d{4})-(\d{2})-(\d{2})/.exec(m.dateCreated ?? '');
    const out = replaceJpegMetadata(data, {
      iim: buildIim({ ...fields, dateCreated: iimDate ? `${iimDate[1]}${iimDate[2]}${iimDate[3]}` : '' }),
      xmp: buildXmpPacket({ ...fields, dateCreated: m.dateCreated }),
    });
    const base = row.original_name.replace(/\.[^.]+$/, '') || 'photo';
    const fileName = `${base}${cropName ? `-${cropName}` : ''}.jpg`;
    await this.audit.recordWhereWritable({ userId: actor.user.id, action: 'photo.export', targetType: 'photo', targetId: photoId, details: { fileName, crop: cropName ?? null } });
    return { fileName, mime: 'image/jpeg', dataBase64: Buffer.from(out).toString('base64') };
  }
}
