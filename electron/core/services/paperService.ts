import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Actor, CoreContext } from '../context';
import type { ParsedInputOf } from '../../../shared/api/contract';
import type { MastheadView } from '../../../shared/api/methods/paper';
import { ApiError } from '../../../shared/api/errors';
import { mastheadOf, MAX_MASTHEAD_IMAGE_BYTES, type MastheadImage, type MastheadSettings } from '../../../shared/paper/masthead';
import { MAX_INPUT_PIXELS, sniffFormat } from '../photos/inspectPhoto';
import { storePhotoFile } from '../photos/photoFiles';
import type { AuditService } from './auditService';

export const MASTHEAD_KEY = 'paper.masthead';
const MASTHEAD_DIR = 'masthead';
/** Narrower than this a masthead cannot print sharp at any size worth having. */
const MIN_IMAGE_WIDTH = 600;

/** The masthead settings as stored, with defaults for what an older version did not store. */
export async function readMasthead(ctx: CoreContext): Promise<MastheadSettings> {
  return mastheadOf(await ctx.repos.settings.get<Partial<MastheadSettings>>(MASTHEAD_KEY));
}

const refuse = (message: string) => new ApiError('VALIDATION', message, { field: 'dataBase64' });

/** The paper's masthead (报头): the administrator edits it, the proof prints it. */
export class PaperService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly audit: AuditService,
  ) {}

  async masthead(): Promise<MastheadView> {
    const settings = await readMasthead(this.ctx);
    let imageDataUrl: string | null = null;
    if (settings.nameImage) {
      const file = path.join(this.ctx.dataDir, settings.nameImage.file);
      if (fs.existsSync(file)) imageDataUrl = `data:${settings.nameImage.mime};base64,${fs.readFileSync(file).toString('base64')}`;
    }
    return { ...settings, paperName: await this.ctx.repos.settings.paperName(), imageDataUrl };
  }

  private async save(actor: Actor, next: MastheadSettings, details: Record<string, unknown>): Promise<MastheadView> {
    await this.ctx.transaction(async () => {
      await this.ctx.repos.settings.set(MASTHEAD_KEY, next);
      await this.audit.record({ userId: actor.user.id, action: 'settings.masthead', details });
    });
    return this.masthead();
  }

  async updateMasthead(actor: Actor, input: ParsedInputOf<'paper.updateMasthead'>): Promise<MastheadView> {
    const before = await readMasthead(this.ctx);
    const changed = Object.fromEntries(Object.entries(input).filter(([k, v]) => before[k as keyof MastheadSettings] !== v));
    return this.save(actor, { ...before, ...input }, { changed });
  }

  /** PNG or JPEG by its bytes, decoded once to prove it whole; stored by content hash in the data folder. */
  async setMastheadImage(actor: Actor, input: ParsedInputOf<'paper.setMastheadImage'>): Promise<MastheadView> {
    const bytes = Buffer.from(input.dataBase64, 'base64');
    if (bytes.length === 0) throw refuse('文件是空的。');
    if (bytes.length > MAX_MASTHEAD_IMAGE_BYTES) throw refuse(`报头图片不能超过 ${MAX_MASTHEAD_IMAGE_BYTES / 1024 / 1024} MB。`);
    const format = sniffFormat(bytes);
    if (format !== 'png' && format !== 'jpeg') throw refuse(`“${input.fileName}”不是 PNG 或 JPEG 图片：报头图片请用 PNG（可透明）或 JPEG。`);
    let width = 0;
    let height = 0;
    try {
      const decoded = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).raw().toBuffer({ resolveWithObject: true });
      ({ width, height } = decoded.info);
    } catch {
      throw refuse(`“${input.fileName}”已损坏或不完整，无法读取。`);
    }
    if (width < MIN_IMAGE_WIDTH) throw refuse(`报头图片只有 ${width} 像素宽，印出来会模糊：请用至少 ${MIN_IMAGE_WIDTH} 像素宽（最好 2400 像素以上）的图片。`);
    const stored = storePhotoFile(this.ctx.dataDir, bytes, format === 'png' ? 'png' : 'jpg', MASTHEAD_DIR);
    const image: MastheadImage = { file: stored.file, mime: format === 'png' ? 'image/png' : 'image/jpeg', width, height };
    return this.save(actor, { ...(await readMasthead(this.ctx)), nameImage: image }, { image: { fileName: input.fileName, width, height, sha256: stored.sha256 } });
  }

  async removeMastheadImage(actor: Actor): Promise<MastheadView> {
    return this.save(actor, { ...(await readMasthead(this.ctx)), nameImage: null }, { image: null });
  }
}
