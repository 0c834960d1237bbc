// Client-side preview of the discount so the basket updates while the customer types a coupon.
// Mirrors api/pricing.py; keep the two in sync.

import { CartItem } from "./api/client";

const COUPONS: Record<string, { type: "percent" | "fixed" | "shipping"; value: number; minSubtotal?: number }> = {
  WELCOME10: { type: "percent", value: 10 },
  FREESHIP: { type: "shipping", value: 0 },
  SAVE5: { type: "fixed", value: 500 },
  SPRING20: { type: "percent", value: 20, minSubtotal: 4000 },
};

const VOLUME_TIERS: Array<[number, number]> = [
  [50, 15],
  [20, 10],
  [10, 5],
];

export function subtotal(items: CartItem[]): number {
  return items.reduce((sum, item) => sum + item.price_cents * item.quantity, 0);
}

export function previewDiscount(items: CartItem[], couponCode: string): number {
  const total = subtotal(items);
  let discount = 0;
  const coupon = COUPONS[couponCode.trim().toUpperCase()];
  if (coupon && (!coupon.minSubtotal || total >= coupon.minSubtotal)) {
    if (coupon.type === "percent") {
      discount = Math.round((total * coupon.value) / 100);
    } else if (coupon.type === "fixed") {
      discount = coupon.value;
    }
  }
  for (const item of items) {
    for (const [minQty, percent] of VOLUME_TIERS) {
      if (item.quantity >= minQty) {
        discount += Math.round((item.price_cents * item.quantity * percent) / 100);
        break;
      }
    }
  }
  return discount;
}

export function couponMessage(couponCode: string, discount: number): string {
  if (!couponCode) {
    return "";
  }
  if (discount > 0) {
    return `Coupon <b>${couponCode}</b> applied: you save ${(discount / 100).toFixed(2)} €`;
  }
  return `Coupon <b>${couponCode}</b> is not valid for this basket`;
}
