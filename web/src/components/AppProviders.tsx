import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SessionProvider } from '../features/auth/session';
import { useReducedMotion } from './useReducedMotion';

/**
 * antd's locale and dayjs follow the i18next language; zh-CN is the default. Dialogs, drawers and menus open without
 * animation for people whose system asks for reduced motion.
 */
export function AppProviders({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const reducedMotion = useReducedMotion();
  const isEnglish = i18n.language === 'en';
  useEffect(() => {
    dayjs.locale(isEnglish ? 'en' : 'zh-cn');
    document.documentElement.lang = isEnglish ? 'en' : 'zh-CN';
    document.title = i18n.t('app.title');
  }, [isEnglish, i18n]);
  return (
    <ConfigProvider locale={isEnglish ? enUS : zhCN} theme={{ token: { colorPrimary: '#1677ff', motion: !reducedMotion } }}>
      <AntdApp>
        <SessionProvider>{children}</SessionProvider>
      </AntdApp>
    </ConfigProvider>
  );
}
