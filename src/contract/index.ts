export * from './errors.js';
export * from './types.js';
export * from './limits.js';
export * from './schemas.js';
export * from './events.js';
export * from './commands.js';
export * from './excerpt.js';
export * from './mentions.js';
