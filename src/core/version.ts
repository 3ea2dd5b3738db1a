// The version of schism written into every manifest (kept equal to package.json by a test).

/** schism's version. */
export const SCHISM_VERSION = '0.1.0';
