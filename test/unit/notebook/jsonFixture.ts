// Seeded JSON-like values of every kind for the layout and size tests: numbers (-0,
// tiny and huge), strings past ASCII and with escapes, null, undefined, NaN, dates (toJSON),
// nested arrays and objects (keys like __proto__, integer-like keys).

/** A seeded JSON-like value of every kind, nested up to `depth`. */
export function randomValue(next: () => number, depth: number): unknown {
  const kind = Math.floor(next() * (depth > 0 ? 9 : 5));
  const word = () => ['a', 'é', '€', '😀', '"q"', '\\', '\n', '__proto__', '10', 'toJSON', ''][Math.floor(next() * 11)];
  switch (kind) {
    case 0: return next() < 0.5 ? -0 : (next() - 0.5) * 10 ** Math.floor(next() * 40 - 20);
    case 1: return word() + word();
    case 2: return [null, true, false, undefined, Number.NaN][Math.floor(next() * 5)];
    case 3: return new Date(Math.floor(next() * 1e12));
    case 4: return Math.floor(next() * 1000);
    case 5: case 6: return Array.from({ length: Math.floor(next() * 5) }, () => randomValue(next, depth - 1));
    default: {
      const o: Record<string, unknown> = {};
      const n = Math.floor(next() * 5);
      for (let k = 0; k < n; k++) Object.defineProperty(o, word() + k, { value: randomValue(next, depth - 1), enumerable: true, writable: true, configurable: true });
      return o;
    }
  }
}

export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return (s >>> 8) / 2 ** 24;
  };
}
