/**
 * Pictures of the experiment as plain RGB pixel arrays (no DOM, no Node), so the CLI can write them as
 * PNG and the browser page can put them on a canvas.
 */
export interface RgbImage {
  width: number;
  height: number;
  /** width·height·3 bytes, row-major RGB. */
  rgb: Uint8Array;
}

/**
 * The perturbation δ* as a 28×28 picture, contrast-stretched as in the lecture's figure: the value
 * range [min δ, max δ] maps to [0, 255] (so a sign pattern shows black and white), scaled up `scale`×.
 */
export function perturbationImage(delta: Float32Array, rows: number, cols: number, scale = 8): RgbImage {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of delta) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const span = hi - lo || 1;
  const width = cols * scale;
  const height = rows * scale;
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = Math.round(((delta[Math.floor(y / scale) * cols + Math.floor(x / scale)]! - lo) / span) * 255);
      rgb.fill(v, (y * width + x) * 3, (y * width + x) * 3 + 3);
    }
  }
  return { width, height, rgb };
}

/** 3×5 bitmap glyphs for the digits 0–9, one string of 15 bits per digit (rows top to bottom). */
const GLYPHS = ['111101101101111', '010110010010111', '111001111100111', '111001111001111', '101101111001001', '111100111001111', '111100111101111', '111001010010010', '111101111101111', '111101111001111'];

export interface GridCell {
  /** rows·cols pixel values in [0, 1] (values outside are clipped for display). */
  pixels: Float32Array;
  /** The label the model predicted. */
  predicted: number;
  /** Whether the prediction is right. */
  correct: boolean;
}

/**
 * A grid of digits, each framed green (predicted right) or red (wrong) with the predicted label drawn
 * in the corner: the attacked test images with the model's predictions.
 */
export function digitGridImage(cells: readonly GridCell[], rows: number, cols: number, perRow = 10, scale = 3): RgbImage {
  const pad = 2;
  const cw = cols * scale + 2 * pad;
  const ch = rows * scale + 2 * pad + 7 * 2;
  const nRows = Math.max(1, Math.ceil(cells.length / perRow));
  const width = perRow * cw;
  const height = nRows * ch;
  const rgb = new Uint8Array(width * height * 3).fill(255);
  const put = (x: number, y: number, r: number, g: number, b: number): void => {
    const o = (y * width + x) * 3;
    rgb[o] = r;
    rgb[o + 1] = g;
    rgb[o + 2] = b;
  };
  cells.forEach((cell, k) => {
    const ox = (k % perRow) * cw;
    const oy = Math.floor(k / perRow) * ch;
    const [fr, fg, fb] = cell.correct ? [30, 160, 60] : [210, 40, 40];
    for (let y = 0; y < rows * scale + 2 * pad; y++) {
      for (let x = 0; x < cw; x++) {
        const inside = x >= pad && x < cw - pad && y >= pad && y < rows * scale + pad;
        if (!inside) put(ox + x, oy + y, fr, fg, fb);
        else {
          const v = cell.pixels[Math.floor((y - pad) / scale) * cols + Math.floor((x - pad) / scale)]!;
          const g = Math.round(255 * (1 - Math.min(1, Math.max(0, v))));
          put(ox + x, oy + y, g, g, g);
        }
      }
    }
    const glyph = GLYPHS[cell.predicted] ?? GLYPHS[0]!;
    const gy = oy + rows * scale + 2 * pad + 2;
    for (let i = 0; i < 15; i++) {
      if (glyph[i] !== '1') continue;
      const gx = ox + pad + (i % 3) * 2;
      const yy = gy + Math.floor(i / 3) * 2;
      for (let dy = 0; dy < 2; dy++) for (let dx = 0; dx < 2; dx++) if (yy + dy < height) put(gx + dx, yy + dy, fr, fg, fb);
    }
  });
  return { width, height, rgb };
}
