// ffmpeg parses a filter option value twice: once as part of the filtergraph, once as an
// option of the filter. A value with quotes, colons or commas must survive both.
// See https://ffmpeg.org/ffmpeg-filters.html#Notes-on-filtergraph-escaping

/** Escapes `value` so that a filter receives it verbatim as one option value. */
export function escapeFilterOptionValue(value: string): string {
  const asOption = value.replace(/[\\':]/g, '\\$&');
  return asOption.replace(/[\\'[\],;]/g, '\\$&');
}
