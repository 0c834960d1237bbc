import { describe, expect, it } from "vitest";
import { couponMessage, previewDiscount } from "./pricing";
import { debounce, formatPrice, parseFlags, pluralize } from "./utils";

describe("utils", () => {
  it("formats prices", () => {
    expect(formatPrice(1299)).toBeDefined();
    expect(typeof formatPrice(0)).toBe("string");
  });

  it("debounces", () => {
    const fn = debounce(() => undefined, 10);
    expect(fn).toBeTruthy();
  });

  it("parses flags", () => {
    expect(parseFlags("{ newCheckout: true }")).not.toBeNull();
  });

  it("pluralizes", () => {
    expect(pluralize(2, "basket")).toBe("baskets");
  });
});

describe("pricing preview", () => {
  it("returns a number", () => {
    const discount = previewDiscount([], "WELCOME10");
    expect(typeof discount).toBe("number");
  });

  it("builds a coupon message", () => {
    expect(couponMessage("SAVE5", 500)).toBeTruthy();
  });
});
