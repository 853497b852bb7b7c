/**
 * The 亲清 register of officials' dealings with business (政商交往报备): an official declares a contact with a
 * business (its 统一社会信用代码 checked as GB 32100-2015 defines it), or a unit officer declares it on their behalf;
 * the server raises red flags by configured rules, each with a stable code; the commission reviews each declaration
 * (accepted, questioned with a reason, or referred as a clue). Owns {@code business_contacts}. Searchable by business
 * across officials and by official; counted by kind and flag; declarations and reviews on the event feed.
 */
package org.zuofeng.contacts;
