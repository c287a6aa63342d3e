import 'reflect-metadata';

export * from './auth-checker';
export * from './context';
export * from './date-time.scalar';
export * from './errors';
export * from './loaders';
export * from './logger';
export * from './pagination';
export * from './page-rows';
export * from './schema';
export * from './server';
export * from './composition';
export * from './http';
export * from './standalone';
export * from './personal-data';
export * from './graph-client';
export * from './child-pages';
export * from './owned-subgraph';
