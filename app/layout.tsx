import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Gallerist", template: "%s · Gallerist" },
  description: "Azure Compute Gallery portal: galleries, image definitions, versions and their replication.",
};

/**
 * Rendered per request: the Content-Security-Policy (proxy.ts) carries a fresh nonce that Next.js must put on the
 * scripts of every page, which a page prerendered at build time could not have.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
