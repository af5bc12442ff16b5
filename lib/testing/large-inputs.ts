/**
 * Large invented inputs for the parser's budget tests and benches: a news page of about the
 * given size (an article among page furniture, as real pages are), and an RSS feed of many
 * entries. Deterministic: the same arguments give the same bytes.
 */

const SENTENCES = [
  "Rescue teams reached the invented village of Tarrow after the river burst its banks overnight, the regional authority said.",
  "Two bridges on the northern road were closed while engineers checked their pillars, according to the transport office.",
  "A spokesperson for the fictional relief agency said 340 families had been moved to schools on higher ground.",
  "Residents described water rising to the first floor of houses near the market within an hour.",
  "The weather service said more rain was expected in the hills on Thursday, with the river likely to peak by evening.",
];

function paragraph(index: number): string {
  return `${SENTENCES[index % SENTENCES.length]} ${SENTENCES[(index + 2) % SENTENCES.length]} (Update ${index + 1}.)`;
}

/** An HTML news page of roughly `bytes` bytes: navigation, sidebars and comments around one long article. */
export function largeHtmlPage(bytes: number): string {
  const furniture = (index: number) =>
    `<aside class="related"><h3>Related ${index}</h3><ul>${Array.from({ length: 6 }, (_, item) => `<li><a href="/story/${index}-${item}">Another invented story ${index}.${item}</a></li>`).join("")}</ul></aside>`;
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>River floods Tarrow valley | Tarrow Valley Gazette</title><meta property="og:site_name" content="Tarrow Valley Gazette"><meta name="author" content="Desk Reporter"><meta property="article:published_time" content="2031-12-04T06:00:00Z"></head><body><header><nav>${Array.from({ length: 40 }, (_, index) => `<a href="/section/${index}">Section ${index}</a>`).join(" ")}</nav></header><main><article><h1>River floods Tarrow valley</h1><p class="byline">By Desk Reporter</p>`;
  const tail = `</article></main><footer><p>© Tarrow Valley Gazette (invented for tests)</p></footer></body></html>`;
  const parts: string[] = [head];
  let size = head.length + tail.length;
  for (let index = 0; size < bytes; index++) {
    const chunk = index % 8 === 7 ? furniture(index) : `<p>${paragraph(index)}</p>`;
    parts.push(chunk);
    size += chunk.length;
  }
  parts.push(tail);
  return parts.join("");
}

/** An RSS 2.0 feed with `entries` items, each a short invented report with its own guid. */
export function largeFeed(entries: number): string {
  const items = Array.from(
    { length: entries },
    (_, index) =>
      `<item><title>Flood update ${index + 1} from the Tarrow valley</title><guid isPermaLink="false">tvg-flood-${index + 1}</guid><pubDate>Thu, 04 Dec 2031 06:${String(index % 60).padStart(2, "0")}:00 +0000</pubDate><description><![CDATA[<p>${paragraph(index)}</p><p>${paragraph(index + 1)}</p>]]></description></item>`,
  ).join("");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Tarrow Valley Gazette</title><link>https://tarrow-gazette.example/</link>${items}</channel></rss>`;
}
