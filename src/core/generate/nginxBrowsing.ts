// How a person moves through the shop in the nginx generator: a landing page (often from a
// search engine or a campaign link), then products, categories and searches, adding to the
// cart (POST, 302 to /cart), logging in before checkout (POST /login, 302 to /checkout) and
// paying (POST /checkout, 302 to the confirmation). Pages that render HTML pull their
// static assets; later pages in a visit mostly get 304s from the browser cache.
import {
  CATEGORIES,
  EXTERNAL_REFERRERS,
  FAVICON,
  PAGE_ASSETS,
  SEARCH_TERMS,
  campaignQuery,
  type Asset,
} from './nginxCatalog';
import type { SeededRandom } from './random';

export interface BrowsingState {
  lastUrl: string;
  cartItems: number;
  loggedIn: boolean;
  lastWasProduct: boolean;
}

export interface PageRequest {
  method: string;
  url: string;
  /** 200, or the redirect / error the application answers with. */
  status: number;
  bytes: number;
  /** True when a browser renders it and fetches assets. */
  html: boolean;
  referrer: string;
  firstOfSession: boolean;
  redirectTo?: PageRequest;
  /** The product a `/products/<id>` page shows: its image is one of the page's assets. */
  productId?: number;
}

export interface PageAsset extends Asset {
  /** Revisits get a 304 from the browser cache. */
  cacheable: boolean;
  /** `path` encoded, written on every request for the asset. */
  pathBytes: Uint8Array;
}

const PRODUCTS = 400;
const pageAsset = (asset: Asset, cacheable: boolean): PageAsset => ({
  ...asset,
  cacheable,
  pathBytes: Buffer.from(asset.path, 'latin1'),
});
const FIRST_VISIT_ASSETS: PageAsset[] = [...PAGE_ASSETS, FAVICON].map((a) => pageAsset(a, true));
const REVISIT_ASSETS: PageAsset[] = [FIRST_VISIT_ASSETS[0], FIRST_VISIT_ASSETS[2]];

export class HumanBrowsing {
  /** A product page's assets, first visit and revisit, built once per product. */
  private readonly productAssets = new Map<number, [PageAsset[], PageAsset[]]>();

  constructor(private readonly random: SeededRandom) {}

  nextPage(state: BrowsingState, firstOfSession: boolean): PageRequest {
    if (firstOfSession) {
      state.cartItems = 0;
      state.loggedIn = false;
      return this.landing(state);
    }
    const referrer = state.lastUrl;
    const x = this.random.next();
    if (state.lastUrl.endsWith('/login') && !state.loggedIn) {
      state.loggedIn = true;
      return this.redirect('/login', referrer, this.html('/checkout', 11000, 16000, referrer));
    }
    if (state.lastUrl.endsWith('/checkout') && state.loggedIn && x < 0.7) {
      state.cartItems = 0;
      return this.redirect('/checkout', referrer, this.html('/order/confirmation', 8000, 12000, referrer));
    }
    if (state.lastWasProduct && x < 0.2) {
      state.cartItems++;
      state.lastWasProduct = false;
      return this.redirect('/cart/add', referrer, this.html('/cart', 9000, 15000, referrer));
    }
    if (state.cartItems > 0 && x < 0.35) {
      return state.loggedIn
        ? this.html('/checkout', 11000, 16000, referrer)
        : this.html('/login', 7000, 9000, referrer);
    }
    return this.browse(state, referrer);
  }

  /** What a browser fetches after `page`'s HTML. */
  assetsFor(page: PageRequest, firstOfSession: boolean): readonly PageAsset[] {
    const id = page.productId;
    if (id === undefined) return firstOfSession ? FIRST_VISIT_ASSETS : REVISIT_ASSETS;
    let lists = this.productAssets.get(id);
    if (lists === undefined) {
      const image = pageAsset({ path: `/images/products/${id}.jpg`, bytes: 20000 + ((id * 7919) % 90000) }, false);
      lists = [
        [...FIRST_VISIT_ASSETS, image],
        [...REVISIT_ASSETS, image],
      ];
      this.productAssets.set(id, lists);
    }
    return lists[firstOfSession ? 0 : 1];
  }

  private landing(state: BrowsingState): PageRequest {
    const random = this.random;
    const referrer = random.chance(0.4) ? random.pick(EXTERNAL_REFERRERS) : '-';
    const x = random.next();
    let page: PageRequest;
    if (x < 0.45) page = this.html('/', 35000, 60000, referrer);
    else if (x < 0.75) {
      const id = random.between(1, PRODUCTS);
      const query = random.chance(0.25) ? campaignQuery(random) : '';
      page = this.html(`/products/${id}${query}`, 18000, 42000, referrer, id);
      state.lastWasProduct = true;
    } else if (x < 0.85) page = this.html(`/category/${random.pick(CATEGORIES)}`, 25000, 50000, referrer);
    else if (x < 0.9) {
      const id = random.between(1, PRODUCTS);
      page = { ...this.html(`/shop/item.php?id=${id}`, 0, 0, referrer), status: 301, html: false };
      page.redirectTo = this.html(`/products/${id}`, 18000, 42000, referrer, id);
    } else page = this.html(`/search?q=${random.pick(SEARCH_TERMS)}`, 15000, 40000, referrer);
    page.firstOfSession = true;
    return page;
  }

  private browse(state: BrowsingState, referrer: string): PageRequest {
    const random = this.random;
    const x = random.next();
    state.lastWasProduct = false;
    if (x < 0.45) {
      if (random.chance(0.02)) {
        return {
          ...this.html(`/products/${random.between(PRODUCTS + 1, PRODUCTS + 120)}`, 0, 0, referrer),
          status: 404,
          html: false,
        };
      }
      state.lastWasProduct = true;
      const id = random.between(1, PRODUCTS);
      return this.html(`/products/${id}`, 18000, 42000, referrer, id);
    }
    if (x < 0.65)
      return this.html(
        `/category/${random.pick(CATEGORIES)}?page=${random.between(1, 5)}&sort=price`,
        25000,
        50000,
        referrer,
      );
    if (x < 0.8) return this.html(`/search?q=${random.pick(SEARCH_TERMS)}`, 15000, 40000, referrer);
    if (x < 0.9) return this.html('/', 35000, 60000, referrer);
    return { ...this.html('/api/cart', 200, 900, referrer), html: false };
  }

  private html(url: string, minBytes: number, maxBytes: number, referrer: string, productId?: number): PageRequest {
    return {
      method: 'GET',
      url,
      status: 200,
      bytes: this.random.between(minBytes, maxBytes),
      html: true,
      referrer,
      firstOfSession: false,
      productId,
    };
  }

  private redirect(url: string, referrer: string, target: PageRequest): PageRequest {
    return {
      method: 'POST',
      url,
      status: 302,
      bytes: 0,
      html: false,
      referrer,
      firstOfSession: false,
      redirectTo: target,
    };
  }
}
