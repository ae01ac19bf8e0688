/** A hash of the text (31-polynomial of its char codes, mixed so the low bits depend on every char). */
export function hashOf(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = h * 31 + text.charCodeAt(i) | 0;
  return mixed(h);
}

/** hashOf's last step, for a caller that sums the polynomial in a pass of its own over the text (shape.ts). */
export function mixed(polynomial: number): number {
  const h = Math.imul(polynomial ^ (polynomial >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
}
