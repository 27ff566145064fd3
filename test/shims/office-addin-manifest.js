// Stand-in for office-addin-manifest under jest: office-addin-mock only needs the OfficeApp enum,
// and the real package pulls ESM-only dependencies that jest cannot load (Office-Addin-Scripts#653).
module.exports = {
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
};
