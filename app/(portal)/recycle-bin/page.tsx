import type { Metadata } from "next";
import { RecycleBin } from "@/components/recycleBin/RecycleBin";

export const metadata: Metadata = { title: "Recycle bin" };

export default function RecycleBinPage() {
  return <RecycleBin />;
}
