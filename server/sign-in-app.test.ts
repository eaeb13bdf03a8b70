import { describe, expect, it } from 'vitest';

import { signInApp } from './sign-in-app.ts';

const setCookie = 'session=ada; Path=/scenarios/x/broken/; HttpOnly; SameSite=Lax';
const appOrigin = 'http://localhost:5173';

describe('signInApp', () => {
  it('answers a credentialed POST with the cookie and CORS headers', async () => {
    const response = await signInApp(setCookie, appOrigin).request('/', {
      method: 'POST',
      headers: { Origin: appOrigin },
    });

    expect(response.status).toBe(204);
    expect(response.headers.get('Set-Cookie')).toBe(setCookie);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(appOrigin);
    expect(response.headers.get('Access-Control-Allow-Credentials')).toBe('true');
  });

  it('answers a window with the cookie and a page that closes itself', async () => {
    const response = await signInApp(setCookie, appOrigin).request('/');

    expect(response.status).toBe(200);
    expect(response.headers.get('Set-Cookie')).toBe(setCookie);
    expect(await response.text()).toContain('window.close()');
  });
});
