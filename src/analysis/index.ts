/**
 * The analysis core: pure statistics, scoring, network metrics and anonymity (no I/O).
 */
export * from './answer.js';
export * from './errors.js';
export * from './stats.js';
export * from './welch.js';
export * from './did.js';
export * from './cronbach.js';
export * from './regression.js';
export * from './wave-data.js';
export * from './wave-summary.js';
export * from './relational-capacity.js';
export * from './anonymity.js';
export * from './long-csv.js';
export * from './analyze.js';
export * from './group-comparisons.js';
export * from './benchmark.js';
