// PDF transformation matrices [a b c d e f] (a point (x, y) goes to (a·x + c·y + e, b·x + d·y + f)), as pdfjs gives
// them for the viewport, text items and the operator list's transforms.
export type Matrix = [number, number, number, number, number, number];

/** m × n: n applied first, then m. */
export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/** The point (x, y) under m. */
export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}
