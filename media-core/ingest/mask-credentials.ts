// Camera URLs carry credentials (rtsp://user:pass@host/...). Anything that may reach a log,
// an API response or a diagnostics view goes through here first.
// Greedy up to the last '@' before the path: passwords sometimes contain a raw '@'.
const USERINFO_IN_URL = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/'"]+@/gi;

/** Replaces the user:password@ part of every URL in `text` with `***@`. */
export function maskCredentials(text: string): string {
  return text.replace(USERINFO_IN_URL, '$1***@');
}
