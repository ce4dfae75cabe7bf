import { expect, test } from "vitest";
import { formatPercent } from "../../src/render/format.js";

test.each([
  [79.2, "79,2%"],
  [79.18, "79,2%"],
  [80, "80%"],
  [0, "0%"],
  [100, "100%"],
  [99.96, "99,9%"],
  [5.04, "5%"],
])("formatPercent(%s) = %s", (value, text) => {
  expect(formatPercent(value)).toBe(text);
});
