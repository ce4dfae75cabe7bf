/**
 * A directive joins a deployment only if it fits it: its issuer is a loaded unit (else it would
 * bind nobody) and its indicators mean what the registry and the other loaded directives say.
 * Every refusal changes nothing.
 */
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { installText } from "../../src/services/directives/install.js";
import { createTestDb, type TestDb } from "../helpers/db.js";

let db: TestDb;
beforeEach(async () => {
  db = await createTestDb();
});
afterEach(async () => {
  await db.cleanup();
});

const directive = (over: { id?: string; issuer?: string; indicator?: string }) => `id: ${over.id ?? "thu-01"}
number: 01/KH-UBND
kind: ke-hoach
issuer: UBND tỉnh Thử Nghiệm
issuingUnit: ${over.issuer ?? "TN"}
issuedOn: 01/01/2026
title: Thử
tiers: [{ code: xa, name: Xã }]
indicators:
  - ${over.indicator ?? "{ code: hs-moi, name: Hồ sơ mới, numerator: Số hồ sơ mới trực tuyến, denominator: Tổng số hồ sơ mới }"}
milestones:
  - { indicator: ${/code: ([a-z-]+)/.exec(over.indicator ?? "code: hs-moi")?.[1]}, scope: { tiers: [xa] }, deadline: 31/12/2026, target: 80, comparison: atLeast }
`;

describe("installText", () => {
  test("an issuer the deployment does not know is refused, and nothing is saved", async () => {
    const r = await installText(db.prisma, directive({ issuer: "KHONG-CO" }), "yaml");
    expect(r.ok ? [] : r.problems).toEqual([
      {
        path: "issuingUnit",
        message:
          'đơn vị ban hành "KHONG-CO" chưa có trong hệ thống: văn bản chỉ ràng buộc các đơn vị thuộc đơn vị ban hành. Nạp danh sách đơn vị (tệp .yaml có units) trước rồi gửi lại văn bản',
      },
    ]);
    expect(await db.prisma.directive.count()).toBe(0);
  });

  test("a code another loaded directive defines keeps that meaning; a second meaning is refused", async () => {
    expect((await installText(db.prisma, readFileSync("test/fixtures/province.units.yaml", "utf8"), "yaml")).ok).toBe(
      true,
    );
    expect((await installText(db.prisma, directive({}), "yaml")).ok).toBe(true);
    const other = directive({
      id: "thu-02",
      indicator: "{ code: hs-moi, name: Khác, numerator: Số hồ sơ giải quyết, denominator: Tổng số hồ sơ }",
    });
    const r = await installText(db.prisma, other, "yaml");
    expect(r.ok ? "" : r.problems[0]?.message).toMatch(
      /^chỉ tiêu "hs-moi" ở văn bản này \(tỷ lệ: tử số "Số hồ sơ giải quyết", mẫu số "Tổng số hồ sơ"\) khác định nghĩa trong văn bản 01\/KH-UBND/,
    );
    expect(await db.prisma.directive.count()).toBe(1);
    // The same directive loaded again may restate its own definition.
    expect((await installText(db.prisma, directive({}), "yaml")).ok).toBe(true);
  });
});
