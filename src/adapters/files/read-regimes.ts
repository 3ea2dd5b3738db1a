// Reads the shipped Polity2 scores (data/democracy-peacesciencer/polity2.csv) into the table the hazard baseline looks up.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RegimeTable } from '../../core/analysis/validation/hazard.js';
import { packageRoot } from './package-root.js';

/** The Polity2 table by COW code and year; an empty table when the file is absent (the study then says so). */
export async function readRegimes(file = join(packageRoot(), 'data/democracy-peacesciencer/polity2.csv')): Promise<RegimeTable> {
  const table: RegimeTable = new Map();
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return table;
  }
  for (const line of text.split('\n').slice(1)) {
    const [c, y, p] = line.split(',').map(Number);
    if (!Number.isFinite(c) || !Number.isFinite(p)) continue;
    let years = table.get(c);
    if (!years) table.set(c, (years = new Map()));
    years.set(y, p);
  }
  return table;
}
