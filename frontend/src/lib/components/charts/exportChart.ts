// Turning a rendered chart into files: the SVG as the browser drew it, and a
// PNG drawn from that SVG at twice its size. The bytes go to the backend's
// save dialog as base64 (a download link does nothing in the Wails webview:
// WebKitGTK there has no download handler).

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The chart's own <svg> inside el (Plot returns a bare <svg> when it has no legend or caption). */
export function chartSvg(el: Element | null | undefined): SVGSVGElement | null {
  if (!el) return null;
  if (el instanceof SVGSVGElement) return el;
  return el.querySelector('svg');
}

/**
 * The markup of a standalone SVG file: the namespace declared (an <svg> made
 * in the page does not write it), an XML prolog, and a white background so
 * the file reads the same in a viewer with a dark background.
 */
export function svgMarkup(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  const { width, height } = svgSize(svg);
  if (!copy.getAttribute('width')) copy.setAttribute('width', String(width));
  if (!copy.getAttribute('height')) copy.setAttribute('height', String(height));
  const doc = copy.ownerDocument;
  const bg = doc.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', 'white');
  // After Plot's <style>, before every mark.
  const style = copy.querySelector(':scope > style');
  copy.insertBefore(bg, style ? style.nextSibling : copy.firstChild);
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(copy);
}

/** The drawn size of the svg: its width and height attributes, else its viewBox. */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const w = Number(svg.getAttribute('width'));
  const h = Number(svg.getAttribute('height'));
  if (w > 0 && h > 0) return { width: w, height: h };
  const vb = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  if (vb.length === 4 && vb[2] > 0 && vb[3] > 0) return { width: vb[2], height: vb[3] };
  return { width: 640, height: 400 };
}

/** UTF-8 text as base64. */
export function textBase64(text: string): string {
  return bytesBase64(new TextEncoder().encode(text));
}

/** Bytes as base64, in chunks so a large PNG does not overflow the argument list. */
export function bytesBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * A PNG of the SVG markup at scale × its size: the SVG is loaded as an image
 * and drawn on a canvas. Rejects where the page cannot draw (jsdom, or an
 * image the webview refuses).
 */
export async function pngBytes(markup: string, size: { width: number; height: number }, scale = 2): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(size.width * scale);
    canvas.height = Math.ceil(size.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('The chart could not be drawn as an image: no canvas.');
    ctx.fillStyle = 'white';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, size.width, size.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The chart could not be drawn as an image.');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A chart file on its way to the save dialog. */
export interface ChartFile {
  /** the suggested file name without extension */
  name: string;
  format: 'svg' | 'png';
  base64: string;
}

/** Saves a chart file; resolves to the path written, or "" when the user cancelled. */
export type SaveChart = (file: ChartFile) => Promise<string>;
