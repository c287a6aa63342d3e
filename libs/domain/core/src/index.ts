export * from './domain-error';
export * from './ids';
export * from './text';
export * from './money';
