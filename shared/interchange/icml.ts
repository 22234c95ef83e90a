/**
 * ICML (InCopy Markup Language) for papers that lay out in InDesign: one story whose paragraphs carry
 * paragraph styles named after the story's parts (引题, 主题, 副题, 署名, 正文, 小标题 …) and the 电头
 * a character style, so a template's styles take over when the story is placed. Each style is declared
 * with the face and size our template gives it; a desk's InDesign template redefines them by name.
 */
import { el, tx, XML_DECLARATION } from './xml';
import type { ExportStory } from './exportStory';
import { DEFAULT_TYPOGRAPHY, elementPt, type Face, type TypeElement, type Typography } from '../layout/typography';

const ICML_PARAGRAPH_STYLES = ['引题', '主题', '副题', '编者按', '摘要', '署名', '正文', '小标题', '引文', '图说', '文末署名'] as const;
type IcmlParagraphStyle = (typeof ICML_PARAGRAPH_STYLES)[number];
const DATELINE_STYLE = '电头';

const FACE_FONTS: Record<Face, [family: string, style: string]> = {
  shusong: ['Noto Serif CJK SC', 'Regular'],
  biaosong: ['Noto Serif CJK SC', 'Black'],
  xiaobiaosong: ['Noto Serif CJK SC', 'Bold'],
  heiti: ['Noto Sans CJK SC', 'Medium'],
  cuhei: ['Noto Sans CJK SC', 'Black'],
  kaiti: ['AR PL UKai CN', 'Book'],
};

const STYLE_ELEMENT: Record<IcmlParagraphStyle | typeof DATELINE_STYLE, TypeElement> = {
  引题: 'kicker',
  主题: 'headline',
  副题: 'subheadline',
  编者按: 'kicker',
  摘要: 'body',
  署名: 'dateline',
  正文: 'body',
  小标题: 'subhead',
  引文: 'body',
  图说: 'caption',
  文末署名: 'body',
  电头: 'dateline',
};

function styleDefinition(kind: 'ParagraphStyle' | 'CharacterStyle', name: string, typography: Typography, bodyPt: number): string {
  const element = STYLE_ELEMENT[name as keyof typeof STYLE_ELEMENT];
  const [family, fontStyle] = FACE_FONTS[typography[element].face];
  const size = name === '主题' ? 26 : elementPt(typography, element, bodyPt);
  return el(kind, { Self: `${kind}/${name}`, Name: name, FontStyle: fontStyle, PointSize: size }, el('Properties', {}, tx('AppliedFont', family, { type: 'string' })));
}

interface Paragraph {
  style: IcmlParagraphStyle;
  runs: { text: string; dateline?: true }[];
}

function paragraphs(story: ExportStory): Paragraph[] {
  const p = story.printed;
  const out: Paragraph[] = [];
  const add = (style: IcmlParagraphStyle, text: string) => text && out.push({ style, runs: [{ text }] });
  add('引题', p.kicker);
  add('主题', p.headline);
  add('副题', p.subheadline);
  add('编者按', p.editorsNote);
  add('署名', p.bylineLine);
  let datelineDone = p.dateline === '';
  for (const block of p.blocks) {
    const style: IcmlParagraphStyle = block.kind === 'h' ? '小标题' : block.kind === 'quote' ? '引文' : '正文';
    if (!datelineDone && block.kind !== 'h') {
      out.push({ style, runs: [{ text: p.dateline, dateline: true }, { text: block.text }] });
      datelineDone = true;
    } else add(style, block.text);
  }
  add('文末署名', p.endCredit);
  for (const photo of story.photos) add('图说', photo.printedCaption);
  return out;
}

const NO_CHARACTER_STYLE = 'CharacterStyle/$ID/[No character style]';

export function buildIcml(story: ExportStory, typography: Typography = DEFAULT_TYPOGRAPHY, bodyPt = 9): string {
  const paras = paragraphs(story);
  const ranges = paras.map((para, i) => {
    const last = i === paras.length - 1;
    const runs = para.runs.map((run, r) =>
      el(
        'CharacterStyleRange',
        { AppliedCharacterStyle: run.dateline ? `CharacterStyle/${DATELINE_STYLE}` : NO_CHARACTER_STYLE },
        tx('Content', run.text),
        !last && r === para.runs.length - 1 ? '<Br/>' : null,
      ),
    );
    return el('ParagraphStyleRange', { AppliedParagraphStyle: `ParagraphStyle/${para.style}` }, ...runs);
  });
  const document = el(
    'Document',
    { DOMVersion: '8.0', Self: 'd' },
    el(
      'RootCharacterStyleGroup',
      { Self: 'characterStyles' },
      el('CharacterStyle', { Self: NO_CHARACTER_STYLE, Name: '$ID/[No character style]' }),
      styleDefinition('CharacterStyle', DATELINE_STYLE, typography, bodyPt),
    ),
    el(
      'RootParagraphStyleGroup',
      { Self: 'paragraphStyles' },
      el('ParagraphStyle', { Self: 'ParagraphStyle/$ID/NormalParagraphStyle', Name: '$ID/NormalParagraphStyle' }),
      ...ICML_PARAGRAPH_STYLES.map((name) => styleDefinition('ParagraphStyle', name, typography, bodyPt)),
    ),
    el(
      'Story',
      { Self: `story_${story.id}`, AppliedTOCStyle: 'n', TrackChanges: 'false', StoryTitle: story.printed.headline, AppliedNamedGrid: 'n' },
      el('StoryPreference', { OpticalMarginAlignment: 'false', OpticalMarginSize: 12, FrameType: 'TextFrameType', StoryOrientation: 'Horizontal', StoryDirection: 'LeftToRightDirection' }),
      el('InCopyExportOption', { IncludeGraphicProxies: 'true', IncludeAllResources: 'false' }),
      ...ranges,
    ),
  );
  return `${XML_DECLARATION.replace('?>', ' standalone="yes"?>')}<?aid style="50" type="snippet" readerVersion="6.0" featureSet="513" product="8.0(370)" ?>\n<?aid SnippetType="InCopyInterchange"?>\n${document}\n`;
}
