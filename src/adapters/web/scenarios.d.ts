// Types of the build-time module that carries the shipped scenarios' text into the bundle.
declare module 'virtual:schism-scenarios' {
  /** A scenario file bundled at build time. */
  export interface BundledScenario { id: string; file: string; parsed: unknown; text: () => Promise<string> }
  export const SHIPPED: BundledScenario[];
  export const TEMPLATE: BundledScenario;
  /** Independent series bundled from data/ (empty where absent): COPDAB monthly scores and MIE events among the shipped scenarios' states. */
  export const INDEPENDENT: {
    copdab: { month: string; from: number; to: number; value: number }[];
    events: { micnum: number; ccode1: number; ccode2: number; start: { year: number; month: number; day: number }; action: number; hostility: number }[];
  };
}

/** A data file bundled as text by Vite (`?raw`). */
declare module '*.csv?raw' {
  const text: string;
  export default text;
}

/** A document bundled as text by Vite (`?raw`). */
declare module '*.md?raw' {
  const text: string;
  export default text;
}
