/**
 * The registration use-cases bound to the application's dependencies: what the bot's
 * `/dangky` feature is given instead of the database client (src/bot/createBot.ts).
 */
import type { AppDeps } from "../context.js";
import { decideRegistration, type DecisionOutcome, type RegistrationDecision } from "./decide.js";
import { requestRegistration, type RegistrationRequest, type RequestOutcome } from "./request.js";

export type { DecisionOutcome, RegistrationDecision } from "./decide.js";
export type { RegistrationRequest, RequestOutcome } from "./request.js";

export interface RegistrationUseCases {
  request(req: RegistrationRequest): Promise<RequestOutcome>;
  decide(d: RegistrationDecision): Promise<DecisionOutcome>;
}

export function registrationUseCases(deps: AppDeps): RegistrationUseCases {
  return { request: (req) => requestRegistration(deps, req), decide: (d) => decideRegistration(deps, d) };
}
