declare module 'tenpay' {
  interface TenpayConfig {
    appid: string;
    mchid: string;
    partnerKey: string;
    notify_url?: string;
  }

  /** The parts of tenpay's V2 client the bench calls. */
  export default class Tenpay {
    constructor(config: TenpayConfig, debug?: boolean);
    _getSign(params: object, type?: 'MD5' | 'HMAC-SHA256'): string;
    _parse(xml: string, type: string, signType?: string): Promise<Record<string, string>>;
  }
}

declare module 'tenpay/lib/util.js' {
  export function buildXML(obj: object, rootName?: string): string;
  export function parseXML(xml: string): Promise<Record<string, string>>;
}
