import type { PublicClient } from "./clients.js";
import type { SignInChoice } from "./tenancy.js";

/**
 * The identity provider's HTML: server-rendered, self-contained (inline CSS, no external resources), with
 * labelled fields and buttons whose accessible names say who signs in.
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const STYLE = `
  :root { color-scheme: light; font-family: "Segoe UI", system-ui, sans-serif; color: #1b1b1b; background: #f2f2f2; }
  body { margin: 0; padding: 2rem 1rem; }
  main { max-width: 34rem; margin: 0 auto; background: #fff; padding: 2rem 2.5rem; box-shadow: 0 2px 6px rgba(0,0,0,.2); }
  h1 { font-size: 1.5rem; font-weight: 600; margin: 0 0 .25rem; }
  h2 { font-size: 1.05rem; font-weight: 600; margin: 1.75rem 0 .5rem; }
  h3 { font-size: .9rem; font-weight: 600; margin: 1rem 0 .4rem; color: #444; }
  .sub { margin: 0 0 1rem; color: #555; }
  ul { list-style: none; margin: 0; padding: 0; }
  li + li { margin-top: .4rem; }
  .account { display: grid; grid-template-columns: 1fr auto; gap: 0 1rem; width: 100%; text-align: left; padding: .6rem .8rem;
    font: inherit; background: #fff; border: 1px solid #8a8886; border-radius: 2px; cursor: pointer; }
  .account:hover, .account:focus-visible { background: #f3f2f1; }
  .account:focus-visible, input:focus-visible, .primary:focus-visible { outline: 2px solid #0067b8; outline-offset: 2px; }
  .account.hinted { border-color: #0067b8; border-width: 2px; }
  .name { font-weight: 600; }
  .upn { grid-column: 1; color: #444; font-size: .9rem; }
  .persona { grid-row: 1 / span 2; grid-column: 2; align-self: center; font-size: .8rem; background: #e1dfdd; padding: .1rem .5rem; border-radius: 1rem; }
  label { display: block; margin: .8rem 0 .25rem; font-weight: 600; }
  input[type=email], input[type=text], input[type=password] { width: 100%; box-sizing: border-box; padding: .5rem; font: inherit; border: 1px solid #8a8886; }
  .primary { margin-top: 1rem; padding: .5rem 1.5rem; font: inherit; color: #fff; background: #0067b8; border: 0; cursor: pointer; }
  .alert { border-left: 4px solid #a4262c; background: #fde7e9; padding: .75rem 1rem; margin: 1rem 0; }
  .alert p { margin: 0; }
  .alert p + p { margin-top: .5rem; font-size: .9rem; }
  footer { margin-top: 2rem; font-size: .8rem; color: #605e5c; }
`;

function document(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
<footer>Gallerist emulator of Microsoft Entra ID. Development identities only.</footer>
</main>
</body>
</html>`;
}

function hiddenFields(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("\n");
}

function errorAlert(message: string | undefined): string {
  return message ? `<div class="alert" role="alert"><p>${escapeHtml(message)}</p></div>` : "";
}

export function signInPage(input: {
  action: string;
  client: PublicClient;
  choices: SignInChoice[];
  params: Record<string, string>;
  loginHint?: string;
  error?: string;
}): string {
  const hint = input.loginHint?.toLowerCase();
  const groups = input.choices
    .map(({ tenant, users }) => {
      const items = users
        .map(({ user, guest }) => {
          const upn = user.upn ?? "";
          const hinted = hint !== undefined && upn.toLowerCase() === hint;
          const persona = [user.persona ? `Persona: ${user.persona}` : "", guest ? "Guest" : ""]
            .filter(Boolean)
            .join(" · ");
          return `<li><button type="submit" name="login_upn" value="${escapeHtml(upn)}" class="account${hinted ? " hinted" : ""}"${hinted ? " autofocus" : ""}>
<span class="name">${escapeHtml(user.displayName)}</span>
<span class="upn">${escapeHtml(upn)}</span>
${persona ? `<span class="persona">${escapeHtml(persona)}</span>` : ""}
</button></li>`;
        })
        .join("\n");
      return `<h3>${escapeHtml(tenant.displayName)} <span class="sub">(${escapeHtml(tenant.defaultDomain)})</span></h3>
<ul aria-label="Accounts of ${escapeHtml(tenant.displayName)}">
${items}
</ul>`;
    })
    .join("\n");

  return document(
    "Sign in to your account",
    `<h1>Sign in</h1>
<p class="sub">to continue to ${escapeHtml(input.client.displayName)}</p>
${errorAlert(input.error)}
<section aria-labelledby="pick-heading">
<h2 id="pick-heading">Pick an account</h2>
<form method="post" action="${escapeHtml(input.action)}">
${hiddenFields(input.params)}
${groups || "<p>No users in this directory.</p>"}
</form>
</section>
<section aria-labelledby="password-heading">
<h2 id="password-heading">Sign in with a password</h2>
<form method="post" action="${escapeHtml(input.action)}">
${hiddenFields(input.params)}
<label for="username">Username</label>
<input id="username" name="username" type="email" autocomplete="username" required value="${escapeHtml(input.loginHint ?? "")}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit" class="primary">Sign in</button>
</form>
</section>`,
  );
}

export function errorPage(message: string): string {
  return document(
    "Sign in to your account",
    `<h1>Sign in</h1>
<div class="alert" role="alert"><p>Sorry, but we’re having trouble signing you in.</p><p>${escapeHtml(message)}</p></div>`,
  );
}

export function signedOutPage(): string {
  return document(
    "Signed out",
    `<h1>You signed out of your account</h1>\n<p>It’s a good idea to close all browser windows.</p>`,
  );
}

/** response_mode=form_post: the browser posts the response to the app. */
export function formPostPage(action: string, params: Record<string, string>): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Working...</title></head>
<body>
<form method="post" action="${escapeHtml(action)}">
${hiddenFields(params)}
<noscript><p>Script is disabled. Click Submit to continue.</p><button type="submit">Submit</button></noscript>
</form>
<script>document.forms[0].submit();</script>
</body>
</html>`;
}
