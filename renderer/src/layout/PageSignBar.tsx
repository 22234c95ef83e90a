import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { base64ToBytes, PDF_FILE, saveFile } from '../api/saveFile';
import { errorText } from '../api/errorText';
import { FormDialog } from '../components/FormDialog';
import { dateTime } from '../../../shared/text/dates';
import { busyProps } from '../components/BusyButton';
import type { EditionBoard, LayoutPage } from '../../../shared/layout/board';
import type { BoardFit } from '../../../shared/layout/boardFit';
import type { PageTemplate } from '../../../shared/layout/geometry';
import { blankArea, pageSignProblems } from '../../../shared/layout/signCheck';
import { printFileName } from '../../../shared/layout/printFileName';

interface Props {
  board: EditionBoard;
  page: LayoutPage;
  template: PageTemplate;
  fit: BoardFit;
  onChanged(): Promise<void>;
}

type Asking = 'sign' | 'unsign' | 'print' | null;

/**
 * The chief's steps of a page: 签版 after a confirmation that lists what the page still lacks (the
 * same checks the main side makes; it adds the house style and the 校对's sign-off), 撤销签版 with a
 * reason, and 付印 — the signed page as the print plant's PDF, into its folder or downloaded.
 */
export function PageSignBar({ board, page, template, fit, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [asking, setAsking] = useState<Asking>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const stories = new Map(board.stories.map((s) => [s.id, s]));
  const problems = pageSignProblems({ page, template, fit, stories, blankTolerancePercent: board.press.blankTolerancePercent });
  const area = blankArea(page, template);
  const fileName = printFileName(board.press.printFileNamePattern, { date: board.edition.date, page: page.number, name: page.name, issue: board.edition.issueNumber });
  const label = t('layout.pages.item', { number: page.number, name: page.name });

  const open = (what: Asking) => {
    setRefusal(null);
    form.resetFields();
    setAsking(what);
  };
  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      void message.success(await work());
      setAsking(null);
      await onChanged();
    } catch (e) {
      setRefusal(errorText(e, t('layout.errors.generic')));
    } finally {
      setBusy(false);
    }
  };

  const sign = () =>
    run(async () => {
      await api.call('layout.signPage', { pageId: page.id });
      return t('layout.sign.done', { number: page.number });
    });
  const unsign = async ({ reason }: { reason: string }) => {
    await api.call('layout.unsignPage', { pageId: page.id, reason: reason.trim() });
    void message.success(t('layout.sign.undone', { number: page.number }));
    setAsking(null);
    await onChanged();
  };
  const print = () =>
    run(async () => {
      const sent = await api.call('layout.printPage', { pageId: page.id });
      if (sent.dataBase64) await saveFile(sent.fileName, base64ToBytes(sent.dataBase64), PDF_FILE);
      return sent.savedTo ? t('layout.print.sentToFolder', { number: page.number, name: sent.fileName }) : t('layout.print.done', { number: page.number, name: sent.fileName });
    });

  return (
    <>
      <Space wrap size={4}>
        {page.status !== 'signed' && page.status !== 'printed' && (
          <Button size="small" type="primary" onClick={() => open('sign')}>
            {t('layout.sign.button')}
          </Button>
        )}
        {page.status === 'signed' && (
          <>
            <Button size="small" onClick={() => open('unsign')}>
              {t('layout.sign.undo')}
            </Button>
            <Button size="small" type="primary" onClick={() => open('print')}>
              {t('layout.print.button')}
            </Button>
          </>
        )}
      </Space>
      <Modal
        open={asking === 'sign'}
        title={t('layout.sign.title', { page: label })}
        okText={t('layout.sign.confirm')}
        okButtonProps={{ disabled: problems.length > 0, ...busyProps(busy) }}
        cancelText={t('common.cancel')}
        onOk={() => !busy && void sign()}
        onCancel={() => setAsking(null)}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('layout.sign.checked', { blank: Math.round(area.percent * 10) / 10, limit: board.press.blankTolerancePercent })}</Typography.Text>
          {page.proof.signedOff && (
            <Typography.Text>
              {t('layout.sign.proofSigned', { name: page.proof.rounds.at(-1)?.userName ?? '', at: dateTime(page.proof.rounds.at(-1)?.at ?? '') })}
            </Typography.Text>
          )}
          {problems.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              message={t('layout.sign.problems', { count: problems.length })}
              description={
                <ul aria-label={t('layout.sign.problems', { count: problems.length })} className="sign-problems">
                  {problems.map((p) => (
                    <li key={`${p.kind}-${p.slotId ?? ''}-${p.message}`}>{p.message}</li>
                  ))}
                </ul>
              }
            />
          ) : (
            <Alert type="success" showIcon message={t('layout.sign.ready')} />
          )}
          <Typography.Text type="secondary">{t('layout.sign.locks')}</Typography.Text>
          {refusal && <Alert type="error" showIcon role="alert" message={refusal} />}
        </Space>
      </Modal>
      <FormDialog<{ reason: string }>
        open={asking === 'unsign'}
        title={t('layout.sign.undoTitle', { page: label })}
        okText={t('layout.sign.undo')}
        form={form}
        onSubmit={unsign}
        onCancel={() => setAsking(null)}
        failure={t('layout.errors.generic')}
      >
        <Form.Item name="reason" label={t('workflow.reason')} rules={[{ required: true, whitespace: true, message: t('workflow.reasonRequired') }, { max: 500 }]}>
          <Input.TextArea autoFocus rows={3} maxLength={500} showCount placeholder={t('layout.sign.undoPlaceholder')} />
        </Form.Item>
      </FormDialog>
      <Modal
        open={asking === 'print'}
        title={t('layout.print.title', { page: label })}
        okText={t('layout.print.confirm')}
        okButtonProps={busyProps(busy)}
        cancelText={t('common.cancel')}
        onOk={() => !busy && void print()}
        onCancel={() => setAsking(null)}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t(board.press.printToFolder ? 'layout.print.toFolder' : 'layout.print.toDownload', { name: fileName })}</Typography.Text>
          <Typography.Text type="secondary">{t('layout.print.final')}</Typography.Text>
          {refusal && <Alert type="error" showIcon role="alert" message={refusal} />}
        </Space>
      </Modal>
    </>
  );
}
