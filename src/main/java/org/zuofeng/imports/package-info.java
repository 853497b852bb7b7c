/**
 * Bulk import of units, officials and posts from the personnel system (CSV or NDJSON): an upsert through the ordinary
 * services, in batches, with a report per row; a refused row leaves nothing behind.
 */
package org.zuofeng.imports;
