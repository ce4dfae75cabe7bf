/**
 * The Mini App page opened on a phone as Telegram opens it (390×844, headless Chromium): a leader of
 * the leaders' chat following P, the real Mini App server, and a URL hash carrying signed
 * `initData`, version, platform and theme. Shared by the Chromium tests of the page.
 */
import { chromium, type Browser, type Page } from "playwright-core";
import { bindChat } from "../../src/db/repos/chats.js";
import { launchParamOf } from "../../src/domain/dashboardScope.js";
import { createLogger } from "../../src/logger.js";
import type { AppDeps } from "../../src/services/context.js";
import { createAppServices } from "../../src/services/useCases.js";
import { initDataFields, signInitData } from "../../src/webapp/initData.js";
import { createDashboardPage } from "../../src/webapp/page/index.js";
import { startWebappServer, type WebappServer } from "../../src/webapp/server.js";
import type { TestDb } from "../helpers/db.js";
import { NOW } from "./dashboardWorld.js";

export const CHROMIUM = "/usr/bin/chromium";
const TOKEN = "123456789:TEST-token-AAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
const LEADERS_CHAT = -1001n;
const LEADER = 501;

/** Telegram's light theme as a phone hands it. */
export const LIGHT_THEME = {
  bg_color: "#ffffff",
  text_color: "#000000",
  hint_color: "#707579",
  link_color: "#3390ec",
  button_color: "#3390ec",
  button_text_color: "#ffffff",
  secondary_bg_color: "#f4f4f5",
};

export type PhoneWorld = {
  server: WebappServer;
  browser: Browser;
  page: Page;
  /** The page's address with the launch parameters in its hash, for a theme. */
  launchUrl(theme: object): string;
  stop(): Promise<void>;
};

/** Serves the page for `deps`' world and opens a phone-sized browser page (not yet navigated). */
export async function openPhone(db: TestDb, deps: AppDeps): Promise<PhoneWorld> {
  await bindChat(db.prisma, LEADERS_CHAT, "leaders", "P");
  const services = createAppServices(deps);
  const server = await startWebappServer({
    port: 0,
    services,
    page: createDashboardPage(services),
    botToken: TOKEN,
    members: { isMember: async (chatId, userId) => chatId === LEADERS_CHAT && userId === BigInt(LEADER) },
    logger: createLogger("silent"),
  });
  const initData = signInitData(
    initDataFields({
      user: { id: LEADER, first_name: "Lãnh đạo" },
      at: NOW,
      startParam: launchParamOf(LEADERS_CHAT),
      chatType: "supergroup",
      chatInstance: "1",
    }),
    TOKEN,
  );
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  const page = await browser.newPage({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    acceptDownloads: true,
  });
  return {
    server,
    browser,
    page,
    launchUrl: (theme) =>
      `${server.url}/app#${new URLSearchParams({
        tgWebAppData: initData,
        tgWebAppVersion: "8.0",
        tgWebAppPlatform: "android",
        tgWebAppThemeParams: JSON.stringify(theme),
      }).toString()}`,
    stop: async () => {
      await browser.close();
      await server.stop();
    },
  };
}
