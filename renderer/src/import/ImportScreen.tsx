import { useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Input, Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { errorText } from '../api/errorText';
import { DeskSelect } from '../components/DeskSelect';
import { useRoute, routeHash } from '../stores/routeStore';
import { segmentsOf } from './splitting';
import { useImport, withEdits } from './importStore';
import type { RecognizedStory } from '../../../shared/import/index';
import { bytesToBase64, checkSize, decodeText, fileKind, ImportFileError } from './readImportFile';
import { SourcePane } from './SourcePane';
import { StoryCard } from './StoryCard';
import './import.css';
import { BusyButton } from '../components/BusyButton';

export function ImportScreen() {
  const review = useImport((s) => s.review);
  const imported = useImport((s) => s.imported);
  const wire = useImport((s) => s.wire);
  if (imported) return <DoneStep />;
  if (wire) return <WireStep />;
  if (review) return <ReviewStep />;
  return <TextStep />;
}

function TextStep() {
  const { t } = useTranslation();
  const text = useImport((s) => s.text);
  const setText = useImport((s) => s.setText);
  const recognize = useImport((s) => s.recognize);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const start = (copy: string, source: string | null) => {
    if (copy.trim() === '') {
      setError(t('import.noText'));
      return;
    }
    setError(null);
    recognize(copy, source);
  };

  const open = async (name: string, size: number, read: () => Promise<Uint8Array>) => {
    setError(null);
    setReading(name);
    try {
      const kind = fileKind(name);
      checkSize(name, size);
      const bytes = await read();
      if (kind === 'txt') {
        start(decodeText(bytes, name), name);
      } else if (kind === 'xml') {
        const { stories } = await api.call('import.parseWire', { fileName: name, dataBase64: bytesToBase64(bytes) });
        useImport.getState().openWire(name, stories.map(({ source: _source, ...story }) => ({ ...story, warnings: [], sourceRange: { startLine: 0, endLine: 0 } })));
      } else {
        const { paragraphs } = await api.call('import.parseDocx', { fileName: name, dataBase64: bytesToBase64(bytes) });
        start(paragraphs.join('\n'), name);
      }
    } catch (e) {
      setError(e instanceof ImportFileError ? t(`import.fileError.${e.code}`, { name: e.fileName }) : errorText(e));
    } finally {
      setReading(null);
    }
  };

  const pick = async () => {
    const bridge = window.newsroom;
    if (!bridge) {
      input.current?.click();
      return;
    }
    const picked = await bridge.openFile({ title: t('import.openFileTitle'), filters: [{ name: t('import.fileFilter'), extensions: ['txt', 'docx', 'xml'] }] });
    if (picked) await open(picked.name, picked.data.length, () => Promise.resolve(picked.data));
  };

  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('import.title')}</Typography.Title>}>
      <Typography.Paragraph type="secondary">{t('import.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      <label htmlFor="import-paste" style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}>
        {t('import.paste')}
      </label>
      <Input.TextArea
        id="import-paste"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('import.pastePlaceholder')}
        autoSize={{ minRows: 14, maxRows: 28 }}
        spellCheck={false}
      />
      <Space style={{ marginTop: 12 }}>
        <Button type="primary" disabled={text.trim() === '' || reading !== null} onClick={() => start(text, null)}>
          {t('import.recognize')}
        </Button>
        <BusyButton busy={reading !== null} onClick={() => void pick()}>
          {reading ? t('import.reading', { name: reading }) : t('import.openFile')}
        </BusyButton>
      </Space>
      <input
        ref={input}
        type="file"
        accept=".txt,.docx,.xml,text/plain,application/xml,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        aria-label={t('import.openFile')}
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void open(file.name, file.size, async () => new Uint8Array(await file.arrayBuffer()));
        }}
      />
    </Card>
  );
}

