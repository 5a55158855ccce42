import type { App } from '../src/core/http/types.js';
import { DEMO_PASSWORD } from '../src/seed/demo.js';

export async function loginCookieInject(app: App, username: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}
