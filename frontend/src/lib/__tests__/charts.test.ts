import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import PlotChart from '../components/charts/PlotChart.svelte';
import { heatmap, prevalenceBars, treeLabel, type BarRow } from '../components/charts/specs';
import { bytesBase64, chartSvg, svgMarkup, svgSize, textBase64 } from '../components/charts/exportChart';
import * as Plot from '@observablehq/plot';

const rows: BarRow[] = [
  { key: '1', name: 'Emotional well-being', depth: 0, isFactor: true, color: '#c0392b', value: 7 },
  { key: '2', name: 'Positive affect', depth: 1, isFactor: false, color: '#e74c3c', value: 5 },
  { key: '3', name: 'Life satisfaction', depth: 1, isFactor: false, color: '', value: 0 },
];

describe('chart specs', () => {
  it('draws a bar per row in codebook order, labels indented by depth, factors pale with an outline', () => {
    const svg = Plot.plot({ ...prevalenceBars(rows, { measure: 'Cases' }), document });
    const bars = [...svg.querySelectorAll('g[aria-label="bar"] rect')];
    expect(bars).toHaveLength(3);
    expect(bars[0].getAttribute('fill')).toBe('#c0392b');
    expect(bars[0].getAttribute('fill-opacity')).toBe('0.35');
    expect(bars[0].getAttribute('stroke')).toBe('#c0392b');
    expect(bars[1].getAttribute('stroke')).toBe('none');
    // a code without a colour gets the neutral one
    expect(bars[2].getAttribute('fill')).toBe('#6b7a90');
    const ticks = [...svg.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
    expect(ticks).toEqual(['Emotional well-being', '\u2003Positive affect', '\u2003Life satisfaction']);
    const values = [...svg.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent);
    expect(values).toEqual(['7', '5', '0']);
    expect(treeLabel({ name: 'x', depth: 2 })).toBe('\u2003\u2003x');
  });

  it('a heat map prints every non-empty cell and leaves empty cells uncoloured', () => {
    const spec = heatmap(
      [
        { x: 'a', y: 'r1', value: 3, text: '3' },
        { x: 'b', y: 'r1', value: 0, text: '0' },
        { x: 'a', y: 'r2', value: 1, text: '1' },
        { x: 'b', y: 'r2', value: 0, text: '0' },
      ],
      { columns: [{ key: 'a', label: 'Patient 001' }, { key: 'b', label: 'Patient 002' }], rows: [{ key: 'r1', name: 'Psychological', depth: 0, isFactor: true }, { key: 'r2', name: 'Growth', depth: 1, isFactor: false }] },
    );
    const svg = Plot.plot({ ...spec, document });
    const texts = [...svg.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent);
    expect(texts).toEqual(['3', '1']);
    const cols = [...svg.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => t.textContent);
    expect(cols).toEqual(['Patient 001', 'Patient 002']);
    // Row labels: the factor bold, its code indented.
    const axes = [...svg.querySelectorAll('g[aria-label="y-axis tick label"]')];
    expect(axes.map((g) => g.getAttribute('font-weight'))).toEqual(['bold', null]);
    expect(axes.map((g) => g.textContent)).toEqual(['Psychological', '\u2003Growth']);
    // the grid of all four cells, then two coloured ones
    const cells = svg.querySelectorAll('g[aria-label="cell"]');
    expect(cells[0].querySelectorAll('rect')).toHaveLength(4);
    expect(cells[1].querySelectorAll('rect')).toHaveLength(2);
  });
});

describe('chart export', () => {
  it('writes a standalone SVG with its namespace and a white background', () => {
    const svg = Plot.plot({ ...prevalenceBars(rows, { measure: 'Cases' }), document });
    const text = svgMarkup(svg as SVGSVGElement);
    expect(text.startsWith('<?xml')).toBe(true);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toContain('fill="white"');
    expect(text).toContain('Positive affect');
    // the page's own chart is untouched
    expect(svg.querySelector('rect[fill="white"]')).toBeNull();
    expect(svgSize(svg as SVGSVGElement)).toEqual({ width: 640, height: 100 });
  });

  it('encodes text and bytes as base64', () => {
    expect(atob(textBase64('é…'))).toBe(String.fromCharCode(...new TextEncoder().encode('é…')));
    const big = new Uint8Array(100_000).map((_, i) => i % 256);
    const back = Uint8Array.from(atob(bytesBase64(big)), (c) => c.charCodeAt(0));
    expect(back).toEqual(big);
  });

  it('PlotChart draws the spec and saves the SVG through save with the suggested name', async () => {
    const save = vi.fn().mockResolvedValue('/home/a/Prevalence.svg');
    render(PlotChart, { options: prevalenceBars(rows, { measure: 'Cases' }), name: 'Prevalence', save, label: 'Prevalence bars' });
    const fig = screen.getByTestId('plot-chart');
    const svg = chartSvg(fig)!;
    expect(svg.getAttribute('aria-label')).toBe('Prevalence bars');
    await fireEvent.click(screen.getByTestId('plot-chart-svg'));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    const file = save.mock.calls[0][0];
    expect(file.name).toBe('Prevalence');
    expect(file.format).toBe('svg');
    expect(new TextDecoder().decode(Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0)))).toContain('Life satisfaction');
    expect(await screen.findByRole('status')).toHaveTextContent('Saved Prevalence.svg');
  });

  it('PlotChart says so when the PNG cannot be drawn, and saves nothing', async () => {
    // An image the page refuses to load: the chart says why.
    class Broken {
      onload: (() => void) | null = null;
      onerror: (() => void) | null = null;
      set src(_: string) {
        setTimeout(() => this.onerror?.(), 0);
      }
    }
    vi.stubGlobal('Image', Broken);
    if (!URL.createObjectURL) URL.createObjectURL = () => 'blob:x';
    if (!URL.revokeObjectURL) URL.revokeObjectURL = () => {};
    const save = vi.fn();
    render(PlotChart, { options: prevalenceBars(rows, { measure: 'Cases' }), name: 'Prevalence', save, label: 'x' });
    await fireEvent.click(screen.getByTestId('plot-chart-png'));
    expect(await screen.findByRole('status')).toHaveTextContent('The chart could not be drawn as an image.');
    expect(save).not.toHaveBeenCalled();
    expect(screen.getByTestId('plot-chart-png')).not.toBeDisabled();
    vi.unstubAllGlobals();
  });
});
