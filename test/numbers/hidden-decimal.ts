import type DecimalJs from 'decimal.js';

type Ctor = typeof DecimalJs;
type Real = InstanceType<Ctor>;

/**
 * decimal.js with its public API only: the same constructor, clones, methods and static
 * functions, but each decimal keeps the real one out of reach (in a WeakMap), and reading or
 * writing its `d`, `e` or `s` throws. A decimal the constructor did not build (an object made
 * with decimal.js's prototype and fields set by hand) has no real decimal behind it, so any
 * method called on it throws. A package that uses decimal.js only as documented gives the same
 * results with this as with decimal.js itself; one that reaches inside fails loudly.
 */
export function hideInternals(Real: Ctor): Ctor {
  const inner = new WeakMap<object, Real>();
  const hiddenOf = new Map<Ctor, Ctor>();

  const unwrap = (v: unknown): unknown => (typeof v === 'object' && v !== null && inner.has(v) ? inner.get(v) : v);
  const internals = (field: string) => (): never => {
    throw new Error(`decimal.js internal field \`${field}\` read or written`);
  };

  // One prototype for every clone, as decimal.js has: its methods, run on the real decimal.
  const proto: Record<PropertyKey, unknown> = {};
  for (const key of Reflect.ownKeys(Real.prototype)) {
    if (key === 'constructor') continue;
    const desc = Object.getOwnPropertyDescriptor(Real.prototype, key)!;
    if (typeof desc.value === 'function') {
      const method = desc.value as (...args: unknown[]) => unknown;
      proto[key] = function (this: object, ...args: unknown[]): unknown {
        const me = inner.get(this);
        if (me === undefined) throw new TypeError(`Decimal.prototype.${String(key)} called on an object the constructor did not build`);
        return wrap(method.apply(me, args.map(unwrap)));
      };
    } else {
      Object.defineProperty(proto, key, desc);
    }
  }
  for (const field of ['d', 'e', 's']) Object.defineProperty(proto, field, { get: internals(field), set: internals(field) });

  function wrap(r: unknown): unknown {
    if (typeof r !== 'object' || r === null || !Real.isDecimal(r) || inner.has(r)) return r;
    const real = r as Real;
    const H = hidden(real.constructor as Ctor);
    const x = Object.create(proto) as object;
    // decimal.js gives each decimal its constructor as an own field; so does this.
    (x as { constructor: unknown }).constructor = H;
    inner.set(x, real);
    return x;
  }

  function hidden(RealCtor: Ctor): Ctor {
    const known = hiddenOf.get(RealCtor);
    if (known !== undefined) return known;
    const H = function Decimal(this: unknown, v: unknown): unknown {
      if (!(this instanceof H)) return new (H as unknown as new (v: unknown) => unknown)(v);
      (this as { constructor: unknown }).constructor = H;
      inner.set(this as object, new RealCtor(unwrap(v) as string));
      return undefined;
    } as unknown as Ctor;
    (H as unknown as { prototype: unknown }).prototype = proto;
    for (const key of Reflect.ownKeys(RealCtor)) {
      if (key === 'prototype' || key === 'length' || key === 'name') continue;
      const value = (RealCtor as unknown as Record<PropertyKey, unknown>)[key];
      let own: PropertyDescriptor;
      if (key === 'default' || key === 'Decimal') own = { value: H };
      else if (key === 'clone') own = { value: (config?: DecimalJs.Config) => hidden(RealCtor.clone(config)) };
      else if (key === 'set' || key === 'config') own = { value: (config: DecimalJs.Config) => { RealCtor.set(config); return H; } };
      else if (key === 'isDecimal') own = { value: (x: unknown) => inner.has(x as object) || RealCtor.isDecimal(x) };
      else if (typeof value === 'function') {
        const f = value as (...args: unknown[]) => unknown;
        own = { value: (...args: unknown[]) => wrap(f.apply(RealCtor, args.map(unwrap))) };
      } else {
        // Settings (precision, rounding, ROUND_HALF_UP …) read live from the real constructor.
        own = { get: () => (RealCtor as unknown as Record<PropertyKey, unknown>)[key] };
      }
      Object.defineProperty(H, key, { ...own, enumerable: true, configurable: true });
    }
    hiddenOf.set(RealCtor, H);
    return H;
  }

  return hidden(Real);
}
