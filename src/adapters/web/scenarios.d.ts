// Types of the build-time module that carries the shipped scenarios' text into the bundle.
declare module 'virtual:schism-scenarios' {
  /** A scenario file bundled at build time. */
  export interface BundledScenario { id: string; file: string; parsed: unknown; text: () => Promise<string> }
  export const SHIPPED: BundledScenario[];
  export const TEMPLATE: BundledScenario;
}
