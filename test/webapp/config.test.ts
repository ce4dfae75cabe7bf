/** WEBAPP_PORT and WEBAPP_URL (src/config.ts, .env.example): unset = Mini App off. */
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../src/config.js";

describe("Mini App configuration", () => {
  it.each([
    [{}, undefined, undefined],
    [{ WEBAPP_PORT: "" }, undefined, undefined],
    [{ WEBAPP_PORT: "0" }, 0, undefined],
    [{ WEBAPP_PORT: "8090", WEBAPP_URL: "" }, 8090, undefined],
    [{ WEBAPP_PORT: "8090", WEBAPP_URL: "https://dondoc.example.gov.vn/" }, 8090, "https://dondoc.example.gov.vn"],
    [{ WEBAPP_PORT: "8090", WEBAPP_URL: "https://a.example/bang" }, 8090, "https://a.example/bang"],
  ])("%j → port %s, url %s", (env, port, url) => {
    const c = parseConfig(env);
    expect([c.WEBAPP_PORT, c.WEBAPP_URL]).toEqual([port, url]);
  });

  it.each([
    [{ WEBAPP_PORT: "abc" }, "WEBAPP_PORT: phải là số cổng 0–65535"],
    [{ WEBAPP_PORT: "70000" }, "WEBAPP_PORT"],
    [{ WEBAPP_PORT: "1", WEBAPP_URL: "ftp://a.example" }, "WEBAPP_URL: phải là URL http(s)"],
    [{ WEBAPP_PORT: "1", WEBAPP_URL: "dondoc.example" }, "WEBAPP_URL: phải là URL http(s)"],
    [{ WEBAPP_URL: "https://a.example" }, "WEBAPP_URL: cần đặt cả WEBAPP_PORT"],
  ])("%j is refused, naming the variable", (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });
});
