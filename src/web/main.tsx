import { App as AntApp, ConfigProvider } from 'antd';
import type { Locale } from 'antd/es/locale/index.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { setMessageApi } from './api/feedback.js';
import { AppRoutes } from './app-routes.js';
import { AuthProvider } from './auth/auth-context.js';

dayjs.locale('zh-cn');

// antd's locale files are ES modules in a package without "type": "module": TypeScript (NodeNext)
// sees a CommonJS namespace whose `default` is the locale, Vite hands over the locale itself.
const zhCN: Locale = 'default' in zhCNModule ? zhCNModule.default : zhCNModule;

/** Hands antd's context-aware message API to code outside components. */
function FeedbackBridge() {
  const { message } = AntApp.useApp();
  useEffect(() => {
    setMessageApi(message);
    return () => setMessageApi(null);
  }, [message]);
  return null;
}

/**
 * Colours for WCAG 2.1 AA's 4.5:1 for text (axe-core color-contrast on every home page): antd's
 * tertiary grey (0.45 black: 说明文字, 描述列表的标签) is 2.9:1 on white, 0.6 black 5.7:1 (5:1 on
 * the grey page background); its link blue #1677ff is 4.1:1, blue-7 #0958d9 6.2:1; white on its
 * error red #ff4d4f (the count badges) 3.3:1, on red-7 #cf1322 5.6:1.
 */
const theme = {
  token: {
    colorPrimary: '#b71c1c',
    borderRadius: 4,
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorLink: '#0958d9',
    colorLinkHover: '#003eb3',
    colorError: '#cf1322',
  },
};

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntApp>
        <FeedbackBridge />
        <BrowserRouter>
          <AuthProvider>
            <AppRoutes />
          </AuthProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
