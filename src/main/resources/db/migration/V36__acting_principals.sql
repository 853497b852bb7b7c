-- Acting heads (主持工作 / 代理): a post can be held as the unit's acting principal, at most one per unit on any day.
-- Where a unit has no principal, its acting principal answers as its head (summons, 一案双查).
alter table posts drop constraint ck_posts_role;
alter table posts add constraint ck_posts_role check (role in ('PRINCIPAL', 'ACTING_PRINCIPAL', 'DEPUTY_IN_CHARGE',
                                                              'LEADERSHIP_MEMBER', 'STAFF', 'TWO_COMMITTEES_MEMBER'));
alter table posts add constraint ex_posts_one_acting_principal exclude using gist (
    unit_id with =,
    daterange(start_date, end_date, '[]') with &&
) where (role = 'ACTING_PRINCIPAL');
