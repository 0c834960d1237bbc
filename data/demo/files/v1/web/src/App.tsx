import { useEffect, useState } from "react";
import { getProducts, Product } from "./api/client";
import { formatPrice } from "./utils";

export default function App() {
  const [products, setProducts] = useState<Product[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    getProducts()
      .then(setProducts)
      .catch((e) => setError(String(e)));
  }, []);

  if (error) {
    return <p className="error">Could not load products: {error}</p>;
  }

  return (
    <main>
      <h1>Basketly</h1>
      <ul className="products">
        {products.map((p) => (
          <li key={p.id}>
            <span>{p.name}</span>
            <span className="price">{formatPrice(p.price_cents)}</span>
          </li>
        ))}
      </ul>
    </main>
  );
}
