import { Cart } from "../api/client";
import { formatPrice } from "../utils";

interface Props {
  cart: Cart;
}

export default function CartSummary({ cart }: Props) {
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
        <dt>Shipping</dt>
        <dd>{cart.shipping_cents === 0 ? "Free" : formatPrice(cart.shipping_cents)}</dd>
        <dt>Total</dt>
        <dd className="total">{formatPrice(cart.total_cents)}</dd>
      </dl>
    </section>
  );
}
