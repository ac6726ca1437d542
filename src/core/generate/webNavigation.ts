// The page-transition model behind the web session generator: where a visitor goes next
// depends on the page they are on and on what they did before, so the log tells a
// plausible story (log in before checkout, order_success only right after checkout,
// add_to_cart only on a product page) instead of uniform random action/page pairs.
// Some visitors are still logged in from an earlier visit, so short visits can buy too.
import type { SeededRandom } from './random';

export const PRODUCT_PAGES = Array.from({ length: 12 }, (_, i) => `product${i + 1}`);
const INFO_PAGES = ['faq', 'about', 'contact'];

/** What the model remembers about one visitor. */
export interface NavigationState {
  page: string;
  loggedIn: boolean;
  cartItems: number;
  /** Set by the `checkout` action: the next step is the order_success page. */
  paid: boolean;
}

/** Share of visitors still logged in from an earlier visit ("remember me"). */
export const REMEMBERED_LOGIN_SHARE = 0.3;

export function startNavigation(state: NavigationState, random: SeededRandom): string {
  state.page = 'home';
  state.loggedIn = random.chance(REMEMBERED_LOGIN_SHARE);
  state.cartItems = 0;
  state.paid = false;
  return 'go_to';
}

function isProduct(page: string): boolean {
  return page.startsWith('product');
}

/** Moves `state` one step and returns the action taken; `state.page` is where it happened. */
export function navigate(state: NavigationState, random: SeededRandom): string {
  const x = random.next();
  const page = state.page;
  if (page === 'home') return fromHome(state, random, x);
  if (page === 'search') {
    if (x < 0.65) return viewProduct(state, random);
    if (x < 0.85) return 'search';
    return goTo(state, 'home');
  }
  if (isProduct(page)) return fromProduct(state, random, x);
  if (page === 'cart') {
    if (x < 0.55) return goTo(state, state.loggedIn ? 'checkout' : 'login');
    if (x < 0.8) return viewProduct(state, random);
    return goTo(state, 'home');
  }
  if (page === 'login' || page === 'register') return fromAccountPage(state, x);
  if (page === 'checkout') return fromCheckout(state, x);
  if (page === 'order_success') {
    if (x < 0.4) return goTo(state, 'home');
    if (x < 0.7) return logout(state);
    return viewProduct(state, random);
  }
  // faq, about, contact
  if (x < 0.35) return 'scroll';
  if (x < 0.7) return goTo(state, 'home');
  return goTo(state, random.pick(INFO_PAGES));
}

function fromHome(state: NavigationState, random: SeededRandom, x: number): string {
  if (x < 0.35) return viewProduct(state, random);
  if (x < 0.55) return goTo(state, 'search', 'search');
  if (x < 0.62) return 'scroll';
  if (x < 0.72 && state.cartItems > 0) return goTo(state, 'cart');
  if (x < 0.82 && !state.loggedIn) return goTo(state, 'login');
  if (x < 0.86 && state.loggedIn) return logout(state);
  return goTo(state, random.pick(INFO_PAGES));
}

function fromProduct(state: NavigationState, random: SeededRandom, x: number): string {
  if (x < 0.3) {
    state.cartItems++;
    return 'add_to_cart';
  }
  if (x < 0.5) return viewProduct(state, random);
  if (x < 0.56) return 'share';
  if (x < 0.62) return 'scroll';
  // The mini-cart links straight to checkout for a logged-in visitor.
  if (x < 0.9 && state.cartItems > 0) return goTo(state, state.loggedIn ? 'checkout' : 'cart');
  return goTo(state, 'home');
}

function fromAccountPage(state: NavigationState, x: number): string {
  if (!state.loggedIn) {
    if (state.page === 'login' && x >= 0.8) return goTo(state, 'register');
    state.loggedIn = true;
    return state.page; // the `login` or `register` action, on its own page
  }
  return goTo(state, state.cartItems > 0 ? 'checkout' : 'home');
}

function fromCheckout(state: NavigationState, x: number): string {
  if (state.paid) {
    state.paid = false;
    state.cartItems = 0;
    state.page = 'order_success';
    return 'view';
  }
  if (x < 0.75) {
    state.paid = true;
    return 'checkout';
  }
  return goTo(state, 'cart');
}

function viewProduct(state: NavigationState, random: SeededRandom): string {
  state.page = random.pick(PRODUCT_PAGES);
  return 'view';
}

function goTo(state: NavigationState, page: string, action = 'go_to'): string {
  state.page = page;
  return action;
}

function logout(state: NavigationState): string {
  state.loggedIn = false;
  state.page = 'home';
  return 'logout';
}
