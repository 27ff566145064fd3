/** Messages of the excel area. Keys start with "excel.". French must have exactly the same keys. */
export const en = {
  "excel.progress.reading": "Reading the table",
  "excel.progress.addingColumns": "Adding columns",
  "excel.progress.writingValues": "Writing values",
  "excel.progress.writingFormats": "Writing number formats",
  "excel.progress.writingFills": "Colouring segments",
  "excel.progress.writingSheet": "Writing the {sheet} sheet",
  "excel.error.sheetNotFound": 'The sheet "{name}" is no longer in this workbook.',
  "excel.error.invalidAddress": 'The address "{address}" is not a cell address such as B8.',
  "excel.error.cancelled": "Cancelled before the end. Nothing else will be written.",
  "excel.error.tableNotFound":
    "The table {table} is no longer in this workbook. Select a cell in your customer table and try again.",
  "excel.error.noSelection": "Select a range with a header row and at least one row of data, then try again.",
  "excel.error.selectionInTable": "The selection is already part of the table {table}.",
  "excel.error.selectionTooSmall":
    "The selection {address} needs a header row and at least one row of data to become a table.",
  "excel.error.nameTaken":
    'A column named "{header}" already exists in {table} and is not one of ours, so it was left untouched. Choose another name.',
  "excel.error.sheetNameTaken":
    'A sheet named "{name}" already exists and is not one of ours, so it was left untouched. Rename it, or apply again to use another name.',
  "excel.error.tableNameTaken":
    'A table named "{name}" already exists elsewhere in the workbook. Rename it, or let us use another name.',
  "excel.error.duplicateHeader": 'The column "{header}" is listed twice in one write. Give each column its own name.',
  "excel.error.columnLength":
    'The column "{header}" has {count} values but the table {table} has {rows} rows. Refresh and try again.',
  "excel.error.invalidValue":
    'The column "{header}" has a value Excel cannot store at row {row} (not a finite number). Nothing was written.',
  "excel.error.sheetProtected": "The sheet or workbook is protected. Unprotect it (Review > Unprotect) and try again.",
  "excel.error.cellEditMode": "Excel is busy editing a cell. Press Enter or Esc in the grid, then try again.",
  "excel.error.tooLarge": "Excel refused a request as too large. Try again; if it keeps failing, use a smaller table.",
  "excel.error.notSupported":
    "This needs a newer Excel (API set ExcelApi {version}). Update Office or use Excel on the web.",
  "excel.error.busy": "Excel is busy or the workbook changed meanwhile. Wait a moment and try again.",
  "excel.error.unexpected": "Excel could not complete the operation ({code}). Try again.",
  "excel.written.partial":
    "These columns were written before the stop: {headers}. Your own columns were not changed; use Remove to delete ours.",
  "excel.written.none": "Nothing was written; your workbook is unchanged.",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "excel.progress.reading": "Lecture du tableau",
  "excel.progress.addingColumns": "Ajout des colonnes",
  "excel.progress.writingValues": "Écriture des valeurs",
  "excel.progress.writingFormats": "Écriture des formats de nombre",
  "excel.progress.writingFills": "Coloration des segments",
  "excel.progress.writingSheet": "Écriture de la feuille {sheet}",
  "excel.error.sheetNotFound": "La feuille « {name} » n'est plus dans ce classeur.",
  "excel.error.invalidAddress": "L'adresse « {address} » n'est pas une adresse de cellule comme B8.",
  "excel.error.cancelled": "Annulé avant la fin. Rien d'autre ne sera écrit.",
  "excel.error.tableNotFound":
    "Le tableau {table} n'existe plus dans ce classeur. Sélectionnez une cellule de votre tableau clients et réessayez.",
  "excel.error.noSelection":
    "Sélectionnez une plage avec une ligne d'en-têtes et au moins une ligne de données, puis réessayez.",
  "excel.error.selectionInTable": "La sélection fait déjà partie du tableau {table}.",
  "excel.error.selectionTooSmall":
    "La sélection {address} doit comporter une ligne d'en-têtes et au moins une ligne de données pour devenir un tableau.",
  "excel.error.nameTaken":
    "Une colonne « {header} » existe déjà dans {table} et ne nous appartient pas : elle n'a pas été modifiée. Choisissez un autre nom.",
  "excel.error.sheetNameTaken":
    "Une feuille « {name} » existe déjà et ne nous appartient pas : elle n'a pas été modifiée. Renommez-la, ou appliquez de nouveau pour utiliser un autre nom.",
  "excel.error.tableNameTaken":
    "Un tableau nommé « {name} » existe déjà ailleurs dans le classeur. Renommez-le ou laissez-nous utiliser un autre nom.",
  "excel.error.duplicateHeader":
    "La colonne « {header} » figure deux fois dans la même écriture. Donnez un nom distinct à chaque colonne.",
  "excel.error.columnLength":
    "La colonne « {header} » contient {count} valeurs mais le tableau {table} a {rows} lignes. Actualisez et réessayez.",
  "excel.error.invalidValue":
    "La colonne « {header} » contient à la ligne {row} une valeur qu'Excel ne peut pas enregistrer (nombre non fini). Rien n'a été écrit.",
  "excel.error.sheetProtected":
    "La feuille ou le classeur est protégé. Ôtez la protection (Révision > Ôter la protection) et réessayez.",
  "excel.error.cellEditMode":
    "Excel est en train de modifier une cellule. Appuyez sur Entrée ou Échap dans la grille, puis réessayez.",
  "excel.error.tooLarge":
    "Excel a refusé une requête trop volumineuse. Réessayez ; si l'erreur persiste, utilisez un tableau plus petit.",
  "excel.error.notSupported":
    "Cette fonction nécessite un Excel plus récent (ensemble d'API ExcelApi {version}). Mettez Office à jour ou utilisez Excel pour le web.",
  "excel.error.busy": "Excel est occupé ou le classeur a changé entre-temps. Patientez un instant et réessayez.",
  "excel.error.unexpected": "Excel n'a pas pu terminer l'opération ({code}). Réessayez.",
  "excel.written.partial":
    "Ces colonnes ont été écrites avant l'arrêt : {headers}. Vos propres colonnes n'ont pas été modifiées ; utilisez Supprimer pour effacer les nôtres.",
  "excel.written.none": "Rien n'a été écrit ; votre classeur est inchangé.",
};
