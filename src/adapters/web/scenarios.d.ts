// Types of the build-time module that carries the shipped scenarios' text into the bundle.
declare module 'virtual:schism-scenarios' {
  /** A scenario file bundled at build time. */
  export interface BundledScenario { id: string; file: string; parsed: unknown; text: () => Promise<string> }
  export const SHIPPED: BundledScenario[];
  export const TEMPLATE: BundledScenario;
  /** Independent series bundled from data/ (empty where absent): COPDAB US-USSR monthly net scores, MIE USSR-China events. */
  export const INDEPENDENT: {
    copdab: { month: string; usToUssr: number; ussrToUs: number }[];
    mie: { micnum: number; year: number; month: number; ccode1: number; ccode2: number; action: number; hostlev: number }[];
  };
}
