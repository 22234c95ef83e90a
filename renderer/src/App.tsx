import { useEffect } from 'react';
import { Result, Spin, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from './stores/sessionStore';
import { FirstRunScreen } from './screens/FirstRunScreen';
import { LoginScreen } from './screens/LoginScreen';
import { Shell } from './screens/Shell';
import { AntdSetup } from './components/AntdSetup';
import { ServerLine } from './screens/ServerLine';
import { useConnection } from './stores/connectionStore';

export function App() {
  const { t, i18n } = useTranslation();
  const phase = useSession((s) => s.phase);
  const error = useSession((s) => s.error);
  const boot = useSession((s) => s.boot);

  useEffect(() => useConnection.getState().follow(), []);

  useEffect(() => {
    void boot();
  }, [boot]);

  useEffect(() => {
    document.title = t('app.title');
  }, [t, i18n.language]);

  let content;
  switch (phase) {
    case 'loading':
      content = (
        <div className="centered-page">
          <Spin tip={t('app.loading')}>
            <div style={{ width: 200, height: 80 }} />
          </Spin>
        </div>
      );
      break;
    case 'first-run':
      content = <FirstRunScreen />;
      break;
    case 'login':
      content = <LoginScreen />;
      break;
    case 'ready':
      content = <Shell />;
      break;
    default:
      content = (
        <div className="centered-page">
          <Result
            status="warning"
            title={t('app.unavailable')}
            subTitle={error}
            extra={
              <>
                <Button type="primary" onClick={() => void boot()}>
                  {t('common.retry')}
                </Button>
                <ServerLine />
              </>
            }
          />
        </div>
      );
  }

  return (
    <AntdSetup>{content}</AntdSetup>
  );
}
