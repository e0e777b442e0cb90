// Shared by the console, the kiosk and the board: language, sign-in, API calls, live events.
(() => {
  const TOKEN_KEY = 'circle.token';
  const LANG_KEY = 'circle.lang';
  const LANGS = ['zh-CN', 'en'];

  class ApiError extends Error {
    constructor(status, body) {
      super((body && body.message) || `HTTP ${status}`);
      this.status = status;
      this.body = body || {};
      this.error = this.body.error || 'error';
      this.fields = Array.isArray(this.body.fields) ? this.body.fields : [];
    }
  }

  function decodeClaims(token) {
    try {
      const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const bytes = Uint8Array.from(atob(part), (c) => c.charCodeAt(0));
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      return null;
    }
  }

  const auth = {
    token() {
      const token = sessionStorage.getItem(TOKEN_KEY);
      const claims = token && decodeClaims(token);
      // A token that expires within the minute is as good as gone for a clerk mid-call.
      if (!claims || (claims.exp && claims.exp * 1000 < Date.now() + 60_000)) return null;
      return token;
    },
    claims() {
      const token = auth.token();
      return token ? decodeClaims(token) : null;
    },
    async logIn(username, password) {
      const { accessToken } = await api('/api/auth/login', {
        method: 'POST',
        body: { username, password },
        anonymous: true,
        idempotent: false,
      }).catch((error) => {
        // Here a 401 means a wrong name or password, not an expired sign-in.
        if (error.status === 401) throw new ApiError(401, { ...error.body, error: 'wrong_login' });
        throw error;
      });
      sessionStorage.setItem(TOKEN_KEY, accessToken);
      return decodeClaims(accessToken);
    },
    logOut() {
      sessionStorage.removeItem(TOKEN_KEY);
    },
  };

  async function api(
    path,
    { method = 'GET', body, anonymous = false, idempotent = true, idempotencyKey } = {},
  ) {
    const headers = { accept: 'application/json' };
    const token = auth.token();
    if (token && !anonymous) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    // A double tap or a retried request must not issue two tickets or call two residents;
    // a screen that retries one piece of work passes the key it keeps for it.
    if (method !== 'GET' && idempotent)
      headers['idempotency-key'] = idempotencyKey || crypto.randomUUID();
    let response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, { error: 'network', message: '' });
    }
    const text = await response.text();
    let parsed;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = { message: text };
    }
    if (!response.ok) {
      if (response.status === 401 && !anonymous) auth.logOut();
      throw new ApiError(response.status, parsed);
    }
    return response.status === 204 ? null : parsed;
  }

  /** The API's own words, with its field problems; network trouble in the reader's language. */
  /**
   * Known refusals in the reader's language, filled from the answer's details (which ticket,
   * which state); anything else as the API's own message, with the fields it names.
   */
  function describeError(error, i18n) {
    if (!(error instanceof ApiError)) return String(error && error.message ? error.message : error);
    if (error.status === 0) return i18n.t('error.network');
    const details = { ...error.body, state: i18n.t(`ticket.${error.body.ticketStatus}`) };
    if (i18n.has(`api.${error.error}`)) return i18n.t(`api.${error.error}`, details);
    const fields = error.fields.map((f) => `${f.field}: ${f.problem}`).join('; ');
    const head = i18n.t(`error.${error.status}`, { message: error.message });
    return fields ? `${head} (${fields})` : head;
  }

  /**
   * EventSource cannot send an Authorization header, so the token rides in the query.
   * The browser reconnects by itself; onState tells the page whether it is live, and
   * 'signed-out' once the token has run out, since retrying without one would never end.
   */
  function live(url, { onEvent, onState }) {
    let source;
    let closed = false;
    const open = () => {
      const token = auth.token();
      if (!token) return onState && onState('signed-out');
      const separator = url.includes('?') ? '&' : '?';
      source = new EventSource(`${url}${separator}access_token=${encodeURIComponent(token)}`);
      source.onopen = () => onState && onState('live');
      source.onmessage = (message) => deliver(message);
      source.onerror = () => {
        onState && onState('reconnecting');
        // A closed source (e.g. 401 after the token expired) never retries on its own.
        if (source.readyState === EventSource.CLOSED && !closed) setTimeout(open, 3000);
      };
    };
    const deliver = (message) => {
      try {
        onEvent(JSON.parse(message.data), message.type);
      } catch {
        // A line the page does not understand is no reason to stop listening.
      }
    };
    open();
    return {
      close() {
        closed = true;
        if (source) source.close();
      },
    };
  }

  let catalogPromise;
  function catalog() {
    catalogPromise ??= fetch('/assets/catalog.json').then((r) => r.json());
    return catalogPromise;
  }

  function initialLang() {
    const saved = localStorage.getItem(LANG_KEY);
    return LANGS.includes(saved) ? saved : 'zh-CN';
  }

  function interpolate(text, vars) {
    return text.replace(/\{(\w+)\}/g, (_, name) => (vars && name in vars ? vars[name] : ''));
  }

  document.addEventListener('alpine:init', () => {
    const dictionaries = window.CircleDictionaries;
    window.Alpine.store('i18n', {
      lang: initialLang(),
      items: [],
      stations: [],
      has(key) {
        return key in dictionaries[this.lang];
      },
      t(key, vars) {
        const text = dictionaries[this.lang][key] ?? dictionaries['zh-CN'][key] ?? key;
        return interpolate(text, vars);
      },
      toggle() {
        this.lang = this.lang === 'zh-CN' ? 'en' : 'zh-CN';
        localStorage.setItem(LANG_KEY, this.lang);
        document.documentElement.lang = this.lang;
      },
      business(code) {
        const item = this.items.find((i) => i.code === code);
        if (!item) return code || '';
        return this.lang === 'en' ? item.nameEn : item.name;
      },
      stationName(station) {
        if (!station) return '';
        return this.lang === 'en' ? station.nameEn || station.name : station.name;
      },
    });
    const store = window.Alpine.store('i18n');
    window.Alpine.magic('t', () => (key, vars) => store.t(key, vars));
    document.documentElement.lang = store.lang;
    catalog().then(({ businesses, stations }) => {
      store.items = businesses;
      store.stations = stations;
    });
  });

  /**
   * Kiosks and boards stand in public: only the station's own kiosk account may stay signed in
   * on them, never a counter or office account that could call, cancel or change things.
   * Returns why the signed-in account cannot be used here, or '' when it can.
   */
  function deviceAccountProblem(claims, stationId, i18n) {
    if (!claims) return '';
    if (claims.role === 'kiosk' && claims.stationId === stationId) return '';
    if (claims.role === 'kiosk') {
      const home = i18n.stations.find((s) => s.stationId === claims.stationId);
      return i18n.t('login.otherStation', { station: i18n.stationName(home) || claims.stationId });
    }
    return i18n.t('login.kioskOnly', { account: `kiosk-${stationId}` });
  }

  function stationIdFromPath() {
    return decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] || '');
  }

  window.Circle = {
    api,
    auth,
    ApiError,
    deviceAccountProblem,
    describeError,
    live,
    catalog,
    stationIdFromPath,
  };
})();
