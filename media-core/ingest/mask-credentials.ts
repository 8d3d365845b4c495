// Camera URLs carry credentials (rtsp://user:pass@host/...). Anything that may reach a log,
// an API response or a diagnostics view goes through here first.
// Greedy up to the last '@' before the path: passwords sometimes contain a raw '@'.
const USERINFO_IN_URL = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/'"]+@/gi;
// Some cameras and HLS servers take the secret in the query instead (?password=…, &token=…).
const SECRET_QUERY_PARAM = /([?&](?:user(?:name)?|pass(?:word)?|pwd|passwd|token|auth|key|secret|sig(?:nature)?)=)[^&\s'"#]*/gi;

/** Replaces the user:password@ part of every URL in `text` with `***@`, and the values of
 *  query parameters that usually carry secrets with `***`. */
export function maskCredentials(text: string): string {
  return text.replace(USERINFO_IN_URL, '$1***@').replace(SECRET_QUERY_PARAM, '$1***');
}
