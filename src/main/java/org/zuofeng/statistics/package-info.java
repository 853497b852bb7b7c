/**
 * Statistics: the figures the commission reports each year (inspections, findings, notices, officials dealt with,
 * assessments, unit rankings), assembled from each feature's own aggregate queries under the read rule of its
 * records, so that every caller gets the figures of what it may read.
 */
package org.zuofeng.statistics;
