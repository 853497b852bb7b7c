/**
 * Photo, video and document evidence, kept once by content (SHA-256) and never altered or deleted by a request:
 * withdrawn evidence is hidden, its bytes stay. Whoever owns evidence (a finding, an inspection, a response) decides
 * who sees and adds it, as its {@link org.zuofeng.evidence.EvidenceHolder}. Other features read evidence only
 * through {@link org.zuofeng.evidence.EvidenceCatalog}, this feature's API for them.
 */
package org.zuofeng.evidence;
