export * from './adts';
