/**
 * The public explainer page, the 410 notice and the 404, as complete HTML documents. Built as
 * strings (not React) so they can be rendered once per publish and served from memory; every
 * value from the database goes through `escapeHtml` or the document renderer.
 */
import { explainerJsonLd, jsonForScript, PUBLIC_SITE_NAME } from "./json-ld";
import { PUBLIC_STATUS_LABEL, citationKey, type PublicCitation, type PublicExplainer } from "./public-explainer";
import { documentText, escapeHtml, renderDocument, stripUnsafeChars, type CitationUse } from "./render-document";

type LiveExplainer = Extract<PublicExplainer, { kind: "live" }>;
type GoneExplainer = Extract<PublicExplainer, { kind: "gone" }>;

const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "4 Mar 2026, 08:00 UTC" in a <time> element. */
export function timeHtml(date: Date): string {
  return `<time datetime="${date.toISOString()}">${escapeHtml(DATE_TIME.format(date))} UTC</time>`;
}

const esc = (value: string) => escapeHtml(stripUnsafeChars(value));

const LABEL_CLASS: Record<string, string> = {
  VERIFIED: "confirmed",
  UNVERIFIED: "unverified",
  IN_PROGRESS: "unverified",
  DISPUTED: "disputed",
  FALSE: "false",
  UNVERIFIABLE: "unverified",
};

