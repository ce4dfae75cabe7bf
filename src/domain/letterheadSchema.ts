/**
 * What a unit list may state of a unit's letterhead (`letterhead:` in directives/units/*.yaml);
 * the rules that derive what it leaves out are in letterhead.ts. Apart from those rules because the
 * directive schema and the catalog read this shape, and the rules read the catalog. PURE.
 */
import { z } from "zod";

export const letterheadSchema = z.strictObject({
  /** "ỦY BAN NHÂN DÂN PHƯỜNG ĐỨC XUÂN"; a line break may be written as "\n". */
  agency: z.string().trim().min(1).optional(),
  /** The agency's own abbreviation in the ký hiệu: "UBND", "STP" (mục II.3.b: set by the head of the agency). */
  abbreviation: z
    .string()
    .regex(/^[\p{Lu}\d]+(?:-[\p{Lu}\d]+)*$/u, "chữ in hoa, số, gạch nối: ví dụ UBND, STP")
    .optional(),
  /** "Đức Xuân" in "Đức Xuân, ngày …" (mục II.4.a). */
  place: z.string().trim().min(1).optional(),
  /** "UBND TỈNH THÁI NGUYÊN" above a Sở; null: none, whatever the tree says. */
  parentAgency: z.string().trim().min(1).nullable().optional(),
  /** The head's office in running text: "Giám đốc", "Trưởng phòng". */
  headTitle: z.string().trim().min(1).optional(),
});
export type LetterheadInput = z.infer<typeof letterheadSchema>;
