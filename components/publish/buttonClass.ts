/** The publish pages' button styles, apart from the form fields so a page with only buttons does not load react-hook-form. */
export const buttonClass = {
  primary:
    "rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60",
  secondary:
    "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50 disabled:opacity-60",
  danger:
    "rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-red-800 disabled:opacity-60",
  link: "text-sm font-medium text-brand-700 underline-offset-2 hover:underline",
} as const;
