// The policy lives in the query layer, next to the keys it matches; hooks import it from here.
export { invalidateRunQueries } from "../query/invalidateRunQueries";
