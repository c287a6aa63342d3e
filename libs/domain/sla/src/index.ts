export * from './sla.errors';
export * from './china-time';
export * from './policy-version';
export * from './spring-festival';
export * from './peak-season';
export * from './business-calendar';
export * from './sla-policy';
export * from './sla-clock';
