/** What a gallery's sharingProfile.permissions means to a reader. */
export function sharingLabel(permissions: string | undefined): string {
  switch ((permissions ?? "Private").toLowerCase()) {
    case "groups":
      return "Shared directly";
    case "community":
      return "Community";
    default:
      return "Private (RBAC)";
  }
}
