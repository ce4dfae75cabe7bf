/**
 * Hostile directive and unit-list files sent privately by an administrator: a YAML alias bomb,
 * a 4,4 MB list of 50.000 units, a list of more units than any deployment has. Each is answered
 * quickly with a refusal that says what to do — never "bot gặp lỗi" — and changes nothing.
 */
import { afterEach, beforeEach, expect, it } from "vitest";
import { adminTexts } from "../../src/messages/admin.js";
import { common } from "../../src/messages/common.js";
import { planDirectiveText } from "../../src/services/directives/plan.js";
import { installText } from "../../src/services/directives/install.js";
import { ADMIN_ID, type Harness } from "../helpers/harness.js";
import { ALIAS_BOMB, unitList } from "../directives/hostileFixtures.js";
import { sendYaml, startDirectivesWorld, state } from "./directivesWorld.js";

let h: Harness;
beforeEach(async () => {
  h = await startDirectivesWorld();
});
afterEach(async () => h?.stop());

const units = () => h.db.prisma.unit.count();

it("a 352-byte alias bomb is refused as an invalid file, and nothing changes", async () => {
  const before = { ...(await state(h)), units: await units() };
  for (const fileName of ["don-vi.yaml", "chi-thi.yaml"]) {
    const reply = await sendYaml(h, ALIAS_BOMB, ADMIN_ID, fileName);
    expect(reply?.text).not.toBe(common.internalError);
    expect(reply?.text).toContain("tệp không hợp lệ: dùng quá nhiều bí danh YAML (& và *)");
  }
  expect({ ...(await state(h)), units: await units() }).toEqual(before);
});

it("a 4,4 MB list of 50.000 units is refused at once, before the download", async () => {
  const text = unitList(50_000);
  expect(Buffer.byteLength(text)).toBeGreaterThan(3_500_000);
  const before = await units();
  const started = Date.now();
  const reply = await sendYaml(h, text, ADMIN_ID, "don-vi.yaml");
  expect(Date.now() - started).toBeLessThan(3_000);
  expect(reply?.text).toBe(adminTexts.fileTooLarge);
  expect(await units()).toBe(before);
});

it("a list of 10.001 units under 1 MB is refused by its count, before it is parsed", async () => {
  const before = await units();
  const started = Date.now();
  const reply = await sendYaml(h, unitList(10_001, 500), ADMIN_ID, "don-vi.yaml");
  expect(Date.now() - started).toBeLessThan(3_000);
  expect(reply?.text).toContain("danh sách có hơn 10.000 đơn vị, vượt giới hạn 10.000 đơn vị mỗi tệp");
  expect(await units()).toBe(before);
});

it("a 3.500-unit list, more communes than the whole country has, loads in reasonable time", async () => {
  const text = unitList(3_500);
  const started = Date.now();
  expect((await planDirectiveText(h.db.prisma, text, "yaml", "2026-11-20")).ok).toBe(true);
  const r = await installText(h.db.prisma, text, "yaml", BigInt(ADMIN_ID));
  expect(r.ok && r.kind === "units" && r.created).toBe(3_500);
  // ~20 s before (three parses of the text, one upsert per unit); now one parse and one insert:
  // ~1 s on an idle machine, well under this bound on a loaded one.
  expect(Date.now() - started).toBeLessThan(15_000);
  const again = Date.now();
  const second = await installText(h.db.prisma, text, "yaml", BigInt(ADMIN_ID));
  expect(second.ok && second.kind === "units" && second.updated).toBe(3_500);
  expect(Date.now() - again).toBeLessThan(5_000); // unchanged units are not written again
});
