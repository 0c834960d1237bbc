import { FormEvent, useEffect, useState } from "react";
import { Cart, checkout, getCart } from "../api/client";
import CartSummary from "./CartSummary";

interface Address {
  name: string;
  street: string;
  postcode: string;
  city: string;
}

const EMPTY_ADDRESS: Address = { name: "", street: "", postcode: "", city: "" };

export default function CheckoutForm() {
  const [cart, setCart] = useState<Cart | null>(null);
  const [address, setAddress] = useState<Address>(EMPTY_ADDRESS);
  const [coupon, setCoupon] = useState("");
  const [status, setStatus] = useState<"idle" | "sending" | "done" | "error">("idle");
  const [orderId, setOrderId] = useState<number | null>(null);

  useEffect(() => {
    getCart().then(setCart);
  }, []);

  function update(field: keyof Address, value: string) {
    setAddress({ ...address, [field]: value });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setStatus("sending");
    try {
      const result = await checkout(coupon || undefined);
      setOrderId(result.order_id);
      setStatus("done");
    } catch (e) {
      setStatus("error");
    }
  }

  if (status === "done") {
    return <p className="success">Thank you! Your order #{orderId} is on its way.</p>;
  }
  if (!cart) {
    return <p>Loading your basket…</p>;
  }

  return (
    <form className="checkout" onSubmit={submit}>
      <CartSummary cart={cart} />
      <fieldset>
        <legend>Delivery address</legend>
        <input placeholder="Name" value={address.name} onChange={(e) => update("name", e.target.value)} />
        <input placeholder="Street" value={address.street} onChange={(e) => update("street", e.target.value)} />
        <input placeholder="Postcode" value={address.postcode} onChange={(e) => update("postcode", e.target.value)} />
        <input placeholder="City" value={address.city} onChange={(e) => update("city", e.target.value)} />
      </fieldset>
      <label>
        Coupon
        <input value={coupon} onChange={(e) => setCoupon(e.target.value)} />
      </label>
      <button type="submit" disabled={status === "sending"}>
        Place order
      </button>
      {status === "error" && <p className="error">Something went wrong. Please try again.</p>}
    </form>
  );
}
