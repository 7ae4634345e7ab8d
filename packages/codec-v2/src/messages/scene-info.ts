import { z } from 'zod';

/** `scene_info` of an H5 payment: where the payer comes from. */
export interface SceneInfo {
  h5_info:
    | { type: 'Wap'; wap_url: string; wap_name: string }
    | { type: 'IOS'; app_name: string; bundle_id: string }
    | { type: 'Android'; app_name: string; package_name: string };
}

const short = z.string().min(1).max(256);

const sceneInfoObject: z.ZodType<SceneInfo, SceneInfo> = z.object({
  h5_info: z.discriminatedUnion('type', [
    z.object({ type: z.literal('Wap'), wap_url: short, wap_name: short }),
    z.object({ type: z.literal('IOS'), app_name: short, bundle_id: short }),
    z.object({ type: z.literal('Android'), app_name: short, package_name: short }),
  ]),
});

/**
 * `scene_info` as a caller gives it: a JSON string (kept exactly, since it is signed as sent)
 * or an object (serialised with `JSON.stringify`). Either way it must describe `h5_info`.
 */
export const sceneInfoField: z.ZodType<string, string | SceneInfo> = z
  .union([z.string(), sceneInfoObject])
  .transform((value, context) => {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (typeof value === 'string') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(value);
      } catch {
        context.addIssue({ code: 'custom', message: 'must be JSON' });
        return z.NEVER;
      }
      if (!sceneInfoObject.safeParse(parsed).success) {
        context.addIssue({
          code: 'custom',
          message: 'must describe h5_info (Wap, IOS or Android)',
        });
        return z.NEVER;
      }
    }
    if (Buffer.byteLength(text, 'utf8') > 256) {
      context.addIssue({ code: 'custom', message: 'must be at most 256 UTF-8 bytes' });
      return z.NEVER;
    }
    return text;
  });
