/**
 * Inspections (open, covert, supervision checks) and their teams. A covert inspection is secret from its targets
 * until it is completed, and so is everything that belongs to it; a team member who holds a post in a target unit
 * must recuse themselves. Other features reach inspections only through
 * {@link org.zuofeng.inspection.Inspections}, this feature's API for them.
 */
package org.zuofeng.inspection;
