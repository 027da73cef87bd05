import type { RgbImage } from '../src/shared/images.js';

export interface Series {
  label: string;
  color: string;
  /** [x, y] points, drawn joined in order. */
  points: [number, number][];
  dashed?: boolean;
}

export interface ChartOptions {
  xLabel: string;
  yLabel: string;
  xMin?: number;
  xMax?: number;
  yMin?: number;
  yMax?: number;
  /** A vertical line at this x (the slider's ε). */
  markerX?: number;
  /** Ticks on whole numbers of x (epochs). */
  integerX?: boolean;
}

/** A small line chart on a canvas (axes, a few ticks, a legend); redrawn from scratch each call. */
export function drawLineChart(canvas: HTMLCanvasElement, series: readonly Series[], o: ChartOptions): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const w = canvas.width;
  const h = canvas.height;
  const m = { left: 52, right: 12, top: 24, bottom: 36 };
  ctx.clearRect(0, 0, w, h);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  const xs = series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = series.flatMap((s) => s.points.map((p) => p[1]));
  const xMin = o.xMin ?? (xs.length ? Math.min(...xs) : 0);
  const xMax = o.xMax ?? (xs.length ? Math.max(...xs) : 1);
  const yMin = o.yMin ?? 0;
  const yMax = o.yMax ?? niceCeil(ys.length ? Math.max(...ys) : 1);
  const px = (x: number): number => m.left + ((x - xMin) / (xMax - xMin || 1)) * (w - m.left - m.right);
  const py = (y: number): number => h - m.bottom - ((y - yMin) / (yMax - yMin || 1)) * (h - m.top - m.bottom);

  ctx.strokeStyle = '#999';
  ctx.lineWidth = 1;
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillStyle = '#444';
  ctx.beginPath();
  ctx.moveTo(m.left, m.top);
  ctx.lineTo(m.left, h - m.bottom);
  ctx.lineTo(w - m.right, h - m.bottom);
  ctx.stroke();
  for (let i = 0; i <= 4; i++) {
    const y = yMin + ((yMax - yMin) * i) / 4;
    ctx.textAlign = 'right';
    ctx.fillText(formatTick(y), m.left - 4, py(y) + 4);
    ctx.strokeStyle = '#eee';
    ctx.beginPath();
    ctx.moveTo(m.left + 1, py(y));
    ctx.lineTo(w - m.right, py(y));
    ctx.stroke();
  }
  const xStep = o.integerX ? Math.max(1, Math.ceil((xMax - xMin) / 8)) : (xMax - xMin) / 5 || 1;
  for (let x = xMin; x <= xMax + 1e-9; x += xStep) {
    ctx.textAlign = 'center';
    ctx.fillText(o.integerX ? String(Math.round(x)) : formatTick(x), px(x), h - m.bottom + 14);
  }
  ctx.fillText(o.xLabel, (m.left + w - m.right) / 2, h - 6);
  ctx.save();
  ctx.translate(12, (m.top + h - m.bottom) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.fillText(o.yLabel, 0, 0);
  ctx.restore();

  if (o.markerX !== undefined) {
    ctx.strokeStyle = '#888';
    ctx.setLineDash([3, 3]);
    ctx.beginPath();
    ctx.moveTo(px(o.markerX), m.top);
    ctx.lineTo(px(o.markerX), h - m.bottom);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  let legendX = m.left + 4;
  for (const s of series) {
    ctx.strokeStyle = s.color;
    ctx.fillStyle = s.color;
    ctx.lineWidth = 2;
    ctx.setLineDash(s.dashed ? [5, 3] : []);
    ctx.beginPath();
    s.points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(px(x), py(y)) : ctx.lineTo(px(x), py(y))));
    ctx.stroke();
    if (s.points.length === 1) ctx.fillRect(px(s.points[0]![0]) - 2, py(s.points[0]![1]) - 2, 4, 4);
    ctx.setLineDash([]);
    ctx.textAlign = 'left';
    ctx.fillRect(legendX, 8, 14, 3);
    ctx.fillStyle = '#222';
    ctx.fillText(s.label, legendX + 18, 13);
    legendX += 26 + ctx.measureText(s.label).width;
  }
}

/** The smallest of 1, 2, 2.5, 5 × 10^k at or above v (so a quarter of it is a round tick). */
function niceCeil(v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5]) if (m * p >= v) return m * p;
  return 10 * p;
}

function formatTick(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 100) return v.toFixed(0);
  if (a >= 1) return v.toFixed(1);
  return v.toPrecision(2);
}

/** Puts an RGB picture on a canvas (resizing the canvas to it). */
export function drawRgb(canvas: HTMLCanvasElement, img: RgbImage): void {
  canvas.width = img.width;
  canvas.height = img.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const data = ctx.createImageData(img.width, img.height);
  for (let i = 0, j = 0; i < img.rgb.length; i += 3, j += 4) {
    data.data[j] = img.rgb[i]!;
    data.data[j + 1] = img.rgb[i + 1]!;
    data.data[j + 2] = img.rgb[i + 2]!;
    data.data[j + 3] = 255;
  }
  ctx.putImageData(data, 0, 0);
}
