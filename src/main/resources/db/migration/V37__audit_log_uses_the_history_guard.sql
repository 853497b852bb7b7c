-- The transparency log's tables are guarded by the one function every append-only record uses (V3's
-- refuse_change_of_history), as the transition history is; V29's own copy of it goes. Same refusal, same error code.
drop trigger audit_log_leaves_append_only on audit_log_leaves;
drop trigger audit_log_nodes_append_only on audit_log_nodes;
drop trigger audit_tree_heads_append_only on audit_tree_heads;

create trigger audit_log_leaves_append_only before update or delete on audit_log_leaves
    for each row execute function refuse_change_of_history();
create trigger audit_log_nodes_append_only before update or delete on audit_log_nodes
    for each row execute function refuse_change_of_history();
create trigger audit_tree_heads_append_only before update or delete on audit_tree_heads
    for each row execute function refuse_change_of_history();

drop function audit_log_append_only();
