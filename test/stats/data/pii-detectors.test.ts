import assert from 'node:assert/strict';
import test from 'node:test';
import fc from 'fast-check';
import { builtInDetectors, detectMask, ibanValid, luhnValid, patternDetector } from '../../../src/stats/data/index.ts';

const detector = (name: string) => {
  const found = builtInDetectors.find((d) => d.name === name);
  assert.ok(found, name);
  return found;
};

/** Luhn check digit for a payload, computed independently of luhnValid (doubling from the right of the payload). */
function luhnDigit(payload: string): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    let d = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

test('Luhn accepts published test card numbers and rejects them with one digit changed', () => {
  for (const card of ['4111111111111111', '5500005555555559', '378282246310005', '6011111111111117', '79927398713']) {
    assert.equal(luhnValid(card), true, card);
    const last = Number(card.at(-1));
    assert.equal(luhnValid(card.slice(0, -1) + String((last + 1) % 10)), false, `${card} altered`);
  }
  assert.equal(luhnValid(''), false);
  assert.equal(luhnValid('12a4'), false);
});

test('Luhn: a payload completed with its check digit is valid, with any other digit it is not', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^\d{6,18}$/), fc.integer({ min: 1, max: 9 }), (payload, shift) => {
      const digit = luhnDigit(payload);
      assert.equal(luhnValid(payload + String(digit)), true);
      assert.equal(luhnValid(payload + String((digit + shift) % 10)), false);
    }),
  );
});

test('IBAN mod-97 accepts the ISO 13616 examples and rejects a changed digit or swapped neighbours', () => {
  for (const iban of ['GB82WEST12345698765432', 'DE89370400440532013000', 'FR1420041010050500013M02606', 'NL91ABNA0417164300']) {
    assert.equal(ibanValid(iban), true, iban);
  }
  assert.equal(ibanValid('GB82WEST12345698765433'), false, 'last digit changed');
  assert.equal(ibanValid('GB82WEST12345698765423'), false, 'two digits swapped');
  assert.equal(ibanValid('GB82'), false, 'too short');
});

test('each built-in detector matches its positive examples and none of its negative ones', () => {
  const cases: Record<string, { yes: string[]; no: string[] }> = {
    email: { yes: ['ada@example.com', 'first.last+tag@sub.example.co.uk', ' jo@x.io '], no: ['ada@example', 'ada example.com', '@example.com', 'a@b.c', 'a..b@example.com'] },
    phone: { yes: ['+44 20 7946 0958', '+1-202-555-0143', '+33 (1) 23 45 67 89', '+491701234567'], no: ['020 7946 0958', '+12', '12345678', '+1 202 555 0143 1234 5678', '2026-11-26'] },
    iban: { yes: ['GB82 WEST 1234 5698 7654 32', 'de89370400440532013000'], no: ['GB82 WEST 1234 5698 7654 33', 'XX00', 'DE00370400440532013000'] },
    credit_card: { yes: ['4111 1111 1111 1111', '5500-0055-5555-5559', '378282246310005'], no: ['4111 1111 1111 1112', '1234567812345670', '411111111111'] },
    ipv4: { yes: ['192.168.0.1', '8.8.8.8', '255.255.255.255'], no: ['256.1.1.1', '1.2.3', '01.2.3.4', '1.2.3.4.5'] },
    ipv6: { yes: ['2001:db8::1', '::1', 'fe80::1ff:fe23:4567:890a', '2001:0db8:85a3:0000:0000:8a2e:0370:7334', '::ffff:192.0.2.128'], no: ['2001:db8::1::2', '12345::', 'gggg::1', '1:2:3:4:5:6:7:8:9', 'abc'] },
    us_ssn: { yes: ['123-45-6789', '078-05-1120'], no: ['000-12-3456', '666-12-3456', '900-12-3456', '123-00-4567', '123-45-0000', '123456789'] },
    uk_nino: { yes: ['AB123456C', 'ab 12 34 56 c', 'JG103759A'], no: ['DA123456C', 'BG123456C', 'AB123456E', 'AO123456C', 'AB12345C'] },
  };
  for (const [name, { yes, no }] of Object.entries(cases)) {
    const d = detector(name);
    for (const value of yes) assert.equal(d.test(value.trim()), true, `${name} should match ${value}`);
    for (const value of no) assert.equal(d.test(value.trim()), false, `${name} should not match ${value}`);
  }
});

test('a detector mask sets one bit per matching detector and ignores blanks and long free text', () => {
  const ip = builtInDetectors.findIndex((d) => d.name === 'ipv4');
  assert.equal(detectMask('10.0.0.1', builtInDetectors), 1 << ip);
  assert.equal(detectMask('   ', builtInDetectors), 0);
  assert.equal(detectMask(`ada@example.com ${'x'.repeat(300)}`, builtInDetectors), 0);
});

test('a policy pattern must match the whole value', () => {
  const staff = patternDetector('staff_id', 'E\\d{6}');
  assert.equal(staff.test('E123456'), true);
  assert.equal(staff.test('xE123456'), false);
  assert.equal(staff.test('E1234567'), false);
});
