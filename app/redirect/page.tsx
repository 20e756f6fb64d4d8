"use client";

import { useEffect, useState } from "react";

/**
 * The redirect URI registered for the dashboard. MSAL's bridge relays the identity provider's answer to the
 * window that started sign-in (popup, silent iframe) or back to the page that started a redirect sign-in.
 * It lives outside the portal layout so no second MSAL instance consumes the response.
 */
export default function RedirectBridgePage() {
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    import("@azure/msal-browser/redirect-bridge")
      .then(({ broadcastResponseToMainFrame }) => broadcastResponseToMainFrame())
      .catch((error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
  }, []);
  return (
    <main className="mx-auto max-w-lg p-10 text-center">
      {failure ? (
        <div role="alert">
          <h1 className="text-lg font-semibold">Sign-in could not be completed</h1>
          <p className="mt-2 text-sm text-slate-600">{failure}</p>
          {/* A full page load, not client navigation: MSAL starts afresh after a redirect that failed. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a className="mt-4 inline-block text-brand-700 underline" href="/">
            Back to Gallerist
          </a>
        </div>
      ) : (
        <p role="status" className="text-sm text-slate-600">
          Completing sign-in…
        </p>
      )}
    </main>
  );
}
