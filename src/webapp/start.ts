/**
 * The app starts the dashboard's server when the configuration enables it (WEBAPP_PORT set) and a
 * page is built in; otherwise nothing listens and no button is shown (docs/WEBAPP.md).
 */
import type { Api } from "grammy";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { DashboardLink } from "../render/dashboardButton.js";
import type { AppServices } from "../services/useCases.js";
import type { DashboardPage } from "./contract.js";
import { telegramMembers } from "./membership.js";
import { startWebappServer, type WebappServer } from "./server.js";

export type DashboardPageFactory = (services: AppServices) => DashboardPage;

export type StartedDashboard = { server: WebappServer; link: DashboardLink };

export async function startDashboard(o: {
  config: Pick<Config, "WEBAPP_PORT" | "WEBAPP_URL">;
  services: AppServices;
  page: DashboardPageFactory | undefined;
  token: string;
  api: Pick<Api, "getChatMember">;
  botUsername: string;
  logger: Logger;
  /** The sandbox's page, which shows the dashboard in a frame. */
  frameAncestors?: readonly string[];
}): Promise<StartedDashboard | null> {
  const port = o.config.WEBAPP_PORT;
  if (port === undefined) return null;
  if (!o.page) {
    o.logger.warn("WEBAPP_PORT is set but this build has no dashboard page: the Mini App stays off");
    return null;
  }
  const server = await startWebappServer({
    port,
    // Without a public address the page is for this machine only; with one, a proxy elsewhere reaches it.
    host: o.config.WEBAPP_URL ? "0.0.0.0" : "127.0.0.1",
    ...(o.config.WEBAPP_URL ? { publicUrl: o.config.WEBAPP_URL } : {}),
    services: o.services,
    page: o.page(o.services),
    botToken: o.token,
    members: telegramMembers(o.api),
    ...(o.frameAncestors ? { frameAncestors: o.frameAncestors } : {}),
    logger: o.logger.child({ component: "webapp" }),
  });
  o.logger.info({ url: server.url, port: server.port }, "dashboard Mini App listening");
  return { server, link: { appUrl: server.url, botUsername: o.botUsername } };
}
