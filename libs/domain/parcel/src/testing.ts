// Helpers for specs of this library and of the apps that use it (random but replayable timelines).
// Not part of the library's index: production code never imports them.
export * from './random-timeline.test-helper';
export * from './shuffle.test-helper';
export * from './waybill.test-helper';
