/** Reconcile-record strings added with the workload controllers: flat 'record.<controller>.<what>' keys. */
const records: Record<string, string> = {};

export default records;
