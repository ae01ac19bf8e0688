// CommonJS before `exports`: the subpath comes from typesVersions.
import lib = require('indicator-expr');
import table = require('indicator-expr/table');
const t: lib.Target = lib.parseTarget('≥95%');
export const json: lib.TargetJSON = lib.toJSON(t);
export const reader: typeof table.readRows = table.readRows;
