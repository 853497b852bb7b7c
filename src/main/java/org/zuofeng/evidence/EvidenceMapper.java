package org.zuofeng.evidence;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.zuofeng.common.time.Times;

/** Evidence to the wire. */
@Mapper(uses = Times.class)
public interface EvidenceMapper {

    @Mapping(target = "uploadedAt", source = "createdAt")
    @Mapping(target = "uploadedBy", source = "createdBy")
    @Mapping(target = "provenance", expression = "java(provenanceOf(evidence))")
    EvidenceView toView(Evidence evidence);

    /** The capture's provenance as judged when its bytes were complete. */
    default Provenance provenanceOf(Evidence evidence) {
        return new Provenance(evidence.provenance, evidence.provenanceReason, Times.toWire(evidence.signedCapturedAt),
                evidence.signedLatitude == null ? null
                        : new Provenance.Place(evidence.signedLatitude, evidence.signedLongitude),
                evidence.deviceKeyId, evidence.c2paManifest);
    }
}
