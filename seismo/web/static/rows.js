// Event rows lead to the document, scrolled to the sentence the event was read from.
document.addEventListener("click", (event) => {
  const row = event.target.closest("tr.event-row");
  if (!row || event.target.closest("a")) return;
  window.location.href = row.dataset.href;
});
