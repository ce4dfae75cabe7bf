import type { AddressInfo } from "node:net";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { BotCommand, Chat, Message, User, UserFromGetMe } from "grammy/types";
import { DEFAULT_MAX_BODY } from "./body.js";
import { CallbackRegistry, type Core } from "./core.js";
import { TypedEmitter } from "./events.js";
import { FaultBook } from "./faults.js";
import * as inject from "./inject.js";
import { RateLimiter, type RateLimitOptions } from "./ratelimit.js";
import { createHttpServer } from "./server.js";
import { Store } from "./store.js";
import type {
  BotStatus,
  CallbackAnswer,
  ChatInput,
  EmulatorEvents,
  InjectResult,
  MemberStatus,
  SendCounters,
  StoredFile,
  TranscriptEntry,
  UserInput,
} from "./types.js";
import { UpdateQueue } from "./updates.js";
import { visibleCommands } from "./menus.js";
import { waitFor, type WaitOptions } from "./wait.js";
import * as world from "./world.js";

export interface EmulatorOptions {
  token: string;
  /** Without "@". */
  botUsername: string;
  botFirstName?: string;
  /** Default: the numeric part of the token before ":", else 1000001. */
  botId?: number;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Telegram's group privacy mode; default on, as for a freshly created bot. */
  privacyMode?: boolean;
  /** Milliseconds since the epoch; default Date.now. */
  clock?: () => number;
  /** One line per API call and internal errors; never contains the token. Default silent. */
  log?: (line: string) => void;
  /**
   * Default 1000. Telegram's counter outlives a bot's restart; this emulator's does not, so a
   * caller that restarts it on the same database (the sandbox) passes where the last one ended.
   */
  firstUpdateId?: number;
  maxBodyBytes?: number;
}

