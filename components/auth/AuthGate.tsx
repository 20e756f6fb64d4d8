"use client";

import { InteractionStatus } from "@azure/msal-browser";
import { useIsAuthenticated, useMsal } from "@azure/msal-react";
import type { ReactNode } from "react";
import { SignInPanel } from "@/components/auth/SignInPanel";
import { AppShell } from "@/components/layout/AppShell";
import { PageStatus } from "@/components/ui/PageStatus";

/** Shows the portal to a signed-in user and the sign-in panel to everyone else, at any URL. */
export function AuthGate({ children }: { children: ReactNode }) {
  const isAuthenticated = useIsAuthenticated();
  const { inProgress } = useMsal();

  if (isAuthenticated) return <AppShell>{children}</AppShell>;
  if (inProgress !== InteractionStatus.None) return <PageStatus kind="loading" title="Signing in…" />;
  return <SignInPanel />;
}
