// The shop's catalog for the product event generator: fixed (the same for every seed, like a
// real shop), with category price ranges wide enough to fill seed 001's low / medium / high
// price buckets. Each product's JSON fragment is built once, not per event.
import { SeededRandom } from './random';

export interface Product {
  id: string;
  name: string;
  category: string;
  priceCents: number;
  /** `"product":{...},"price":12.99`, ready to splice into an event line. */
  json: string;
  /** `json` as UTF-8, encoded once. */
  jsonBytes: Uint8Array;
}

const CATEGORIES: ReadonlyArray<{ name: string; minPrice: number; maxPrice: number; nouns: string[] }> = [
  { name: 'books', minPrice: 6, maxPrice: 60, nouns: ['Cookbook', 'Novel', 'Field Guide', 'Atlas', 'Notebook'] },
  {
    name: 'electronics',
    minPrice: 15,
    maxPrice: 1200,
    nouns: ['Headphones', 'Power Bank', 'Monitor', 'Keyboard', 'Camera', 'Speaker'],
  },
  { name: 'fashion', minPrice: 12, maxPrice: 320, nouns: ['Jacket', 'Sneakers', 'Backpack', 'Scarf', 'Sunglasses'] },
  { name: 'home', minPrice: 8, maxPrice: 450, nouns: ['Lamp', 'Coffee Grinder', 'Cast Iron Pan', 'Rug', 'Blender'] },
  {
    name: 'sports',
    minPrice: 10,
    maxPrice: 600,
    nouns: ['Yoga Mat', 'Tent', 'Running Shoes', 'Bike Helmet', 'Kettlebell'],
  },
  { name: 'beauty', minPrice: 4, maxPrice: 95, nouns: ['Sunscreen', 'Face Serum', 'Shampoo', 'Perfume', 'Hair Dryer'] },
];
const ADJECTIVES = ['Classic', 'Ultra', 'Compact', 'Eco', 'Pro', 'Everyday', 'Premium', 'Travel', 'Smart', 'Vintage'];

export const CATALOG_SIZE = 240;

function buildCatalog(): Product[] {
  const random = new SeededRandom('product-catalog');
  const products: Product[] = [];
  for (let i = 0; i < CATALOG_SIZE; i++) {
    const category = random.pick(CATEGORIES);
    const name = `${random.pick(ADJECTIVES)} ${random.pick(category.nouns)}`;
    // Log-uniform within the category's range: many cheap items, a few expensive ones.
    const price = Math.exp(
      Math.log(category.minPrice) + random.next() * Math.log(category.maxPrice / category.minPrice),
    );
    const priceCents = Math.max(99, Math.round(price) * 100 - (random.chance(0.7) ? 1 : 51));
    const id = `P${String(i + 1).padStart(4, '0')}`;
    const json = `"product":{"id":"${id}","name":"${name}","category":"${category.name}"},"price":${priceCents / 100}`;
    products.push({ id, name, category: category.name, priceCents, json, jsonBytes: Buffer.from(json) });
  }
  return products;
}

export const CATALOG: readonly Product[] = buildCatalog();

export const SEARCH_QUERIES = [
  'running shoes',
  'wireless headphones',
  'coffee grinder',
  'tent',
  'yoga mat',
  'sunscreen',
  'backpack',
  'gift ideas',
  'monitor 27 inch',
  'cast iron',
  'novel',
  'perfume',
];
