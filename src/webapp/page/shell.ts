/**
 * GET /app: the page's HTML shell. No inline script or style (CSP script-src 'self'): app.js reads
 * the launch parameters Telegram puts in the URL hash (tgWebAppData, tgWebAppVersion,
 * tgWebAppPlatform, tgWebAppThemeParams), asks /app/api/view and draws the charts.
 */
export const ASSET_BASE = "/app/assets/";

const SHELL = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<title>dondoc — Bảng điều khiển</title>
<link rel="stylesheet" href="${ASSET_BASE}app.css">
<script src="${ASSET_BASE}chart.umd.js" defer></script>
<script src="${ASSET_BASE}charts.js" defer></script>
<script src="${ASSET_BASE}app.js" defer></script>
</head>
<body>
<main id="view" aria-live="polite"><p class="status" id="status">Đang tải…</p></main>
</body>
</html>
`;

export function shellHtml(): string {
  return SHELL;
}
