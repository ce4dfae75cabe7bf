// The Mini App page's script (docs/WEBAPP.md "Trang"). Plain script, no build step, no inline code
// (CSP script-src 'self'). It reads Telegram's launch parameters from the URL hash, asks the server
// for the view with the verified initData, and draws the charts with chart.js (window.Chart).
(() => {
  const STORE = "dondoc.launch";
  const view = document.getElementById("view");
  const filters = {};

  function launchParams() {
    const hash = new URLSearchParams(location.hash.slice(1));
    if (hash.get("tgWebAppData")) {
      const p = {
        initData: hash.get("tgWebAppData") || "",
        version: hash.get("tgWebAppVersion") || "",
        platform: hash.get("tgWebAppPlatform") || "",
        theme: hash.get("tgWebAppThemeParams") || "",
      };
      try {
        sessionStorage.setItem(STORE, JSON.stringify(p));
      } catch (_) {
        /* private mode */
      }
      return p;
    }
    // A reload inside Telegram can drop the hash: the launch is kept for the session, as Telegram's own SDK does.
    try {
      return JSON.parse(sessionStorage.getItem(STORE) || "null");
    } catch (_) {
      return null;
    }
  }

  function applyTheme(json) {
    if (!json) return;
    let theme;
    try {
      theme = JSON.parse(json);
    } catch (_) {
      return;
    }
    for (const [k, v] of Object.entries(theme))
      if (typeof v === "string" && /^#[0-9a-f]{3,8}$/i.test(v))
        document.documentElement.style.setProperty(`--tg-theme-${k.replace(/_/g, "-")}`, v);
  }

  function postEvent(type, data) {
    const payload = JSON.stringify(data || {});
    try {
      if (window.TelegramWebviewProxy) window.TelegramWebviewProxy.postEvent(type, payload);
      else if (window.parent !== window)
        window.parent.postMessage(JSON.stringify({ eventType: type, eventData: data || {} }), "*");
    } catch (_) {
      /* outside Telegram */
    }
  }

  function status(text, retry) {
    view.innerHTML = "";
    const p = document.createElement("p");
    p.className = "status";
    p.id = "status";
    p.textContent = text;
    view.appendChild(p);
    if (retry) {
      const b = document.createElement("button");
      b.className = "btn";
      b.textContent = "Thử lại";
      b.addEventListener("click", load);
      view.appendChild(b);
    }
  }

  const launch = launchParams();
  if (launch) applyTheme(launch.theme);

  async function post(path) {
    return fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ initData: launch ? launch.initData : "", filters }),
    });
  }

  /** The server's own sentence (`{ error }`), else one saying what to do next. */
  async function errorText(res) {
    try {
      const body = await res.json();
      if (body && typeof body.error === "string") return body.error;
    } catch (_) {
      /* not JSON */
    }
    if (res.status === 401) return "Phiên mở trang đã hết hạn. Đóng trang rồi mở lại từ nút trong Telegram.";
    return "Không tải được số liệu. Bấm «Thử lại».";
  }

  let charts = [];
  async function load() {
    if (!launch) return status("Hãy mở trang này từ nút «Bảng điều khiển» trong Telegram.");
    document.body.classList.add("busy");
    try {
      const res = await post("/app/api/view");
      if (!res.ok) return status(await errorText(res), res.status >= 500);
      const data = await res.json();
      for (const c of charts) c.destroy();
      view.innerHTML = data.html;
      charts = window.DondocCharts ? window.DondocCharts.draw(data.charts || {}, pickUnit) : [];
      bind();
    } catch (_) {
      status("Không kết nối được máy chủ. Kiểm tra mạng rồi bấm «Thử lại».", true);
    } finally {
      document.body.classList.remove("busy");
    }
  }

  function setFilter(name, value) {
    if (value) filters[name] = value;
    else delete filters[name];
  }

  function pickUnit(code) {
    setFilter("unit", code);
    load().then(() => window.scrollTo({ top: 0, behavior: "smooth" }));
  }

  /**
   * Telegram's own bridge, when the page runs inside a Telegram client (https://core.telegram.org/api/web-events):
   * the phone apps' TelegramWebviewProxy, some desktop clients' external.notify, Telegram Web's parent frame.
   * null elsewhere (a plain browser, the sandbox, whose frame is not web.telegram.org).
   */
  function telegramBridge() {
    if (!launch?.platform || launch.platform === "unknown") return null;
    // web_app_request_file_download came with Bot API 8.0: an older client would ignore it silently.
    const [major] = String(launch.version || "0").split(".");
    if (Number(major) < 8) return null;
    const w = window;
    if (w.TelegramWebviewProxy && typeof w.TelegramWebviewProxy.postEvent === "function")
      return (type, data) => w.TelegramWebviewProxy.postEvent(type, JSON.stringify(data));
    if (w.external && typeof w.external.notify === "function")
      return (type, data) => w.external.notify(JSON.stringify({ eventType: type, eventData: data }));
    const origins = location.ancestorOrigins;
    if (w.parent !== w && origins && origins[0] === "https://web.telegram.org")
      return (type, data) =>
        w.parent.postMessage(JSON.stringify({ eventType: type, eventData: data }), "https://web.telegram.org");
    return null;
  }

  /** Inside Telegram a web view may ignore <a download>: Telegram downloads a short-lived link itself. */
  async function telegramDownload(bridge) {
    const res = await post("/app/api/export-link");
    if (!res.ok) return status(await errorText(res), res.status >= 500);
    const link = await res.json();
    bridge("web_app_request_file_download", { url: link.url, file_name: link.fileName });
  }

  async function blobDownload() {
    const res = await post("/app/api/export");
    if (!res.ok) return status(await errorText(res), res.status >= 500);
    const blob = await res.blob();
    const cd = res.headers.get("content-disposition") || "";
    const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(cd);
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = m ? decodeURIComponent(m[1]) : "dondoc-tinh-hinh.xlsx";
    document.body.appendChild(a);
    a.click();
    setTimeout(() => {
      URL.revokeObjectURL(a.href);
      a.remove();
    }, 1000);
  }

  async function exportXlsx(button) {
    button.disabled = true;
    const label = button.textContent;
    button.textContent = "Đang tạo tệp…";
    try {
      const bridge = telegramBridge();
      await (bridge ? telegramDownload(bridge) : blobDownload());
    } catch (_) {
      status("Không kết nối được máy chủ. Kiểm tra mạng rồi bấm «Thử lại».", true);
    } finally {
      button.disabled = false;
      button.textContent = label;
    }
  }

  function bind() {
    const form = document.getElementById("filters");
    if (form)
      form.addEventListener("change", (e) => {
        const t = e.target;
        if (t?.name) {
          setFilter(t.name, t.value);
          load();
        }
      });
    const exp = document.getElementById("export");
    if (exp) exp.addEventListener("click", () => exportXlsx(exp));
    for (const el of view.querySelectorAll("[data-pick-indicator]"))
      el.addEventListener("click", () => {
        setFilter("indicator", el.getAttribute("data-pick-indicator"));
        load().then(() => window.scrollTo({ top: 0 }));
      });
    for (const el of view.querySelectorAll("[data-clear]"))
      el.addEventListener("click", () => {
        setFilter(el.getAttribute("data-clear"), "");
        load();
      });
    for (const el of view.querySelectorAll(".row[data-unit], .list .n[data-unit]"))
      el.addEventListener("click", () => pickUnit(el.getAttribute("data-unit")));
  }

  postEvent("web_app_ready");
  postEvent("web_app_expand");
  load();
})();
