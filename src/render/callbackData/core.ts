/** The shape every callback family shares, and the bounded ids (src/render/callbackData.ts says why). */

export type CallbackFamily<T> = {
  pattern: RegExp;
  encode(value: T): string;
  parse(data: string | undefined): T | null;
};

/**
 * Every id a button carries is the `Int @id` of a table (prisma/schema.prisma): PostgreSQL's
 * `integer`, at most 2^31 - 1. A larger number is refused by the database as an error, not
 * "not found", so it is refused here.
 */
export const MAX_ROW_ID = 2 ** 31 - 1;

/** Digits only, no leading zero, 1 … MAX_ROW_ID; anything else is null. */
export function parseRowId(text: string | undefined): number | null {
  if (text === undefined || !/^[1-9]\d{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= MAX_ROW_ID ? id : null;
}

/** `<prefix>:<id>`. */
export function idFamily<T>(prefix: string, toValue: (id: number) => T, idOf: (value: T) => number): CallbackFamily<T> {
  const whole = new RegExp(`^${prefix}:(\\d+)$`);
  return {
    pattern: new RegExp(`^${prefix}:`),
    encode: (value) => `${prefix}:${idOf(value)}`,
    parse(data) {
      const id = parseRowId(whole.exec(data ?? "")?.[1]);
      return id === null ? null : toValue(id);
    },
  };
}

/** `<prefix>:<code>:<id>`, the code naming one of a few actions. */
export function actionFamily<A extends string, T>(
  prefix: string,
  codes: Readonly<Record<string, A>>,
  toValue: (action: A, id: number) => T,
  partsOf: (value: T) => readonly [A, number],
): CallbackFamily<T> {
  const byAction = new Map<string, string>(Object.entries(codes).map(([code, action]) => [action, code]));
  const whole = new RegExp(`^${prefix}:([a-z]+):(\\d+)$`);
  return {
    pattern: new RegExp(`^${prefix}:`),
    encode(value) {
      const [action, id] = partsOf(value);
      return `${prefix}:${byAction.get(action) ?? ""}:${id}`;
    },
    parse(data) {
      const m = whole.exec(data ?? "");
      const code = m?.[1];
      const action = code !== undefined && Object.hasOwn(codes, code) ? codes[code] : undefined;
      const id = parseRowId(m?.[2]);
      return action === undefined || id === null ? null : toValue(action, id);
    },
  };
}

/** Telegram's limit on callback data, in bytes. */
export const CALLBACK_DATA_MAX = 64;
