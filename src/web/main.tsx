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

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#b71c1c', borderRadius: 4 } }}>
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
