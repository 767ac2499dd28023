/**
 * The one page frame of the public site (/portal/…): plain HTML, no script. Every public page of
 * every domain renders through `portalPage`; the deployment's masthead and the navigation between
 * public pages are configured at start-up and on every change of the settings (`configurePortal`),
 * never written into a domain. Laid out for a phone first (390 px), WCAG 2.1 AA (contrast ≥ 4.5:1,
 * a skip link, labelled landmarks, visible focus), with a 适老化 larger-text switch that needs no
 * script: a link sets a cookie and the server marks the page (`registerPortalFrame`).
 */
import type { FastifyInstance } from 'fastify';

/**
 * The site's icon, inline: without one every first visit asks for /favicon.ico and the browser
 * logs a 404 on the citizen's page.
 */
export const SITE_ICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%238f1b1b'/%3E%3C/svg%3E";

/** Every text reaches a page through this: names, facts and comments are user input. */
export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );
}

const collator = new Intl.Collator('zh-CN-u-co-pinyin');
/** Lists a reader picks from (部门, 机关) in 拼音 order, as a citizen looks for a name. */
export const byName = (a: { name: string }, b: { name: string }): number => collator.compare(a.name, b.name);

/** One entry of the public site's navigation; each domain module declares its own. */
export interface PortalLink {
  href: string;
  label: string;
  /** one line under the section on the public home page */
  description?: string | undefined;
}

/** What differs between deployments: the unit that runs the site and its registration marks. */
export interface PortalSite {
  /** the site's name in the masthead */
  name: string;
  /** 主办单位, printed in the footer (the site's name when not given) */
  sponsor?: string | undefined;
  /** 网站标识码 */
  siteCode?: string | undefined;
  /** ICP 备案号 */
  icp?: string | undefined;
  /** 公安机关备案号 */
  policeRecord?: string | undefined;
  /** 联系方式 */
  contact?: string | undefined;
}

let site: PortalSite = { name: '法治政府建设信息公开' };
let nav: readonly PortalLink[] = [];

/**
 * Called by the server at start with every domain's public links and the deployment's settings,
 * and again with the settings whenever they are saved.
 */
export function configurePortal(opts: {
  site?: PortalSite | undefined;
  links?: readonly PortalLink[] | undefined;
}): void {
  if (opts.site) site = opts.site;
  if (opts.links) nav = opts.links;
}

/** The sections of the public site, as the navigation lists them. */
export const portalSections = (): readonly PortalLink[] => nav;

export interface PortalPageOptions {
  title: string;
  /** HTML body, already escaped by the caller */
  body: string;
  /** trail below the home page; the last one is the current page */
  breadcrumbs?: readonly { label: string; href?: string | undefined }[] | undefined;
  /** extra CSS for this page's own content (e.g. a report's print layout), scoped by the caller */
  style?: string | undefined;
}

export const PORTAL_HOME = '/portal';
/** the 适老化 switch: `/portal/text-size?size=large` sets the cookie and returns to the page */
export const TEXT_SIZE_PATH = '/portal/text-size';
export const TEXT_SIZE_COOKIE = 'portal_text';

