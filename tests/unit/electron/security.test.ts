import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  appResponseHeaders,
  contentTypeFor,
  isAppUrl,
  isSafeExternalUrl,
  resolveAppPath,
  secureWebPreferences,
} from '../../../electron/desktop/security';
import { CONTENT_SECURITY_POLICY } from '../../../shared/api/contentSecurityPolicy';

function cspDirectives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

describe('secureWebPreferences', () => {
  it('isolates the page from Node and from the preload', () => {
    const prefs = secureWebPreferences('/app/dist-electron/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/dist-electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = cspDirectives(CONTENT_SECURITY_POLICY);

  it('allows scripts only from the app itself: no inline, no eval, no remote', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it("allows inline styles (antd's CSS-in-JS) but nothing else beyond 'self'", () => {
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives.get('font-src')).toEqual(["'self'", 'data:']);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });

  it('shuts plugins, base rewriting, framing and form posts', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });

  it('is sent on every app:// response with nosniff', () => {
    const headers = appResponseHeaders('text/html; charset=utf-8');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
  });
});

describe('isAppUrl', () => {
  it.each([APP_ENTRY_URL, 'app://newsroom/', 'app://newsroom/assets/index-abc.js', 'app://newsroom/index.html?x=1#top'])(
    'accepts %s',
    (url) => expect(isAppUrl(url)).toBe(true),
  );

  it.each([
    'app://newsroom.evil/',
    'app://evil.newsroom/',
    'app://newsroom@evil/',
    'app://user:pw@newsroom/',
    'app://newsroom:8080/',
    'app:newsroom/index.html',
    'app:///newsroom/index.html',
    'apps://newsroom/',
    'file:///',
    'file:///etc/passwd',
    'https://newsroom/',
    'http://127.0.0.1:5780/',
    'javascript:alert(1)',
    'about:blank',
    '',
    'not a url',
  ])('refuses %s', (url) => expect(isAppUrl(url)).toBe(false));
});

describe('isSafeExternalUrl', () => {
  it.each(['https://www.xinhuanet.com/', 'http://example.com/a?b=c', 'mailto:desk@jiangcheng.example'])('opens %s in the OS browser', (url) =>
    expect(isSafeExternalUrl(url)).toBe(true),
  );

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://newsroom/',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'https://bank.example@evil.example/',
    'data:text/html,<script>alert(1)</script>',
    'https://',
    'nonsense',
  ])('refuses %s', (url) => expect(isSafeExternalUrl(url)).toBe(false));
});

describe('resolveAppPath', () => {
  const root = path.resolve('/srv/app/dist/renderer');

  it('maps app URLs to files under the renderer folder', () => {
    expect(resolveAppPath(root, 'app://newsroom/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://newsroom/assets/index-abc.js?v=1')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveAppPath(root, 'app://newsroom/fonts/%E5%AE%8B%E4%BD%93.woff2')).toBe(path.join(root, 'fonts', '宋体.woff2'));
  });

  it('serves index.html for the bare origin', () => {
    expect(resolveAppPath(root, 'app://newsroom/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://newsroom')).toBe(path.join(root, 'index.html'));
  });

  it('never resolves outside the renderer folder', () => {
    for (const url of [
      'app://newsroom/../../etc/passwd',
      'app://newsroom/%2e%2e/%2e%2e/etc/passwd',
      'app://newsroom/.%2E/.%2e/etc/passwd',
      'app://newsroom//etc/passwd',
      'app://newsroom/assets/../../../../etc/passwd',
    ]) {
      const resolved = resolveAppPath(root, url);
      expect(resolved === null || resolved.startsWith(root + path.sep), url).toBe(true);
    }
  });

  it('refuses what survives URL parsing: encoded separators, drive letters, NUL, bad escapes', () => {
    for (const url of [
      'app://newsroom/..%2f..%2fetc%2fpasswd',
      'app://newsroom/%2e%2e%2f%2e%2e%2fetc',
      'app://newsroom/..%5c..%5cwindows%5cwin.ini',
      'app://newsroom/assets%5c..%5c..%5csecret',
      'app://newsroom/C:%5cWindows',
      'app://newsroom/c%3a/windows',
      'app://newsroom/index.html%00.png',
      'app://newsroom/%E0%A4%A',
    ]) {
      expect(resolveAppPath(root, url), url).toBeNull();
    }
  });

  it('refuses URLs that are not the app origin', () => {
    expect(resolveAppPath(root, 'app://newsroom.evil/index.html')).toBeNull();
    expect(resolveAppPath(root, 'file:///srv/app/dist/renderer/index.html')).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it('names the types the renderer build produces, case-insensitively', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/assets/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/a.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
  });
});
