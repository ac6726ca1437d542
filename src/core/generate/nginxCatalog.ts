// The fixed vocabulary of the nginx generator: user agents, static assets, scanner probes,
// search terms, referrers and the body sizes nginx writes for its own error pages.
import type { SeededRandom } from './random';

export const SITE = 'https://shop.example.com';

export const BROWSER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36 Edg/123.0.2420.81',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36',
  'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:124.0) Gecko/20100101 Firefox/124.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (iPad; CPU OS 16_7_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36',
  'Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36',
];

export const BOT_AGENTS = [
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.91 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
  'Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)',
  'Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)',
];

/** Scanners often send no user agent (`-`) or one crafted to break naive parsers. */
export const SCANNER_AGENTS = [
  'Mozilla/5.0 zgrab/0.x',
  'curl/7.88.1',
  'python-requests/2.31.0',
  'Go-http-client/1.1',
  '-',
  'Mozilla/5.0 (compatible; \\x22Nuclei\\x22 - Open-source project (github.com/projectdiscovery/nuclei))',
];

/** Probes a vulnerability scanner sends, with the status nginx answers. */
export const SCANNER_PROBES: ReadonlyArray<{ method: string; path: string; status: number }> = [
  { method: 'GET', path: '/wp-login.php', status: 404 },
  { method: 'GET', path: '/.env', status: 404 },
  { method: 'GET', path: '/.git/config', status: 403 },
  { method: 'GET', path: '/phpmyadmin/index.php', status: 404 },
  { method: 'POST', path: '/boaform/admin/formLogin', status: 404 },
  { method: 'GET', path: '/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php', status: 404 },
  { method: 'GET', path: '/cgi-bin/luci/;stok=/locale?form=country&operation=write&country=$(id)', status: 400 },
  { method: 'GET', path: '/?XDEBUG_SESSION_START=phpstorm', status: 200 },
  { method: 'GET', path: '/actuator/health', status: 404 },
  { method: 'GET', path: '/admin/', status: 401 },
  { method: 'PROPFIND', path: '/', status: 405 },
];

/** Request lines that are not HTTP: a TLS handshake sent to the plain port, escaped by nginx. */
export const JUNK_REQUESTS = [
  '\\x16\\x03\\x01\\x00\\xF7\\x01\\x00\\x00\\xF3\\x03\\x03\\xA1\\x9C\\x0E\\xB4\\x8F',
  '\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xFC\\x03\\x03',
  'SSH-2.0-Go',
  '-',
];

export interface Asset {
  path: string;
  bytes: number;
}

export const PAGE_ASSETS: readonly Asset[] = [
  { path: '/static/css/main.3f2a1c.css', bytes: 48213 },
  { path: '/static/js/vendor.51ac0d.js', bytes: 187420 },
  { path: '/static/js/app.9b1e22.js', bytes: 64318 },
  { path: '/images/logo.svg', bytes: 3412 },
  { path: '/fonts/inter-var.woff2', bytes: 98764 },
];

export const FAVICON: Asset = { path: '/favicon.ico', bytes: 15086 };

export const CATEGORIES = ['shoes', 'electronics', 'books', 'kitchen', 'outdoor', 'toys', 'beauty'];

export const SEARCH_TERMS = [
  'running+shoes',
  'usb+c+cable',
  'coffee+grinder',
  'tent+2+person',
  'wireless+earbuds',
  'yoga+mat',
  'lego',
  'kindle',
  'cast+iron+pan',
  'sunscreen+spf+50',
  'rain+jacket',
  'gift+card',
  'caf%C3%A9+press',
];

export const EXTERNAL_REFERRERS = [
  'https://www.google.com/',
  'https://www.google.de/',
  'https://www.bing.com/',
  'https://duckduckgo.com/',
  'https://t.co/',
  'https://www.facebook.com/',
  'android-app://com.google.android.gm/',
];

/** Body sizes of nginx's built-in pages for status codes the application does not render. */
export const ERROR_PAGE_BYTES: Readonly<Record<number, number>> = {
  301: 162,
  302: 138,
  400: 157,
  401: 179,
  403: 153,
  404: 153,
  405: 157,
  500: 177,
  502: 157,
  503: 190,
  504: 167,
};

/** A product page's query string when the visit comes from a campaign: long, like real ones. */
export function campaignQuery(random: SeededRandom): string {
  let click = '';
  for (let i = 0; i < 5; i++) click += random.uint32().toString(36);
  return `?utm_source=newsletter&utm_medium=email&utm_campaign=spring_sale_${random.between(2023, 2025)}&fbclid=IwAR${click}`;
}
