import type { CSSProperties, ReactNode } from 'react';
import type { DiffPart } from '../../../shared/revisions/diffText';

/** Read by screen readers, invisible on screen: colour and strike-through alone tell a blind user nothing. */
export const SR_ONLY: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

const INSERTED: CSSProperties = { color: '#135200', background: '#d9f7be', textDecoration: 'underline', textDecorationThickness: 2 };
const DELETED: CSSProperties = { color: '#820014', background: '#ffccc7', textDecoration: 'line-through' };

/** A paragraph break that was added or removed has no glyph of its own: show a pilcrow before it. */
function withBreakMarks(text: string): ReactNode[] {
  return text.split('\n').flatMap((line, i) => (i === 0 ? [line] : [<span key={i} aria-hidden="true">¶</span>, '\n', line]));
}

export interface DiffTextProps {
  parts: readonly DiffPart[];
  /** 'new' shows equal + inserted text (the later side), 'old' equal + deleted, 'both' everything inline. */
  show?: 'both' | 'old' | 'new';
  insertLabel: string;
  deleteLabel: string;
}

export function DiffText({ parts, show = 'both', insertLabel, deleteLabel }: DiffTextProps) {
  return (
    <div className="revision-diff-text" style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9, wordBreak: 'break-all' }}>
      {parts.map((part, i) => {
        if (part.type === 'equal') return <span key={i}>{part.text}</span>;
        if (part.type === 'insert' && show !== 'old') {
          return (
            <ins key={i} style={INSERTED}>
              <span style={SR_ONLY}>{insertLabel}</span>
              {withBreakMarks(part.text)}
            </ins>
          );
        }
        if (part.type === 'delete' && show !== 'new') {
          return (
            <del key={i} style={DELETED}>
              <span style={SR_ONLY}>{deleteLabel}</span>
              {withBreakMarks(part.text)}
            </del>
          );
        }
        return null;
      })}
    </div>
  );
}
