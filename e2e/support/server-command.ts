/**
 * How the end-to-end tests start Hearth: the built server, as `npm start` runs it.
 * HEARTH_E2E_SERVER overrides the entry file (e.g. a server built elsewhere).
 */
export const serverEntry = (): string => process.env.HEARTH_E2E_SERVER ?? 'dist/node/server/main.js';
export const serverCommand = (): string => `node ${serverEntry()}`;