// Colours checked for WCAG 2.1 AA: #9e1b1b on white 8.0:1, white on #9e1b1b 8.0:1, #0b4ea2 on
// white 7.6:1, #4a4a4a on white 8.9:1, #8a4b00 on white 6.6:1.
const STYLE = `*{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%}html.large{font-size:125%}
body{margin:0;font:1rem/1.75 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f1f1f;background:#f4f4f4}
a{color:#0b4ea2}a:hover{color:#07336b}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:9}.skip:focus{left:0}
.wrap{max-width:72rem;margin:0 auto;padding:0 1rem}
.topbar{background:#fff;border-bottom:1px solid #ddd;font-size:.875rem}
.topbar .wrap{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.25rem 1rem;padding-block:.25rem}
.topbar .to-normal{display:none}html.large .topbar .to-normal{display:inline}html.large .topbar .to-large{display:none}
.masthead{background:#9e1b1b;color:#fff}
.masthead .wrap{padding-block:1rem}
.masthead .name{display:block;font-size:1.5rem;font-weight:700;letter-spacing:.05em;color:#fff;text-decoration:none;line-height:1.4}
.masthead .sponsor{font-size:.875rem;opacity:.95}
nav.site{background:#7f1414}
nav.site ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap}
nav.site a{display:block;color:#fff;text-decoration:none;padding:.6rem 1rem;font-size:1rem}
nav.site a[aria-current]{background:#5c0e0e;font-weight:700}nav.site a:hover{background:#5c0e0e;color:#fff}
nav.crumbs{font-size:.875rem;color:#4a4a4a;padding:.75rem 0}nav.crumbs ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap}
nav.crumbs li+li::before{content:"›";padding:0 .4rem;color:#4a4a4a}
main{background:#fff;border:1px solid #e3e3e3;padding:1rem;margin-bottom:1.5rem;overflow-wrap:anywhere}
main h1{font-size:1.5rem;line-height:1.4;color:#9e1b1b;margin:.25rem 0 1rem}
main table{display:block;overflow-x:auto;border-collapse:collapse;max-width:100%}
th,td{border:1px solid #d0d0d0;padding:.35rem .5rem;text-align:left;font-size:.9375rem;vertical-align:top}
th{background:#f5f5f5;white-space:nowrap}
form{margin:1rem 0;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end}
form label{display:flex;flex-direction:column;font-size:.875rem;max-width:100%}
input,select,button{font:inherit;font-size:1rem;max-width:100%;padding:.3rem .5rem;border:1px solid #767676;border-radius:3px;background:#fff;color:#1f1f1f}
button{background:#9e1b1b;color:#fff;border-color:#9e1b1b;cursor:pointer}
dl{display:grid;grid-template-columns:minmax(6rem,10rem) 1fr;gap:.3rem 1rem}dt{color:#4a4a4a}dd{margin:0}
.notice{color:#8a4b00}.muted{color:#4a4a4a}
.sections{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:1rem}
.sections a{display:block;border:1px solid #e3e3e3;border-top:3px solid #9e1b1b;padding:1rem;text-decoration:none;height:100%}
.sections strong{display:block;font-size:1.125rem;color:#9e1b1b}.sections span{color:#4a4a4a;font-size:.9375rem}
footer.site{background:#fff;border-top:3px solid #9e1b1b;color:#4a4a4a;font-size:.875rem}
footer.site .wrap{padding-block:1rem}footer.site p{margin:.2rem 0}
@media (max-width:600px){.masthead .name{font-size:1.25rem}nav.site a{padding:.5rem .75rem}main{padding:.75rem}dl{grid-template-columns:1fr}dt{font-weight:700}}
@media print{.topbar,nav.site,nav.crumbs,.skip{display:none}main{border:0}}`;

/** The section a page belongs to: the navigation entry its trail starts with. */
function currentSection(crumbs: PortalPageOptions['breadcrumbs']): string | undefined {
  const first = crumbs?.find((c) => c.href)?.href ?? undefined;
  return nav.find((l) => first === l.href || first?.startsWith(`${l.href}/`))?.href;
}

