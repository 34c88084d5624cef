// The formats an export can take: a module of its own, so that checking an
// argument does not load the writers.
export type ExportFormat = 'csv' | 'json';
export const exportFormats: readonly ExportFormat[] = ['csv', 'json'];
