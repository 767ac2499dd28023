import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The web app lives in src/web and is built into dist/web, which the Fastify server serves
 * from the same origin (no CORS, the session cookie and CSRF header just work).
 */
export default defineConfig({
  root: here('./src/web'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: here('./dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // Vendors change less often than our screens: separate chunks stay cached across releases.
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom)\//.test(id))
            return 'react';
          if (/node_modules\/(echarts|zrender|echarts-for-react)\//.test(id)) return 'echarts';
          if (/node_modules\/(antd|@ant-design|rc-[^/]+|@rc-component|dayjs)\//.test(id)) return 'antd';
          return 'vendor';
        },
      },
    },
  },
  server: {
    // `npx vite` during development: the API comes from a running `fazhi serve`. The source
    // folder src/web/api/ is also served under /api/, so .ts/.tsx modules are not proxied.
    proxy: { '^/api/(?!.*\\.tsx?(\\?.*)?$)': process.env.FAZHI_API_URL ?? 'http://127.0.0.1:8080' },
  },
});
