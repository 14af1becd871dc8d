// The search page: results from Pagefind, in the page's language, for ?q=<words>.
// Pagefind's own UI is not loaded (about 290 KB); its small API is, only here and only
// when there is a query. It fetches just the index chunks the query needs.
const results = document.getElementById("search-results");
const status = document.getElementById("search-status");
const input = document.getElementById("search-page-q");
const query = new URLSearchParams(window.location.search).get("q")?.trim() ?? "";
const lang = document.documentElement.lang || "id";
const text = {
  id: { none: "Tidak ada hasil untuk", some: "hasil untuk", failed: "Pencarian gagal dimuat." },
  en: { none: "No results for", some: "results for", failed: "Search could not be loaded." },
}[lang.slice(0, 2)] ?? { none: "No results for", some: "results for", failed: "Search could not be loaded." };

function item(data) {
  const li = document.createElement("li");
  li.className = "search-results__item";
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta?.title ?? data.url;
  const heading = document.createElement("h2");
  heading.className = "search-results__title";
  heading.append(link);
  const excerpt = document.createElement("p");
  excerpt.className = "search-results__excerpt";
  // Pagefind's excerpt is the page's own text, escaped, with <mark> around the matches.
  excerpt.innerHTML = data.excerpt;
  li.append(heading, excerpt);
  return li;
}

async function run() {
  if (input) input.value = query;
  if (!query || !results) return;
  const bundle = new URL(results.dataset.pagefind, window.location.href);
  const root = new URL("..", bundle);  // the site's root: result URLs are relative to it
  try {
    const pagefind = await import(new URL("pagefind.js", bundle).href);
    await pagefind.options({ baseUrl: root.pathname });
    const search = await pagefind.search(query);
    const found = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
    results.replaceChildren(...found.map(item));
    status.textContent = found.length ? `${search.results.length} ${text.some} “${query}”` : `${text.none} “${query}”`;
  } catch (error) {
    status.textContent = text.failed;
    console.error(error);
  }
}

run();
