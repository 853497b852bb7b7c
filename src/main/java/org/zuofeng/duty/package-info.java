/**
 * A unit's power, negative and responsibility lists (权力清单, 负面清单, 责任清单, §二(四)): versions drafted by admins
 * and HR and published by the commission, each published version numbered in order and in effect from its date
 * until a later one supersedes it; published versions never change, and are public by unit code.
 */
package org.zuofeng.duty;
