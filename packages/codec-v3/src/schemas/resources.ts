import { z } from 'zod';

const money = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** A transaction, as in payment callbacks and order queries (direct or partner mode). */
export interface Transaction {
  appid?: string | undefined;
  mchid?: string | undefined;
  sp_appid?: string | undefined;
  sp_mchid?: string | undefined;
  sub_appid?: string | undefined;
  sub_mchid?: string | undefined;
  out_trade_no: string;
  transaction_id?: string | undefined;
  trade_type?: string | undefined;
  /** `SUCCESS`, `REFUND`, `NOTPAY`, `CLOSED`, `REVOKED`, `USERPAYING`, `PAYERROR`. */
  trade_state: string;
  trade_state_desc?: string | undefined;
  bank_type?: string | undefined;
  attach?: string | undefined;
  success_time?: string | undefined;
  payer?: { [key: string]: unknown } | undefined;
  amount?:
    | {
        total?: number | undefined;
        payer_total?: number | undefined;
        currency?: string | undefined;
        payer_currency?: string | undefined;
        [key: string]: unknown;
      }
    | undefined;
  [key: string]: unknown;
}

/** Schema of a transaction resource; amounts are safe integers in fen, unknown fields kept. */
export const transactionSchema: z.ZodType<Transaction> = z.looseObject({
  appid: z.string().optional(),
  mchid: z.string().optional(),
  sp_appid: z.string().optional(),
  sp_mchid: z.string().optional(),
  sub_appid: z.string().optional(),
  sub_mchid: z.string().optional(),
  out_trade_no: z.string().min(1),
  transaction_id: z.string().optional(),
  trade_type: z.string().optional(),
  trade_state: z.string().min(1),
  trade_state_desc: z.string().optional(),
  bank_type: z.string().optional(),
  attach: z.string().optional(),
  success_time: z.string().optional(),
  payer: z.looseObject({}).optional(),
  amount: z
    .looseObject({
      total: money.optional(),
      payer_total: money.optional(),
      currency: z.string().optional(),
      payer_currency: z.string().optional(),
    })
    .optional(),
});

/** A combine transaction, as in combine callbacks and queries. */
export interface CombineTransaction {
  combine_appid: string;
  combine_mchid: string;
  combine_out_trade_no: string;
  scene_info?: { [key: string]: unknown } | undefined;
  sub_orders: Array<{
    mchid: string;
    trade_type?: string | undefined;
    trade_state: string;
    bank_type?: string | undefined;
    attach?: string | undefined;
    success_time?: string | undefined;
    transaction_id?: string | undefined;
    out_trade_no: string;
    sub_mchid?: string | undefined;
    amount?:
      | {
          total_amount?: number | undefined;
          payer_amount?: number | undefined;
          currency?: string | undefined;
          payer_currency?: string | undefined;
          [key: string]: unknown;
        }
      | undefined;
    [key: string]: unknown;
  }>;
  combine_payer_info?: { [key: string]: unknown } | undefined;
  [key: string]: unknown;
}

/** Schema of a combine-transaction resource; unknown fields kept. */
export const combineTransactionSchema: z.ZodType<CombineTransaction> = z.looseObject({
  combine_appid: z.string(),
  combine_mchid: z.string(),
  combine_out_trade_no: z.string().min(1),
  scene_info: z.looseObject({}).optional(),
  sub_orders: z.array(
    z.looseObject({
      mchid: z.string(),
      trade_type: z.string().optional(),
      trade_state: z.string().min(1),
      bank_type: z.string().optional(),
      attach: z.string().optional(),
      success_time: z.string().optional(),
      transaction_id: z.string().optional(),
      out_trade_no: z.string().min(1),
      sub_mchid: z.string().optional(),
      amount: z
        .looseObject({
          total_amount: money.optional(),
          payer_amount: money.optional(),
          currency: z.string().optional(),
          payer_currency: z.string().optional(),
        })
        .optional(),
    }),
  ),
  combine_payer_info: z.looseObject({}).optional(),
});

/** A refund, as in refund callbacks and refund queries. */
export interface RefundResource {
  mchid?: string | undefined;
  sp_mchid?: string | undefined;
  sub_mchid?: string | undefined;
  out_trade_no: string;
  transaction_id: string;
  out_refund_no: string;
  refund_id: string;
  /** `SUCCESS`, `CLOSED`, `PROCESSING`, `ABNORMAL`. */
  refund_status?: string | undefined;
  status?: string | undefined;
  success_time?: string | undefined;
  user_received_account?: string | undefined;
  amount: {
    total: number;
    refund: number;
    payer_total?: number | undefined;
    payer_refund?: number | undefined;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** Schema of a refund resource (callback) or refund query answer; unknown fields kept. */
export const refundResourceSchema: z.ZodType<RefundResource> = z.looseObject({
  mchid: z.string().optional(),
  sp_mchid: z.string().optional(),
  sub_mchid: z.string().optional(),
  out_trade_no: z.string().min(1),
  transaction_id: z.string().min(1),
  out_refund_no: z.string().min(1),
  refund_id: z.string().min(1),
  refund_status: z.string().optional(),
  status: z.string().optional(),
  success_time: z.string().optional(),
  user_received_account: z.string().optional(),
  amount: z.looseObject({
    total: money,
    refund: money,
    payer_total: money.optional(),
    payer_refund: money.optional(),
  }),
});
