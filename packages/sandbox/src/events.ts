/** One thing the sandbox did, for logs and transcripts. Never carries keys, tokens or bodies. */
export interface SandboxEvent {
  /** Which side acted: QQ's backend, WeChat Pay, or the callback sender. */
  side: 'qq' | 'wechat' | 'callback';
  /** A short name, such as `request` or `delivery`. */
  kind: string;
  /** The request's method, for requests. */
  method?: string;
  /** The path (never the query, which may hold an access token or secret). */
  path?: string;
  /** The HTTP status answered or received. */
  status?: number;
  /** One line saying what happened, such as `9031 notify_url is not QQ's`. */
  note?: string;
}
