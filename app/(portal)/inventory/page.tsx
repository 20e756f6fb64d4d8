import type { Metadata } from "next";
import { InventoryTable } from "@/components/inventory/InventoryTable";

export const metadata: Metadata = { title: "Inventory" };

export default function InventoryPage() {
  return <InventoryTable />;
}
