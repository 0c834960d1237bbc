import { useEffect, useState } from "react";
import DOMPurify from "dompurify";
import { marked } from "marked";

export function ProfileCard({ userId }) {
  const [profile, setProfile] = useState(null);
  const [error, setError] = useState(null);

  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/users/${encodeURIComponent(userId)}`, { signal: controller.signal })
      .then((res) => (res.ok ? res.json() : Promise.reject(new Error(`HTTP ${res.status}`))))
      .then(setProfile)
      .catch((err) => {
        if (err.name !== "AbortError") setError(err);
      });
    return () => controller.abort();
  }, [userId]);

  if (error) return <p role="alert">Could not load the profile: {error.message}</p>;
  if (!profile) return <p>Loading…</p>;

  const safeBioHtml = DOMPurify.sanitize(marked.parse(profile.bio ?? ""));
  return (
    <article className="profile">
      <h2>{profile.displayName}</h2>
      <a href={`mailto:${profile.email}`}>{profile.email}</a>
      <section className="bio" dangerouslySetInnerHTML={{ __html: safeBioHtml }} />
      <input type="password" name="password" autoComplete="current-password" placeholder="Confirm your password" />
    </article>
  );
}
