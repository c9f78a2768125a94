// Anonymous forms are sent without cookies (credentials: "omit"), so the browser does not send
// the login of Mijn Maatwerk along. Without JavaScript the server drops the cookie itself.
document.addEventListener("submit", async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-anonymous")) return;
  event.preventDefault();
  const body = new FormData(form);
  if (event.submitter && event.submitter.name) body.append(event.submitter.name, event.submitter.value);
  const response = await fetch(form.action || window.location.href, {
    method: "POST",
    body,
    credentials: "omit",
    referrerPolicy: "no-referrer",
  });
  const page = new DOMParser().parseFromString(await response.text(), "text/html");
  const main = page.querySelector("main");
  if (main) {
    document.querySelector("main").replaceWith(main);
    document.title = page.title;
    main.focus();
  }
});