export const STYLES = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#fff;color:#16191d;font:18px/1.6 Charter,"Bitstream Charter","Sitka Text",Cambria,Georgia,serif;overflow-wrap:anywhere}
a{color:#0b4f8a}
.sans,.site,.kicker,.meta,.sources,h2,.corrections,footer{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.site{border-bottom:1px solid #e4e6ea}
.site div{max-width:44rem;margin:0 auto;padding:.75rem 1.25rem;display:flex;justify-content:space-between;align-items:baseline;gap:1rem}
.site strong{color:#16191d;font-weight:800;letter-spacing:-.01em;font-size:1.05rem}
.site span{color:#5d6570;font-size:.8rem}
main{max-width:44rem;margin:0 auto;padding:2rem 1.25rem 3rem}
.kicker{margin:0;color:#a4261c;font-size:.78rem;font-weight:700;letter-spacing:.09em;text-transform:uppercase}
h1{margin:.4rem 0 .7rem;font-size:clamp(1.85rem,5.2vw,2.7rem);line-height:1.14;letter-spacing:-.015em;font-weight:700}
.dek{margin:0 0 1rem;font-size:1.2rem;line-height:1.5;color:#3b4149}
.meta{margin:0 0 1.5rem;color:#5d6570;font-size:.82rem}
.meta strong{color:#16191d;font-weight:600}
h2{margin:2.25rem 0 .5rem;padding-top:.65rem;border-top:2px solid #16191d;font-size:1.12rem;line-height:1.3;font-weight:750;letter-spacing:-.005em}
article ul,article ol{margin:.5rem 0;padding-left:1.3rem}
article li{margin:.85rem 0;padding-left:.2rem}
article li::marker{color:#a4261c}
article p{margin:.4rem 0}
.attribution{font-style:italic}
.debunked{color:#9b1c13}
.cite a{font:700 .68rem/1 system-ui,sans-serif;color:#0b4f8a;text-decoration:none;padding:0 .12em;margin-left:.05em}
.cite a:focus-visible,footer a:focus-visible{outline:2px solid #0b4f8a;outline-offset:2px;border-radius:2px}
.sources{list-style:none;margin:.35rem 0 0!important;padding:0!important;color:#5d6570;font-size:.78rem;line-height:1.5}
.sources li{margin:.15rem 0!important;padding:0!important}
.sources .n{display:inline-block;min-width:1.1em;font-weight:700;color:#0b4f8a}
.label{display:inline-block;margin-right:.35em;padding:0 .4em;border-radius:3px;font-weight:650;font-size:.72rem;letter-spacing:.01em;white-space:nowrap}
.l-confirmed{background:#e5f3e9;color:#17613a}
.l-unverified{background:#eef0f3;color:#3f4650}
.l-disputed{background:#fff1d6;color:#7a4a00}
.l-false{background:#fde6e4;color:#9b1c13}
.outlet{color:#3b4149;font-weight:600}
.outlet a{color:inherit}
.corrections{margin-top:2.5rem;padding:1rem 1.1rem;background:#f7f6f1;border-left:3px solid #a4261c;font-size:.9rem}
.corrections h2{margin:0 0 .4rem;padding:0;border:0;font-size:.95rem}
.corrections ol{margin:0;padding-left:1.1rem}
.corrections li{margin:.35rem 0}
.legend{margin-top:2.5rem;color:#5d6570;font-size:.8rem;font-family:system-ui,sans-serif}
footer{border-top:1px solid #e4e6ea;color:#5d6570;font-size:.78rem}
footer div{max-width:44rem;margin:0 auto;padding:1rem 1.25rem 2rem}
.notice{font-size:1.1rem;line-height:1.55;border-left:3px solid #a4261c;padding-left:1rem;white-space:pre-line}
@media (max-width:480px){body{font-size:17px}main{padding-top:1.25rem}.dek{font-size:1.08rem}}
@media print{.site,footer{display:none}}
`;

function shell(options: { title: string; head: string; body: string; footer?: string }): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${options.title}</title>${options.head}<style>${STYLES}</style></head><body>` +
    `<header class="site"><div><strong>${PUBLIC_SITE_NAME}</strong><span>What to know</span></div></header>` +
    `<main id="main">${options.body}</main>` +
    `<footer><div>${options.footer ?? ""}<a href="/explainers/feed.atom">Atom feed</a> · <a href="/explainers/feed.rss">RSS</a></div></footer></body></html>`
  );
}

function sourceLine(use: CitationUse, citation: PublicCitation): string {
  const label = PUBLIC_STATUS_LABEL[citation.status];
  const outlets = citation.sources
    .map((source) => {
      const name = source.url ? `<a href="${escapeHtml(source.url)}" rel="nofollow noopener">${esc(source.outlet)}</a>` : esc(source.outlet);
      return `<span class="outlet">${name}</span>${source.publishedAt ? `, ${timeHtml(source.publishedAt)}` : ""}`;
    })
    .join("; ");
  const more = citation.kind === "fact" && citation.sourceCount > citation.sources.length ? ` (${citation.sourceCount} outlets)` : "";
  return (
    `<li id="source-${use.number}"><span class="n">${use.number}</span> ` +
    `<span class="label l-${LABEL_CLASS[citation.status]}">${label}</span>${outlets || "Source withheld"}${more}</li>`
  );
}

/** The live explainer page. `url` is its canonical address. */
export function renderExplainerPage(explainer: LiveExplainer, url: string): string {
  const rendered = renderDocument(explainer.content, {
    isKnownCitation: (attrs) => explainer.citations.has(citationKey(attrs)),
    renderSources: (uses) =>
      `<ul class="sources" aria-label="Sources">${uses.map((use) => sourceLine(use, explainer.citations.get(citationKey(use))!)).join("")}</ul>`,
  });
  const title = stripUnsafeChars(explainer.title);
  const description = stripUnsafeChars(explainer.dek) || documentText(explainer.content, 200);

  // one ClaimReview per claim or fact, at its first appearance
  const firstUse = new Map<string, number>();
  for (const use of rendered.citations) if (!firstUse.has(citationKey(use))) firstUse.set(citationKey(use), use.number);
  const jsonLd = explainerJsonLd({
    url,
    title,
    description,
    publishedAt: explainer.publishedAt,
    firstPublishedAt: explainer.firstPublishedAt,
    citations: [...firstUse].map(([key, number]) => ({ number, citation: explainer.citations.get(key)! })),
  });

  const updated = explainer.publishedAt.getTime() !== explainer.firstPublishedAt.getTime();
  const meta =
    `<p class="meta">${updated ? `<strong>Updated</strong> ${timeHtml(explainer.publishedAt)} · First published ${timeHtml(explainer.firstPublishedAt)}` : `Published ${timeHtml(explainer.publishedAt)}`}` +
    `${explainer.corrections.length > 0 ? ` · <a href="#corrections">${explainer.corrections.length === 1 ? "1 correction" : `${explainer.corrections.length} corrections`}</a>` : ""}</p>`;
  const corrections =
    explainer.corrections.length === 0
      ? ""
      : `<section class="corrections" id="corrections" aria-labelledby="corrections-title"><h2 id="corrections-title">Corrections</h2><ol>${explainer.corrections
          .map((c) => `<li>${timeHtml(c.createdAt)}: ${esc(c.note)}</li>`)
          .join("")}</ol></section>`;

  const head =
    `<meta name="description" content="${esc(description)}">` +
    `<link rel="canonical" href="${escapeHtml(url)}">` +
    `<link rel="alternate" type="application/atom+xml" title="${PUBLIC_SITE_NAME} explainers" href="/explainers/feed.atom">` +
    `<meta property="og:type" content="article"><meta property="og:site_name" content="${PUBLIC_SITE_NAME}">` +
    `<meta property="og:title" content="${esc(title)}"><meta property="og:description" content="${esc(description)}">` +
    `<meta property="og:url" content="${escapeHtml(url)}">` +
    `<meta property="article:published_time" content="${explainer.firstPublishedAt.toISOString()}">` +
    `<meta property="article:modified_time" content="${explainer.publishedAt.toISOString()}">` +
    `<meta name="twitter:card" content="summary"><meta name="twitter:title" content="${esc(title)}"><meta name="twitter:description" content="${esc(description)}">` +
    `<script type="application/ld+json">${jsonForScript(jsonLd)}</script>`;

  const body =
    `<article><p class="kicker">What to know</p><h1>${esc(title)}</h1>` +
    (explainer.dek ? `<p class="dek">${esc(explainer.dek)}</p>` : "") +
    meta +
    rendered.html +
    corrections +
    `<p class="legend">Labels: <strong>Confirmed</strong> — our editors checked it against independent sources. <strong>Not independently verified</strong> — reported, but not yet confirmed by us; we say who said it. <strong>Disputed</strong> — credible sources disagree. <strong>False</strong> — shown to be wrong.</p>` +
    `</article>`;
  return shell({
    title: `${esc(title)} · ${PUBLIC_SITE_NAME}`,
    head,
    body,
    footer: "Every point in this explainer links to the reports behind it. Labels show what our editors could check. ",
  });
}

/** The 410 page of a withdrawn explainer: the notice only, no trace of its former content. */
export function renderGonePage(explainer: GoneExplainer): string {
  const body =
    `<article><p class="kicker">What to know</p><h1>This explainer has been withdrawn</h1>` +
    `<p class="meta">Withdrawn ${timeHtml(explainer.unpublishedAt)}</p>` +
    (explainer.notice ? `<p class="notice">${esc(explainer.notice)}</p>` : "") +
    `</article>`;
  return shell({ title: `Withdrawn · ${PUBLIC_SITE_NAME}`, head: `<meta name="robots" content="noindex">`, body });
}

/** The 404 for slugs with nothing public behind them (unknown, or never published). */
export function renderNotFoundPage(): string {
  return shell({
    title: `Not found · ${PUBLIC_SITE_NAME}`,
    head: `<meta name="robots" content="noindex">`,
    body: `<article><p class="kicker">What to know</p><h1>There is no explainer at this address</h1><p>It may not be published yet, or the link may be mistyped.</p></article>`,
  });
}
