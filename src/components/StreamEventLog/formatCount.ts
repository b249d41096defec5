const numbers = /* @__PURE__ */ new Intl.NumberFormat("en-US");

/**
 * A count with thousands separators.
 *
 * @example formatCount(100000) // "100,000"
 */
export function formatCount(count: number): string {
  return numbers.format(count);
}
