'use strict';
// One "device" running Clerk's own @clerk/clerk-js against the emulator, in one of two modes:
//
// - native: the React Native build (`react-native` export condition, dist/clerk.native.js), wired exactly as
//   @clerk/expo's createClerkInstance wires it: `_is_native=1` on every request, the client token sent back in
//   the Authorization header and saved from the Authorization answer header, `x-mobile: 1`, credentials
//   omitted, and loaded as Expo loads it on a phone (standardBrowser false, headless runtime). As in React
//   Native, `window` is the global object and has no `location` or `document`.
// - browser: the browser build (dist/clerk.js) in a jsdom window on http://localhost:3000; a development
//   instance, so clerk-js gets a dev browser (`__clerk_db_jwt`) from POST /v1/dev_browser and sends it back.
//
// The packages come from the install folder named by CLERK_INTEROP_PREFIX (see tests/fidelity/interop/conftest.py).
// Nothing here changes what clerk-js sends or how it reads the answers.

const fs = require('node:fs');
const path = require('node:path');
const { createRequire } = require('node:module');

const prefix = process.env.CLERK_INTEROP_PREFIX;
if (!prefix) {
  throw new Error('CLERK_INTEROP_PREFIX is not set');
}
const requireInstalled = createRequire(path.join(prefix, 'package.json'));

const BROWSER_ORIGIN = 'http://localhost:3000';

// What a browser has and jsdom lacks: the Fetch API (with Node's own implementation, so requests really go
// over loopback) and a few other web platform globals.
const BROWSER_API_FROM_NODE = [
  'Headers',
  'Request',
  'Response',
  'TextEncoder',
  'TextDecoder',
  'structuredClone',
  'ReadableStream',
];

function setGlobal(name, value) {
  Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
}

// Every answer clerk-js got that was not a success, as "METHOD /path -> status code" (the method as
// overridden by `_method`), so the tests can tell a flow that worked from one that worked only because
// clerk-js fell back quietly after an error. CLERK_INTEROP_TRACE=1 also logs every request to stderr (the
// dev-browser token masked).
const failedAnswers = [];
const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init = {}) => {
  const response = await realFetch(input, init);
  const url = new URL(String(input));
  const method = url.searchParams.get('_method') ?? init.method ?? 'GET';
  if (process.env.CLERK_INTEROP_TRACE) {
    const shown = new URL(url);
    if (shown.searchParams.has('__clerk_db_jwt')) {
      shown.searchParams.set('__clerk_db_jwt', '[dev-browser]');
    }
    process.stderr.write(`${method} ${shown.pathname}${shown.search} -> ${response.status}\n`);
  }
  if (!response.ok) {
    let code = '';
    try {
      code = (await response.clone().json())?.errors?.[0]?.code ?? '';
    } catch {
      // Not a JSON error body.
    }
    failedAnswers.push(`${method} ${url.pathname} -> ${response.status} ${code}`.trim());
  }
  return response;
};

function nativeModule() {
  // React Native: `window` is the global object; `navigator.product` is 'ReactNative'; no DOM, no location.
  setGlobal('window', globalThis);
  setGlobal('navigator', { product: 'ReactNative' });
  setGlobal('__DEV__', false);
  return requireInstalled('@clerk/clerk-js');
}

let loadedModule = null;

function nativeClerk() {
  if (loadedModule === null) {
    loadedModule = nativeModule();
  }
  return loadedModule.Clerk;
}

// The window's fetch: Node's, plus what a browser adds to a cross-origin request from a page on `origin` (the
// Origin header), the CORS check it makes on the answer (Access-Control-Allow-Origin must name the origin
// and, for credentialed requests, Access-Control-Allow-Credentials must be true, or fetch rejects), and the
// headers it hides from the page. clerk-js sends only CORS-simple requests (GET, or POST with a form body and
// no custom header), so there is no preflight.
const SAFELISTED_RESPONSE_HEADERS = [
  'cache-control',
  'content-language',
  'content-length',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
];

