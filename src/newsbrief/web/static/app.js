// newsbrief: citation highlighting and ingest progress polling.  No framework, no external assets.
"use strict";

function highlightCitation(link) {
  const key = link.dataset.cite;
  const articleId = link.dataset.article;
  document.querySelectorAll(".sent.hl").forEach((el) => el.classList.remove("hl"));
  document.querySelectorAll(".cite.active").forEach((el) => el.classList.remove("active"));
  link.classList.add("active");
  const panel = document.getElementById("src-" + articleId);
  if (!panel) return;
  panel.open = true;
  let first = null;
  panel.querySelectorAll(".sent").forEach((el) => {
    if (el.dataset.cites.split(" ").includes(key)) {
      el.classList.add("hl");
      if (!first) first = el;
    }
  });
  (first || panel).scrollIntoView({ block: "center" });
}

function pollJob(section) {
  const url = section.dataset.fragmentUrl;
  const state = section.querySelector("[data-state]");
  if (state && (state.dataset.state === "done" || state.dataset.state === "failed")) return;
  setTimeout(() => {
    fetch(url, { headers: { Accept: "text/html" } })
      .then((r) => (r.ok ? r.text() : Promise.reject(r.status)))
      .then((html) => { section.innerHTML = html; pollJob(section); })
      .catch(() => setTimeout(() => pollJob(section), 2000));
  }, 400);
}

document.addEventListener("click", (event) => {
  const link = event.target.closest("a.cite");
  if (!link) return;
  event.preventDefault();
  highlightCitation(link);
});

document.addEventListener("DOMContentLoaded", () => {
  const job = document.getElementById("job");
  if (job) pollJob(job);
});
