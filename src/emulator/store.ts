import { randomBytes } from "node:crypto";
import type { Message, User } from "grammy/types";
import type { TypedEmitter } from "./events.js";
import type {
  BotStatus,
  ChatInput,
  EmulatorEvents,
  HostedChat,
  MemberStatus,
  SendCounters,
  StoredFile,
  TranscriptEntry,
  UserInput,
} from "./types.js";

export interface ChatRecord {
  chat: HostedChat;
  botStatus: BotStatus;
  blocked: boolean;
  /** Set once a basic group was upgraded; sends to the old id then answer 400 + migrate_to_chat_id. */
  migratedTo?: number;
  members: Map<number, MemberStatus>;
  nextMessageId: number;
  /** Current state of every message (edits applied, deletions removed). */
  messages: Map<number, Message>;
  transcript: TranscriptEntry[];
  counters: SendCounters;
}

/** Who and what exists in the emulated Telegram, plus every chat's transcript. */
export class Store {
  readonly users = new Map<number, User>();
  readonly chats = new Map<number, ChatRecord>();
  private readonly files = new Map<string, StoredFile>();
  private readonly filesByPath = new Map<string, StoredFile>();
  private fileSeq = 0;

  constructor(private readonly events: TypedEmitter<EmulatorEvents>) {}

  addUser(input: UserInput): User {
    const user: User = {
      id: input.id,
      is_bot: false,
      first_name: input.firstName,
      ...(input.lastName ? { last_name: input.lastName } : {}),
      ...(input.username ? { username: input.username } : {}),
      ...(input.languageCode ? { language_code: input.languageCode } : {}),
    };
    this.users.set(user.id, user);
    return user;
  }

  addChat(input: ChatInput): ChatRecord {
    const chat = toChat(input, this.users.get(input.id));
    if (chat.type === "private" && !this.users.has(chat.id)) {
      this.addUser({ id: chat.id, firstName: chat.first_name, ...(chat.username ? { username: chat.username } : {}) });
    }
    const members = new Map<number, MemberStatus>(
      Object.entries(input.members ?? {}).map(([id, status]) => [Number(id), status]),
    );
    // Re-registering a chat updates who/what it is but keeps its history and numbering.
    const prev = this.chats.get(chat.id);
    const record: ChatRecord = {
      chat,
      botStatus: chat.type === "private" ? "member" : (input.botStatus ?? prev?.botStatus ?? "member"),
      blocked: input.blocked ?? prev?.blocked ?? false,
      members: prev ? new Map([...prev.members, ...members]) : members,
      nextMessageId: prev?.nextMessageId ?? 1,
      messages: prev?.messages ?? new Map(),
      transcript: prev?.transcript ?? [],
      counters: prev?.counters ?? { sent: 0, rejected: 0 },
    };
    this.chats.set(chat.id, record);
    return record;
  }

  /** Chats by numeric id, or a public username given as "@name". */
  findChat(id: number | string): ChatRecord | undefined {
    if (typeof id === "number") return this.chats.get(id);
    const name = id.replace(/^@/, "").toLowerCase();
    for (const rec of this.chats.values()) if (rec.chat.username?.toLowerCase() === name) return rec;
    return undefined;
  }

  requireChat(id: number): ChatRecord {
    const rec = this.chats.get(id);
    if (!rec) throw new Error(`emulator: chat ${id} is not registered (call addChat first)`);
    return rec;
  }

  requireUser(id: number): User {
    const user = this.users.get(id);
    if (!user) throw new Error(`emulator: user ${id} is not registered (call addUser first)`);
    return user;
  }

  record(chatId: number, entry: TranscriptEntry): void {
    const rec = this.requireChat(chatId);
    rec.transcript.push(entry);
    this.events.emit("transcript", { chatId, entry });
    if (entry.kind === "message") {
      this.events.emit("message", { chatId, direction: entry.direction, message: entry.message });
    }
  }

  saveFile(
    bytes: Buffer,
    meta: { folder: string; ext: string; fileName?: string; mimeType?: string; sourceUrl?: string },
  ): StoredFile {
    this.fileSeq += 1;
    const n = this.fileSeq;
    // Opaque and URL-safe like Telegram's ids; the counter keeps them unique and traceable.
    const fileId = `EMU${n}_${randomBytes(12).toString("base64url")}`;
    const file: StoredFile = {
      fileId,
      fileUniqueId: `U${n}_${randomBytes(4).toString("hex")}`,
      filePath: `${meta.folder}/file_${n}.${meta.ext}`,
      bytes,
      ...(meta.fileName ? { fileName: meta.fileName } : {}),
      ...(meta.mimeType ? { mimeType: meta.mimeType } : {}),
      ...(meta.sourceUrl ? { sourceUrl: meta.sourceUrl } : {}),
    };
    this.files.set(fileId, file);
    this.filesByPath.set(file.filePath, file);
    return file;
  }

  file(fileId: string): StoredFile | undefined {
    return this.files.get(fileId);
  }

  fileByPath(path: string): StoredFile | undefined {
    return this.filesByPath.get(path);
  }
}

function toChat(input: ChatInput, user: User | undefined): HostedChat {
  const username = input.username ? { username: input.username } : {};
  switch (input.type) {
    case "private":
      return {
        id: input.id,
        type: "private",
        first_name: input.firstName ?? user?.first_name ?? `User ${input.id}`,
        ...username,
      };
    case "group":
      return { id: input.id, type: "group", title: requireTitle(input) };
    case "supergroup":
      return { id: input.id, type: "supergroup", title: requireTitle(input), ...username };
  }
}

function requireTitle(input: ChatInput): string {
  if (!input.title) throw new Error(`emulator: ${input.type} ${input.id} needs a title`);
  return input.title;
}
