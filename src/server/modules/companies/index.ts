/**
 * Companies module (issue 5): companies (Betriebe) and the acquisition pipeline — stages with dated
 * history and a kanban board, contact persons, contact log with follow-up tasks (through the cases
 * module), advice checklist towards becoming a training company, duplicate check and merge, bulk
 * insert for imports and the export list. The only writer of `company`, `company_stage_change`,
 * `company_contact_person`, `company_contact` and `company_advice_item`. Never imports the places
 * module: `app.ts` hands it the places' merge handler.
 */
export { advanceCompanyStage, type CompanyAdvance } from './advance.service';
export { bulkInsertCompanies, companyKey, findCompaniesByKeys } from './companies.bulk';
export { type CompaniesRoutesOptions, companiesRoutes } from './companies.routes';
export { type CompanyRecordSeed, seedCompanyRecords } from './companies.seed';
export { createCompany, getCompany, listCompanies, listCompaniesForExport } from './companies.service';
export { buildCompanySearchText, companyNameKey, foldCompanyText } from './companies.text';
export { type CompanyMergeHandler, mergeCompanies } from './merge.service';
export { moveCompanyStage } from './stages.service';
