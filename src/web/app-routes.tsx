import { Result, Spin } from 'antd';
import { Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useAuth } from './auth/auth-context.js';
import { AppLayout } from './layout/app-layout.js';
import { visibleModules } from './nav.js';
import { VisibleModules } from './visible-modules.js';
import LoginPage from './pages/login-page.js';
import NotFoundPage from './pages/not-found-page.js';

function Loading() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin tip="加载中…">
        <div style={{ height: 40 }} />
      </Spin>
    </div>
  );
}

/** Every screen but the login page needs a session; without one, go to /login and come back. */
function Protected() {
  const { me, modules } = useAuth();
  const location = useLocation();
  if (me === undefined) return <Loading />;
  if (me === null)
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  const visible = visibleModules(modules, me);
  return (
    <VisibleModules.Provider value={visible}>
      <Routes>
        <Route element={<AppLayout modules={visible} />}>
          {visible.flatMap((m) =>
            m.routes.map((r) => (
              <Route
                key={r.path}
                path={r.path}
                element={
                  <Suspense fallback={<Loading />}>
                    <r.element />
                  </Suspense>
                }
              />
            )),
          )}
          {/* the first screen of an allowed module when '/' itself is not one (no 'home' listed) */}
          {!visible.some((m) => m.routes.some((r) => r.path === '/')) && (
            <Route
              path="/"
              element={
                visible[0]?.routes[0] ? (
                  <Navigate to={visible[0].routes[0].path} replace />
                ) : (
                  <Result
                    status="403"
                    title="暂无可用功能"
                    subTitle="您的账号尚未分配任何功能,请联系系统管理员。"
                  />
                )
              }
            />
          )}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </VisibleModules.Provider>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="*" element={<Protected />} />
    </Routes>
  );
}
