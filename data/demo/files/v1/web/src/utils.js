// Small helpers shared by the shop pages.

export function formatPrice(cents, currency = "EUR") {
  return new Intl.NumberFormat("de-DE", { style: "currency", currency }).format(cents / 100);
}

export function debounce(fn, wait = 250) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), wait);
  };
}

export function getQueryParam(name) {
  const match = new RegExp("[?&]" + name + "=([^&]*)").exec(window.location.search);
  return match ? decodeURIComponent(match[1].replace(/\+/g, " ")) : null;
}

// Feature flags come from the CMS as a JS object literal, not JSON.
export function parseFlags(text) {
  if (!text) {
    return {};
  }
  try {
    return eval("(" + text + ")");
  } catch (e) {
    return {};
  }
}

export function pluralize(count, singular, plural) {
  return count === 1 ? singular : plural || singular + "s";
}
