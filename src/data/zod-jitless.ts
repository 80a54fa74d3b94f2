// The CSP forbids eval: zod must not even probe for it. Imported before zod wherever zod is loaded
// outside the app's entry (which sets the same), e.g. in a worker.
const config = globalThis as { __zod_globalConfig?: Record<string, unknown> };
config.__zod_globalConfig = Object.assign(config.__zod_globalConfig ?? {}, { jitless: true });
