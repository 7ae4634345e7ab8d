import type { Fixtures } from '../fixtures.ts';
import type { ContenderName, Runners } from '../model.ts';
import { axiosPluginRunners } from './axios-plugin.ts';
import { nodeV3Runners } from './node-v3.ts';
import { oursRunners } from './ours.ts';
import { rawRunners } from './raw.ts';
import { tenpayRunners } from './tenpay.ts';

/** Every contender's runners, raw first and ours second. */
export function allRunners(f: Fixtures): Map<ContenderName, Runners> {
  return new Map<ContenderName, Runners>([
    ['raw node:crypto', rawRunners(f)],
    ['qqwxpay', oursRunners(f)],
    ['wechatpay-axios-plugin', axiosPluginRunners(f)],
    ['wechatpay-node-v3', nodeV3Runners(f)],
    ['tenpay', tenpayRunners(f)],
  ]);
}
