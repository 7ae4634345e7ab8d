import { describe, expect, test } from 'vitest';
import { decodeXml, failAck, successAck } from '../src/index.ts';

describe('acknowledgements', () => {
  test('success is the exact body WeChat Pay documents', () => {
    expect(successAck()).toBe(
      '<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>',
    );
  });

  test('fail carries the reason, which survives any XML-legal text', () => {
    const reason = 'sign <mismatch> & ]]> 失败';
    expect({ ...decodeXml(failAck(reason)) }).toEqual({ return_code: 'FAIL', return_msg: reason });
  });

  test('fail refuses an empty or non-string reason', () => {
    expect(() => failAck('')).toThrow(TypeError);
    expect(() => failAck(undefined as never)).toThrow(/message/);
  });
});