/** The reviewed stories become drafts in one call; the step shows the refusal, if any, and keeps what was checked. */
function useCreateDrafts() {
  const desk = useImport((s) => s.desk);
  const done = useImport((s) => s.done);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (stories: readonly RecognizedStory[]) => {
    setBusy(true);
    setError(null);
    try {
      const payload = stories.map(({ warnings: _w, sourceRange: _r, ...story }) => story);
      const { articles } = await api.call('import.createArticles', { stories: payload, ...(desk ? { desk } : {}) });
      done(articles);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit };
}

function ReviewStep() {
  const { t } = useTranslation();
  const review = useImport((s) => s.review)!;
  const desk = useImport((s) => s.desk);
  const { setDesk, backToText, split, merge, edit } = useImport.getState();
  const { busy, error, submit } = useCreateDrafts();

  const segments = useMemo(() => segmentsOf(review.starts, review.lines.length), [review.starts, review.lines.length]);
  const stories = useMemo(
    () => segments.map((segment) => withEdits(review.cache.story(segment), review.edits[segment.start])),
    [segments, review.cache, review.edits],
  );
  const missing = stories.flatMap((s, k) => (s.headline.trim() === '' ? [k + 1] : []));

  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('import.reviewTitle')}</Typography.Title>}
      extra={
        <Space wrap>
          <Button onClick={backToText}>{t('import.back')}</Button>
          <DeskSelect aria-label={t('import.desk')} value={desk} onChange={setDesk} style={{ width: 160 }} />
          <BusyButton type="primary" busy={busy} disabled={missing.length > 0 || stories.length === 0} onClick={() => void submit(stories)}>
            {t('import.importN', { count: stories.length })}
          </BusyButton>
        </Space>
      }
    >
      <Typography.Paragraph>
        {t('import.reviewSummary', { count: stories.length, lines: review.lines.length })}{' '}
        <Typography.Text type="secondary">{review.source ? t('import.fromFile', { name: review.source }) : t('import.fromPaste')}</Typography.Text>
      </Typography.Paragraph>
      {missing.length > 0 && <Alert type="warning" showIcon message={t('import.missingHeadlines', { numbers: missing.join('、') })} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      <div className="import-columns">
        <SourcePane lines={review.lines} starts={review.starts} onSplit={split} onMerge={merge} />
        <section aria-label={t('import.stories')} className="import-cards import-scroll">
          {stories.map((story, k) => (
            <StoryCard
              key={segments[k]!.start}
              story={story}
              index={k}
              lineRange={{ from: segments[k]!.start + 1, to: story.sourceRange.endLine + 1 }}
              onEdit={(field, value) => edit(segments[k]!.start, field, value)}
            />
          ))}
        </section>
      </div>
    </Card>
  );
}

/** Wire copy: the stories as the agency marked them up, headline parts still correctable, then imported as drafts. */
function WireStep() {
  const { t } = useTranslation();
  const wire = useImport((s) => s.wire)!;
  const desk = useImport((s) => s.desk);
  const { setDesk, backToText, editWire } = useImport.getState();
  const { busy, error, submit } = useCreateDrafts();
  const missing = wire.stories.some((s) => s.headline.trim() === '');

  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('import.reviewTitle')}</Typography.Title>}
      extra={
        <Space wrap>
          <Button onClick={backToText}>{t('import.back')}</Button>
          <DeskSelect aria-label={t('import.desk')} value={desk} onChange={setDesk} style={{ width: 160 }} />
          <BusyButton type="primary" busy={busy} disabled={missing} onClick={() => void submit(wire.stories)}>
            {t('import.importN', { count: wire.stories.length })}
          </BusyButton>
        </Space>
      }
    >
      <Typography.Paragraph>
        {t('import.wireSummary', { count: wire.stories.length })} <Typography.Text type="secondary">{t('import.fromFile', { name: wire.source })}</Typography.Text>
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      <section aria-label={t('import.stories')} className="import-cards">
        {wire.stories.map((story, k) => (
          <StoryCard key={k} story={story} index={k} onEdit={(field, value) => editWire(k, field, value)} />
        ))}
      </section>
    </Card>
  );
}

function DoneStep() {
  const { t } = useTranslation();
  const imported = useImport((s) => s.imported)!;
  const reset = useImport((s) => s.reset);
  const go = useRoute((s) => s.go);
  return (
    <Card>
      <Result
        status="success"
        title={t('import.doneTitle', { count: imported.length })}
        subTitle={t('import.doneHint')}
        extra={[
          <Button key="list" type="primary" onClick={() => go({ name: 'articles' })}>
            {t('import.toList')}
          </Button>,
          <Button key="again" onClick={reset}>
            {t('import.again')}
          </Button>,
        ]}
      >
        <ol aria-label={t('import.doneList')} style={{ margin: 0 }}>
          {imported.map((a) => (
            <li key={a.id} style={{ marginBottom: 4 }}>
              <a href={routeHash({ name: 'article', id: a.id })}>{a.headline}</a>
              {a.warnings.length > 0 && (
                <ul className="import-warnings">
                  {a.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </Result>
    </Card>
  );
}
