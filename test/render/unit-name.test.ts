import { describe, expect, test } from "vitest";
import { shortenUnitName, UNIT_LABEL_MAX_CHARS } from "../../src/render/unit-name.js";

describe("shortenUnitName", () => {
  test.each([
    ["Ủy ban nhân dân phường Đức Xuân", "UBND phường Đức Xuân"],
    ["Uỷ ban nhân dân xã Nông Thượng", "UBND xã Nông Thượng"],
    ["ỦY BAN NHÂN DÂN xã Dương Quang", "UBND xã Dương Quang"],
    ["Hội đồng nhân dân tỉnh", "HĐND tỉnh"],
    // Fits: keeps every word so the meaning survives.
    ["Phòng Văn hoá và Thông tin", "Phòng Văn hoá và Thông tin"],
    ["Phòng Văn hoá và Thông tin huyện Chợ Mới", "P. Văn hoá và Thông tin…"],
    ["Trung tâm Phục vụ hành chính công tỉnh Bắc Kạn", "TT PVHCC tỉnh Bắc Kạn"],
    ["Ủy ban nhân dân Thành phố Bắc Kạn", "UBND Thành phố Bắc Kạn"],
    ["Ủy ban nhân dân Thành phố Phan Rang - Tháp Chàm", "UBND TP. Phan Rang - Tháp…"],
    ["  Xã   Nông  Thượng ", "Xã Nông Thượng"],
  ])("%s → %s", (name, short) => {
    expect(shortenUnitName(name)).toBe(short);
  });

  test("never exceeds the limit, cutting at a word with an ellipsis", () => {
    const long = "Ban Quản lý các khu công nghiệp và khu kinh tế cửa khẩu tỉnh";
    const short = shortenUnitName(long);
    expect([...short].length).toBeLessThanOrEqual(UNIT_LABEL_MAX_CHARS);
    expect(short).toBe("Ban Quản lý các khu công…");
  });

  test("decomposed (NFD) input is normalised before matching", () => {
    expect(shortenUnitName("Ủy ban nhân dân xã Huyền Tụng".normalize("NFD"))).toBe("UBND xã Huyền Tụng");
  });
});
