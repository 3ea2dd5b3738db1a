// Types for the one function of the `fmin` devDependency the tests use as an oracle (the package ships none).
declare module 'fmin/src/nelderMead.js' {
  export function nelderMead(f: (x: number[]) => number, x0: number[], parameters?: { maxIterations?: number; minErrorDelta?: number; minTolerance?: number }): { x: number[]; fx: number };
}
