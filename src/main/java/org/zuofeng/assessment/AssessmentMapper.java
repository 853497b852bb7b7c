package org.zuofeng.assessment;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.zuofeng.common.time.Times;

import java.util.List;

/** Assessments to the wire; the subject's and unit's names and the objections come from other rows. */
@Mapper(uses = Times.class)
interface AssessmentMapper {

    @Mapping(target = "rewardEligible", expression = "java(assessment.grade == Grade.EXCELLENT)")
    AssessmentView toView(Assessment assessment, String subjectName, String unitName,
            List<AssessmentView.ObjectionView> objections);

    @Mapping(target = "raisedAt", source = "createdAt")
    AssessmentView.ObjectionView toView(Objection objection);
}
