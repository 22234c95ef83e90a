import { Button, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { BYLINE_ROLES, type ArticleByline, type BylineRole } from '../../../shared/domain/article';

export interface BylineEditorProps {
  value: ArticleByline[];
  onChange(next: ArticleByline[]): void;
  disabled: boolean;
}

/** The people on a story, in print order: 记者 张三 通讯员 李四. */
export function BylineEditor({ value, onChange, disabled }: BylineEditorProps) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<ArticleByline>) =>
    onChange(value.map((b, i) => (i === index ? { ...b, ...patch } : b)));

  return (
    <div className="byline-editor" role="group" aria-label={t('fields.bylines')}>
      {value.map((byline, index) => {
        const n = index + 1;
        return (
          <div key={index} className="byline-row">
            <Select<BylineRole>
              size="small"
              className="byline-role"
              aria-label={t('fields.bylineRole', { n })}
              value={byline.role}
              disabled={disabled}
              onChange={(role) => set(index, { role })}
              options={BYLINE_ROLES.map((role) => ({ value: role, label: role }))}
            />
            <Input
              size="small"
              aria-label={t('fields.bylineName', { n })}
              placeholder={t('editor.placeholder.bylineName')}
              value={byline.name}
              maxLength={40}
              disabled={disabled}
              onChange={(e) => set(index, { name: e.target.value })}
            />
            <Button
              size="small"
              type="text"
              aria-label={t('fields.bylineRemove', { n })}
              title={t('fields.bylineRemove', { n })}
              disabled={disabled}
              onClick={() => onChange(value.filter((_, i) => i !== index))}
            >
              ×
            </Button>
          </div>
        );
      })}
      <Button
        size="small"
        type="dashed"
        block
        disabled={disabled || value.length >= 20}
        onClick={() => onChange([...value, { name: '', role: value.length === 0 ? '记者' : (value[value.length - 1]?.role ?? '记者') }])}
      >
        {t('fields.bylineAdd')}
      </Button>
    </div>
  );
}