/** A complete public page in the deployment's frame. */
export function portalPage(o: PortalPageOptions): string {
  const current = o.breadcrumbs === undefined ? PORTAL_HOME : currentSection(o.breadcrumbs);
  const links = [{ href: PORTAL_HOME, label: '首页' }, ...nav]
    .map(
      (l) =>
        `<li><a href="${escapeHtml(l.href)}"${l.href === current ? ' aria-current="page"' : ''}>${escapeHtml(l.label)}</a></li>`,
    )
    .join('');
  const trail = o.breadcrumbs?.length
    ? `<nav class="crumbs" aria-label="当前位置"><ol>${[
        { label: '首页', href: PORTAL_HOME },
        ...o.breadcrumbs,
      ]
        .map((c, i, all) =>
          c.href && i < all.length - 1
            ? `<li><a href="${escapeHtml(c.href)}">${escapeHtml(c.label)}</a></li>`
            : `<li aria-current="page">${escapeHtml(c.label)}</li>`,
        )
        .join('')}</ol></nav>`
    : '';
  const sponsor = site.sponsor ?? site.name;
  const marks = [
    `<p>主办单位:${escapeHtml(sponsor)}</p>`,
    site.contact ? `<p>联系方式:${escapeHtml(site.contact)}</p>` : '',
    [
      site.siteCode ? `网站标识码:${escapeHtml(site.siteCode)}` : '',
      site.icp ? `${escapeHtml(site.icp)}` : '',
      site.policeRecord ? `${escapeHtml(site.policeRecord)}` : '',
    ]
      .filter(Boolean)
      .map((m) => `<span>${m}</span>`)
      .join(' &nbsp; '),
  ]
    .filter(Boolean)
    .join('');
  const size = `${TEXT_SIZE_PATH}?size=`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="${SITE_ICON}"><title>${escapeHtml(o.title)} - ${escapeHtml(site.name)}</title>
<style>${STYLE}${o.style ?? ''}</style></head>
<body><a class="skip" href="#main">跳到正文</a>
<div class="topbar"><div class="wrap"><span>${escapeHtml(sponsor)}</span><span><a class="to-large" href="${size}large">大字版(适老化)</a><a class="to-normal" href="${size}normal">标准字号</a></span></div></div>
<header class="masthead"><div class="wrap"><a class="name" href="${PORTAL_HOME}">${escapeHtml(site.name)}</a><span class="sponsor">${escapeHtml(sponsor)}</span></div></header>
<nav class="site" aria-label="网站导航"><div class="wrap"><ul>${links}</ul></div></nav>
<div class="wrap">${trail || '<div style="height:1rem"></div>'}<main id="main" tabindex="-1">${o.body}</main></div>
<footer class="site"><div class="wrap">${marks}</div></footer></body></html>`;
}

/** The public home page: the site's sections, each with what it holds. */
export function portalHomeHtml(): string {
  const items = nav
    .map(
      (l) =>
        `<li><a href="${escapeHtml(l.href)}"><strong>${escapeHtml(l.label)}</strong>${l.description ? `<span>${escapeHtml(l.description)}</span>` : ''}</a></li>`,
    )
    .join('');
  return portalPage({
    title: '首页',
    body: `<h1>${escapeHtml(site.name)}</h1><p class="muted">依法公开的法治政府建设信息,无需登录即可查阅。</p><ul class="sections">${items}</ul>`,
  });
}

/** Where the text-size switch returns: the public page the reader came from, never elsewhere. */
export function backToPortal(referer: string | undefined, host: string | undefined): string {
  if (!referer) return PORTAL_HOME;
  try {
    const u = new URL(referer);
    if (host && u.host !== host) return PORTAL_HOME;
    return u.pathname.startsWith('/portal') && u.pathname !== TEXT_SIZE_PATH
      ? `${u.pathname}${u.search}`
      : PORTAL_HOME;
  } catch {
    return PORTAL_HOME;
  }
}

/**
 * The frame's own routes: the public home page and the 适老化 switch (a cookie the server reads
 * on every public page, marking it `class="large"`: larger text without any script).
 */
export function registerPortalFrame(
  app: FastifyInstance,
  opts: {
    /** re-reads the deployment's settings (saved by any app instance) into the frame */
    refreshSite?: () => Promise<void>;
    /** how stale the frame's settings may be, at most (default 5 s) */
    refreshEveryMs?: number;
  } = {},
): void {
  const { refreshSite } = opts;
  if (refreshSite) {
    const every = opts.refreshEveryMs ?? 5000;
    let loadedAt = Date.now();
    app.addHook('onRequest', async (req) => {
      if (!req.url.startsWith(PORTAL_HOME) || Date.now() - loadedAt < every) return;
      loadedAt = Date.now();
      await refreshSite();
    });
  }
  app.get(PORTAL_HOME, { schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/html; charset=utf-8').send(portalHomeHtml()),
  );
  app.get<{ Querystring: { size?: string } }>(
    TEXT_SIZE_PATH,
    { schema: { hide: true } },
    async (req, reply) => {
      const large = req.query.size === 'large';
      reply.header(
        'set-cookie',
        `${TEXT_SIZE_COOKIE}=${large ? 'large' : 'normal'}; Path=/portal; Max-Age=${large ? 31536000 : 0}; SameSite=Lax`,
      );
      return reply.redirect(backToPortal(req.headers.referer, req.headers.host), 303);
    },
  );
  app.addHook('onSend', async (req, reply, payload) => {
    if (typeof payload !== 'string' || !req.url.startsWith('/portal')) return payload;
    if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return payload;
    const cookie = req.headers.cookie ?? '';
    if (!new RegExp(`(?:^|;\\s*)${TEXT_SIZE_COOKIE}=large(?:;|$)`).test(cookie)) return payload;
    return payload.replace('<html lang="zh-CN">', '<html lang="zh-CN" class="large">');
  });
}
