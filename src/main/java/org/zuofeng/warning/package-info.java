/**
 * Warning education (警示教育): typical cases (典型案例) drafted by the commission from decided accountability cases,
 * de-identified the way bulletins write them (张某某, the kind of unit and the post) and refused when they name the
 * official or carry an ID number, approved by a second person and published; and the sessions a unit holds to study
 * them, counted per unit and year. Owns {@code typical_cases} and {@code warning_sessions}.
 */
package org.zuofeng.warning;
