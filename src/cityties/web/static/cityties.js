// cityties: small progressive enhancements; every page works without this file.
"use strict";

// Network view: hovering a place lights up its ties and neighbours and describes it beside the graph.
function enhanceNetwork(svg) {
  const info = document.getElementById("network-info");
  const edges = Array.from(svg.querySelectorAll(".edge"));
  const nodes = new Map(Array.from(svg.querySelectorAll(".node")).map((n) => [n.dataset.id, n]));
  function focus(node) {
    const id = node.dataset.id;
    const mine = edges.filter((e) => e.dataset.source === id || e.dataset.target === id);
    svg.classList.add("focus");
    node.classList.add("on");
    for (const e of mine) {
      e.classList.add("on");
      for (const end of [e.dataset.source, e.dataset.target]) nodes.get(end)?.classList.add("on");
    }
    if (info) {
      info.replaceChildren();
      const title = document.createElement("h3");
      title.textContent = node.dataset.name;
      const line = document.createElement("p");
      line.textContent = `${node.dataset.country} · ${node.dataset.events} · ${mine.length} ↔`;
      info.append(title, line);
    }
  }
  function blur() {
    svg.classList.remove("focus");
    svg.querySelectorAll(".on").forEach((el) => el.classList.remove("on"));
  }
  for (const node of nodes.values()) {
    node.addEventListener("mouseenter", () => focus(node));
    node.addEventListener("mouseleave", blur);
    node.addEventListener("focusin", () => focus(node));
    node.addEventListener("focusout", blur);
  }
}

// World and partner maps: a click on a place opens its page (the list under the map has the links).
function enhanceMap(svg) {
  svg.addEventListener("click", (event) => {
    const circle = event.target.closest("circle[data-geonameid]");
    const link = circle && document.querySelector(`a.place-link[data-geonameid="${circle.dataset.geonameid}"]`);
    if (link) window.location.href = link.href;
  });
}

// Timelines: a click on a mark opens the event.
function enhanceTimeline(svg) {
  svg.addEventListener("click", (event) => {
    const mark = event.target.closest("[data-event]");
    if (mark) window.location.href = `/events/${mark.dataset.event}`;
  });
}

document.querySelectorAll("#network svg").forEach(enhanceNetwork);
document.querySelectorAll("#map svg").forEach(enhanceMap);
document.querySelectorAll("#timeline svg").forEach(enhanceTimeline);
