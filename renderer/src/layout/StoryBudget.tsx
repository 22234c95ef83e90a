import { useDraggable } from '@dnd-kit/core';
import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BudgetStory } from '../../../shared/layout/board';
import { StatusTag } from '../components/StatusTag';

interface Props {
  /** the board's edition date: a story planned for another day, or for none, says so */
  date: string;
  stories: readonly BudgetStory[];
  placed: ReadonlySet<string>;
  editable: boolean;
  onPlace(story: BudgetStory): void;
}

function BudgetItem({ story, date, editable, onPlace }: { story: BudgetStory; date: string; editable: boolean; onPlace(): void }) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: `story:${story.id}`, data: { storyId: story.id }, disabled: !editable });
  return (
    <li
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      tabIndex={-1}
      role="listitem"
      aria-label={t('layout.budget.item', { headline: story.headline, chars: story.chars })}
      className={`layout-budget__item${isDragging ? ' layout-budget__item--dragging' : ''}`}
    >
      <div className="layout-budget__headline">{story.headline}</div>
      <div className="layout-budget__meta">
        <StatusTag status={story.status} />
        <span>{t('layout.budget.chars', { chars: story.chars })}</span>
        {story.plannedDate === null && <Typography.Text type="secondary">{t('layout.budget.unscheduled')}</Typography.Text>}
        {story.plannedDate !== null && story.plannedDate !== date && <Typography.Text type="secondary">{t('layout.budget.plannedDate', { date: story.plannedDate })}</Typography.Text>}
        {story.plannedPage !== null && <span>{t('layout.budget.planned', { page: story.plannedPage })}</span>}
        {!story.approvedRevisionId && <Typography.Text type="warning">{t('layout.slot.pending')}</Typography.Text>}
      </div>
      {editable && (
        <Button size="small" onClick={onPlace} onPointerDown={(e) => e.stopPropagation()} aria-label={t('layout.budget.place', { headline: story.headline })}>
          {t('layout.budget.placeShort')}
        </Button>
      )}
    </li>
  );
}

/**
 * 稿库: the stories not yet on a page — the edition's, and every approved story waiting for a page
 * whatever day it was planned for — with their state and length; drag one onto the page to make a slot.
 */
export function StoryBudget({ date, stories, placed, editable, onPlace }: Props) {
  const { t } = useTranslation();
  const open = stories.filter((s) => !placed.has(s.id));
  return (
    <section aria-label={t('layout.budget.title')} className="layout-budget">
      <Typography.Title level={5}>{t('layout.budget.titleCount', { count: open.length })}</Typography.Title>
      {open.length === 0 ? <Typography.Text type="secondary">{t('layout.budget.empty')}</Typography.Text> : null}
      <ul role="list" className="layout-budget__list">
        {open.map((story) => (
          <BudgetItem key={story.id} story={story} date={date} editable={editable} onPlace={() => onPlace(story)} />
        ))}
      </ul>
    </section>
  );
}
