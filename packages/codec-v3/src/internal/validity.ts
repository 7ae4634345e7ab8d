import { V3Error } from '../errors.ts';

/** Refuses a certificate outside its validity period at `at` (Unix seconds). */
export function checkValidity(
  cert: { serial: string; notBefore?: Date; notAfter?: Date },
  at: number,
): void {
  const before = cert.notBefore ? cert.notBefore.getTime() / 1000 : -Infinity;
  const after = cert.notAfter ? cert.notAfter.getTime() / 1000 : Infinity;
  if (at < before || at > after) {
    throw new V3Error(
      'ERR_V3_CERTIFICATE_EXPIRED',
      `certificate ${cert.serial} is outside its validity period`,
      { serial: cert.serial },
    );
  }
}
