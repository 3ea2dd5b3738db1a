// The app's colour scales, shared by every chart so that cooperation, statuses and mechanisms read the same everywhere.
import * as Plot from '@observablehq/plot';

/** Cooperation and relation colours: red for conflict, blue for cooperation, on a symmetric domain. */
export function cooperationColor(limit: number): (x: number) => string {
  const scale = Plot.scale({ color: { type: 'diverging', scheme: 'RdBu', domain: [-limit, limit] } });
  return (x: number) => String(scale.apply(Math.max(-limit, Math.min(limit, x))));
}

/** Status colours, from allied to hostile. */
export const STATUS_COLORS: Record<string, string> = { allied: '#3b7dd8', strained: '#e0b43a', broken: '#e07b39', hostile: '#b3261e' };

/** Mechanism colours in report order (Observable's categorical palette, which stays distinct for colour-blind readers in most pairs). */
export const MECHANISM_COLORS = ['#4269d0', '#efb118', '#ff725c', '#6cc5b0', '#3ca951', '#ff8ab7', '#a463f2', '#97bbf5', '#9c6b4e', '#9498a0'];
