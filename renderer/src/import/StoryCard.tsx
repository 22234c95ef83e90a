import { useId } from 'react';
import { Card, Descriptions, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecognizedStory } from '../../../shared/import/index';
import { textStats } from '../../../shared/text/count';
import type { HeadlineField } from './importStore';

interface Props {
  story: RecognizedStory;
  index: number;
  /** where the story stands in the pasted copy; wire copy has no lines */
  lineRange?: { from: number; to: number };
  onEdit(field: HeadlineField, value: string): void;
}

/** One recognized story: the headline parts to correct, and what was found in the copy. */
export function StoryCard({ story, index, lineRange, onEdit }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const n = index + 1;
  const none = t('import.none');
  const stats = textStats(story.paragraphs);
  const missing = story.headline.trim() === '';

  const field = (name: HeadlineField, required: boolean) => (
    <Form.Item
      label={t(`fields.${name}`)}
      htmlFor={`${id}-${name}`}
      style={{ marginBottom: 8 }}
      {...(required && missing ? { validateStatus: 'error' as const, help: t('import.headlineRequired') } : {})}
    >
      <Input id={`${id}-${name}`} value={story[name] ?? ''} maxLength={200} onChange={(e) => onEdit(name, e.target.value)} />
    </Form.Item>
  );

  return (
    <Card
      size="small"
      role="region"
      aria-labelledby={`${id}-title`}
      title={
        <span id={`${id}-title`}>
          {missing ? t('import.storyN', { n }) : t('import.storyTitle', { n, headline: story.headline })}
        </span>
      }
      extra={lineRange && <Typography.Text type="secondary">{t('import.lineRange', lineRange)}</Typography.Text>}
    >
      <Form component={false} labelCol={{ flex: '4em' }} labelAlign="left" colon={false}>
        {field('kicker', false)}
        {field('headline', true)}
        {field('subheadline', false)}
      </Form>
      <Descriptions
        size="small"
        column={1}
        colon={false}
        styles={{ label: { width: '6em' } }}
        items={[
          { key: 'byline', label: t('import.byline'), children: story.reporters.join('、') || none },
          { key: 'dateline', label: t('import.dateline'), children: story.dateline ?? none },
          { key: 'subheads', label: t('import.subheads'), children: story.subheads.join(' / ') || none },
          { key: 'body', label: t('import.body'), children: t('import.bodyStats', { paragraphs: stats.paragraphs, chars: stats.chars }) },
          {
            key: 'captions',
            label: t('import.captions'),
            children:
              story.captions.length > 0
                ? story.captions.map((c, k) => <div key={k}>{c.credit ? t('import.captionWithCredit', c) : c.text}</div>)
                : none,
          },
          {
            key: 'jumps',
            label: t('import.jumps'),
            children: story.jumps.map((j) => t(j.direction === 'out' ? 'import.jumpOut' : 'import.jumpIn', { page: j.page })).join('、') || none,
          },
          { key: 'endCredit', label: t('import.endCredit'), children: story.endCredit ?? none },
        ]}
      />
      {story.warnings.length > 0 && (
        <ul className="import-warnings" aria-label={t('import.warnings', { n })}>
          {story.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </Card>
  );
}
