export * from './auth.errors';
export * from './roles';
export * from './identity';
export * from './keys';
export * from './caller-token';
export * from './internal-token';
export * from './auth.config';
export * from './token-cache';
