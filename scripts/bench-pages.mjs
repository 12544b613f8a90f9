// First-load JavaScript per prerendered page, measured from the production build: every
// script the page's HTML references, raw and gzip-compressed (what a first visit downloads).
// Next 16 no longer prints sizes in `next build`, so this is how the numbers are taken.
// Usage: npm run build && npm run bench:pages [-- /lessons/why-service-mesh …]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(import.meta.dirname, '..');
const APP = path.join(ROOT, '.next', 'server', 'app');
if (!existsSync(APP)) {
  console.error('No production build found: run `npm run build` first.');
  process.exit(1);
}

/** Prerendered HTML files and the route each serves (route groups stripped). */
function htmlPages(dir = APP, prefix = '') {
  const pages = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const segment = /^\(.*\)$/.test(entry.name) ? '' : `/${entry.name}`;
      pages.push(...htmlPages(full, prefix + segment));
    } else if (entry.name.endsWith('.html') && !entry.name.startsWith('_')) {
      const name = entry.name.slice(0, -'.html'.length);
      pages.push({ route: name === 'index' ? prefix || '/' : `${prefix}/${name}`, file: full });
    }
  }
  return pages;
}

const wanted = process.argv.slice(2);
const pages = htmlPages().filter((p) => wanted.length === 0 || wanted.includes(p.route));
const rows = pages
  .map(({ route, file }) => {
    const html = readFileSync(file, 'utf8');
    const srcs = [
      ...new Set(
        [...html.matchAll(/<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/g)].map((m) => m[1]),
      ),
    ];
    let raw = 0;
    let gz = 0;
    for (const src of srcs) {
      const body = readFileSync(path.join(ROOT, '.next', src.replace(/^\/_next\//, '')));
      raw += body.length;
      gz += gzipSync(body, { level: 9 }).length;
    }
    return { route, scripts: srcs.length, rawKb: raw / 1024, gzipKb: gz / 1024 };
  })
  .sort((a, b) => a.route.localeCompare(b.route));

console.log('route'.padEnd(56), 'scripts', 'raw kB'.padStart(9), 'gzip kB'.padStart(9));
for (const r of rows) {
  console.log(
    r.route.padEnd(56),
    String(r.scripts).padStart(7),
    r.rawKb.toFixed(1).padStart(9),
    r.gzipKb.toFixed(1).padStart(9),
  );
}
