/** Who does the work: node:crypto alone, this project, or one of the peers. */
export type ContenderName =
  | 'raw node:crypto'
  | 'qqwxpay'
  | 'wechatpay-axios-plugin'
  | 'wechatpay-node-v3'
  | 'tenpay';

export const RAW: ContenderName = 'raw node:crypto';
export const OURS: ContenderName = 'qqwxpay';

export type OperationId =
  | 'V2 sign MD5'
  | 'V2 sign HMAC-SHA256'
  | 'V2 build XML'
  | 'V2 parse + verify notification'
  | 'V3 Authorization'
  | 'V3 callback signature verify'
  | 'AES-256-GCM resource decrypt'
  | 'V3 callback, full'
  | 'V3 proxied order prepared';

/** One contender's way of doing one operation. */
export interface Runner {
  /** Does the operation once on the valid input; may return a promise. */
  run: () => unknown;
  /**
   * The same operation on the operation's altered inputs, in the order of
   * {@link Operation.altered}: each must throw, reject, or return false or an Error.
   */
  tampered?: ReadonlyArray<() => unknown>;
  /** Maps the output of `run` to what the operation's check compares (default: unchanged). */
  output?: (result: unknown) => unknown;
  /** How this contender calls the library, shown in the README. */
  via: string;
}

export type Runners = Partial<Record<OperationId, Runner>>;

/** A ratio a contender of ours must reach, against raw or a peer. */
export interface Target {
  /** `raw`, a peer's name, or `fastest peer`. */
  against: ContenderName | 'fastest peer';
  min: number;
}

export interface Operation {
  id: OperationId;
  /** What the input is, for the table's notes. */
  input: string;
  targets: readonly Target[];
  /** What each altered input changes; every contender must refuse each one. */
  altered: readonly string[];
  /** Throws when the output of a valid run is not what the operation must produce. */
  check: (output: unknown) => void;
}

export interface Measured {
  nsPerOp: number;
  opsPerSec: number;
  /** The per-round medians in nanoseconds, in the order they were taken. */
  rounds: number[];
}

export interface GateResult {
  operation: OperationId;
  contender: ContenderName;
  passed: boolean;
  /** Why the gate failed, in words. */
  reason?: string;
}
