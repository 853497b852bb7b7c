-- The full statutory ladders: party discipline, government sanctions, and the organisational measures.
alter table case_decisions drop constraint ck_decisions_measures;
alter table case_decisions add constraint ck_decisions_measures check (cardinality(measures) >= 1
    and measures <@ array['ADMONISHMENT_TALK', 'CRITICISM_BULLETIN', 'TRANSFER', 'PARTY_WARNING',
        'SERIOUS_PARTY_WARNING', 'REMOVAL_FROM_PARTY_POST', 'PARTY_PROBATION', 'EXPULSION_FROM_PARTY',
        'GOVERNMENT_WARNING', 'DEMERIT', 'MAJOR_DEMERIT', 'DEMOTION_IN_GRADE', 'REMOVAL_FROM_OFFICE', 'EXPULSION',
        'ORDERED_RESIGNATION', 'DEMOTION', 'DISMISSAL', 'TERMINATION_OF_POST']::varchar(32)[]);
