/**
 * The district's unit tree (towns, departments, villages), each unit with its path of ancestors. Units are never
 * deleted, only dissolved, and only once no other feature objects ({@link org.zuofeng.unit.UnitDissolutionGuard}).
 * Other features reach units only through {@link org.zuofeng.unit.Units}, this feature's API for them.
 */
package org.zuofeng.unit;
