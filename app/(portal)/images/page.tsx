import type { Metadata } from "next";
import { ImagesICanUse } from "@/components/consumer/ImagesICanUse";

export const metadata: Metadata = { title: "Images I can use" };

export default function ImagesPage() {
  return <ImagesICanUse />;
}
