/**
 * The registration use-cases bound to the application's dependencies: what the bot's
 * `/dangky` feature is given instead of the database client (src/bot/createBot.ts).
 */
import type { AppDeps } from "../context.js";
import type { MenuPublisher } from "../menus/publish.js";
import { decideRegistration, type DecisionOutcome, type RegistrationDecision } from "./decide.js";
import { requestRegistration, type RegistrationRequest, type RequestOutcome } from "./request.js";

export type { DecisionOutcome, RegistrationDecision } from "./decide.js";
export type { RegistrationRequest, RequestOutcome } from "./request.js";

export interface RegistrationUseCases {
  request(req: RegistrationRequest): Promise<RequestOutcome>;
  decide(d: RegistrationDecision): Promise<DecisionOutcome>;
}

/** `menus`: an approved group gets its kind's command menu (services/menus/). */
export function registrationUseCases(deps: AppDeps, menus?: Pick<MenuPublisher, "publishChat">): RegistrationUseCases {
  return {
    request: (req) => requestRegistration(deps, req),
    async decide(d) {
      const r = await decideRegistration(deps, d);
      if (r.ok && d.approved) await menus?.publishChat(r.chatId, r.kind);
      return r;
    },
  };
}
