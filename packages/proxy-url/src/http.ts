export type { HeadersLike, HttpRequest, HttpResponse } from '@qqwxpay/codec-v3';
