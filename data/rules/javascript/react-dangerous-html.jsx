import DOMPurify from "dompurify";
import { marked } from "marked";

export function Comment({ comment }) {
  return (
    <article>
      <h3>{comment.author}</h3>
      {/* ruleid: javascript.react-dangerous-html */}
      <div dangerouslySetInnerHTML={{ __html: comment.body }} />
    </article>
  );
}

export function Preview({ markdown }) {
  return (
    <section
      className="preview"
      // ruleid: javascript.react-dangerous-html
      dangerouslySetInnerHTML={{ __html: marked.parse(markdown) }}
    />
  );
}

export function SafePreview({ markdown, body }) {
  const safeHtml = DOMPurify.sanitize(marked.parse(markdown));
  return (
    <>
      {/* ok: javascript.react-dangerous-html */}
      <section dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(marked.parse(markdown)) }} />
      {/* ok: javascript.react-dangerous-html */}
      <section dangerouslySetInnerHTML={{ __html: safeHtml }} />
      {/* ok: javascript.react-dangerous-html */}
      <p>{body}</p>
      {/* ok: javascript.react-dangerous-html */}
      <span dangerouslySetInnerHTML={{ __html: "&copy; 2024 Example Ltd" }} />
    </>
  );
}
