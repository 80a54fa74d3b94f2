import { createHash } from 'node:crypto';
import { FIRST_FRAME_SCRIPT } from '../contract/first-frame';

/** index.html's one inline script (contract/first-frame.ts), allowed by the CSP by its hash alone. */
export const FIRST_FRAME_SCRIPT_HASH = `'sha256-${createHash('sha256').update(FIRST_FRAME_SCRIPT).digest('base64')}'`;

/**
 * Powerful browser features, all denied: the app uses none of them (notifications and push are not
 * governed by Permissions-Policy). Only features Chromium knows, so no console warning is logged.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

/** The headers every response of the development provider gets too (the app's come from secureHeaders). */
export const BASELINE_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': PERMISSIONS_POLICY,
};
