/** Offices module: the KAUSA office tree (coordination → state office → service centre). */
export { officesRoutes } from './offices.routes';
export {
  countOffices,
  createOffice,
  getOffice,
  listOffices,
  officeSubtreeIds,
  toOffice,
} from './offices.service';
