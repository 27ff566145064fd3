/** The pane's compute steps, shown under its progress bar. Keys start with "compute.". French has the same keys. */
export const en = {
  "compute.progress.sending": "Handing the rows to the calculation…",
  "compute.progress.computing": "Calculating the segments…",
  "compute.progress.receiving": "Collecting the results…",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "compute.progress.sending": "Transmission des lignes au calcul…",
  "compute.progress.computing": "Calcul des segments…",
  "compute.progress.receiving": "Récupération des résultats…",
};
