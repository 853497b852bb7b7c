/**
 * Bulk export of a list in NDJSON or CSV, made in the background as the requester: the job reads the list's own
 * query, page by page, into a file, so an export holds exactly the rows the list shows its requester.
 */
package org.zuofeng.exports;
