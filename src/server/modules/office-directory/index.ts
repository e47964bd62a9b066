/**
 * Office-directory module: the public KAUSA office directory, imported from the programme's office
 * pages (`npm run import:offices`, demo: `data/kausa-offices/`) and served by the office finder.
 */
export {
  type DirectoryField,
  type OfficePageLayout,
  type ParsedOfficePage,
  parseOfficePage,
} from './office-directory.parser';
export { officeDirectoryRoutes } from './office-directory.routes';
export {
  DEMO_OFFICE_PAGES_DIR,
  demoOfficePagePaths,
  findOffices,
  getDirectoryEntry,
  importOfficePages,
  linkDirectoryEntriesByName,
  linkDirectoryEntry,
  type OfficePageFile,
  type OfficePageImport,
  readOfficePages,
  seedOfficeDirectory,
} from './office-directory.service';
