import { useSyncExternalStore } from 'react';
import type { ContentSource } from './content-source';

export interface CartLine {
  variantId: string;
  productId: string;
  title: string;
  variantTitle: string;
  price: number;
  image: string | null;
  quantity: number;
  /** Stock when the line was added: caps the stepper; the server has the last word at checkout. */
  maxQuantity: number;
  /** The post or live room the product was opened from when added, and when (ms): see content-source.ts. */
  source?: ContentSource;
  sourceAt?: number;
}

export const MAX_QUANTITY = 99;
const KEY = 'fission.cart';
const listeners = new Set<() => void>();
let lines: CartLine[] = read();

function read(): CartLine[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as CartLine[]) : [];
  } catch {
    return [];
  }
}

function write(next: CartLine[]) {
  lines = next;
  localStorage.setItem(KEY, JSON.stringify(next));
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  // Another tab changed the cart: pick it up so both show the same count.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== KEY) return;
    lines = read();
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

const cap = (line: Pick<CartLine, 'maxQuantity'>, quantity: number) =>
  Math.max(1, Math.min(quantity, line.maxQuantity, MAX_QUANTITY));

export const cart = {
  add(line: CartLine) {
    const existing = lines.find((l) => l.variantId === line.variantId);
    if (!existing) return write([...lines, { ...line, quantity: cap(line, line.quantity) }]);
    write(
      lines.map((l) =>
        l.variantId === line.variantId
          ? {
              ...line,
              quantity: cap(line, l.quantity + line.quantity),
              // Added again without a source (opened on its own): it still came through the earlier one.
              ...(line.source ? {} : l.source ? { source: l.source, sourceAt: l.sourceAt } : {}),
            }
          : l,
      ),
    );
  },
  setQuantity(variantId: string, quantity: number) {
    write(lines.map((l) => (l.variantId === variantId ? { ...l, quantity: cap(l, quantity) } : l)));
  },
  remove(variantId: string) {
    write(lines.filter((l) => l.variantId !== variantId));
  },
  clear() {
    write([]);
  },
};

export function useCart() {
  const current = useSyncExternalStore(subscribe, () => lines);
  return {
    lines: current,
    count: current.reduce((sum, l) => sum + l.quantity, 0),
    subtotal: current.reduce((sum, l) => sum + l.price * l.quantity, 0),
  };
}
