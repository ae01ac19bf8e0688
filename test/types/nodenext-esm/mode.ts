// ESM only: a dynamic import of a subpath, typed like the static one.
const table = await import('indicator-expr/table');
export const reader: typeof table.readRows = table.readRows;
