import { Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { EditorState } from '@tiptap/pm/state';
import { blocksToDoc } from '../../shared/document/docText';
import type { ArticleFields } from '../../shared/domain/article';
import { compileWordLists, DEFAULT_WORD_LISTS } from '../../shared/style/index';
import { articleUnits } from '../../shared/proofreading/units';
import { proofreadUnits } from '../../shared/proofreading/findings';
import { StyleMarks, styleFindings } from '../../renderer/src/proofreading/styleMarks';
import { openHarness } from '../support/coreHarness';
import { defaultFields } from '../../shared/article/fields';
import { percentile, round, timeMs } from './stats';

/** Newsroom prose with the slips the rules exist for, about one in three sentences. */
const SENTENCES = [
  '记者从江城市轨道交通集团获悉，地铁3号线将于今天上午9时正式开通载客运营，全长32.6公里，设站21座。',
  '据介绍,该线路好象是全市首条全自动运行线路，最高时速可达80公里。',
  '2016-2020年，全市新增绿地面积2400公顷，市民满意度达到95%以上。',
  '市民张先生说：“以前上班要倒两趟公交车，现在坐地铁只要25分钟。”',
  '截止目前，沿线已建成换乘停车场6座，可提供停车位 3000个。',
  '专家指出，城市公共交通的发展必须坚持以人民为中心，让群众出行更方便、更舒心。',
  '据统计，开通首日客流预计超过5万人次，运营方已安排志愿者在各站引导。',
  '下一步，该市还将加快推进4号线、5号线建设...力争早日建成轨道交通网络。',
];

function paragraphsOf(chars: number, seed: number): string[] {
  const out: string[] = [];
  let total = 0;
  for (let i = seed; total < chars; i++) {
    const p = SENTENCES[i % SENTENCES.length]! + SENTENCES[(i * 3 + 1) % SENTENCES.length]!;
    out.push(p);
    total += p.length;
  }
  return out;
}

function story(chars: number, seed = 0): ArticleFields {
  return {
    ...defaultFields(),
    headline: '江城地铁3号线今天开通。',
    subheadline: '-全长32.6公里 设站21座',
    bylines: [{ name: '张三', role: '记者' }],
    dateline: { kind: 'local' },
    body: blocksToDoc(paragraphsOf(chars, seed).map((text) => ({ kind: 'p' as const, text }))),
  };
}

function median(samples: number[]): number {
  return percentile(samples, 50);
}

/** A whole story through the main side's check: every field with its rules, all 21 rules. */
function benchStoryCheck(): number {
  const fields = story(10_000);
  const wordLists = compileWordLists(DEFAULT_WORD_LISTS);
  const run = () => proofreadUnits(articleUnits(fields, '本报'), { wordLists });
  if (run().findings.length === 0) throw new Error('the bench story should have findings');
  for (let i = 0; i < 5; i++) run();
  return median(Array.from({ length: 40 }, () => timeMs(run)));
}

/**
 * One keystroke through the StyleMarks plugin as the editor applies it: the transaction's
 * paragraph re-checked, the others' findings and decorations mapped. Plugin state only, no DOM.
 */
function benchKeystroke(): number {
  // Headless and without Tiptap's core keymap, which reads `navigator` (absent in Node).
  const editor = new Editor({ element: null, enableCoreExtensions: false, extensions: [StarterKit, StyleMarks], content: story(10_000).body });
  let state = EditorState.create({ doc: editor.state.doc, plugins: editor.extensionManager.plugins });
  const findings = styleFindings(state).length;
  if (findings === 0) throw new Error('the bench story should have findings');
  const middle = state.doc.child(Math.floor(state.doc.childCount / 2));
  let offset = 0;
  state.doc.forEach((node, pos) => {
    if (node === middle) offset = pos + node.nodeSize - 1;
  });
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const tr = state.tr.insertText('字', offset + i);
    samples.push(timeMs(() => (state = state.apply(tr))));
  }
  editor.destroy();
  return median(samples.slice(20));
}

/** An edition: 60 stories of about 1,500 字, checked through the API as the report will. */
async function benchEdition(): Promise<number> {
  const harness = await openHarness({ demo: true });
  try {
    const reporter = await harness.as('reporter');
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      const fields = story(1_500, i);
      const created = await reporter.call('articles.create', { headline: fields.headline, subheadline: fields.subheadline, body: fields.body });
      ids.push(created.id);
    }
    await reporter.call('proofreading.errorRate', { articleIds: ids });
    const samples: number[] = [];
    for (let i = 0; i < 10; i++) {
      const start = process.hrtime.bigint();
      await reporter.call('proofreading.errorRate', { articleIds: ids });
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return median(samples);
  } finally {
    await harness.close();
  }
}

/** Medians: the figures a writer and a night editor feel, not a scheduler's worst moment. */
export async function benchStyle(): Promise<Record<string, number>> {
  return {
    'style.check_ms': round(benchStoryCheck()),
    'style.incremental_ms': round(benchKeystroke()),
    'style.edition_ms': round(await benchEdition()),
  };
}
