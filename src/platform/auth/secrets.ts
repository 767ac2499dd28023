import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { invalid } from '../errors.js';

/** argon2id with the library's defaults (m=19 MiB, t=2, p=1 — OWASP's minimum profile). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** 等保 practice: at least 8 characters mixing letters and digits. */
export function checkPasswordStrength(password: string, field = 'password'): void {
  if (password.length < 8) throw invalid('auth.weakPassword', '密码至少 8 位', field);
  if (password.length > 128) throw invalid('auth.weakPassword', '密码不能超过 128 位', field);
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) {
    throw invalid('auth.weakPassword', '密码须同时包含字母和数字', field);
  }
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Session ids and API tokens are stored only as their SHA-256. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** A readable random password for demo and reset use: letters and digits, no look-alikes. */
export function generatePassword(length = 12): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  // guarantee the strength rule holds (letters and digits)
  return `${out.slice(0, length - 2)}a${(bytes[0] ?? 0) % 10}`;
}
