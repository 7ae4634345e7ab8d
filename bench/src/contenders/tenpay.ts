import Tenpay from 'tenpay';
import { buildXML } from 'tenpay/lib/util.js';
import type { Fixtures } from '../fixtures.ts';
import type { Runners } from '../model.ts';

/** tenpay's V2 client: its sign helper, its XML builder and its callback parser. */
export function tenpayRunners(f: Fixtures): Runners {
  const pay = new Tenpay({
    appid: f.notificationFields.appid!,
    mchid: f.notificationFields.mch_id!,
    partnerKey: f.v2Key,
  });
  return {
    'V2 sign MD5': { run: () => pay._getSign(f.orderMd5, 'MD5'), via: '_getSign' },
    'V2 sign HMAC-SHA256': { run: () => pay._getSign(f.orderHmac, 'HMAC-SHA256'), via: '_getSign' },
    'V2 build XML': { run: () => buildXML(f.signedOrder), via: 'buildXML (xml2js)' },
    'V2 parse + verify notification': {
      run: () => pay._parse(f.notificationXml, 'middleware_pay'),
      tampered: [() => pay._parse(f.notificationXmlTampered, 'middleware_pay')],
      via: '_parse as its middleware calls it (xml2js, async)',
    },
  };
}