export type ControlHandler = (emulator: Emulator, req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

/** An in-process Telegram Bot API for one bot. Start with `startEmulator(options)`. */
export class Emulator {
  readonly faults: FaultBook;
  readonly bot: UserFromGetMe;
  private constructor(
    private readonly core: Core,
    private readonly server: Server,
    readonly url: string,
  ) {
    this.faults = core.faults;
    this.bot = core.bot;
  }

  /** `control` serves `/__emulator/*` (control.ts); passed in so this file and it do not import each other. */
  static async start(opts: EmulatorOptions, control: ControlHandler): Promise<Emulator> {
    const core = createCore(opts);
    let emulator: Emulator | undefined;
    const server = createHttpServer({
      core,
      maxBodyBytes: opts.maxBodyBytes ?? DEFAULT_MAX_BODY,
      control: async (req, res, url) => {
        if (emulator) await control(emulator, req, res, url);
      },
    });
    const host = opts.host ?? "127.0.0.1";
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(opts.port ?? 0, host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    emulator = new Emulator(core, server, `http://${host}:${port}`);
    return emulator;
  }

  on<K extends keyof EmulatorEvents & string>(event: K, listener: (payload: EmulatorEvents[K]) => void): () => void {
    return this.core.events.on(event, listener);
  }

  // --- the world -------------------------------------------------------------------------
  addUser(input: UserInput): User {
    return this.core.store.addUser(input);
  }
  addChat(input: ChatInput): Chat {
    return this.core.store.addChat(input).chat;
  }
  chats(): Chat[] {
    return [...this.core.store.chats.values()].map((r) => r.chat);
  }
  users(): User[] {
    return [...this.core.store.users.values()];
  }
  setBotStatus(chatId: number, status: BotStatus, opts?: world.BotStatusOptions): number | undefined {
    return world.setBotStatus(this.core, chatId, status, opts);
  }
  botStatus(chatId: number): BotStatus {
    return this.core.store.requireChat(chatId).botStatus;
  }
  setMemberStatus(chatId: number, userId: number, status: MemberStatus): void {
    world.setMemberStatus(this.core, chatId, userId, status);
  }
  setBlocked(userId: number, blocked: boolean): void {
    world.setBlocked(this.core, userId, blocked);
  }
  migrateGroup(chatId: number, opts: { byId: number; newChatId?: number }): number {
    return world.migrateGroup(this.core, chatId, opts);
  }

  // --- what users do ---------------------------------------------------------------------
  injectText(input: inject.TextInput): InjectResult {
    return inject.injectText(this.core, input);
  }
  injectDocument(input: inject.DocumentInput): InjectResult {
    return inject.injectDocument(this.core, input);
  }
  pressButton(input: inject.PressInput): Promise<CallbackAnswer> {
    return inject.pressButton(this.core, input);
  }
  injectRaw(update: inject.RawUpdate, opts: { times?: number } = {}): number {
    return inject.injectRaw(this.core, update, opts.times ?? 1);
  }
  redeliver(updateId: number): void {
    inject.redeliver(this.core, updateId);
  }

  // --- what happened ---------------------------------------------------------------------
  transcript(chatId: number): TranscriptEntry[] {
    return [...this.core.store.requireChat(chatId).transcript];
  }
  /** Current state (edits applied) of the bot's messages in a chat, oldest first. */
  botMessages(chatId: number): Message[] {
    return [...this.core.store.requireChat(chatId).messages.values()]
      .filter((m) => m.from?.id === this.bot.id)
      .sort((a, b) => a.message_id - b.message_id);
  }
  message(chatId: number, messageId: number): Message | undefined {
    return this.core.store.requireChat(chatId).messages.get(messageId);
  }
  file(fileId: string): StoredFile | undefined {
    return this.core.store.file(fileId);
  }
  counters(): Record<number, SendCounters> {
    return Object.fromEntries([...this.core.store.chats].map(([id, r]) => [id, { ...r.counters }]));
  }
  /** How many times the bot called a method (any method when omitted). */
  calls(method?: string): number {
    if (method) return this.core.callCounts.get(method) ?? 0;
    return [...this.core.callCounts.values()].reduce((a, b) => a + b, 0);
  }
  commands(scopeKey = "default::"): BotCommand[] {
    return this.core.settings.commands.get(scopeKey) ?? [];
  }
  /** The command menu `userId` sees in `chatId`, by Telegram's order of scopes (menus.ts). */
  menuFor(chatId: number, userId: number): BotCommand[] {
    return visibleCommands(this.core, chatId, userId);
  }
  webhookUrl(): string | undefined {
    return this.core.settings.webhookUrl;
  }
  pendingUpdates(): number {
    return this.core.updates.size();
  }

  // --- knobs -----------------------------------------------------------------------------
  setRateLimit(opts: RateLimitOptions | false): void {
    this.core.rateLimiter.configure(opts);
  }

  // --- waiting ---------------------------------------------------------------------------
  waitFor<T>(probe: () => T | undefined | null | false, opts?: WaitOptions): Promise<T> {
    return waitFor(this.core, probe, opts);
  }
  /** Resolves once the bot has sent at least `count` messages to the chat in total. */
  waitForMessages(chatId: number, count: number, timeoutMs = 5000): Promise<Message[]> {
    return this.waitFor(
      () => {
        const sent = this.botMessages(chatId);
        return sent.length >= count && sent;
      },
      { timeoutMs, label: `${count} bot message(s) in chat ${chatId}`, chatId },
    );
  }

  async stop(): Promise<void> {
    this.core.updates.releaseAll();
    this.core.callbacks.closeAll();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

function createCore(opts: EmulatorOptions): Core {
  const now = opts.clock ?? Date.now;
  const events = new TypedEmitter<EmulatorEvents>();
  const tokenId = Number(/^(\d+):/.exec(opts.token)?.[1]);
  const privacyMode = opts.privacyMode ?? true;
  return {
    token: opts.token,
    bot: {
      id: opts.botId ?? (Number.isSafeInteger(tokenId) ? tokenId : 1000001),
      is_bot: true,
      first_name: opts.botFirstName ?? opts.botUsername,
      username: opts.botUsername,
      can_join_groups: true,
      can_read_all_group_messages: !privacyMode,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
    },
    privacyMode,
    store: new Store(events),
    updates: new UpdateQueue(opts.firstUpdateId ?? 1000),
    faults: new FaultBook(),
    rateLimiter: new RateLimiter(now),
    events,
    callbacks: new CallbackRegistry(),
    settings: { commands: new Map() },
    now,
    log: opts.log ?? (() => undefined),
    callCounts: new Map(),
  };
}
