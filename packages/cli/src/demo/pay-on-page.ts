import { expectThat } from './step.ts';
import type { DemoWorld } from './world.ts';

/**
 * Does what the payer does in the QQ mini program: opens the H5 URL (the pay page) and presses
 * Pay, which posts the page's form.
 */
export async function payOnPage(world: DemoWorld, h5Url: string): Promise<void> {
  const page = await world.sender.send({ method: 'GET', url: h5Url, headers: {}, body: '' });
  expectThat(page.status === 200, `the pay page answered HTTP ${page.status}`);
  const prepayId = /name="prepay_id" value="([^"]+)"/.exec(page.body)?.[1];
  expectThat(
    prepayId !== undefined && page.body.includes('value="pay"'),
    'the pay page has no Pay button',
  );

  const action = new URL(h5Url);
  const paid = await world.sender.send({
    method: 'POST',
    url: `${action.origin}${action.pathname}`,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ prepay_id: prepayId, action: 'pay' }).toString(),
  });
  expectThat(paid.status === 200 && paid.body.includes('Payment successful'), 'paying failed');
}
