/**
 * The one page frame of the public site (/portal/…): plain HTML, no script. Every public page of
 * every domain renders through `portalPage`; the deployment's masthead and the navigation between
 * public pages are configured once at start-up (`configurePortal`), never written into a domain.
 */

/** Every text reaches a page through this: names, facts and comments are user input. */
export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );
}

/** One entry of the public site's navigation; each domain module declares its own. */
export interface PortalLink {
  href: string;
  label: string;
}

/** What differs between deployments: the unit that runs the site and its registration marks. */
export interface PortalSite {
  /** 主办单位, printed in the masthead and the footer */
  name: string;
  /** 网站标识码 */
  siteCode?: string | undefined;
  /** ICP 备案号 */
  icp?: string | undefined;
}

let site: PortalSite = { name: '法治政府建设信息公开' };
let nav: readonly PortalLink[] = [];

/** Called once by the server with the deployment's settings and every domain's public links. */
export function configurePortal(opts: { site?: PortalSite | undefined; links: readonly PortalLink[] }): void {
  if (opts.site) site = opts.site;
  nav = opts.links;
}

export interface PortalPageOptions {
  title: string;
  /** HTML body, already escaped by the caller */
  body: string;
  /** trail below the home page; the last one is the current page */
  breadcrumbs?: readonly { label: string; href?: string | undefined }[] | undefined;
}

const STYLE = `body{max-width:64em;margin:0 auto;padding:0 1em 2em;font:15px/1.7 sans-serif}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ddd;padding:.3em .5em;text-align:left;font-size:14px}
th{background:#f5f5f5}form{margin:1em 0}form label{margin-right:1em;white-space:nowrap}
dl{display:grid;grid-template-columns:9em 1fr;gap:.3em 1em}dt{color:#666}.notice{color:#a15c00}
header.site{border-bottom:3px solid #b40000;padding:.6em 0}header.site strong{font-size:18px;color:#b40000}
nav.site a{margin-right:1em}nav.crumbs{color:#666;font-size:13px;margin:.6em 0}footer.site{border-top:1px solid #ddd;margin-top:2em;color:#666;font-size:13px}
.table-wrap{overflow-x:auto}`;

/** A complete public page in the deployment's frame. */
export function portalPage(o: PortalPageOptions): string {
  const links = nav.map((l) => `<a href="${escapeHtml(l.href)}">${escapeHtml(l.label)}</a>`).join('');
  const crumbs = o.breadcrumbs?.length
    ? `<nav class="crumbs" aria-label="当前位置">${[{ label: '首页', href: nav[0]?.href }, ...o.breadcrumbs]
        .map((c) =>
          c.href ? `<a href="${escapeHtml(c.href)}">${escapeHtml(c.label)}</a>` : escapeHtml(c.label),
        )
        .join(' › ')}</nav>`
    : '';
  const marks = [site.siteCode ? `网站标识码:${site.siteCode}` : '', site.icp ?? '']
    .filter(Boolean)
    .join(' ');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(o.title)}</title>
<style>${STYLE}</style></head>
<body><header class="site"><strong>${escapeHtml(site.name)}</strong>${links ? `<nav class="site" aria-label="网站导航">${links}</nav>` : ''}</header>
${crumbs}<main>${o.body}</main>
<footer class="site">主办单位:${escapeHtml(site.name)}${marks ? ` · ${escapeHtml(marks)}` : ''}</footer></body></html>`;
}
