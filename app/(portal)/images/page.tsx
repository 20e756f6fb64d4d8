import type { Metadata } from "next";
import { WhatICanUse } from "@/components/consumer/WhatICanUse";

export const metadata: Metadata = { title: "What I can use" };

export default function WhatICanUsePage() {
  return <WhatICanUse />;
}
