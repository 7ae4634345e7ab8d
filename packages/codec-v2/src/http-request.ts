/** A plain HTTP request for the caller to send with any client (this package does no I/O). */
export interface HttpRequest {
  /** The method, upper case. */
  method: string;
  /** The absolute URL. */
  url: string;
  /** Header names and values. */
  headers: Record<string, string>;
  /** The body, exactly as signed. */
  body: string;
}
