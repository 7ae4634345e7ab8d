// The workerd entry: bundle with esbuild (pem as text, p12 as binary) and request `/`.
import certPem from './keys/cert.pem';
import p12 from './keys/key.p12';
import keyPem from './keys/key.pem';
import { runSteps } from './steps.mjs';

export default {
  async fetch() {
    const results = await runSteps({ keyPem, certPem, p12 });
    const lines = Object.entries(results).map(([step, result]) => `${step}: ${result}\n`);
    return new Response(lines.join(''));
  },
};
