/**
 * The push services the server sends to: a subscription's endpoint must be on one of these origins,
 * or the server would connect wherever a person points it (SSRF). An entry is an origin
 * (`https://host[:port]`); `https://*.example.com` takes every subdomain of example.com.
 */
export const DEFAULT_PUSH_ORIGINS = [
  'https://fcm.googleapis.com', // Chrome, and browsers built on it (Opera, Samsung Internet)
  'https://android.googleapis.com', // older Chrome subscriptions
  'https://updates.push.services.mozilla.com', // Firefox
  'https://web.push.apple.com', // Safari
  'https://*.notify.windows.com', // Edge (Windows Push Notification Services)
] as const;

/** PUSH_ALLOWED_ORIGINS (comma-separated) or the defaults. */
export function pushOriginsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const list = env.PUSH_ALLOWED_ORIGINS?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return list?.length ? list : [...DEFAULT_PUSH_ORIGINS];
}

/** Whether the server may send to `endpoint`: https, on an allowed origin, no credentials in it. */
export function isAllowedPushEndpoint(endpoint: string, allowed: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  return allowed.some((entry) => {
    const wildcard = /^https:\/\/\*\.([^/:]+)(:\d+)?$/.exec(entry);
    if (!wildcard) return url.origin === entry;
    const [, domain, port = ''] = wildcard;
    return url.hostname.endsWith(`.${domain}`) && (url.port ? `:${url.port}` : '') === port;
  });
}
