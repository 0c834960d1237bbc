import { Cart } from "../api/client";
import { formatPrice, percentOff } from "../utils";

interface Props {
  cart: Cart;
}

export default function CartSummary({ cart }: Props) {
  const savings = cart.discount_cents;
  return (
    <section className="cart-summary">
      <ul>
        {cart.items.map((item) => (
          <li key={item.id}>
            {item.quantity} × {item.name}
            <span className="price">{formatPrice(item.price_cents * item.quantity)}</span>
          </li>
        ))}
      </ul>
      <dl>
        <dt>Subtotal</dt>
        <dd>{formatPrice(cart.subtotal_cents)}</dd>
        {savings > 0 && (
          <>
            <dt>You save</dt>
            <dd className="savings">
              −{formatPrice(savings)} ({percentOff(savings, cart.subtotal_cents)})
            </dd>
          </>
        )}
        <dt>Shipping</dt>
        <dd>{cart.shipping_cents === 0 ? "Free" : formatPrice(cart.shipping_cents)}</dd>
        <dt>Total</dt>
        <dd className="total">{formatPrice(cart.total_cents)}</dd>
      </dl>
      {cart.shipping_cents > 0 && cart.subtotal_cents - savings < 5000 && (
        <p className="hint">
          Add {formatPrice(5000 - (cart.subtotal_cents - savings))} more for free shipping.
        </p>
      )}
    </section>
  );
}
