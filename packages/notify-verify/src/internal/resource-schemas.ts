import { z } from 'zod';

/** A payment resource, as decrypted from TRANSACTION.SUCCESS; unknown fields are kept. */
export interface V3Transaction {
  [field: string]: unknown;
  appid?: string | undefined;
  mchid?: string | undefined;
  sp_appid?: string | undefined;
  sp_mchid?: string | undefined;
  sub_appid?: string | undefined;
  sub_mchid?: string | undefined;
  out_trade_no: string;
  transaction_id: string;
  trade_type?: string | undefined;
  trade_state: string;
  trade_state_desc?: string | undefined;
  bank_type?: string | undefined;
  attach?: string | undefined;
  success_time?: string | undefined;
  payer?:
    | {
        [field: string]: unknown;
        openid?: string | undefined;
        sp_openid?: string | undefined;
        sub_openid?: string | undefined;
      }
    | undefined;
  amount: {
    [field: string]: unknown;
    total: number;
    payer_total?: number | undefined;
    currency?: string | undefined;
    payer_currency?: string | undefined;
  };
}

/** One sub-order of a combine payment. */
export interface V3CombineSubOrder {
  [field: string]: unknown;
  mchid: string;
  sub_mchid?: string | undefined;
  trade_type?: string | undefined;
  trade_state: string;
  bank_type?: string | undefined;
  attach?: string | undefined;
  success_time?: string | undefined;
  transaction_id: string;
  out_trade_no: string;
  amount: {
    [field: string]: unknown;
    total_amount: number;
    currency?: string | undefined;
    payer_amount?: number | undefined;
    payer_currency?: string | undefined;
  };
}

/** A combine-payment resource (TRANSACTION.SUCCESS with `combine_out_trade_no`). */
export interface V3CombineTransaction {
  [field: string]: unknown;
  combine_appid: string;
  combine_mchid: string;
  combine_out_trade_no: string;
  combine_payer_info?: { [field: string]: unknown; openid?: string | undefined } | undefined;
  sub_orders: V3CombineSubOrder[];
}

/** A refund resource (REFUND.SUCCESS, REFUND.ABNORMAL, REFUND.CLOSED). */
export interface V3Refund {
  [field: string]: unknown;
  mchid?: string | undefined;
  sp_mchid?: string | undefined;
  sub_mchid?: string | undefined;
  transaction_id: string;
  out_trade_no: string;
  refund_id: string;
  out_refund_no: string;
  refund_status: 'SUCCESS' | 'CLOSED' | 'ABNORMAL' | 'PROCESSING';
  success_time?: string | undefined;
  user_received_account?: string | undefined;
  amount: {
    [field: string]: unknown;
    total: number;
    refund: number;
    payer_total?: number | undefined;
    payer_refund?: number | undefined;
  };
}

const text = z.string();
const fen = z.number().int().nonnegative();

/** A payment resource (TRANSACTION.SUCCESS), direct or partner; unknown fields are kept. */
export const transactionSchema: z.ZodType<V3Transaction> = z.looseObject({
  appid: text.optional(),
  mchid: text.optional(),
  sp_appid: text.optional(),
  sp_mchid: text.optional(),
  sub_appid: text.optional(),
  sub_mchid: text.optional(),
  out_trade_no: text.min(1),
  transaction_id: text.min(1),
  trade_type: text.optional(),
  trade_state: text,
  trade_state_desc: text.optional(),
  bank_type: text.optional(),
  attach: text.optional(),
  success_time: text.optional(),
  payer: z
    .looseObject({
      openid: text.optional(),
      sp_openid: text.optional(),
      sub_openid: text.optional(),
    })
    .optional(),
  amount: z.looseObject({
    total: fen,
    payer_total: fen.optional(),
    currency: text.optional(),
    payer_currency: text.optional(),
  }),
});

/** A combine-payment resource (TRANSACTION.SUCCESS with `combine_out_trade_no`). */
export const combineTransactionSchema: z.ZodType<V3CombineTransaction> = z.looseObject({
  combine_appid: text.min(1),
  combine_mchid: text.min(1),
  combine_out_trade_no: text.min(1),
  combine_payer_info: z.looseObject({ openid: text.optional() }).optional(),
  sub_orders: z
    .array(
      z.looseObject({
        mchid: text.min(1),
        sub_mchid: text.optional(),
        trade_type: text.optional(),
        trade_state: text,
        bank_type: text.optional(),
        attach: text.optional(),
        success_time: text.optional(),
        transaction_id: text.min(1),
        out_trade_no: text.min(1),
        amount: z.looseObject({
          total_amount: fen,
          currency: text.optional(),
          payer_amount: fen.optional(),
          payer_currency: text.optional(),
        }),
      }),
    )
    .min(1),
});

/** A refund resource (REFUND.SUCCESS, REFUND.ABNORMAL, REFUND.CLOSED). */
export const refundResourceSchema: z.ZodType<V3Refund> = z.looseObject({
  mchid: text.optional(),
  sp_mchid: text.optional(),
  sub_mchid: text.optional(),
  transaction_id: text.min(1),
  out_trade_no: text.min(1),
  refund_id: text.min(1),
  out_refund_no: text.min(1),
  refund_status: z.enum(['SUCCESS', 'CLOSED', 'ABNORMAL', 'PROCESSING']),
  success_time: text.optional(),
  user_received_account: text.optional(),
  amount: z.looseObject({
    total: fen,
    refund: fen,
    payer_total: fen.optional(),
    payer_refund: fen.optional(),
  }),
});
