/**
 * Annual assessments of officials, leadership teams and village cadres: scored against a scheme (the server grades),
 * put out to public notice within the unit's quota of excellent grades, objected to, made final. A village cadre
 * graded 不称职 two years running loses their two-committees post ({@link org.zuofeng.assessment.TwoStrikes}).
 */
package org.zuofeng.assessment;
