declare const scopeBrand: unique symbol;

/**
 * The set of offices whose records a query may touch. Repositories that read or write office-owned
 * records take one as a required argument, so a query cannot forget the office filter. Built only
 * here: `allOffices()` (installation-wide, admin tasks) or `officesScope(ids)`.
 */
export type OfficeScope = {
  readonly all: boolean;
  readonly officeIds: readonly string[];
  readonly [scopeBrand]: true;
};

/** Scope over every office of the installation (admin use cases only). */
export function allOffices(): OfficeScope {
  return { all: true, officeIds: [] } as unknown as OfficeScope;
}

/** Scope over the given offices; an empty list matches nothing. */
export function officesScope(ids: readonly string[]): OfficeScope {
  return { all: false, officeIds: [...ids] } as unknown as OfficeScope;
}

/** True when `officeId` lies inside the scope. */
export function inScope(scope: OfficeScope, officeId: string): boolean {
  return scope.all || scope.officeIds.includes(officeId);
}