function browserFetch(origin) {
  return async (input, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('origin', origin);
    const response = await globalThis.fetch(input, { ...init, headers });
    const allowOrigin = response.headers.get('access-control-allow-origin');
    const credentialed = (init.credentials ?? 'same-origin') === 'include';
    const allowCredentials = response.headers.get('access-control-allow-credentials') === 'true';
    if (allowOrigin !== origin && !(allowOrigin === '*' && !credentialed)) {
      throw new TypeError(`CORS: ${String(input)} answered Access-Control-Allow-Origin ${allowOrigin}`);
    }
    if (credentialed && !allowCredentials) {
      throw new TypeError(`CORS: ${String(input)} did not allow credentials`);
    }
    // A cross-origin answer shows the page only the CORS-safelisted headers and those the server exposes.
    const exposed = new Set(SAFELISTED_RESPONSE_HEADERS);
    for (const name of (response.headers.get('access-control-expose-headers') ?? '').split(',')) {
      exposed.add(name.trim().toLowerCase());
    }
    const visible = new Headers();
    for (const [name, value] of response.headers) {
      if (exposed.has(name)) {
        visible.append(name, value);
      }
    }
    const body = response.status === 204 || response.status === 304 ? null : response.body;
    return new Response(body, { status: response.status, statusText: response.statusText, headers: visible });
  };
}

// A fresh jsdom window on BROWSER_ORIGIN with the browser build evaluated inside it, as a <script> would: each
// browser device has its own window, cookies, storage and copy of clerk-js, like a separate browser.
function browserClerk(cookieJar) {
  const { JSDOM } = requireInstalled('jsdom');
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    url: `${BROWSER_ORIGIN}/`,
    cookieJar,
    pretendToBeVisual: true,
    runScripts: 'outside-only',
  });
  const { window } = dom;
  for (const name of BROWSER_API_FROM_NODE) {
    if (window[name] === undefined) {
      window[name] = globalThis[name];
    }
  }
  window.fetch = browserFetch(BROWSER_ORIGIN);
  // jsdom's crypto has no `subtle`; a browser's has (clerk-js hashes its cookie suffix with it).
  Object.defineProperty(window, 'crypto', { value: globalThis.crypto, configurable: true });
  // The package's main file is a CommonJS bundle: evaluate it in the window as a bundler's module wrapper would.
  const module = { exports: {} };
  window.eval(`(function (module, exports) {\n${browserSource()}\n})`)(module, module.exports);
  return module.exports.Clerk;
}

let browserBuild = null;

function browserSource() {
  if (browserBuild === null) {
    browserBuild = fs.readFileSync(requireInstalled.resolve('@clerk/clerk-js'), 'utf8');
  }
  return browserBuild;
}

// Wire a Clerk instance as @clerk/expo does (createClerkInstance.ts), with an in-memory token cache.
function wireAsExpo(clerk, tokenCache) {
  const key = '__clerk_client_jwt';
  clerk.__internal_onBeforeRequest(async requestInit => {
    requestInit.credentials = 'omit';
    requestInit.url?.searchParams.append('_is_native', '1');
    const jwt = tokenCache.get(key);
    requestInit.headers.set('authorization', jwt || '');
    requestInit.headers.set('x-mobile', '1');
  });
  clerk.__internal_onAfterResponse(async (_, response) => {
    const authHeader = response.headers.get('authorization');
    if (authHeader) {
      tokenCache.set(key, authHeader);
    }
  });
}

// What a device keeps between two runs of the app: the token cache (native) or the cookie jar (browser).
function newStorage(mode) {
  if (mode === 'native') {
    return new Map();
  }
  const { CookieJar } = requireInstalled('jsdom');
  return new CookieJar();
}

// A device, loaded: a new one, or, given the `storage` of an earlier one, that device again after a restart
// of the app (native) or a reload of the page (browser).
async function openDevice(cfg, storage = newStorage(cfg.mode)) {
  const Clerk = cfg.mode === 'native' ? nativeClerk() : browserClerk(storage);
  const clerk = new Clerk(cfg.publishable_key, { proxyUrl: cfg.proxy_url });
  if (cfg.mode === 'native') {
    wireAsExpo(clerk, storage);
    await clerk.load({
      standardBrowser: false,
      telemetry: false,
      experimental: { runtimeEnvironment: 'headless' },
    });
  } else {
    await clerk.load({ telemetry: false });
  }
  // A browser window stays open: clerk-js keeps timers (token refresh, cookie upkeep) in it, and the process
  // exits once every flow has run.
  return { clerk, storage };
}

module.exports = { openDevice, failedAnswers, BROWSER_ORIGIN };
