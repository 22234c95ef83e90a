import { lazy, Suspense, useEffect } from 'react';
import { App, Layout, Menu, Button, Space, Typography, Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../stores/sessionStore';
import { useRoute, type Route } from '../stores/routeStore';
import { api } from '../api/client';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { StatusBar } from '../components/StatusBar';
import { ArticleListScreen } from './ArticleListScreen';
import { ArticleEditorScreen } from './ArticleEditorScreen';
import { QueueScreen } from './QueueScreen';
import { NotificationBell } from '../workflow/NotificationBell';
import { ImportScreen } from '../import/ImportScreen';
import { PhotoLibraryScreen } from '../photos/PhotoLibraryScreen';
import { AdminScreen } from '../workflow/AdminScreen';
import { AuditScreen } from '../workflow/AuditScreen';
import { ProofreadingDeskScreen } from '../proofreading/ProofreadingDeskScreen';
import { PageProofScreen } from '../proofreading/PageProofScreen';
import { useCommands } from '../stores/commandStore';

// The board and its drag-and-drop load only when the layout screen opens.
const LayoutScreen = lazy(() => import('../layout/LayoutScreen').then((m) => ({ default: m.LayoutScreen })));

type NavKey = 'articles' | 'layout' | 'photos' | 'queue' | 'import' | 'admin' | 'audit' | 'wordlists';

function navKey(route: Route): NavKey {
  if (route.name === 'article') return 'articles';
  if (route.name === 'proof') return 'wordlists';
  return route.name;
}

export function Shell() {
  const { t } = useTranslation();
  const session = useSession((s) => s.session)!;
  const system = useSession((s) => s.system);
  const signOut = useSession((s) => s.signOut);
  const expired = useSession((s) => s.expired);
  const route = useRoute((s) => s.route);
  const go = useRoute((s) => s.go);
  const requestNewArticle = useCommands((s) => s.requestNewArticle);
  const can = useSession((s) => s.can);
  const { modal } = App.useApp();

  // Edits that could not be saved are lost at sign-out (their local copies are cleared): ask first.
  const confirmLoss = (stories: number) =>
    new Promise<boolean>((resolve) => {
      modal.confirm({
        title: t('signOut.unsavedTitle'),
        content: t('signOut.unsavedBody', { count: stories }),
        okText: t('signOut.discardAndLeave'),
        okButtonProps: { danger: true },
        cancelText: t('signOut.stay'),
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'session.ended') expired(event.reason);
      }),
    [expired],
  );

  useEffect(
    () =>
      window.newsroom?.onMenuCommand((command) => {
        if (command === 'article.import') {
          go({ name: 'import' });
          return;
        }
        go({ name: 'articles' });
        requestNewArticle();
      }),
    [go, requestNewArticle],
  );

  let screen;
  switch (route.name) {
    case 'article':
      screen = <ArticleEditorScreen key={route.id} id={route.id} />;
      break;
    case 'queue':
      screen = <QueueScreen />;
      break;
    case 'layout':
      screen = (
        <Suspense fallback={<Spin />}>
          <LayoutScreen />
        </Suspense>
      );
      break;
    case 'photos':
      screen = <PhotoLibraryScreen />;
      break;
    case 'import':
      screen = <ImportScreen />;
      break;
    case 'admin':
      screen = <AdminScreen />;
      break;
    case 'audit':
      screen = <AuditScreen />;
      break;
    case 'wordlists':
      screen = <ProofreadingDeskScreen />;
      break;
    case 'proof':
      screen = <PageProofScreen key={route.pageId} pageId={route.pageId} />;
      break;
    default:
      screen = <ArticleListScreen />;
  }

  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#7f1d1d', paddingInline: 16 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}>
          {session.paperName} · {t('app.shortTitle')}
        </Typography.Text>
        <nav aria-label={t('nav.label')} style={{ flex: 1, minWidth: 0 }}>
          <Menu
            theme="dark"
            mode="horizontal"
            style={{ background: 'transparent', borderBottom: 'none' }}
            selectedKeys={[navKey(route)]}
            onClick={({ key }) => go({ name: key as NavKey })}
            items={[
              { key: 'articles', label: t('nav.articles') },
              { key: 'layout', label: t('nav.layout') },
              { key: 'photos', label: t('nav.photos') },
              { key: 'queue', label: t('nav.queue') },
              ...(can('article.create') ? [{ key: 'import', label: t('nav.import') }] : []),
              { key: 'wordlists', label: t('nav.wordlists') },
              ...(can('audit.read') ? [{ key: 'audit', label: t('nav.audit') }] : []),
              ...(can('user.manage') ? [{ key: 'admin', label: t('nav.admin') }] : []),
            ]}
          />
        </nav>
        <Space>
          <NotificationBell />
          <LanguageSwitch />
          <Button size="small" onClick={() => void signOut(confirmLoss)}>
            {t('nav.logout')}
          </Button>
        </Space>
      </Layout.Header>
      {system?.readOnly && <Alert type="warning" banner message={system.readOnlyReason} />}
      <Layout.Content style={{ overflow: 'auto', padding: 16, background: '#f5f5f5' }}>{screen}</Layout.Content>
      <StatusBar />
    </Layout>
  );
}
