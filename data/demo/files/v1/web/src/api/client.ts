export interface Product {
  id: number;
  sku: string;
  name: string;
  price_cents: number;
  stock: number;
}

export interface CartItem extends Product {
  category: string | null;
  quantity: number;
}

export interface Cart {
  items: CartItem[];
  subtotal_cents: number;
  discount_cents: number;
  shipping_cents: number;
  total_cents: number;
}

const API_URL = import.meta.env.VITE_API_URL ?? "http://localhost:8000";

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(API_URL + path, {
    credentials: "include",
    headers: { "Content-Type": "application/json" },
    ...init,
  });
  if (!response.ok) {
    throw new Error(`${init.method ?? "GET"} ${path}: ${response.status}`);
  }
  return response.json() as Promise<T>;
}

export function getProducts(): Promise<Product[]> {
  return request<Product[]>("/products");
}

export function getCart(coupon?: string): Promise<Cart> {
  const query = coupon ? `?coupon=${coupon}` : "";
  return request<Cart>(`/cart${query}`);
}

export function addToCart(productId: number, quantity = 1): Promise<{ ok: boolean }> {
  return request("/cart/items", {
    method: "POST",
    body: JSON.stringify({ product_id: productId, quantity }),
  });
}

export function checkout(coupon?: string): Promise<Cart & { order_id: number }> {
  return request("/checkout", { method: "POST", body: JSON.stringify({ coupon }) });
}
