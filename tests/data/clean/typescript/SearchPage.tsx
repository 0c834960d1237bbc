import { useEffect, useMemo, useState, type ReactNode } from "react";
import DOMPurify from "dompurify";

interface Hit {
  id: string;
  title: string;
  snippetHtml: string;
}

interface Props {
  query: string;
  apiToken?: string;
  renderEmpty?: () => ReactNode;
}

const SEARCH_ENDPOINT = "/api/search";

export function SearchPage({ query, apiToken, renderEmpty }: Props) {
  const [hits, setHits] = useState<Hit[]>([]);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    const params = new URLSearchParams({ q: query });
    fetch(`${SEARCH_ENDPOINT}?${params}`, {
      headers: apiToken ? { Authorization: `Bearer ${apiToken}` } : undefined,
      signal: controller.signal,
    })
      .then((res) => (res.ok ? (res.json() as Promise<Hit[]>) : Promise.reject(new Error(String(res.status)))))
      .then(setHits)
      .catch((err: Error) => {
        if (err.name !== "AbortError") {
          console.error("search failed", err);
          setFailed(true);
        }
      });
    return () => controller.abort();
  }, [query, apiToken]);

  const sanitized = useMemo(
    () => hits.map((hit) => ({ ...hit, snippetHtml: DOMPurify.sanitize(hit.snippetHtml) })),
    [hits],
  );

  if (failed) return <p role="alert">Search is unavailable right now.</p>;
  if (sanitized.length === 0) return <>{renderEmpty ? renderEmpty() : <p>No results for “{query}”.</p>}</>;

  return (
    <ul className="results">
      {sanitized.map((hit) => (
        <li key={hit.id}>
          <h3>{hit.title}</h3>
          <p dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(hit.snippetHtml) }} />
        </li>
      ))}
    </ul>
  );
}
